"""Errors a domain service raises; the API turns them into typed, plain-English user errors."""

from dataclasses import dataclass
from enum import StrEnum


class ErrorCode(StrEnum):
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    FORBIDDEN = "FORBIDDEN"
    CONFLICT = "CONFLICT"


@dataclass(frozen=True)
class Problem:
    path: tuple[str, ...]
    message: str
    code: ErrorCode = ErrorCode.INVALID


class DomainError(Exception):
    """One or more problems; the whole operation is abandoned and nothing is written."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def invalid(path: tuple[str, ...], message: str) -> DomainError:
    return DomainError(Problem(path, message, ErrorCode.INVALID))


def not_found(path: tuple[str, ...], what: str) -> DomainError:
    return DomainError(Problem(path, f"No {what} with that id exists, or you may not see it.", ErrorCode.NOT_FOUND))


def forbidden(path: tuple[str, ...], message: str) -> DomainError:
    return DomainError(Problem(path, message, ErrorCode.FORBIDDEN))


def conflict(path: tuple[str, ...], message: str) -> DomainError:
    return DomainError(Problem(path, message, ErrorCode.CONFLICT))

"""Errors a domain service raises; the API turns them into typed, plain-English user errors.

However big or broken a request is, its errors stay small: a value a client sent is echoed at
most ECHO_CHARS long, a message is at most MESSAGE_CHARS, and one error holds at most
MAX_PROBLEMS problems and a last one saying how many more there were.
"""

from dataclasses import dataclass
from enum import StrEnum

ECHO_CHARS = 100
MESSAGE_CHARS = 500
MAX_PROBLEMS = 50


class ErrorCode(StrEnum):
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    FORBIDDEN = "FORBIDDEN"
    CONFLICT = "CONFLICT"
    UNAVAILABLE = "UNAVAILABLE"  # nothing is wrong with the request: try it again later


def echo(value: object, limit: int = ECHO_CHARS) -> str:
    """A value a client sent, cut short to quote in a message."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Problem:
    path: tuple[str, ...]
    message: str
    code: ErrorCode = ErrorCode.INVALID

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", tuple(echo(p) for p in self.path))
        object.__setattr__(self, "message", echo(self.message, MESSAGE_CHARS))


def bounded(problems: tuple[Problem, ...]) -> tuple[Problem, ...]:
    """The first MAX_PROBLEMS problems, and one more saying how many were left out."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    more = len(problems) - MAX_PROBLEMS
    return (*problems[:MAX_PROBLEMS], Problem(("input",), f"… and {more:,} more problems; correct those above and try again."))


class DomainError(Exception):
    """One or more problems; the whole operation is abandoned and nothing is written."""

    def __init__(self, *problems: Problem) -> None:
        self.problems = bounded(problems)
        super().__init__("; ".join(p.message for p in self.problems))


def invalid(path: tuple[str, ...], message: str) -> DomainError:
    return DomainError(Problem(path, message, ErrorCode.INVALID))


def not_found(path: tuple[str, ...], what: str) -> DomainError:
    return DomainError(Problem(path, f"No {what} with that id exists, or you may not see it.", ErrorCode.NOT_FOUND))


def forbidden(path: tuple[str, ...], message: str) -> DomainError:
    return DomainError(Problem(path, message, ErrorCode.FORBIDDEN))


def conflict(path: tuple[str, ...], message: str) -> DomainError:
    return DomainError(Problem(path, message, ErrorCode.CONFLICT))

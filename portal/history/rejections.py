"""What an import refuses, located by file, line and field."""

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, order=True)
class Rejection:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field + ': ' if self.field else ''}{self.message}"


class FileRefused(Exception):
    """A file as a whole cannot be read (not there, not text, not the expected shape)."""

    def __init__(self, rejection: Rejection) -> None:
        super().__init__(str(rejection))
        self.rejection = rejection


class Problems:
    """Collects one file's rejections; a field's check returns None when it is refused."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.found: list[Rejection] = []

    def add(self, line: int, field: str, message: str) -> None:
        self.found.append(Rejection(self.file, line, field, message))

    def date(self, line: int, field: str, text: str, *, required: bool, style: str = "dmy") -> date | None:
        text = text.strip()
        if not text:
            if required:
                self.add(line, field, "is missing: give a date")
            return None
        try:
            if style == "dmy":
                return datetime.strptime(text, "%d/%m/%Y").date()
            return date.fromisoformat(text)
        except ValueError:
            self.add(line, field, f"{text[:40]!r} is not a date ({'dd/mm/yyyy' if style == 'dmy' else 'yyyy-mm-dd'})")
            return None

    def code(self, line: int, field: str, text: str, codes: frozenset[str] | dict[str, str], *, required: bool) -> str:
        text = text.strip().upper()
        if not text:
            if required:
                self.add(line, field, "is missing: give one of the DfE codes")
            return ""
        if text not in codes:
            self.add(line, field, f"{text[:20]!r} is not a DfE code for {field}")
        return text

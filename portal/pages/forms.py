"""GOV.UK error patterns for forms: a mutation's typed errors, found by their input path, become a
message beside the field they are about and a link to it in the error summary at the top."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Path = tuple[str, ...]


@dataclass(frozen=True)
class FormErrors:
    """Messages by field id, in the order the mutation gave them."""

    by_field: dict[str, list[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.by_field)

    def summary(self) -> list[dict[str, str]]:
        """The error summary's list: each message, linking to its field."""
        return [{"text": message, "href": f"#{field_id}"} for field_id, messages in self.by_field.items() for message in messages]

    def message(self, field_id: str) -> dict[str, str] | None:
        """The errorMessage parameter of a GOV.UK macro for this field, or None."""
        messages = self.by_field.get(field_id)
        return {"text": " ".join(messages)} if messages else None

    @classmethod
    def one(cls, field_id: str, message: str) -> "FormErrors":
        return cls({field_id: [message]})

    def __or__(self, other: "FormErrors") -> "FormErrors":
        merged = {k: list(v) for k, v in self.by_field.items()}
        for field_id, messages in other.by_field.items():
            merged.setdefault(field_id, []).extend(messages)
        return FormErrors(merged)


def form_errors(errors: Sequence[Mapping[str, Any]], fields: Mapping[Path, str], fallback: str) -> FormErrors:
    """Place each error on the field whose input path is the longest start of the error's path;
    an error no field matches goes to `fallback`, so none is lost."""
    placed: dict[str, list[str]] = {}
    for error in errors:
        path = tuple(str(p) for p in error.get("path") or ())
        match = next((fields[path[:n]] for n in range(len(path), 0, -1) if path[:n] in fields), fallback)
        placed.setdefault(match, []).append(error["message"])
    return FormErrors(placed)

"""The report form's fields: what the browser sent, as the mutations' input, and the mutations'
typed error paths mapped back onto the fields they are about."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from portal.pages.forms import FormErrors, Path

SCORES = [str(n) for n in range(11)]
SCALE_ITEMS = [{"value": score, "text": score} for score in SCORES]  # the safety scale's radio buttons
REPORT = "report"  # the form's own id: where an error about the report as a whole is shown
BAD_SCORE = "Choose a score from 0 (not safe) to 10 (safe enough to close the case)."


def section_field(section_id: str) -> str:
    return f"section-{section_id}"


def scale_field(child_id: str) -> str:
    return f"scale-{child_id}"


@dataclass(frozen=True)
class ReportForm:
    """What the person typed or chose, kept as typed so a page with errors shows all of it again."""

    texts: dict[str, str] = field(default_factory=dict)
    scores: dict[str, str] = field(default_factory=dict)
    reason: str = ""

    @classmethod
    def from_contribution(cls, contribution: Mapping[str, Any] | None) -> "ReportForm":
        if contribution is None:
            return cls()
        return cls(
            texts={s["id"]: s["text"]["source"] for s in contribution["sections"]},
            scores={s["childId"]: str(s["score"]) for s in contribution["scales"]},
        )

    @classmethod
    def from_post(cls, form: Mapping[str, Any], sections: Sequence[Mapping[str, Any]], children: Sequence[Mapping[str, Any]]) -> "ReportForm":
        def typed(name: str) -> str:
            value = form.get(name)
            return value.replace("\r\n", "\n") if isinstance(value, str) else ""

        return cls(
            texts={s["id"]: typed(section_field(s["id"])) for s in sections},
            scores={c["id"]: typed(scale_field(c["id"])) for c in children if typed(scale_field(c["id"]))},
            reason=typed("reason"),
        )

    def own_errors(self) -> FormErrors:
        """A score no radio button sends (the form was tampered with) is refused before any mutation runs."""
        bad = [child_id for child_id, score in self.scores.items() if score not in SCORES]
        return FormErrors({scale_field(child_id): [BAD_SCORE] for child_id in bad})

    def content(self, sections: Sequence[Mapping[str, Any]]) -> dict[str, list[dict[str, Any]]]:
        """Every section in the agency's order (an empty one clears it) and each chosen scale."""
        return {
            "sections": [{"sectionId": s["id"], "text": self.texts.get(s["id"], "")} for s in sections],
            "scales": [{"childId": child_id, "score": int(score)} for child_id, score in self.scores.items()],
        }

    def fields(self, sections: Sequence[Mapping[str, Any]]) -> dict[Path, str]:
        """Input paths (as content() numbers them, or by section id) to the field ids on the page."""
        found: dict[Path, str] = {("input", "reason"): "reason"}
        for index, section in enumerate(sections):
            found[("input", "sections", str(index))] = found[("input", "sections", section["id"])] = section_field(section["id"])
        for index, child_id in enumerate(self.scores):
            found[("input", "scales", str(index))] = scale_field(child_id)
        return found

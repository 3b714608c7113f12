"""One judge per kind of criterion: free-text content, safety scales, and the two timeliness checks."""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from portal.audit.contribution import Contribution
from portal.audit.results import CriterionResult, Evidence, Level
from portal.audit.rubric import Criterion, LookFor, Rubric, compile_patterns
from portal.audit.text import (
    PreparedText,
    TextPattern,
    is_label,
    normalise,
    shorten,
    without_sentences_matching,
    word_count,
)

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True, slots=True)
class TextRules:
    """The rubric-wide text rules, compiled once."""

    placeholders: frozenset[str]
    labels: frozenset[str]
    not_applicable: TextPattern | None

    @classmethod
    def of(cls, rubric: Rubric) -> "TextRules":
        return cls(
            frozenset(normalise(p) for p in rubric.placeholders),
            frozenset(normalise(label) for label in rubric.labels),
            text_pattern(rubric.not_applicable_phrases) if rubric.not_applicable_phrases else None,
        )


def text_pattern(patterns: tuple[str, ...]) -> TextPattern:
    unicode = compile_patterns(patterns)
    uses_space = "\\s" in unicode.pattern.lower()
    return TextPattern(unicode, unicode if uses_space else compile_patterns(patterns, re.ASCII))


@dataclass(frozen=True, slots=True)
class ContentJudge:
    criterion: Criterion
    searches: tuple[tuple[LookFor, TextPattern], ...]
    rules: TextRules
    not_applicable: TextPattern | None
    all_advice: tuple[str, ...]

    @classmethod
    def of(cls, criterion: Criterion, rules: TextRules) -> "ContentJudge":
        return cls(
            criterion,
            tuple((lf, text_pattern(lf.patterns)) for lf in criterion.look_for),
            rules,
            rules.not_applicable if criterion.allows_not_applicable else None,
            tuple(lf.advice for lf in criterion.look_for),
        )

    def __call__(self, contribution: Contribution, texts: dict[str, PreparedText]) -> CriterionResult:
        c = self.criterion
        placeholders = self.rules.placeholders
        present = []
        substantive = []
        for section_id in c.sections:
            t = texts.get(section_id)
            if t is not None:
                present.append(t)
                if t.normal not in placeholders:
                    substantive.append(t)
        if not substantive:
            if not present:
                return self._not_met(f"no mention of {c.title.lower()}", ())
            t = present[0]
            quote = shorten(t.source)
            return self._not_met(f"'{t.section_id}' says only '{quote}'", (Evidence(quote, t.section_id),))

        if self.not_applicable is not None:
            result = self._not_applicable(substantive, self.not_applicable)
            if result is not None:
                return result

        words = sum(t.words for t in substantive)
        if words < c.min_words:
            t = substantive[0]
            evidence = (Evidence(shorten(t.source, 240), t.section_id),)
            if is_label(" ".join(x.source for x in substantive), self.rules.labels):
                return self._not_met(f"a label ('{shorten(t.source)}'), not a statement", evidence)
            return self._not_met(
                f"too brief ({words} word{'s' * (words != 1)}; at least {c.min_words} needed)", evidence
            )

        # Keyed by (quote, section id): a dict keeps the first-found order and drops repeats.
        quotes: dict[tuple[str, str], None] = {}
        found: list[str] = []
        missing: list[LookFor] = []
        for look_for, pattern in self.searches:
            for t in substantive:
                match = (pattern.ascii if t.ascii else pattern.unicode).search(t.lower)
                if match:
                    found.append(look_for.name)
                    quotes[t.sentence_at(match.start()), t.section_id] = None
                    break
            else:
                missing.append(look_for)
        evidence = tuple(Evidence(quote, section_id) for quote, section_id in quotes)
        if not missing:
            return CriterionResult(c.id, Level.MET, f"states {', '.join(found)}", evidence)
        missing_names = ", ".join(lf.name for lf in missing)
        advice = tuple(lf.advice for lf in missing)
        if len(found) >= c.partly_min_found:
            reason = f"states {', '.join(found)}; no mention of {missing_names}"
            return CriterionResult(c.id, Level.PARTLY_MET, reason, evidence, advice)
        return CriterionResult(c.id, Level.NOT_MET, f"no mention of {missing_names}", evidence, advice)

    def _not_met(self, reason: str, evidence: tuple[Evidence, ...]) -> CriterionResult:
        return CriterionResult(self.criterion.id, Level.NOT_MET, reason, evidence, self.all_advice)

    def _not_applicable(self, substantive: list[PreparedText], phrases: TextPattern) -> CriterionResult | None:
        hit = next(((t, m) for t in substantive if (m := t.search_once(phrases))), None)
        if hit is None:
            return None
        rest = sum(word_count(without_sentences_matching(t.lower, phrases.unicode)) for t in substantive)
        if rest >= self.criterion.min_words:
            return None
        quote = hit[0].sentence_at(hit[1].start())
        return CriterionResult(
            self.criterion.id,
            Level.NOT_APPLICABLE,
            f"the practice states it holds no information: '{shorten(quote)}'",
            (Evidence(quote, hit[0].section_id),),
        )


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _local(moment: datetime) -> str:
    """'%d %b %Y %H:%M' in England, without strftime's cost."""
    local = moment.astimezone(LONDON)
    return f"{local.day:02d} {MONTHS[local.month - 1]} {local.year} {local.hour:02d}:{local.minute:02d}"


def _span(delta: timedelta) -> str:
    hours = delta.total_seconds() / 3600
    if hours < 48:
        return f"{max(1, round(hours))} hour{'s' * (round(hours) != 1)}"
    return f"{round(hours / 24)} days"


def judge_submitted_on_time(
    criterion: Criterion, contribution: Contribution, texts: dict[str, PreparedText]
) -> CriterionResult:
    due = contribution.invitation.report_due_at if contribution.invitation else None
    starts = contribution.conference.scheduled_at
    submitted = contribution.submitted_at
    if due is None:
        level = Level.NOT_APPLICABLE if criterion.allows_not_applicable else Level.NOT_MET
        return CriterionResult(criterion.id, level, "the invitation set no due time")
    due_quote = Evidence(f"due {_local(due)}", field="invitation.reportDueAt")
    if submitted is None:
        advice = (criterion.missing_advice, f"The report is due by {_local(due)}.")
        return CriterionResult(criterion.id, Level.NOT_MET, "not submitted", (due_quote,), advice)
    evidence = (Evidence(f"submitted {_local(submitted)}", field="submittedAt"), due_quote)
    if submitted <= due:
        return CriterionResult(criterion.id, Level.MET, "submitted by the due time", evidence)
    late = _span(submitted - due)
    if submitted < starts:
        return CriterionResult(
            criterion.id, Level.PARTLY_MET, f"submitted {late} late, before the conference", evidence
        )
    return CriterionResult(
        criterion.id, Level.NOT_MET, f"submitted {late} late, after the conference started", evidence
    )


def judge_shared_with_family(
    criterion: Criterion, contribution: Contribution, texts: dict[str, PreparedText]
) -> CriterionResult:
    conference_day = contribution.conference.scheduled_at.astimezone(LONDON).date()
    family_due = contribution.invitation.family_due_at if contribution.invitation else None
    deadline: date | None = family_due.astimezone(LONDON).date() if family_due else None
    shared = contribution.shared_with_family_on
    if shared is None:
        return CriterionResult(
            criterion.id, Level.NOT_MET, "no date shared with the family recorded", (), (criterion.missing_advice,)
        )
    evidence = [Evidence(f"shared {shared:%d %b %Y}", field="sharedWithFamilyOn")]
    if deadline is not None:
        evidence.append(Evidence(f"family deadline {_local(family_due)}", field="invitation.familyDueAt"))  # type: ignore[arg-type]
    evidence.append(Evidence(f"conference {conference_day:%d %b %Y}", field="conference.scheduledAt"))
    if shared >= conference_day:
        return CriterionResult(criterion.id, Level.NOT_MET, "shared on or after the conference day", tuple(evidence))
    if deadline is None or shared <= deadline:
        reason = "shared by the family deadline" if deadline else "shared before the conference day"
        return CriterionResult(criterion.id, Level.MET, reason, tuple(evidence))
    days = (shared - deadline).days
    reason = f"shared {days} day{'s' * (days != 1)} after the family deadline, before the conference"
    return CriterionResult(criterion.id, Level.PARTLY_MET, reason, tuple(evidence))


def judge_safety_scale(
    criterion: Criterion, contribution: Contribution, texts: dict[str, PreparedText]
) -> CriterionResult:
    children = [c.id for c in contribution.conference.children]
    scores = {s.child_id: s.score for s in contribution.scales}
    wanted = children or list(scores)
    scored = [c for c in wanted if c in scores]
    evidence = tuple(Evidence(f"child {c}: {scores[c]}/10", field="scales") for c in scored)
    unscored = [c for c in wanted if c not in scores]
    if scored and not unscored:
        return CriterionResult(criterion.id, Level.MET, f"a score for each of {len(scored)} child(ren)", evidence)
    if scored:
        reason = f"no score for child {', '.join(unscored)}"
        return CriterionResult(criterion.id, Level.PARTLY_MET, reason, evidence, (criterion.missing_advice,))
    return CriterionResult(criterion.id, Level.NOT_MET, "no safety scale score", (), (criterion.missing_advice,))

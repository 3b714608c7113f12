"""One judge per kind of criterion: free-text content, safety scales, and the two timeliness checks."""

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from operator import itemgetter
from zoneinfo import ZoneInfo

from portal.audit.contribution import Contribution
from portal.audit.results import CriterionResult, Evidence, Level
from portal.audit.rubric import Criterion, LookFor, Rubric, compile_patterns
from portal.audit.text import (
    PreparedText,
    SectionText,
    TextPattern,
    is_label,
    lower_same_length,
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


def level_reason(level_text: str, detail: str) -> str:
    """A reason in the rubric's own words for the level, then what was found: the auditor sees why."""
    return f"{level_text.rstrip('.')}: {detail}"


# At most this many sentences from other sections are read as evidence for one criterion.
ELSEWHERE_LIMIT = 8


@dataclass(frozen=True, slots=True)
class ContentJudge:
    """Judges a free-text criterion from the whole report: its named sections first, then any sentence
    elsewhere that is about its topic, as the rubric's level descriptions say."""

    criterion: Criterion
    searches: tuple[tuple[LookFor, TextPattern], ...]
    topic: tuple[str, ...]
    rules: TextRules
    not_applicable: TextPattern | None
    all_advice: tuple[str, ...]
    label_is_not_met: bool
    met_needs: int
    answers: dict[str, tuple[int, ...]]
    from_author_title: tuple[int, ...]
    # Each pattern's bound search, in its ASCII and its Unicode form: looked up once, not per report.
    ascii_searches: tuple
    unicode_searches: tuple

    @classmethod
    def of(cls, criterion: Criterion, rules: TextRules) -> "ContentJudge":
        searches = tuple((lf, text_pattern(lf.patterns)) for lf in criterion.look_for)
        return cls(
            criterion,
            searches,
            tuple(dict.fromkeys(lower_same_length(w) for w in criterion.topic)),
            rules,
            rules.not_applicable if criterion.allows_not_applicable else None,
            tuple(lf.advice for lf in criterion.look_for),
            criterion.label_is_not_met,
            criterion.met_needs,
            _answers(criterion),
            tuple(i for i, lf in enumerate(criterion.look_for) if "author.jobTitle" in lf.fields),
            tuple(pattern.ascii.search for _, pattern in searches),
            tuple(pattern.unicode.search for _, pattern in searches),
        )

    def _elsewhere(self, report: PreparedText, named: tuple[str, ...]) -> list[tuple[int, int, SectionText]]:
        """Sentences outside the named sections that mention the criterion's topic, in report order.

        The topic is plain words found with str.find, several times faster than a regular expression."""
        placeholders = self.rules.placeholders
        lower = report.lower
        find = lower.find
        sections = report.sections
        section_starts = report.section_starts
        hits: list[tuple[int, SectionText]] = []
        for word in self.topic:
            at = find(word)
            while at != -1:
                section = sections[bisect_right(section_starts, at) - 1]
                if section.section_id in named or section.normal in placeholders:
                    at = find(word, section.end)
                    continue
                if at == 0 or not lower[at - 1].isalnum():
                    hits.append((at, section))
                at = find(word, at + 1)
        hits.sort(key=itemgetter(0))
        spans: list[tuple[int, int, SectionText]] = []
        last_end = -1
        for at, section in hits:
            if at < last_end:
                continue
            start, last_end = report.sentence_span(at, section)
            spans.append((start, last_end, section))
            if len(spans) == ELSEWHERE_LIMIT:
                break
        return spans

    def __call__(self, contribution: Contribution, report: PreparedText) -> CriterionResult:
        c = self.criterion
        placeholders = self.rules.placeholders
        by_id = report.by_id
        present = [by_id[section_id] for section_id in c.sections if section_id in by_id]
        substantive = [t for t in present if t.normal not in placeholders]

        # A whole answer such as "Nil" that states an aspect, and a job title that gives the role.
        given: dict[int, Evidence] = {}
        if self.answers:
            for t in present:
                for i in self.answers.get(t.normal or "", ()):
                    given.setdefault(i, Evidence(t.source.strip(), t.section_id))
        answered = bool(given)
        if self.from_author_title and (title := contribution.author.job_title.strip()):
            for i in self.from_author_title:
                given.setdefault(i, Evidence(title, field="author.jobTitle"))

        if substantive and self.not_applicable is not None and not answered:
            result = self._not_applicable(report, substantive, self.not_applicable)
            if result is not None:
                return result

        # Keyed by (quote, section id): a dict keeps the first-found order and drops repeats.
        quotes: dict[tuple[str, str | None], None] = {}
        found: list[int] = []
        missing: list[int] = []
        lower = report.lower
        searches = self.ascii_searches if report.ascii else self.unicode_searches
        for i, search in enumerate(searches):
            if i in given:
                found.append(i)
                continue
            for t in substantive:
                match = search(t.lower)
                if match:
                    found.append(i)
                    quotes[report.sentence_at(t.start + match.start(), t), t.section_id] = None
                    break
            else:
                missing.append(i)
        words = sum([t.words for t in substantive])

        # The named sections weigh first; other sections are read only for what they do not give.
        elsewhere: list[tuple[int, int, SectionText]] = []
        if (missing or words < c.min_words) and self.topic:
            elsewhere = self._elsewhere(report, c.sections)
            if elsewhere:
                sentences = [(lower[start:end], start, t) for start, end, t in elsewhere]
                words += sum([len(sentence.split()) for sentence, _, _ in sentences])
                still_missing = []
                for i in missing:
                    search = searches[i]
                    for sentence, start, t in sentences:
                        match = search(sentence)
                        if match:
                            found.append(i)
                            quotes[report.sentence_at(start + match.start(), t), t.section_id] = None
                            break
                    else:
                        still_missing.append(i)
                missing = still_missing
                found.sort()

        if not found:
            return self._nothing_found(present, substantive)
        evidence = (*given.values(), *[Evidence(quote, section_id) for quote, section_id in quotes])
        look_for = c.look_for
        if answered:
            words = max(words, c.min_words)
        elif words < c.min_words and len(given) == len(found) and all(e.field for e in given.values()):
            # A brief answer is judged on what it says itself, not on a job title filled in elsewhere.
            return self._not_met(f"too brief ({words} word{'s' * (words != 1)}; at least {c.min_words} needed)", evidence)
        return self._judged(substantive, elsewhere, words, [look_for[i] for i in found], [look_for[i] for i in missing], evidence)

    def _judged(
        self, substantive: list[SectionText], elsewhere: list, words: int, found: list[LookFor], missing: list[LookFor], evidence: tuple[Evidence, ...]
    ) -> CriterionResult:
        c = self.criterion
        levels = c.levels
        brief = words < c.min_words
        # Labels are short: only a brief answer can be one.
        named_text = " ".join(t.source for t in substantive) if brief else ""
        if brief and substantive and self.label_is_not_met and not elsewhere and is_label(named_text, self.rules.labels):
            t = substantive[0]
            return self._not_met(f"a label ('{shorten(t.source)}'), not a statement", (Evidence(shorten(t.source, 240), t.section_id),))
        missing_names = ", ".join(lf.name for lf in missing)
        advice = tuple(lf.advice for lf in missing)
        states = f"states {', '.join(lf.name for lf in found)}"
        if any(lf.required for lf in missing):
            return CriterionResult(c.id, Level.NOT_MET, level_reason(levels.not_met, f"{states}; no mention of {missing_names}"), evidence, advice)
        if brief:
            # A one-line mention ('mental health', 'drinking') is present but not specific, unless the rubric
            # says an answer too brief to judge is not met.
            if c.brief_is_not_met:
                return self._not_met(f"too brief ({words} word{'s' * (words != 1)}; at least {c.min_words} needed)", evidence)
            detail = f"{states}, but only in passing ({words} word{'s' * (words != 1)})"
            return CriterionResult(c.id, Level.PARTLY_MET, level_reason(levels.partly_met, detail), evidence, advice or self.all_advice)
        if len(found) >= self.met_needs and not any(lf.core for lf in missing):
            detail = states if not missing else f"{states}; no mention of {missing_names}"
            return CriterionResult(c.id, Level.MET, level_reason(levels.met, detail), evidence, advice)
        if len(found) >= c.partly_min_found:
            reason = level_reason(levels.partly_met, f"{states}; no mention of {missing_names}")
            return CriterionResult(c.id, Level.PARTLY_MET, reason, evidence, advice)
        return CriterionResult(c.id, Level.NOT_MET, level_reason(levels.not_met, f"{states}; no mention of {missing_names}"), evidence, advice)

    def _nothing_found(self, present: list[SectionText], substantive: list[SectionText]) -> CriterionResult:
        c = self.criterion
        if not substantive:
            if not present:
                return self._not_met(f"no mention of {c.title.lower()}", ())
            t = present[0]
            quote = shorten(t.source)
            return self._not_met(f"'{t.section_id}' says only '{quote}'", (Evidence(quote, t.section_id),))
        t = substantive[0]
        evidence = (Evidence(shorten(t.source, 240), t.section_id),)
        words = sum(x.words for x in substantive)
        if is_label(" ".join(x.source for x in substantive), self.rules.labels):
            return self._not_met(f"a label ('{shorten(t.source)}'), not a statement", evidence)
        if words < c.min_words:
            return self._not_met(f"too brief ({words} word{'s' * (words != 1)}; at least {c.min_words} needed)", evidence)
        names = ", ".join(lf.name for lf, _ in self.searches)
        return self._not_met(f"no mention of {names}", evidence)

    def _not_met(self, detail: str, evidence: tuple[Evidence, ...]) -> CriterionResult:
        c = self.criterion
        return CriterionResult(c.id, Level.NOT_MET, level_reason(c.levels.not_met, detail), evidence, self.all_advice)

    def _not_applicable(self, report: PreparedText, substantive: list[SectionText], phrases: TextPattern) -> CriterionResult | None:
        hit = next(((t, m) for t in substantive if (m := report.search_section(phrases, t))), None)
        if hit is None:
            return None
        rest = sum(word_count(without_sentences_matching(t.source.lower(), phrases.unicode)) for t in substantive)
        if rest >= self.criterion.min_words:
            return None
        quote = report.sentence_at(hit[1].start(), hit[0])
        return CriterionResult(
            self.criterion.id,
            Level.NOT_APPLICABLE,
            level_reason(self.criterion.levels.not_applicable or "", f"the practice states it holds no information: '{shorten(quote)}'"),
            (Evidence(quote, hit[0].section_id),),
        )


def _answers(criterion: Criterion) -> dict[str, tuple[int, ...]]:
    answers: dict[str, list[int]] = {}
    for i, look_for in enumerate(criterion.look_for):
        for answer in look_for.answers:
            answers.setdefault(normalise(answer), []).append(i)
    return {answer: tuple(indexes) for answer, indexes in answers.items()}


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


def judge_submitted_on_time(criterion: Criterion, contribution: Contribution, report: PreparedText) -> CriterionResult:
    levels = criterion.levels
    due = contribution.invitation.report_due_at if contribution.invitation else None
    starts = contribution.conference.scheduled_at
    submitted = contribution.submitted_at
    if due is None:
        if criterion.allows_not_applicable:
            return CriterionResult(criterion.id, Level.NOT_APPLICABLE, level_reason(levels.not_applicable or "", "the invitation set no due time"))
        return CriterionResult(criterion.id, Level.NOT_MET, level_reason(levels.not_met, "the invitation set no due time"))
    due_quote = Evidence(f"due {_local(due)}", field="invitation.reportDueAt")
    if submitted is None:
        advice = (criterion.missing_advice, f"The report is due by {_local(due)}.")
        return CriterionResult(criterion.id, Level.NOT_MET, level_reason(levels.not_met, "not submitted"), (due_quote,), advice)
    evidence = (Evidence(f"submitted {_local(submitted)}", field="submittedAt"), due_quote)
    if submitted <= due:
        return CriterionResult(criterion.id, Level.MET, level_reason(levels.met, "submitted by the due time"), evidence)
    late = _span(submitted - due)
    if submitted < starts:
        reason = level_reason(levels.partly_met, f"submitted {late} late, before the conference")
        return CriterionResult(criterion.id, Level.PARTLY_MET, reason, evidence)
    reason = level_reason(levels.not_met, f"submitted {late} late, after the conference started")
    return CriterionResult(criterion.id, Level.NOT_MET, reason, evidence)


def judge_shared_with_family(criterion: Criterion, contribution: Contribution, report: PreparedText) -> CriterionResult:
    levels = criterion.levels
    conference_day = contribution.conference.scheduled_at.astimezone(LONDON).date()
    family_due = contribution.invitation.family_due_at if contribution.invitation else None
    deadline: date | None = family_due.astimezone(LONDON).date() if family_due else None
    shared = contribution.shared_with_family_on
    agreed = [w.section_id for w in contribution.withholding_requests if w.decision == "AGREED"]
    if shared is None and agreed and criterion.allows_not_applicable:
        detail = f"the chair agreed to withhold {', '.join(agreed)} from the family"
        evidence = tuple(Evidence(f"withholding agreed: {s}", field="withholdingRequests") for s in agreed)
        return CriterionResult(criterion.id, Level.NOT_APPLICABLE, level_reason(levels.not_applicable or "", detail), evidence)
    if shared is None:
        reason = level_reason(levels.not_met, "no date shared with the family recorded")
        return CriterionResult(criterion.id, Level.NOT_MET, reason, (), (criterion.missing_advice,))
    evidence = [Evidence(f"shared {shared:%d %b %Y}", field="sharedWithFamilyOn")]
    if deadline is not None:
        evidence.append(Evidence(f"family deadline {_local(family_due)}", field="invitation.familyDueAt"))  # type: ignore[arg-type]
    evidence.append(Evidence(f"conference {conference_day:%d %b %Y}", field="conference.scheduledAt"))
    if shared >= conference_day:
        reason = level_reason(levels.not_met, "shared on or after the conference day")
        return CriterionResult(criterion.id, Level.NOT_MET, reason, tuple(evidence))
    if deadline is None or shared <= deadline:
        reason = level_reason(levels.met, "shared by the family deadline" if deadline else "shared before the conference day")
        return CriterionResult(criterion.id, Level.MET, reason, tuple(evidence))
    days = (shared - deadline).days  # type: ignore[operator]
    reason = level_reason(levels.partly_met, f"shared {days} day{'s' * (days != 1)} after the family deadline, before the conference")
    return CriterionResult(criterion.id, Level.PARTLY_MET, reason, tuple(evidence))


# A safety scale written in the text: the word, then within the sentence a score, a range or another scale.
_NUMBER = r"(?:10|[0-9])(?:\.5)?"
SCALE_SENTENCE = re.compile(r"\bscal(?:e|ed|ing)\b|\bscore[ds]?\b|\brat(?:e|ed|ing)\b")
SCALE_RANGE = re.compile(
    rf"\b{_NUMBER}\s*(?:or|to|-|–|—)\s*{_NUMBER}\b(?!\s*(?:out of|/))|\bbetween {_NUMBER} and {_NUMBER}\b"
)
SCALE_OTHER = re.compile(r"\b\d+\s*(?:/|out of)\s*(?!10\b)\d+\b|\b[01]\s*(?:-|–|to)\s*(?:3|4|5|7|100)\b(?=[^.\n]{0,20}scale)|\b\d+\s*%")
SCALE_SCORE = re.compile(rf"\b{_NUMBER}\s*(?:/\s*10|out of 10)\b|(?:scal(?:e|ed)|score[ds]?)\D{{0,20}}?\b{_NUMBER}\b")


def scale_in_text(report: PreparedText) -> tuple[str, int] | None:
    """('score' | 'range' | 'other scale', where) for a safety scale written in the text, if any."""
    kind: tuple[str, int] | None = None
    for mark in SCALE_SENTENCE.finditer(report.lower):
        start, end = report.sentence_span(mark.start())
        sentence = report.lower[start:end]
        if SCALE_OTHER.search(sentence):
            return "other scale", mark.start()
        if SCALE_RANGE.search(sentence):
            return "range", mark.start()
        if kind is None and SCALE_SCORE.search(sentence):
            kind = ("score", mark.start())
    return kind


def judge_safety_scale(criterion: Criterion, contribution: Contribution, report: PreparedText) -> CriterionResult:
    levels = criterion.levels
    children = [c.id for c in contribution.conference.children]
    scores = {s.child_id: s.score for s in contribution.scales}
    wanted = children or list(scores)
    scored = [c for c in wanted if c in scores]
    evidence = tuple(Evidence(f"child {c}: {scores[c]}/10", field="scales") for c in scored)
    unscored = [c for c in wanted if c not in scores]
    if scored and not unscored:
        return CriterionResult(criterion.id, Level.MET, level_reason(levels.met, f"a score for each of {len(scored)} child(ren)"), evidence)
    if scored:
        reason = level_reason(levels.partly_met, f"no score for child {', '.join(unscored)}")
        return CriterionResult(criterion.id, Level.PARTLY_MET, reason, evidence, (criterion.missing_advice,))
    written = scale_in_text(report)
    if written is not None:
        kind, at = written
        quoted = (Evidence(report.sentence_at(at), report.section_at(at).section_id),)
        if kind == "score" and len(wanted) <= 1:
            return CriterionResult(criterion.id, Level.MET, level_reason(levels.met, "a score written in the text"), quoted)
        detail = {"score": "a score written in the text, not for each child", "range": "a range written in the text, not a score",
                  "other scale": "a score on another scale written in the text"}[kind]
        return CriterionResult(criterion.id, Level.PARTLY_MET, level_reason(levels.partly_met, detail), quoted, (criterion.missing_advice,))
    reason = level_reason(levels.not_met, "no safety scale score")
    return CriterionResult(criterion.id, Level.NOT_MET, reason, (), (criterion.missing_advice,))

"""Score a contribution against a rubric: pure and deterministic, compiled once per rubric."""

from collections.abc import Callable, Iterable
from functools import partial

from portal.audit.contribution import Contribution
from portal.audit.gcpause import gc_paused
from portal.audit.judges import (
    ContentJudge,
    TextRules,
    judge_safety_scale,
    judge_shared_with_family,
    judge_submitted_on_time,
)
from portal.audit.results import Advice, CriterionResult, Level, ScoreResult
from portal.audit.rubric import Rubric
from portal.audit.text import PreparedText

Judge = Callable[[Contribution, PreparedText], CriterionResult]

_METADATA_JUDGES = {
    "safety_scale": judge_safety_scale,
    "submitted_on_time": judge_submitted_on_time,
    "shared_with_family": judge_shared_with_family,
}


class Scorer:
    def __init__(self, rubric: Rubric) -> None:
        self.rubric = rubric
        rules = TextRules.of(rubric)
        self._judges: list[Judge] = [
            ContentJudge.of(c, rules) if c.judge == "content" else partial(_METADATA_JUDGES[c.judge], c)
            for c in rubric.criteria
        ]
        self._weights = [c.weight for c in rubric.criteria]
        self._points = {
            Level.MET: rubric.points.met,
            Level.PARTLY_MET: rubric.points.partly_met,
            Level.NOT_MET: rubric.points.not_met,
        }

    def score(self, contribution: Contribution) -> ScoreResult:
        report = PreparedText([(s.id, s.source) for s in contribution.sections if s.source.strip()])
        results = tuple([judge(contribution, report) for judge in self._judges])
        earned = possible = 0.0
        for result, weight in zip(results, self._weights, strict=True):
            if result.level is not Level.NOT_APPLICABLE:
                earned += self._points[result.level] * weight
                possible += weight
        due = contribution.invitation.report_due_at if contribution.invitation else None
        submitted = contribution.submitted_at
        return ScoreResult(
            contribution_id=contribution.id,
            contribution_version=contribution.version,
            rubric_id=self.rubric.id,
            rubric_version=self.rubric.version,
            criteria=results,
            score=round(100 * earned / possible, 1) if possible else None,
            late=None if due is None else submitted is None or submitted > due,
            never_shared=contribution.shared_with_family_on is None,
        )

    def score_many(self, contributions: Iterable[Contribution]) -> list[ScoreResult]:
        """Score a batch with the cyclic garbage collector paused, which scores 10,000 about 1.5 times as fast."""
        with gc_paused():
            return [self.score(c) for c in contributions]

    def feedback(self, contribution: Contribution) -> list[Advice]:
        """Advice for the author while drafting; it never blocks submitting."""
        advice = []
        for criterion, result in zip(self.rubric.criteria, self.score(contribution).criteria, strict=True):
            if result.level in (Level.MET, Level.NOT_APPLICABLE):
                continue
            section = criterion.sections[0] if criterion.sections else None
            advice.append(Advice(criterion.id, section, f"{criterion.title}: {result.reason}", result.advice))
        return advice

"""An audit item stores the scorer's result as JSON and reads back the same result."""

import json
from datetime import UTC, datetime

from portal.audit.models import AuditItem, AuditRound
from portal.audit.results import CriterionResult, Evidence, Level, ScoreResult
from portal.audit.stored import findings_of, levels_of, stored_result

RESULT = ScoreResult(
    contribution_id="12",
    contribution_version=2,
    rubric_id="gp",
    rubric_version="2026.1",
    criteria=(
        CriterionResult("child_voice", Level.MET, "states the child's words", (Evidence('Mia said "no" – twice\n\\ at 9 am', "child_voice"),)),
        CriterionResult("submitted_on_time", Level.PARTLY_MET, "submitted 5 hours late, before the conference",
                        (Evidence("submitted 01 Oct 2026 09:00", field="submittedAt"), Evidence("due 01 Oct 2026 04:00", field="invitation.reportDueAt"))),
        CriterionResult("immunisations", Level.NOT_APPLICABLE, "the practice states it holds no information: 'Not known to the practice.'",
                        (Evidence("Not known to the practice.", "immunisations"),)),
        CriterionResult("danger_statement", Level.NOT_MET, "no mention of danger statement", (), ("Say what could happen if nothing changes.",)),
    ),
    score=50.0,
    late=True,
    never_shared=False,
)


def _stored() -> AuditItem:
    # Through JSON text, as the database keeps it.
    return AuditItem(
        round_id=1, contribution_id=12, contribution_version=2, la_id=1, organisation_id=1, scheduled_at=datetime(2026, 10, 2, tzinfo=UTC),
        score=50.0, late=True, never_shared=False,
        levels=json.loads(json.dumps(levels_of(RESULT))), findings=json.loads(json.dumps(findings_of(RESULT))),
    )


def test_a_stored_result_reads_back_as_scored_without_the_advice():
    audit_round = AuditRound(region_id=1, name="R", rubric_id="gp", rubric_version="2026.1", period_start=datetime(2026, 7, 1).date(),
                             period_end=datetime(2026, 9, 30).date(), seed=1, created_by_id=1)
    read = stored_result(_stored(), audit_round)
    assert read.criteria == tuple(CriterionResult(c.criterion_id, c.level, c.reason, c.evidence) for c in RESULT.criteria)
    assert (read.contribution_id, read.contribution_version, read.score, read.late, read.never_shared) == ("12", 2, 50.0, True, False)
    assert [c.criterion_id for c in read.criteria] == ["child_voice", "submitted_on_time", "immunisations", "danger_statement"]


def test_quotes_and_reasons_can_be_rewritten_on_the_way_out():
    read = stored_result(_stored(), AuditRound(rubric_id="gp", rubric_version="2026.1"), quote=lambda text: text.replace("Mia", "Child A"))
    assert read["child_voice"].evidence[0].quote == 'Child A said "no" – twice\n\\ at 9 am'
    assert read["immunisations"].reason.startswith("the practice states")

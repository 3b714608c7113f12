"""Raising, answering, escalating and closing a challenge through the service functions: the deadlines
come from the LA's rules in working days, every problem is named and nothing is written."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from portal.challenges import services
from portal.challenges.models import Challenge, ChallengeReason, ChallengeStep
from portal.errors import DomainError
from tests.support.challenges import RULES, as_person, new_challenge, raise_one


async def count(database, model) -> int:
    async with database.session() as session:
        return (await session.execute(select(func.count()).select_from(model))).scalar_one()


async def steps(database, challenge_id: int) -> list[ChallengeStep]:
    async with database.session() as session:
        return list((await session.execute(select(ChallengeStep).where(ChallengeStep.challenge_id == challenge_id)
                                           .order_by(ChallengeStep.position))).scalars())


async def problems(work) -> dict[tuple[str, ...], str]:
    with pytest.raises(DomainError) as raised:
        await work
    return {p.path: p.code.value for p in raised.value.problems}


async def test_an_iro_raises_a_challenge_at_the_first_stage_with_its_deadlines_in_working_days(database, managed):
    challenge = await raise_one(database, managed, reasons=["decisions_not_actioned", "other", "decisions_not_actioned"],
                                other_reason="Contact changed without a review", conference_id=managed.id("conf_a"))
    # Raised Monday 12 October 2026: the team manager answers within 5 working days, the whole process within 20.
    assert (challenge.stage, challenge.status, challenge.raised_on, challenge.due_on) == ("informal", "OPEN", date(2026, 10, 12), date(2026, 11, 9))
    assert (challenge.conference_id, challenge.la_id, challenge.raised_by_id) == (managed.conf_a, managed.la_a, managed.chair_a)
    async with database.session() as session:
        reasons = set((await session.execute(select(ChallengeReason.reason).where(ChallengeReason.challenge_id == challenge.id))).scalars())
    assert reasons == {"decisions_not_actioned", "other"}
    (step,) = await steps(database, challenge.id)
    assert (step.stage, step.stage_name, step.responder_id, step.started_on, step.due_on) == (
        "informal", "Informal resolution", managed.tm_a, date(2026, 10, 12), date(2026, 10, 19))


async def test_a_challenge_may_start_further_on_and_one_person_in_the_role_is_chosen_unasked(database, managed):
    challenge = await raise_one(database, managed, stage="service_manager", responder_id=None, kind="ALERT")
    (step,) = await steps(database, challenge.id)
    assert (challenge.kind, step.stage, step.responder_id) == ("ALERT", "service_manager", managed.sm_a)


async def test_raising_names_every_problem_and_writes_nothing(database, managed):
    bad = new_challenge(managed, kind="GRUMBLE", reasons=["not_a_reason"], resolution_sought="  ", raised_on=date(2026, 10, 13),
                        stage="nowhere")
    found = await problems(as_person(database, managed.chair_a, lambda s, a: services.raise_challenge(s, a, bad, RULES)))
    assert found == {("input", "kind"): "INVALID", ("input", "reasons"): "INVALID", ("input", "resolutionSought"): "INVALID",
                     ("input", "raisedOn"): "INVALID", ("input", "stage"): "INVALID"}
    other = new_challenge(managed, reasons=["other"], responder_id=None)
    found = await problems(as_person(database, managed.chair_a, lambda s, a: services.raise_challenge(s, a, other, RULES)))
    # Two team managers in Easterby: the IRO must choose one.
    assert found == {("input", "otherReason"): "INVALID", ("input", "responderId"): "INVALID"}
    wrong_role = new_challenge(managed, responder_id=managed.id("sm_a"))
    found = await problems(as_person(database, managed.chair_a, lambda s, a: services.raise_challenge(s, a, wrong_role, RULES)))
    assert found == {("input", "responderId"): "INVALID"}
    assert await count(database, Challenge) == await count(database, ChallengeStep) == await count(database, ChallengeReason) == 0


async def test_only_an_iro_of_the_childs_la_raises_one_and_a_conference_must_be_about_the_child(database, managed):
    for person, code in (("bs_a", "FORBIDDEN"), ("sw_a", "FORBIDDEN"), ("tm_a", "NOT_FOUND"), ("hos_a", "NOT_FOUND"), ("chair_b", "NOT_FOUND"),
                         ("gp1_author", "FORBIDDEN"), ("guardian_1", "FORBIDDEN")):
        found = await problems(as_person(database, getattr(managed, person),
                                         lambda s, a: services.raise_challenge(s, a, new_challenge(managed), RULES)))
        assert found == {("input", "childId"): code}, person
    elsewhere = new_challenge(managed, conference_id=managed.id("conf_b"))
    found = await problems(as_person(database, managed.chair_a, lambda s, a: services.raise_challenge(s, a, elsewhere, RULES)))
    assert found == {("input", "conferenceId"): "NOT_FOUND"}
    assert await count(database, Challenge) == 0


async def test_not_upheld_leaves_it_with_the_iro_who_escalates_skipping_stages_until_the_director_upholds_it(database, managed, frozen):
    challenge = await raise_one(database, managed)
    frozen.move_to(datetime(2026, 10, 20, 9, 0, tzinfo=UTC))
    answered = await as_person(database, managed.tm_a, lambda s, a: services.respond_to_challenge(
        s, a, challenge.id, "NOT_UPHELD", "The plan is on track.", date(2026, 10, 14)))
    assert (answered.status, answered.outcome) == ("OPEN", "NOT_UPHELD")
    again = await problems(as_person(database, managed.tm_a, lambda s, a: services.respond_to_challenge(s, a, challenge.id, "RESOLVED", "x")))
    assert again == {("input", "challengeId"): "CONFLICT"}
    backwards = await problems(as_person(database, managed.chair_a, lambda s, a: services.escalate_challenge(
        s, a, challenge.id, "informal", None, rules=RULES)))
    assert backwards == {("input", "stage"): "INVALID"}
    moved = await as_person(database, managed.chair_a2, lambda s, a: services.escalate_challenge(
        s, a, challenge.id, "director", None, "No progress at team level", date(2026, 10, 15), rules=RULES))
    assert (moved.stage, moved.outcome) == ("director", None)
    for person in ("tm_a", "hos_a", "chair_a"):
        refused = await problems(as_person(database, getattr(managed, person), lambda s, a: services.respond_to_challenge(
            s, a, challenge.id, "UPHELD", "Agreed.")))
        assert refused == {("input", "challengeId"): "FORBIDDEN"}, person
    frozen.move_to(datetime(2026, 10, 21, 9, 0, tzinfo=UTC))
    upheld = await as_person(database, managed.dir_a, lambda s, a: services.respond_to_challenge(
        s, a, challenge.id, "UPHELD", "Agreed: the placement is reviewed this month.", date(2026, 10, 20)))
    assert (upheld.status, upheld.outcome, upheld.closed_on) == ("CLOSED", "UPHELD", date(2026, 10, 20))
    first, last = await steps(database, challenge.id)
    assert (first.outcome, first.responded_by_id, first.responded_on) == ("NOT_UPHELD", managed.tm_a, date(2026, 10, 14))
    # Escalated on Thursday 15 October: the director answers within 5 working days.
    assert (last.stage, last.position, last.responder_id, last.started_on, last.due_on, last.escalation_note, last.started_by_id) == (
        "director", 4, managed.dir_a, date(2026, 10, 15), date(2026, 10, 22), "No progress at team level", managed.chair_a2)
    closed = await problems(as_person(database, managed.chair_a, lambda s, a: services.escalate_challenge(s, a, challenge.id, "cafcass", None, rules=RULES)))
    assert closed == {("input", "challengeId"): "CONFLICT"}


async def test_an_answer_needs_an_outcome_a_response_and_a_date_from_the_stage_on(database, managed):
    challenge = await raise_one(database, managed)
    found = await problems(as_person(database, managed.tm_a, lambda s, a: services.respond_to_challenge(
        s, a, challenge.id, "MAYBE", "", date(2026, 10, 9))))
    assert found == {("input", "outcome"): "INVALID", ("input", "response"): "INVALID", ("input", "respondedOn"): "INVALID"}
    assert (await steps(database, challenge.id))[0].outcome is None


async def test_a_referral_to_cafcass_is_recorded_by_an_iro_and_the_iro_may_close_a_challenge(database, managed):
    challenge = await raise_one(database, managed)
    referred = await as_person(database, managed.chair_a, lambda s, a: services.escalate_challenge(s, a, challenge.id, "cafcass", None, rules=RULES))
    (_, step) = await steps(database, referred.id)
    assert (step.responder_id, step.due_on) == (None, date(2026, 10, 26))
    refused = await problems(as_person(database, managed.tm_a, lambda s, a: services.respond_to_challenge(s, a, challenge.id, "RESOLVED", "Done.")))
    assert refused == {("input", "challengeId"): "FORBIDDEN"}
    last = await problems(as_person(database, managed.chair_a, lambda s, a: services.escalate_challenge(s, a, challenge.id, "director", None, rules=RULES)))
    assert last == {("input", "stage"): "CONFLICT"}
    managers = await problems(as_person(database, managed.hos_a, lambda s, a: services.close_challenge(s, a, challenge.id)))
    assert managers == {("input", "challengeId"): "FORBIDDEN"}
    closed = await as_person(database, managed.chair_a, lambda s, a: services.close_challenge(s, a, challenge.id, "The guardian has taken it up."))
    assert (closed.status, closed.closed_on, closed.closed_by_id, closed.closing_note) == ("CLOSED", date(2026, 10, 12), managed.chair_a,
                                                                                          "The guardian has taken it up.")

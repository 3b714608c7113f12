"""Raising, answering, escalating and closing IRO challenges. Each function is one change, run inside
the unit of work by its caller; a problem raises DomainError and nothing is written.

`raise_challenge` is also how other parts of the portal (the IRO monitoring tool's "not met") raise an
alert or challenge in one step."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access, clock
from portal.challenges.models import (
    OTHER_REASON_CHARS,
    RESOLUTION_CHARS,
    RESPONSE_CHARS,
    Challenge,
    ChallengeKind,
    ChallengeOutcome,
    ChallengeReason,
    ChallengeStatus,
    ChallengeStep,
)
from portal.challenges.process import later_stages, overall_due, stage_due
from portal.challenges.reasons import OTHER, reasons
from portal.children.models import Child
from portal.conferences.models import ConferenceChild
from portal.conferences.timescales import rules_for_la
from portal.enums import PersonStatus
from portal.errors import DomainError, Problem, conflict, not_found
from portal.identity import Actor
from portal.lookup import parse_id, visible_conference
from portal.people.models import LocalAuthority, Person, PersonRole
from portal.timescales import LARules
from portal.timescales.challenge_rules import ChallengeStage

Path = tuple[str, ...]
MAX_DAYS_BACK = 366


@dataclass(frozen=True)
class NewChallenge:
    child_id: str | int
    kind: str
    reasons: Sequence[str]
    resolution_sought: str
    responder_id: str | int | None = None  # who must answer at the first stage; may be left out when only one person can
    conference_id: str | int | None = None
    other_reason: str = ""
    raised_on: date | None = None  # today when left out
    stage: str | None = None  # the LA's first stage when left out (the IRO may start further on)


async def _rules(session: AsyncSession, la_id: int, rules: Mapping[str, LARules]) -> LARules:
    slug = (await session.execute(select(LocalAuthority.slug).where(LocalAuthority.id == la_id))).scalar_one()
    return rules_for_la(rules, slug)


def _text(value: str, limit: int, path: Path, missing: str, problems: list[Problem], required: bool = True) -> str:
    text = value.strip()
    if required and not text:
        problems.append(Problem(path, missing))
    elif len(text) > limit:
        problems.append(Problem(path, f"This is {len(text):,} characters; the limit is {limit:,}."))
    return text


def _day(value: date | None, earliest: date | None, path: Path, what: str, problems: list[Problem]) -> date:
    today = clock.today()
    day = value or today
    if day > today:
        problems.append(Problem(path, f"The date {what} must be today or in the past."))
    elif earliest is not None and day < earliest:
        problems.append(Problem(path, f"The date {what} must be on or after {earliest:%-d %B %Y}."))
    elif (today - day).days > MAX_DAYS_BACK:
        problems.append(Problem(path, f"The date {what} must be within the last year."))
    return day


async def responders(session: AsyncSession, la_id: int, stage: ChallengeStage) -> list[Person]:
    """The active people who hold the stage's role in the LA, by name: those who may be asked to answer it."""
    if stage.responder_role is None:
        return []
    statement = (
        select(Person).join(PersonRole, PersonRole.person_id == Person.id)
        .where(PersonRole.role == stage.responder_role, PersonRole.la_id == la_id, Person.status == PersonStatus.ACTIVE)
        .order_by(Person.name, Person.id).distinct()
    )
    return list((await session.execute(statement)).scalars().all())


async def _responder(
    session: AsyncSession, la_id: int, stage: ChallengeStage, responder_id: str | int | None, path: Path, problems: list[Problem]
) -> int | None:
    if stage.responder_role is None:
        return None
    candidates = await responders(session, la_id, stage)
    if responder_id is None or str(responder_id).strip() == "":
        if len(candidates) == 1:
            return candidates[0].id
        if not candidates:
            problems.append(Problem(path, f"Nobody in this local authority holds the role that answers the {stage.name.lower()} stage."))
        else:
            problems.append(Problem(path, f"Choose who must answer at the {stage.name.lower()} stage."))
        return None
    number = parse_id(responder_id, path, "person")
    if number not in {p.id for p in candidates}:
        problems.append(Problem(path, f"Choose someone who answers at the {stage.name.lower()} stage in this local authority."))
        return None
    return number


def _stage(rules: LARules, stage_id: str, allowed: Sequence[ChallengeStage], path: Path, problems: list[Problem]) -> ChallengeStage | None:
    stage = next((s for s in allowed if s.id == stage_id), None)
    if stage is None:
        names = ", ".join(f"{s.id} ({s.name})" for s in allowed) or "none"
        problems.append(Problem(path, f"Choose a stage of this local authority's process: {names}."))
    return stage


def _step(challenge: Challenge, stage: ChallengeStage, rules: LARules, started_on: date, responder_id: int | None, actor: Actor,
          note: str = "") -> ChallengeStep:
    return ChallengeStep(
        challenge_id=challenge.id, stage=stage.id, position=rules.challenges.position(stage.id), stage_name=stage.name,
        responder_id=responder_id, started_on=started_on, due_on=stage_due(started_on, stage, rules.calendar()),
        started_by_id=actor.person_id, escalation_note=note,
    )


async def escalation_stages(session: AsyncSession, challenge: Challenge, rules: Mapping[str, LARules]) -> list[tuple[ChallengeStage, list[Person]]]:
    """The later stages a challenge may move to, each with the people who may be asked to answer it."""
    la_rules = await _rules(session, challenge.la_id, rules)
    return [(stage, await responders(session, challenge.la_id, stage)) for stage in later_stages(la_rules.challenges, challenge.stage)]


async def _visible_child(session: AsyncSession, actor: Actor, child_id: str | int, path: Path) -> Child:
    number = parse_id(child_id, path, "child")
    child = (await session.execute(select(Child).where(Child.id == number, access.scope(actor, "child.read")))).scalar_one_or_none()
    if child is None:
        raise not_found(path, "child")
    return child


async def raise_challenge(
    session: AsyncSession, actor: Actor, new: NewChallenge, rules: Mapping[str, LARules], path: Path = ("input",)
) -> Challenge:
    """An IRO of the child's LA raises an alert or formal challenge; it starts at the LA's first stage
    (or the stage the IRO chose) with the person who must answer there."""
    child = await _visible_child(session, actor, new.child_id, (*path, "childId"))
    access.require(actor, "challenge.raise", child.la_id, path=(*path, "childId"))
    conference_id = None
    if new.conference_id is not None and str(new.conference_id).strip():
        conference = await visible_conference(session, actor, new.conference_id, (*path, "conferenceId"))
        about_child = (await session.execute(select(ConferenceChild.child_id).where(
            ConferenceChild.conference_id == conference.id, ConferenceChild.child_id == child.id))).first()
        if about_child is None:
            raise not_found((*path, "conferenceId"), "conference about this child")
        conference_id = conference.id
    la_rules = await _rules(session, child.la_id, rules)
    process = la_rules.challenges
    problems: list[Problem] = []
    if new.kind not in ChallengeKind.__members__:
        problems.append(Problem((*path, "kind"), "Choose whether this is an alert or a formal challenge."))
    known = reasons()
    chosen = list(dict.fromkeys(r.strip() for r in new.reasons if r.strip()))
    unknown = [r for r in chosen if r not in known.ids()]
    if not chosen:
        problems.append(Problem((*path, "reasons"), "Choose at least one reason for the challenge."))
    elif unknown:
        problems.append(Problem((*path, "reasons"), f"'{unknown[0][:64]}' is not one of the reasons: choose from the list."))
    other = _text(new.other_reason, OTHER_REASON_CHARS, (*path, "otherReason"), "Describe the other reason.", problems, required=OTHER in chosen)
    if other and OTHER not in chosen:
        problems.append(Problem((*path, "otherReason"), "Choose 'Other' as a reason to describe one of your own."))
    sought = _text(new.resolution_sought, RESOLUTION_CHARS, (*path, "resolutionSought"), "Enter the resolution you are seeking.", problems)
    raised_on = _day(new.raised_on, None, (*path, "raisedOn"), "the challenge was raised", problems)
    stage = _stage(la_rules, new.stage or process.stages[0].id, process.stages, (*path, "stage"), problems)
    responder = await _responder(session, child.la_id, stage, new.responder_id, (*path, "responderId"), problems) if stage else None
    if problems:
        raise DomainError(*problems)
    assert stage is not None
    now = clock.now()
    challenge = Challenge(
        la_id=child.la_id, child_id=child.id, conference_id=conference_id, raised_by_id=actor.person_id, kind=new.kind,
        resolution_sought=sought, other_reason=other, raised_on=raised_on, due_on=overall_due(raised_on, process, la_rules.calendar()),
        stage=stage.id, created_at=now, updated_at=now,
    )
    session.add(challenge)
    await session.flush()
    session.add_all([ChallengeReason(challenge_id=challenge.id, reason=r) for r in chosen])
    session.add(_step(challenge, stage, la_rules, raised_on, responder, actor))
    await session.flush()
    return challenge


async def _open_challenge(session: AsyncSession, actor: Actor, challenge_id: str | int, path: Path) -> tuple[Challenge, ChallengeStep]:
    number = parse_id(challenge_id, path, "challenge")
    challenge = (await session.execute(
        select(Challenge).where(Challenge.id == number, access.scope(actor, "challenge.read")).with_for_update()
    )).scalar_one_or_none()
    if challenge is None:
        raise not_found(path, "challenge")
    step = (await session.execute(
        select(ChallengeStep).where(ChallengeStep.challenge_id == challenge.id).order_by(ChallengeStep.position.desc(), ChallengeStep.id.desc()).limit(1)
    )).scalar_one()
    return challenge, step


def _still_open(challenge: Challenge, path: Path) -> None:
    if challenge.status != ChallengeStatus.OPEN:
        raise conflict(path, f"This challenge was closed on {challenge.closed_on:%-d %B %Y}; nothing more can be recorded on it.")


async def respond_to_challenge(
    session: AsyncSession, actor: Actor, challenge_id: str | int, outcome: str, response: str, responded_on: date | None = None,
    path: Path = ("input",),
) -> Challenge:
    """The person asked to answer the current stage records their answer. Resolved or upheld closes the
    challenge; not upheld leaves it with the IRO, to escalate or close."""
    challenge, step = await _open_challenge(session, actor, challenge_id, (*path, "challengeId"))
    _still_open(challenge, (*path, "challengeId"))
    if step.outcome is not None:
        raise conflict((*path, "challengeId"), f"The {step.stage_name.lower()} stage has been answered already; the IRO may escalate it.")
    access.require(actor, "challenge.respond", challenge, step, path=(*path, "challengeId"))
    problems: list[Problem] = []
    if outcome not in ChallengeOutcome.__members__:
        problems.append(Problem((*path, "outcome"), "Choose whether the issue is resolved, upheld or not upheld."))
    text = _text(response, RESPONSE_CHARS, (*path, "response"), "Enter your response to the challenge.", problems)
    day = _day(responded_on, step.started_on, (*path, "respondedOn"), "of the response", problems)
    if problems:
        raise DomainError(*problems)
    step.outcome, step.response, step.responded_on = outcome, text, day
    step.responded_by_id, step.responded_at = actor.person_id, clock.now()
    challenge.outcome, challenge.updated_at = outcome, clock.now()
    if outcome in (ChallengeOutcome.RESOLVED, ChallengeOutcome.UPHELD):
        challenge.status, challenge.closed_on = ChallengeStatus.CLOSED, day
    await session.flush()
    return challenge


async def escalate_challenge(
    session: AsyncSession, actor: Actor, challenge_id: str | int, stage_id: str, responder_id: str | int | None, note: str = "",
    escalated_on: date | None = None, rules: Mapping[str, LARules] | None = None, path: Path = ("input",),
) -> Challenge:
    """An IRO of the LA moves the challenge on to a later stage (any later one: stages may be skipped),
    answered or not at the stage it was at."""
    assert rules is not None
    challenge, step = await _open_challenge(session, actor, challenge_id, (*path, "challengeId"))
    access.require(actor, "challenge.escalate", challenge, path=(*path, "challengeId"))
    _still_open(challenge, (*path, "challengeId"))
    la_rules = await _rules(session, challenge.la_id, rules)
    problems: list[Problem] = []
    allowed = later_stages(la_rules.challenges, challenge.stage)
    if not allowed:
        raise conflict((*path, "stage"), "This challenge is at the last stage of the process: it can be closed, not escalated.")
    stage = _stage(la_rules, stage_id, allowed, (*path, "stage"), problems)
    responder = await _responder(session, challenge.la_id, stage, responder_id, (*path, "responderId"), problems) if stage else None
    text = _text(note, RESPONSE_CHARS, (*path, "note"), "", problems, required=False)
    day = _day(escalated_on, step.started_on, (*path, "escalatedOn"), "of the escalation", problems)
    if problems:
        raise DomainError(*problems)
    assert stage is not None
    session.add(_step(challenge, stage, la_rules, day, responder, actor, text))
    challenge.stage, challenge.outcome, challenge.updated_at = stage.id, None, clock.now()
    await session.flush()
    return challenge


async def close_challenge(session: AsyncSession, actor: Actor, challenge_id: str | int, note: str = "", path: Path = ("input",)) -> Challenge:
    """An IRO of the LA closes the challenge: the answer is accepted, or the challenge is withdrawn."""
    challenge, _ = await _open_challenge(session, actor, challenge_id, (*path, "challengeId"))
    access.require(actor, "challenge.escalate", challenge, path=(*path, "challengeId"))
    _still_open(challenge, (*path, "challengeId"))
    problems: list[Problem] = []
    text = _text(note, RESPONSE_CHARS, (*path, "note"), "", problems, required=False)
    if problems:
        raise DomainError(*problems)
    challenge.status, challenge.closed_on, challenge.closed_by_id, challenge.closing_note = ChallengeStatus.CLOSED, clock.today(), actor.person_id, text
    challenge.updated_at = clock.now()
    await session.flush()
    return challenge

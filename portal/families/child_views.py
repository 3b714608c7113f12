"""The child's own views before a meeting.

The social worker (or business support) sends a link to the child or to their advocate: the email
holds only the link; the code that opens it is shown once to the sender, to give the child in person
or by phone. Whoever opens the link and types the code signs in as themself (a person of the LA's
family organisation) and answers four short questions in words, pictures or a drawing. Sending the
answers records the child's consultation (through a consultation form, or an advocate), which the
readiness check "children consulted" counts and the SSDA903 return codes (PN6, PN5)."""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access, clock
from portal.children.contact import is_email
from portal.conferences.models import ChildConsultation, Conference, ConferenceChild
from portal.enums import ConferenceStatus, ViewsConveyed
from portal.errors import DomainError, ErrorCode, Problem, conflict, not_found
from portal.families.drawings import Drawing
from portal.families.membership import NOT_FOR_STAFF, _family_organisation
from portal.families.models import ChildViews, ChildViewsLink
from portal.families.pictures import PICTURES
from portal.history.reviews_export import PARTICIPATION
from portal.identity import Actor
from portal.identity.secrets import digest, keyed_digest, new_secret
from portal.lookup import parse_id, visible_conference
from portal.people.models import LocalAuthority, Person
from portal.readiness.changes import conference_changed
from portal.reminders.models import ReminderOutbox
from portal.reminders.outbox import cancel_unsent
from portal.reminders.planning import ReminderKind

LIFETIME = timedelta(days=14)
MAX_ATTEMPTS = 5
MAX_ANSWER = 1000
QUESTIONS = ("going_well", "worries", "wishes", "who_there")
FIELDS = {"going_well": "goingWell", "worries": "worries", "wishes": "wishes", "who_there": "whoThere"}

TOO_LONG = "This answer is too long. Use {limit:,} letters or fewer. It has {length:,}."
NOTHING = "Tell us something: write an answer, choose a picture, or add a drawing."
UNKNOWN_PICTURE = "Choose pictures from the ones shown."
WRONG_CODE = "That code is not right. Check it and try again."
EXPIRED = "This link has stopped working. Ask your social worker for a new one."
WITHDRAWN = "This link has been stopped, so it no longer works. Ask your social worker if you would still like to give your views."
ALREADY_WITHDRAWN = "This link has already been withdrawn."
TOO_MANY = f"The code was typed wrongly {MAX_ATTEMPTS} times, so this link has stopped working. Ask your social worker for a new one."


@dataclass(frozen=True)
class SentLink:
    link: ChildViewsLink
    code: str  # shown once to the sender; only its digest is kept


@dataclass(frozen=True)
class Answers:
    going_well: str = ""
    worries: str = ""
    wishes: str = ""
    who_there: str = ""
    pictures: tuple[str, ...] = ()
    drawing: Drawing | None = None


def _code_hash(key: str, token_hash: str, code: str) -> str:
    return keyed_digest(key, "child-views-code", token_hash, code)


async def send_link(
    session: AsyncSession, actor: Actor, key: str, conference_id: str, child_id: str, email: str, for_advocate: bool, base_path: str = "/views/start/",
) -> SentLink:
    """A new link for one child of a scheduled conference; the email goes through the outbox and names no one."""
    path = ("input",)
    conference = await visible_conference(session, actor, conference_id, (*path, "conferenceId"))
    access.require(actor, "child.views.send", conference, path=(*path, "conferenceId"))
    if conference.status != ConferenceStatus.SCHEDULED or conference.scheduled_at is None:
        raise conflict((*path, "conferenceId"), "Schedule the meeting before asking for the child's views.")
    number = parse_id(child_id, (*path, "childId"), "child")
    covered = (await session.execute(select(ConferenceChild.child_id).where(
        ConferenceChild.conference_id == conference.id, ConferenceChild.child_id == number))).first()
    if covered is None:
        raise not_found((*path, "childId"), "child in this conference")
    email = email.strip()
    if not is_email(email) or len(email) > 320:
        raise DomainError(Problem((*path, "email"), "Enter the email address of the child or their advocate, like name@example.org."))
    la = await session.get(LocalAuthority, conference.la_id)
    assert la is not None
    person = await _views_person(session, la, email, for_advocate)
    token = new_secret()
    code = f"{secrets.randbelow(10**6):06d}"
    now = clock.now()
    token_hash = digest(token)
    link = ChildViewsLink(conference_id=conference.id, child_id=number, la_id=conference.la_id, person_id=person.id, for_advocate=for_advocate,
                          token_hash=token_hash, code_hash=_code_hash(key, token_hash, code), sent_by_id=actor.person_id, sent_at=now,
                          expires_at=now + LIFETIME)
    session.add(link)
    await session.flush()
    session.add(ReminderOutbox(
        key=_email_key(link), kind=ReminderKind.CHILD_VIEWS, recipient=person.email, conference_id=conference.id, send_at=now,
        payload={"organisationName": la.name, "dueAt": link.expires_at.isoformat(), "linkPath": f"{base_path}{token}", "timezone": "Europe/London"},
    ))
    await session.flush()
    return SentLink(link, code)


def _email_key(link: ChildViewsLink) -> str:
    return f"{ReminderKind.CHILD_VIEWS}:{link.id}"


async def withdraw_link(session: AsyncSession, actor: Actor, link_id: str) -> ChildViewsLink:
    """Stop a link: it no longer opens, its email is not sent if it is still waiting in the outbox, and
    the child is told to ask their social worker. Views already given stay with the chair."""
    path = ("input", "linkId")
    number = parse_id(link_id, path, "link")
    link = (await session.execute(
        select(ChildViewsLink).where(ChildViewsLink.id == number, access.scope(actor, "child.views.links")).with_for_update()
    )).scalar_one_or_none()
    conference = await session.get(Conference, link.conference_id) if link is not None else None
    if link is None or conference is None or not access.allowed(actor, "child.views.withdraw", conference):
        raise not_found(path, "link")
    if link.withdrawn_at is not None:
        raise conflict(path, ALREADY_WITHDRAWN)
    link.withdrawn_at, link.withdrawn_by_id = clock.now(), actor.person_id
    await cancel_unsent(session, _email_key(link))
    await session.flush()
    return link


async def _views_person(session: AsyncSession, la: LocalAuthority, email: str, for_advocate: bool) -> Person:
    organisation = await _family_organisation(session, la)
    person = (await session.execute(select(Person).where(func.lower(Person.email) == email.lower()))).scalar_one_or_none()
    if person is None:
        person = Person(organisation_id=organisation.id, name="Advocate" if for_advocate else "Child", email=email, job_title="")
        session.add(person)
        await session.flush()
    elif person.organisation_id != organisation.id:
        raise conflict(("input", "email"), NOT_FOR_STAFF)
    return person


async def link_refusal(session: AsyncSession, token: str) -> str | None:
    """Why the link cannot be used, before any code is typed: it is unknown, expired, withdrawn or stopped; None when it works."""
    link = (await session.execute(select(ChildViewsLink).where(ChildViewsLink.token_hash == digest(token)))).scalar_one_or_none()
    if link is None or link.expires_at <= clock.now():
        return EXPIRED
    if link.withdrawn_at is not None:
        return WITHDRAWN
    return TOO_MANY if link.attempts >= MAX_ATTEMPTS else None


async def open_link(session: AsyncSession, key: str, token: str, code: str) -> tuple[ChildViewsLink | None, str | None]:
    """The link the token names and whether the code opens it: (link, None) when it does, else the refusal.
    A wrong code counts against the link; the caller commits that."""
    link = (await session.execute(select(ChildViewsLink).where(ChildViewsLink.token_hash == digest(token)))).scalar_one_or_none()
    if link is None or link.expires_at <= clock.now():
        return None, EXPIRED
    if link.withdrawn_at is not None:
        return link, WITHDRAWN
    if link.attempts >= MAX_ATTEMPTS:
        return link, TOO_MANY
    if not secrets.compare_digest(link.code_hash, _code_hash(key, link.token_hash, code)):
        link.attempts += 1
        return link, TOO_MANY if link.attempts >= MAX_ATTEMPTS else WRONG_CODE
    return link, None


def problems_with(answers: Answers) -> list[Problem]:
    problems = []
    for question in QUESTIONS:
        text = getattr(answers, question)
        if len(text) > MAX_ANSWER:
            problems.append(Problem(("input", FIELDS[question]), TOO_LONG.format(limit=MAX_ANSWER, length=len(text))))
    if any(p not in PICTURES for p in answers.pictures) or len(answers.pictures) > len(PICTURES):
        problems.append(Problem(("input", "pictures"), UNKNOWN_PICTURE))
    if not problems and not (any(getattr(answers, q).strip() for q in QUESTIONS) or answers.pictures or answers.drawing):
        problems.append(Problem(("input", "goingWell"), NOTHING))
    return problems


async def own_link(session: AsyncSession, actor: Actor, link_id: str) -> ChildViewsLink:
    path = ("input", "linkId")
    number = parse_id(link_id, path, "link")
    link = (await session.execute(
        select(ChildViewsLink).join(Conference, Conference.id == ChildViewsLink.conference_id)
        .where(ChildViewsLink.id == number, access.scope(actor, "child.views.own"), Conference.status == ConferenceStatus.SCHEDULED)
        .with_for_update(of=ChildViewsLink)
    )).scalar_one_or_none()
    if link is None or link.expires_at <= clock.now():
        raise not_found(path, "link")
    if link.withdrawn_at is not None:
        raise DomainError(Problem(path, WITHDRAWN, ErrorCode.NOT_FOUND))
    return link


async def submit_views(session: AsyncSession, actor: Actor, link_id: str, answers: Answers) -> ChildViews:
    link = await own_link(session, actor, link_id)
    if problems := problems_with(answers):
        raise DomainError(*problems)
    views = (await session.execute(select(ChildViews).where(ChildViews.link_id == link.id))).scalar_one_or_none()
    if views is None:
        views = ChildViews(link_id=link.id, conference_id=link.conference_id, child_id=link.child_id, submitted_by_id=actor.person_id)
        session.add(views)
    for question in QUESTIONS:
        setattr(views, question, getattr(answers, question).strip())
    views.pictures = ",".join(dict.fromkeys(answers.pictures))
    views.drawing = answers.drawing.data if answers.drawing else None
    views.drawing_type = answers.drawing.content_type if answers.drawing else ""
    views.submitted_by_id, views.submitted_at = actor.person_id, clock.now()
    await _record_consultation(session, actor, link)
    await session.flush()
    return views


def conveyed_by(link: ChildViewsLink) -> ViewsConveyed:
    return ViewsConveyed.ADVOCATE if link.for_advocate else ViewsConveyed.CONSULTATION_FORM


def participation(views_conveyed: ViewsConveyed) -> str:
    return PARTICIPATION[views_conveyed]


async def _record_consultation(session: AsyncSession, actor: Actor, link: ChildViewsLink) -> None:
    """The child's consultation for the meeting now says how their views came; a child recorded as
    attending keeps that, and whether they were seen is the social worker's to record."""
    consultation = (await session.execute(select(ChildConsultation).where(
        ChildConsultation.conference_id == link.conference_id, ChildConsultation.child_id == link.child_id).with_for_update())).scalar_one_or_none()
    how = conveyed_by(link)
    said = f"Views given in the portal by {'their advocate' if link.for_advocate else 'the child'} on {clock.now():%d %B %Y} ({participation(how)})."
    if consultation is None:
        consultation = ChildConsultation(conference_id=link.conference_id, child_id=link.child_id, seen=False, views_conveyed=how,
                                         note=said, recorded_by_id=actor.person_id)
        session.add(consultation)
    else:
        if consultation.views_conveyed != ViewsConveyed.ATTENDED:
            consultation.views_conveyed = how
        consultation.note = f"{consultation.note}\n{said}".strip()[-4000:]
        consultation.recorded_by_id, consultation.recorded_at = actor.person_id, clock.now()
    conference_changed(session, link.conference_id)


"""Invented IRO challenges for the demo: each council's managers who answer them, and five challenges at
different stages (one just raised, one escalated past its stage's deadline, one awaiting the head of
service, one resolved, one upheld by the director after the time limit)."""

from collections.abc import Callable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal import clock
from portal.challenges.models import Challenge, ChallengeReason, ChallengeStatus, ChallengeStep
from portal.challenges.process import overall_due, stage_due
from portal.children.models import Child
from portal.conferences.models import Conference, ConferenceChild
from portal.enums import Role
from portal.people.models import LocalAuthority, Organisation, Person, PersonRole
from portal.timescales import LARules

MANAGERS = ((Role.TEAM_MANAGER, "Team manager, children in care"), (Role.TEAM_MANAGER, "Team manager, child protection"),
            (Role.SERVICE_MANAGER, "Service manager, children's social care"), (Role.DIRECTOR, "Director of children's services"))
MakePerson = Callable[[Organisation, str, list[tuple[Role, int | None]], str], Person]

# raised (working days ago), by chair, kind, reasons, other, sought, steps: (stage, working days after raising, responder role index, outcome)
CHALLENGES = (
    (2, 0, "ALERT", ("child_not_consulted",), "", "The child is visited and their wishes recorded before the review.",
     (("informal", 0, 0, None),)),
    (12, 1, "FORMAL", ("decisions_not_actioned", "no_up_to_date_assessment"), "", "The assessment is updated and the review's actions completed.",
     (("informal", 0, 0, "NOT_UPHELD"), ("service_manager", 4, 2, None))),
    (6, 1, "FORMAL", ("views_not_informing_planning",), "", "The care plan is revised with the young person's views at its centre.",
     (("head_of_service", 0, 3, None),)),
    (9, 0, "ALERT", ("other",), "Contact arrangements changed without a review", "Contact is set by a review, as the plan requires.",
     (("team_manager", 0, 1, "RESOLVED"),)),
    (40, 0, "FORMAL", ("plan_not_reviewed_at_core_group", "life_not_seen_through_childs_eyes"), "",
     "The placement is reviewed against the fostering standards.",
     (("informal", 0, 0, "NOT_UPHELD"), ("service_manager", 5, 2, "NOT_UPHELD"), ("director", 18, 4, "UPHELD"))),
)
RESPONSES = {"NOT_UPHELD": "The plan is on track; we do not agree that action is needed.", "RESOLVED": "Put right: the review is booked.",
             "UPHELD": "Agreed. An action plan follows and children in similar placements will be reviewed."}


def seed_challenges(session: Session, la: LocalAuthority, social: Organisation, rules: LARules, person: MakePerson, today: date | None = None) -> int:
    today = today or clock.today()
    calendar = rules.calendar()
    managers = [person(social, title, [(role, la.id)], la.slug) for role, title in MANAGERS]
    head = session.execute(select(Person).join(PersonRole, PersonRole.person_id == Person.id)
                           .where(PersonRole.role == Role.HEAD_OF_SERVICE, PersonRole.la_id == la.id)).scalars().first()
    chairs = session.execute(select(Person).join(PersonRole, PersonRole.person_id == Person.id)
                             .where(PersonRole.role == Role.CHAIR, PersonRole.la_id == la.id).order_by(Person.id)).scalars().all()
    responders = [*managers[:3], head, managers[3]]
    children = session.execute(select(Child.id, ConferenceChild.conference_id).join(ConferenceChild, ConferenceChild.child_id == Child.id)
                               .join(Conference, Conference.id == ConferenceChild.conference_id)
                               .where(Child.la_id == la.id).order_by(Child.id, Conference.id)).all()
    firsts = list({child: conference for child, conference in reversed(children)}.items())
    process = rules.challenges
    for n, (ago, chair, kind, reasons, other, sought, steps) in enumerate(CHALLENGES):
        child, conference = firsts[n % len(firsts)]
        raised = calendar.subtract_working_days(today, ago)
        last_stage, last_outcome = steps[-1][0], steps[-1][3]
        closed = last_outcome in ("RESOLVED", "UPHELD")
        challenge = Challenge(la_id=la.id, child_id=child, conference_id=conference, raised_by_id=chairs[chair].id, kind=kind,
                              resolution_sought=sought, other_reason=other, raised_on=raised, due_on=overall_due(raised, process, calendar),
                              status=ChallengeStatus.CLOSED if closed else ChallengeStatus.OPEN, stage=last_stage, outcome=last_outcome)
        session.add(challenge)
        session.flush()
        session.add_all(ChallengeReason(challenge_id=challenge.id, reason=r) for r in reasons)
        for stage_id, after, who, outcome in steps:
            stage = process.stage(stage_id)
            assert stage is not None
            started = calendar.add_working_days(raised, after)
            due = stage_due(started, stage, calendar)
            answered = min(calendar.add_working_days(started, 3), today) if outcome else None
            session.add(ChallengeStep(challenge_id=challenge.id, stage=stage.id, position=process.position(stage.id), stage_name=stage.name,
                                      responder_id=responders[who].id, started_on=started, due_on=due, started_by_id=chairs[chair].id,
                                      outcome=outcome, response=RESPONSES.get(outcome or "", ""), responded_on=answered,
                                      responded_by_id=responders[who].id if outcome else None))
            if closed and stage_id == last_stage:
                challenge.closed_on = answered
    session.flush()
    return len(CHALLENGES)

"""IRO challenges' pages in-process: an IRO raises a challenge from a child's conference (mistakes shown
with what was typed kept), the manager asked answers it from the list awaiting them, the IRO escalates
and closes, and the head of service reads the overview. Everyone else, and the same roles in the other
council, get "not found" and change nothing."""

import re

from sqlalchemy import func, select

from portal.challenges.models import Challenge, ChallengeStep
from portal.demo_identity import HEADER


async def get(api, path: str, person: int):
    return await api.client.get(path, headers={HEADER: str(person), "accept": "text/html"})


async def post(api, path: str, person: int, data):
    return await api.client.post(path, data=data, headers={HEADER: str(person), "accept": "text/html"})


def error_links(page: str) -> list[str]:
    return re.findall(r'<a href="(#[\w-]+)">', page.split('class="govuk-error-summary"', 1)[1].split("</ul>", 1)[0]) if "govuk-error-summary" in page else []


def raising(world, **change):
    return {"child": world.id("child_a1"), "conference": world.id("conf_a"), "kind": "FORMAL", "reasons": ["report_quality"],
            "resolution-sought": "A report that meets the standard before the review.", "stage": "informal", "responder": world.id("tm_a"), **change}


async def raise_one(api, world) -> str:
    raised = await post(api, "/challenges/new", world.chair_a, raising(world))
    assert raised.status_code == 303, raised.text
    return re.search(r"/challenges/(\d+)", raised.headers["location"])[1]


async def count(database) -> int:
    async with database.session() as session:
        return (await session.execute(select(func.count()).select_from(Challenge))).scalar_one()


async def test_an_iro_raises_a_challenge_from_the_conference_page_and_a_mistake_keeps_what_was_typed(api, managed, database):
    conference = await get(api, f"/chair/conferences/{managed.conf_a}", managed.chair_a)
    link = f'/challenges/new?child={managed.id("child_a1")}&amp;conference={managed.id("conf_a")}'
    assert f'href="{link}"' in conference.text
    form = await get(api, link.replace("&amp;", "&"), managed.chair_a)
    assert form.status_code == 200 and "Maisie Ashdown" in form.text and "Tm A2" in form.text and "Not seeing" not in form.text
    wrong = await post(api, "/challenges/new", managed.chair_a, raising(managed, kind="", **{"resolution-sought": "Sooner, please"}))
    assert wrong.status_code == 200 and error_links(wrong.text) == ["#kind"] and "Sooner, please" in wrong.text
    missing = await post(api, "/challenges/new", managed.chair_a, raising(managed, reasons=["other"], responder="", **{"other-reason": ""}))
    assert missing.status_code == 200 and error_links(missing.text) == ["#other-reason", "#responder"]
    assert 'value="other" checked' in missing.text
    assert await count(database) == 0
    challenge = await raise_one(api, managed)
    page = await get(api, f"/challenges/{challenge}?done=raised", managed.chair_a)
    assert page.status_code == 200 and "The challenge is raised" in page.text and "The review report did not meet the required standard" in page.text
    assert "19 October 2026" in page.text and "9 November 2026" in page.text and 'action="/challenges/' + challenge + '/escalate"' in page.text
    listing = await get(api, "/challenges", managed.chair_a)
    assert f'href="/challenges/{challenge}"' in listing.text and "Challenges you raised that are open" in listing.text


async def test_the_manager_asked_answers_from_their_list_and_the_iro_escalates_and_closes(api, managed, database):
    challenge = await raise_one(api, managed)
    waiting = await get(api, "/challenges", managed.tm_a)
    assert waiting.status_code == 200 and f'href="/challenges/{challenge}"' in waiting.text
    assert f'href="/challenges/{challenge}"' not in (await get(api, "/challenges", managed.tm_a2)).text
    page = await get(api, f"/challenges/{challenge}", managed.tm_a)
    assert 'action="/challenges/' + challenge + '/respond"' in page.text and "/escalate" not in page.text
    unanswered = await post(api, f"/challenges/{challenge}/respond", managed.tm_a, {"outcome": "NOT_UPHELD", "response": ""})
    assert unanswered.status_code == 200 and error_links(unanswered.text) == ["#response"] and 'value="NOT_UPHELD" checked' in unanswered.text
    answered = await post(api, f"/challenges/{challenge}/respond", managed.tm_a, {"outcome": "NOT_UPHELD", "response": "The report was adequate."})
    assert answered.status_code == 303
    assert "The report was adequate." in (await get(api, f"/challenges/{challenge}", managed.chair_a)).text

    no_stage = await post(api, f"/challenges/{challenge}/escalate", managed.chair_a, {"stage": "", "note": "Still poor"})
    assert error_links(no_stage.text) == ["#stage"] and "Still poor" in no_stage.text
    wrong_person = await post(api, f"/challenges/{challenge}/escalate", managed.chair_a, {"stage": "director", "responder": managed.id("sm_a")})
    assert error_links(wrong_person.text) == ["#responder"]
    escalated = await post(api, f"/challenges/{challenge}/escalate", managed.chair_a, {"stage": "director", "responder": managed.id("dir_a")})
    assert escalated.status_code == 303
    assert f'href="/challenges/{challenge}"' in (await get(api, "/challenges", managed.dir_a)).text
    closed = await post(api, f"/challenges/{challenge}/close", managed.chair_a2, {"closing-note": "Resolved at the review."})
    assert closed.status_code == 303
    page = await get(api, f"/challenges/{challenge}", managed.dir_a)
    assert "Resolved at the review." in page.text and "/respond" not in page.text
    async with database.session() as session:
        assert [s.stage for s in (await session.execute(select(ChallengeStep).order_by(ChallengeStep.position))).scalars()] == ["informal", "director"]


async def test_the_head_of_service_reads_the_overview_by_reason_stage_and_outcome(api, managed):
    challenge = await raise_one(api, managed)
    for person in ("hos_a", "irom_a"):
        page = await get(api, "/challenges/overview", getattr(managed, person))
        assert page.status_code == 200 and "1 raised, 1 open, 0 upheld, 0 over the time limit." in page.text, person
        assert f'href="/challenges/{challenge}"' in page.text and "By highest stage reached" in page.text
    none = await get(api, "/challenges/overview?reason=child_not_consulted", managed.hos_a)
    assert f'href="/challenges/{challenge}"' not in none.text and "No challenges." in none.text
    assert 'href="/challenges/overview"' in (await get(api, "/challenges", managed.hos_a)).text


async def test_everyone_else_and_the_same_roles_elsewhere_get_not_found_and_change_nothing(api, managed, database):
    challenge = await raise_one(api, managed)
    new = f"/challenges/new?child={managed.id('child_a1')}"
    for person in ("bs_a", "sw_a", "chair_b", "tm_b", "hos_b", "irom_b", "gp1_author", "guardian_1"):
        who = getattr(managed, person)
        for path in (f"/challenges/{challenge}", new, *(() if person in ("hos_b", "irom_b") else ("/challenges/overview",))):
            assert (await get(api, path, who)).status_code == 404, (person, path)
        for path, data in ((f"/challenges/{challenge}/respond", {"outcome": "RESOLVED", "response": "x"}),
                           (f"/challenges/{challenge}/escalate", {"stage": "director"}), (f"/challenges/{challenge}/close", {}),
                           ("/challenges/new", raising(managed))):
            assert (await post(api, path, who, data)).status_code == 404, (person, path)
    for person in ("hos_b", "irom_b"):  # their own council's overview, without Easterby's challenge
        page = await get(api, "/challenges/overview", getattr(managed, person))
        assert page.status_code == 200 and "0 raised" in page.text and f"/challenges/{challenge}" not in page.text, person
    for person in ("bs_a", "sw_a", "gp1_author", "guardian_1"):
        assert (await get(api, "/challenges", getattr(managed, person))).status_code == 404, person
    for person in ("tm_a", "sm_a", "chair_a", "dir_a"):
        assert (await get(api, "/challenges/overview", getattr(managed, person))).status_code == 404, person
    for person in ("tm_a", "hos_a"):
        assert (await get(api, new, getattr(managed, person))).status_code == 404, person
    refused = await post(api, f"/challenges/{challenge}/escalate", managed.tm_a, {"stage": "director"})
    assert refused.status_code == 200 and error_links(refused.text) == ["#stage"]
    assert await count(database) == 1
    async with database.session() as session:
        assert [s.stage for s in (await session.execute(select(ChallengeStep))).scalars()] == ["informal"]

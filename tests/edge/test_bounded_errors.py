"""However big a bad request, its errors stay small: values echoed at most 100 characters, and at
most 50 errors and one saying how many more."""

from portal.errors import ECHO_CHARS, MAX_PROBLEMS, MESSAGE_CHARS, Problem, bounded
from tests.support.contributions import SELECTION


def test_a_problem_cuts_its_message_and_path_short():
    problem = Problem(("input", "x" * 10_000), "y" * 10_000)
    assert len(problem.path[1]) == ECHO_CHARS and problem.path[1].endswith("…")
    assert len(problem.message) == MESSAGE_CHARS


def test_many_problems_become_fifty_and_a_count_of_the_rest():
    problems = bounded(tuple(Problem(("input", str(i)), "Bad.") for i in range(20_000)))
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1].message == "… and 19,950 more problems; correct those above and try again."


async def _save(api, world, sections):
    return await api.mutate("saveDraft", {"invitationId": world.id("inv_gp1"), "sections": sections}, SELECTION, as_=world.gp1_author)


async def test_a_huge_section_id_is_echoed_cut_short(api, world):
    huge = "s" * 1_000_000
    saved = await _save(api, world, [{"sectionId": huge, "text": "Words."}])
    (error,) = saved["errors"]
    assert error["code"] == "INVALID" and len(error["message"]) < 200 and "s" * 98 + "…" in error["message"]
    assert all(len(p) <= ECHO_CHARS for p in error["path"])


async def test_twenty_thousand_bad_sections_give_fifty_errors_and_a_count(api, world):
    saved = await _save(api, world, [{"sectionId": f"nope{i}", "text": "x"} for i in range(20_000)])
    assert saved["contribution"] is None and len(saved["errors"]) == MAX_PROBLEMS + 1
    assert saved["errors"][-1]["message"] == "… and 19,950 more problems; correct those above and try again."


async def test_bad_variable_values_are_plain_errors_cut_short(api, world):
    query = "mutation($input: SaveDraftInput!) { saveDraft(input: $input) { errors { code } } }"
    many = {"invitationId": world.id("inv_gp1"), "sections": [{"sectionId": "a", "text": i} for i in range(2_000)]}
    errors = (await api.raw(query, {"input": many}, as_=world.gp1_author)).json()["errors"]
    assert len(errors) <= MAX_PROBLEMS + 1 and "Unexpected error." not in {e["message"] for e in errors}
    assert "String cannot represent a non string value: 0" in errors[0]["message"]
    for bad in (
        ('query($k: ConferenceKind) { conferences(filter: {kind: $k}) { nodes { id } } }', {"k": "x" * 100_000}),
        ('{ conferences(filter: {kind: "%s"}) { nodes { id } } }' % ("x" * 100_000), {}),
        ('query($k: Int) { conferences(first: $k) { nodes { id } } }', {"k": "9" * 100_000}),
    ):
        (error,) = (await api.raw(*bad, as_=world.chair_a)).json()["errors"]
        assert error["message"] != "Unexpected error." and len(error["message"]) <= MESSAGE_CHARS, error["message"][:200]


async def test_a_query_with_many_mistakes_gets_fifty_errors_and_a_count(api, world):
    query = "{ " + " ".join(f"nope{i}" for i in range(90)) + " }"
    errors = (await api.raw(query, as_=world.chair_a)).json()["errors"]
    assert len(errors) == MAX_PROBLEMS + 1 and errors[-1]["message"] == "… and 40 more errors."

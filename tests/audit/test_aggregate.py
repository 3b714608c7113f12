from portal.audit.aggregate import by_council, by_practice, by_quarter, summarise
from portal.audit.contribution import parse_contribution
from tests.support.audit_builders import contribution


def scored(scorer, texts=None, /, **fields):
    c = parse_contribution(contribution(texts, **fields))
    return c, scorer.score(c)


def test_summary_per_council(scorer):
    holmcastle = {
        "id": "40",
        "kind": "ICPC",
        "scheduledAt": "2026-11-02T10:00:00+00:00",
        "laSlug": "holmcastle",
        "children": [{"id": "4"}, {"id": "5"}],
    }
    items = [
        scored(scorer, id="1"),
        scored(scorer, {"immunisations": "N/A", "danger_statement": "Neglect"}, id="2", sharedWithFamilyOn=None),
        scored(scorer, {"immunisations": ""}, id="3", conference=holmcastle, submittedAt="2026-11-03T09:00:00+00:00"),
    ]
    easterby, holm = summarise(items, by_council)
    assert (easterby.group, easterby.contributions, easterby.never_shared, easterby.late) == ("easterby", 2, 1, 0)
    assert easterby.mean_score == round((100 + items[1][1].score) / 2, 1)
    assert easterby.most_often_not_met == (("danger_statement", 1), ("immunisations", 1), ("shared_with_family", 1))
    assert (holm.group, holm.late, holm.most_often_not_met[0]) == ("holmcastle", 1, ("immunisations", 1))


def test_summary_per_practice_and_quarter(scorer):
    other = {"id": "8", "name": "Hillside Medical Centre", "code": "Y05678", "laSlug": "westmarsh"}
    items = [scored(scorer, id="1"), scored(scorer, id="2", organisation=other)]
    assert [s.group for s in summarise(items, by_practice)] == [
        "Y01234 Riverside Surgery",
        "Y05678 Hillside Medical Centre",
    ]
    assert [(s.group, s.contributions) for s in summarise(items, by_quarter)] == [("2026-Q4", 2)]

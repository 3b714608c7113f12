from portal.audit.moderation import settle
from portal.audit.results import Level

M, P, N = Level.MET, Level.PARTLY_MET, Level.NOT_MET


def test_agreed_levels_stand_and_disagreements_wait_for_the_moderator():
    result = settle({("1", "worries"): [M, M], ("1", "immunisations"): [M, N], ("2", "worries"): [P]}, {})
    assert result.levels == {("1", "worries"): M, ("2", "worries"): P}
    assert result.awaiting_moderator == (("1", "immunisations"),)


def test_the_moderator_decides_even_over_agreement():
    auditors = {("1", "immunisations"): [M, N], ("1", "worries"): [M, M]}
    result = settle(auditors, {("1", "immunisations"): P, ("1", "worries"): N})
    assert result.levels == {("1", "immunisations"): P, ("1", "worries"): N}
    assert result.awaiting_moderator == ()

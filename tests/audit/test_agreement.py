import pytest

from portal.audit.agreement import agreement, cohens_kappa
from portal.audit.results import Level

M, P, N, NA = Level.MET, Level.PARTLY_MET, Level.NOT_MET, Level.NOT_APPLICABLE


def test_kappa_matches_a_hand_computed_two_category_table():
    # 50 items: both yes 20, A yes/B no 5, A no/B yes 10, both no 15.
    # po = 35/50 = 0.7; pe = (25*30 + 25*20) / 2500 = 0.5; kappa = 0.2/0.5 = 0.4
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert cohens_kappa(pairs) == pytest.approx(0.4)


def test_kappa_matches_a_hand_computed_three_category_table():
    # Rows rater A, columns rater B (M, P, N): [[6,2,0],[1,3,1],[0,1,6]], n = 20.
    # po = 15/20 = 0.75; A totals 8,5,7; B totals 7,6,7; pe = (56+30+49)/400 = 0.3375
    # kappa = (0.75-0.3375)/(1-0.3375) = 0.4125/0.6625 = 0.622641...
    table = {("M", "M"): 6, ("M", "P"): 2, ("P", "M"): 1, ("P", "P"): 3, ("P", "N"): 1, ("N", "P"): 1, ("N", "N"): 6}
    pairs = [pair for pair, count in table.items() for _ in range(count)]
    assert cohens_kappa(pairs) == pytest.approx(0.4125 / 0.6625)


def test_kappa_is_negative_when_raters_systematically_disagree():
    assert cohens_kappa([("a", "b"), ("b", "a")]) == pytest.approx(-1.0)


def test_kappa_is_undefined_when_everyone_uses_one_level_or_nothing_is_compared():
    assert cohens_kappa([("a", "a")] * 4) is None
    assert cohens_kappa([]) is None


def test_agreement_per_criterion_lists_disagreements():
    scorer = {("1", "immunisations"): M, ("2", "immunisations"): N, ("3", "immunisations"): M, ("1", "worries"): P}
    auditor = {("1", "immunisations"): M, ("2", "immunisations"): N, ("3", "immunisations"): P, ("9", "worries"): M}
    result = agreement(scorer, auditor)
    assert list(result) == ["immunisations"]  # worries was never rated by both
    imm = result["immunisations"]
    assert imm.compared == 3 and imm.percent == pytest.approx(66.7)
    # pairs (M,M),(N,N),(M,P): po=2/3; A: M2 N1; B: M1 N1 P1; pe=(2+1)/9=1/3; kappa=(1/3)/(2/3)=0.5
    assert imm.kappa == 0.5
    assert [(d.contribution_id, d.scorer, d.auditor) for d in imm.disagreements] == [("3", M, P)]

"""The DfE's code lists for the fields the imports check (SSDA903 and CIN census guides)."""

SEX = frozenset({"1", "2"})
ETHNICITY = frozenset({
    "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH",
    "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
})
# S started to be looked after; L legal status only; P placement and carers; T both; U both, same carers; B placement, same carers.
REASON_NEW_EPISODE = frozenset({"S", "L", "P", "T", "U", "B"})
STARTED = "S"
NEW_CARERS = frozenset({"S", "P", "T"})  # a new placement with new carers, as the placement stability measure counts them
LEGAL_STATUS = frozenset({"C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4"})
NEED = frozenset({f"N{n}" for n in range(1, 9)})
PLACEMENT = frozenset({
    "A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1",
    "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1",
})
PLACEMENT_PROVIDER = frozenset({"PR0", "PR1", "PR2", "PR3", "PR4", "PR5"})
# X1: the episode ends and another begins without a break; every other code ends the period of care.
REASON_ENDED = frozenset({
    "X1", "E11", "E12", "E13", "E14", "E15", "E16", "E17", "E2", "E3", "E41", "E45", "E46", "E47", "E48",
    "E4A", "E4B", "E5", "E6", "E7", "E8", "E9",
})
CONTINUES = "X1"
REASON_PLACE_CHANGE = frozenset({"CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER"})
PARTICIPATION = {
    "PN0": "Child aged under 4 at the time of the review",
    "PN1": "Attended and spoke for themselves",
    "PN2": "Attended, an advocate spoke for them",
    "PN3": "Attended and conveyed their views symbolically",
    "PN4": "Attended but did not contribute",
    "PN5": "Did not attend, briefed an advocate",
    "PN6": "Did not attend, conveyed their views by another method",
    "PN7": "Did not attend and did not convey their views",
}
ABUSE_CATEGORY = {"NEG": "Neglect", "PHY": "Physical abuse", "EMO": "Emotional abuse", "SAB": "Sexual abuse", "MUL": "Multiple"}

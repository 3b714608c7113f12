from enum import StrEnum


class ConferenceKind(StrEnum):
    ICPC = "ICPC"
    RCPC = "RCPC"
    LAC_REVIEW = "LAC_REVIEW"
    TRANSFER_IN_ICPC = "TRANSFER_IN_ICPC"

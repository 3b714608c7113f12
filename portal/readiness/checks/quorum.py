"""Social care plus at least the LA's minimum number of other agencies have contributed."""

from portal.readiness.inputs import ReadinessInput
from portal.readiness.result import CheckResult, Status
from portal.readiness.wording import BUSINESS_SUPPORT, contributors, listed

ID = "quorum"
TITLE = "Quorum: social care and enough other agencies"


def check(data: ReadinessInput) -> CheckResult:
    rule = data.rules.quorum
    need = rule.min_other_agencies
    submitted = {i.organisation.agency_id for i, _ in data.submitted()}
    invited = {i.organisation.agency_id for i in data.invitations}
    others_submitted = submitted - {rule.social_care_agency}
    others_invited = invited - {rule.social_care_agency}
    requirement = f"social care plus at least {need} other agencies"
    if rule.social_care_agency in submitted and len(others_submitted) >= need:
        return CheckResult(ID, TITLE, Status.MET, f"Quorate: {requirement}; {len(others_submitted)} other agencies have contributed.")
    if rule.social_care_agency not in invited or len(others_invited) < need:
        return CheckResult(
            ID, TITLE, Status.NOT_MET,
            f"Cannot be quorate: {requirement} are needed, but social care is "
            f"{'' if rule.social_care_agency in invited else 'not '}invited and {len(others_invited)} other agencies are invited.",
            (BUSINESS_SUPPORT,),
        )
    outstanding = data.outstanding()
    status = Status.NOT_MET if data.meeting_passed else Status.AT_RISK
    return CheckResult(
        ID, TITLE, status,
        f"Not yet quorate: {requirement} are needed and {len(others_submitted)} other agencies have contributed"
        f"{'' if rule.social_care_agency in submitted else ', without social care'}. "
        f"Waiting for {listed(i.organisation.name for i in outstanding)}.",
        contributors(outstanding),
    )

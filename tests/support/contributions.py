"""A GP's complete report and saving it as a draft through the API."""

REQUIRED_GP = {
    "about_author": "Dr Penrose, GP partner; from the practice records.",
    "worries": "Bruising seen twice in October with differing explanations.",
    "registration_attendance": "Registered since birth; last seen 2 November.",
    "immunisations": "Pre-school booster overdue.",
    "missed_appointments": "Not brought to two paediatric appointments.",
    "parental_health": "Mother: depression, alcohol misuse.",
    "working_well": "Grandmother visits every weekend.",
    "next_steps": "Medication review for mother within two weeks.",
    "danger_statement": "If drinking continues, Maisie could be left at night without a sober adult and be seriously hurt.",
}
SELECTION = "contribution { id status version sections { id text { source html } } scales { childId score } }"


def sections(texts: dict[str, str]) -> list[dict[str, str]]:
    return [{"sectionId": k, "text": v} for k, v in texts.items()]


async def draft(api, world, texts=REQUIRED_GP, scales=None, as_=None):
    payload = await api.mutate(
        "saveDraft",
        {"invitationId": world.id("inv_gp1"), "sections": sections(texts), "scales": scales or []},
        SELECTION,
        as_=as_ or world.gp1_author,
    )
    assert payload["errors"] == []
    return payload["contribution"]

"""Care proceedings for the guardians' tests: a second set (Westmarsh's, assigned to guardian 2) and
new versions of the IRO's view, recorded through the API as the IRO."""

from datetime import date

from portal.careplans.models import CarePlanView, CareProceedings, ProceedingsChild

FIRST_VIEW = "The IRO supports the plan for Maisie to stay with her grandmother."
SECOND_VIEW = "The IRO supports the plan for Maisie to stay with her grandmother and asks for contact twice a week."
OTHER_VIEW = "The IRO does not support the plan for Esme's placement move."


async def other_guardians_proceedings(database, world) -> int:
    """Westmarsh's proceedings for Esme, assigned to guardian 2, with one view."""
    async with database.session() as session:
        proceedings = CareProceedings(la_id=world.la_b, case_number="WM26C0009", guardian_id=world.guardian_2, started_on=date(2026, 8, 3))
        session.add(proceedings)
        await session.flush()
        session.add(ProceedingsChild(proceedings_id=proceedings.id, child_id=world.child_b1))
        session.add(CarePlanView(proceedings_id=proceedings.id, child_id=world.child_b1, version=1, view=OTHER_VIEW, iro_id=world.chair_b))
        await session.commit()
        assert proceedings.id is not None
        return proceedings.id


async def record_view(api, world, view: str = SECOND_VIEW) -> dict:
    payload = await api.mutate("recordCarePlanView", {"proceedingsId": world.id("proceedings_a"), "childId": world.id("child_a1"), "view": view},
                               "carePlanView { id version }", as_=world.chair_a)
    assert payload["errors"] == [], payload
    return payload["carePlanView"]

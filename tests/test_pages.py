"""Pages run the same GraphQL operations as the API, as the request's person."""


async def test_the_invitation_page_reminder_emails_link_to(api, world):
    response = await api.client.get(f"/invitations/{world.id('inv_gp1')}", headers={"x-portal-demo-person": str(world.gp1_author)})
    assert response.status_code == 200
    assert "Riverside Surgery" in response.text and "Easterby City Council" in response.text
    assert "none received yet" in response.text
    assert f'action="/reports/{world.id("inv_gp1")}/upload"' in response.text


async def test_the_invitation_page_shows_the_draft_and_hides_upload_from_others(api, world):
    await api.mutate("saveDraft", {"invitationId": world.id("inv_gp1"), "sections": [{"sectionId": "worries", "text": "Bruising."}]}, "contribution { id }", as_=world.gp1_author)
    own = await api.client.get(f"/invitations/{world.id('inv_gp1')}", headers={"x-portal-demo-person": str(world.gp1_author)})
    assert "draft, version 1" in own.text and "What are we worried about?" in own.text
    chair = await api.client.get(f"/invitations/{world.id('inv_gp1')}", headers={"x-portal-demo-person": str(world.chair_a)})
    assert chair.status_code == 200
    assert "none received yet" in chair.text and "Bruising" not in chair.text and "/upload" not in chair.text


async def test_the_invitation_page_refuses_strangers(api, world):
    for person in ("gp2_author", "chair_b", "guardian_1"):
        response = await api.client.get(f"/invitations/{world.id('inv_gp1')}", headers={"x-portal-demo-person": str(getattr(world, person))})
        assert response.status_code == 404, person
        assert "Riverside" not in response.text
    anonymous = await api.client.get(f"/invitations/{world.id('inv_gp1')}")
    assert anonymous.status_code == 401
    assert (await api.client.get("/invitations/nonsense", headers={"x-portal-demo-person": str(world.gp1_author)})).status_code == 404

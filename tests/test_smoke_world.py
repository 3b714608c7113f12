async def test_chair_sees_their_conference(api, world):
    data = await api("{ conferences { nodes { id children { givenName } } } }", as_=world.chair_a)
    assert [c["id"] for c in data["conferences"]["nodes"]] == [world.id("conf_a")]

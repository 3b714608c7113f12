"""A child recorded in the portal with the LA's own child id, which links them to the imported returns."""


async def test_a_child_is_recorded_with_the_las_child_id_once_per_la(api, world):
    data = {"laId": world.id("la_a"), "givenName": "Ivy", "familyName": "Marsh", "dateOfBirth": "2015-03-02", "laChildId": " EA0042 "}
    added = await api.mutate("addChild", data, "child { laChildId }", as_=world.bs_a)
    assert added == {"child": {"laChildId": "EA0042"}, "errors": []}
    again = await api.mutate("addChild", {**data, "givenName": "Rose"}, "child { id }", as_=world.bs_a)
    assert (again["errors"][0]["path"], again["errors"][0]["code"]) == (["input", "laChildId"], "CONFLICT")
    elsewhere = await api.mutate("addChild", {**data, "laId": world.id("la_b")}, "child { laChildId }", as_=world.bs_b)
    assert elsewhere["child"] == {"laChildId": "EA0042"}
    too_long = await api.mutate("addChild", {**data, "laChildId": "X" * 41}, "child { id }", as_=world.bs_a)
    assert too_long["errors"][0]["path"] == ["input", "laChildId"]

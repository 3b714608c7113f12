"""Ids in paths and demo identities that name no row get a plain 4xx, never a crash."""

import pytest

from portal.demo_identity import COOKIE
from portal.ids import parse_id

NOT_IDS = ["2147483648", "9223372036854775808", "99999999999999999999", "¹", "٣", "𝟙", "0", "-1", "1.0", " 1", "x", ""]


@pytest.mark.parametrize("text", NOT_IDS)
def test_parse_id_names_no_row_for_what_no_row_can_have(text):
    assert parse_id(text) is None


def test_parse_id_reads_plain_ids():
    assert [parse_id(t) for t in ("1", "42", "2147483647")] == [1, 42, 2147483647]


async def test_path_ids_that_name_no_row_are_not_found(api, world):
    as_gp = {"x-portal-demo-person": str(world.gp1_author)}
    for bad in NOT_IDS[:-1]:
        page = await api.client.get(f"/invitations/{bad}", headers=as_gp)
        assert page.status_code == 404 and "no invitation with that number" in page.text, bad
        upload = await api.client.post(f"/invitations/{bad}/upload", headers=as_gp, files={"file": ("a.pdf", b"%PDF-1.7", "application/pdf")})
        assert upload.status_code == 404 and upload.json()["errors"][0]["code"] == "NOT_FOUND", bad
        for kind in ("csv", "xlsx"):
            export = await api.client.get(f"/audit/rounds/{bad}/export.{kind}", headers=as_gp)
            assert export.status_code == 404 and "No audit round" in export.text, bad


@pytest.mark.parametrize("person", ["¹", "٣", "𝟙", "2147483648", "9223372036854775808", "99999999999999999999", "-1", "x"])
async def test_a_demo_identity_that_is_not_an_id_is_not_signed_in(api, world, person):
    headers = {"x-portal-demo-person": person.encode()}
    graphql = await api.client.post("/graphql", json={"query": "{ me { name } }"}, headers=headers)
    page = await api.client.get(f"/invitations/{world.inv_gp1}", headers={**headers, "accept": "text/html"})
    upload = await api.client.post(f"/invitations/{world.inv_gp1}/upload", headers=headers, files={"file": ("a.pdf", b"%PDF-1.7")})
    export = await api.client.get("/audit/rounds/1/export.csv", headers=headers)
    assert [r.status_code for r in (graphql, page, upload, export)] == [401] * 4
    assert "Choose a demo person" in graphql.json()["errors"][0]["message"] and "Choose a demo person" in page.text


async def test_the_demo_cookie_names_a_person_only_when_the_portal_signed_it(api, world):
    api.client.cookies.set(COOKIE, str(world.chair_a))
    forged = await api.client.post("/graphql", json={"query": "{ me { name } }"})
    assert forged.status_code == 401
    api.client.cookies.clear()
    await api.act_as(world.chair_a)
    signed = await api.client.post("/graphql", json={"query": "{ me { name } }"})
    assert signed.json() == {"data": {"me": {"name": "Chair A"}}}
    assert api.client.cookies[COOKIE] != str(world.chair_a)


async def test_choosing_a_person_that_is_not_an_id_sets_no_identity(api):
    chosen = await api.client.post("/demo/act-as", data={"person": "¹"})
    assert chosen.status_code == 303 and COOKIE not in chosen.cookies

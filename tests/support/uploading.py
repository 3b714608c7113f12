"""Uploading through the running app, as the GraphQL multipart request spec describes."""

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from portal.app import create_app
from portal.db import Database
from portal.demo_identity import HEADER
from portal.ingest.limits import IngestLimits
from portal.ingest.worker import IngestWorker, Job
from portal.settings import Settings
from tests.support import pdfs
from tests.support.api import Api

CONTRIBUTION = """id status version
  sections { id text { source } }
  versions { number note sections { id text { source } } }
  uploads { id fileName sha256 size pages versionNumber sectionPages { sectionId pages }
    toReview { item sectionId excerpt confidence needsReview } }"""

UPLOAD = f"""mutation($input: UploadReportInput!) {{ uploadReport(input: $input) {{
  contribution {{ {CONTRIBUTION} }}
  upload {{ id fileName sha256 size pages versionNumber }}
  extraction {{ pages warnings unmapped unmappedPages sections {{ id title pages }}
    placements {{ sectionId sectionTitle excerpt confidence basis heading pages needsReview }}
    toReview {{ sectionId sectionTitle excerpt confidence basis heading pages needsReview }} }}
  errors {{ path message code ingestCode }} }} }}"""

DRAFT = f"""query($id: ID!) {{ conference(id: $id) {{ invitations {{ id contribution {{ {CONTRIBUTION} }} }} }} }}"""


@asynccontextmanager
async def running(database: Database, job: Job | None = None, **settings: Any) -> AsyncIterator[Api]:
    """The app as tests.support.api.Api runs it; `job` replaces the parse done in the worker process."""
    configured = Settings(database_url=database.url, demo=True, **settings)
    app = create_app(configured, database=database)
    if job is not None:
        app.state.ingest_worker = IngestWorker(IngestLimits.from_settings(configured), job=job)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://portal.test") as client:
        yield Api(client)


def multipart(invitation_id: int | str, mode: str = "MERGE") -> dict[str, str]:
    operations = {"query": UPLOAD, "variables": {"input": {"invitationId": str(invitation_id), "file": None, "mode": mode}}}
    return {"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.input.file"]})}


async def upload(api: Api, invitation_id: int | str, data: bytes, *, as_: int, mode: str = "MERGE", name: str = "report.pdf") -> dict[str, Any]:
    response = await api.client.post(
        "/graphql", data=multipart(invitation_id, mode), files={"0": (name, data, "application/pdf")}, headers={HEADER: str(as_)}
    )
    body = response.json()
    assert response.status_code == 200 and not body.get("errors"), body
    return body["data"]["uploadReport"]


async def draft(api: Api, conference_id: int, invitation_id: int, *, as_: int) -> dict[str, Any] | None:
    invitations = (await api(DRAFT, {"id": str(conference_id)}, as_=as_))["conference"]["invitations"]
    return next(i["contribution"] for i in invitations if i["id"] == str(invitation_id))


async def save_draft(api: Api, invitation_id: int, sections: dict[str, str], *, as_: int) -> dict[str, Any]:
    payload = await api.mutate(
        "saveDraft", {"invitationId": str(invitation_id), "sections": [{"sectionId": k, "text": v} for k, v in sections.items()]},
        "contribution { id version }", as_=as_,
    )
    assert payload["errors"] == [], payload
    return payload["contribution"]


def squash(text: str) -> str:
    return " ".join(text.split())


def texts(contribution: dict[str, Any]) -> dict[str, str]:
    return {s["id"]: s["text"]["source"] for s in contribution["sections"]}


async def post_letter_form(api: Api, invitation_id: int, *, as_: int) -> httpx.Response:
    """The upload form post as the invitation page sends it: a letter replacing the draft."""
    await api.act_as(as_)
    return await api.client.post(
        f"/invitations/{invitation_id}/upload", data={"mode": "replace"},
        files={"file": ("letter.pdf", pdfs.letter().data, "application/pdf")},
    )

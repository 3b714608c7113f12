"""The uploadReport mutation (GraphQL multipart request spec)."""

from enum import StrEnum

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.file_uploads import Upload

from portal import access
from portal.api.common import UserError, write
from portal.api.context import Info
from portal.api.contributions.types import ContributionType
from portal.api.ingest.types import ExtractionReport, UploadedReportType, UploadError
from portal.contributions.models import Contribution
from portal.errors import Problem
from portal.identity import Actor
from portal.ingest.review import decide_placement
from portal.ingest.uploads import IncomingFile, UploadOutcome, clean_file_name, ingest_worker, read_capped, upload_report


class UploadMode(StrEnum):
    MERGE = "merge"
    REPLACE = "replace"


UploadModeEnum = strawberry.enum(
    UploadMode,
    name="UploadMode",
    description="MERGE keeps the draft's text and adds what the file has that the draft lacks; REPLACE keeps only the file's text. "
    "Either way the earlier draft is kept as a version.",
)


@strawberry.input
class UploadReportInput:
    invitation_id: strawberry.ID
    file: Upload
    mode: UploadModeEnum = UploadMode.MERGE  # type: ignore[valid-type]


@strawberry.type
@access.fields({"contribution.write": ("contribution", "upload", "extraction"), access.PUBLIC: ("errors",)})
class UploadReportPayload:
    contribution: ContributionType | None
    upload: UploadedReportType | None
    extraction: ExtractionReport | None
    errors: list[UploadError]

    @classmethod
    def of(cls, outcome: UploadOutcome | None, problems: tuple[Problem, ...]) -> "UploadReportPayload":
        if outcome is None:
            return cls(contribution=None, upload=None, extraction=None, errors=[UploadError.of(p) for p in problems])
        return cls(
            contribution=outcome.contribution,  # type: ignore[arg-type]
            upload=UploadedReportType.of(outcome.upload, outcome.version_number),
            extraction=ExtractionReport.of(outcome.result),
            errors=[],
        )


@strawberry.input
class DecidePlacementInput:
    upload_id: strawberry.ID
    item: int = strawberry.field(description="The placement's `item` on the upload's toReview list.")
    section_id: str = strawberry.field(
        description="The section the paragraph belongs in: where it is now confirms it; another section moves it there.")


@strawberry.type
@access.fields({"contribution.write": ("contribution",), access.PUBLIC: ("errors",)})
class DecidePlacementPayload:
    contribution: ContributionType | None
    errors: list[UserError]


@strawberry.type
class IngestMutation:
    @strawberry.mutation(
        description="Settle one paragraph the upload placed with low confidence: keep it in its section, or move it "
        "(taken out of its section and added at the end of the other). Either way it leaves the upload's toReview list."
    )
    async def decide_placement(self, info: Info, input: DecidePlacementInput) -> DecidePlacementPayload:
        async def work(session: AsyncSession, actor: Actor) -> Contribution:
            decided = await decide_placement(session, actor, info.context.agencies, str(input.upload_id), input.item, input.section_id)
            return decided.contribution

        return await write(info, DecidePlacementPayload, work)

    @strawberry.mutation(
        description="Fill your organisation's draft from a PDF of the report. The result is a draft for you to check; "
        "nothing is submitted. The PDF is kept with the version it produced."
    )
    async def upload_report(self, info: Info, input: UploadReportInput) -> UploadReportPayload:
        worker = ingest_worker(info.context.request)
        file = IncomingFile(clean_file_name(input.file.filename), await read_capped(input.file, worker.limits.max_bytes))
        outcome, problems = await upload_report(info.context, worker, str(input.invitation_id), file, input.mode.value)
        return UploadReportPayload.of(outcome, problems)

"""GET /audit/rounds/{id}/export.csv and .xlsx: the round's stored results, through the same actor
resolution and access rules as the API, and recorded in the access log."""

import io
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from portal.accesslog import AccessLogEntry
from portal.audit import services
from portal.audit.export import write_csv, write_xlsx
from portal.edge.context import require_actor
from portal.edge.middleware import session_of
from portal.errors import DomainError
from portal.ids import parse_id

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NOT_FOUND = "No audit round with that id exists, or you may not see it."


def export_route(kind: str) -> Callable[[Request], Awaitable[Response]]:
    async def export(request: Request) -> Response:
        actor = require_actor(request)
        session = session_of(request)
        round_id = parse_id(request.path_params["round_id"])
        if round_id is None:
            return JSONResponse({"error": NOT_FOUND}, status_code=404)
        try:
            audit_round = await services.visible_round(session, actor, round_id, ("id",))
        except DomainError:
            return JSONResponse({"error": NOT_FOUND}, status_code=404)
        results, children = await services.export_results(session, actor, audit_round)
        session.add(AccessLogEntry(
            person_id=actor.person_id, operation_type="export", operation_name=f"audit round {audit_round.id} {kind}",
            fields=["auditRoundExport"], child_ids=sorted(children),
        ))
        await session.commit()
        filename = f"audit-round-{audit_round.id}.{kind}"
        headers = {"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"}
        if kind == "csv":
            text = io.StringIO()
            write_csv(results, text)
            return Response(text.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
        binary = io.BytesIO()
        write_xlsx(results, binary)  # type: ignore[arg-type]
        return Response(binary.getvalue(), media_type=XLSX, headers=headers)

    return export

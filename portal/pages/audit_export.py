"""GET /audit/rounds/{id}/export.csv and .xlsx: the AuditRoundExport query, written as a spreadsheet."""

import io
import logging
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from portal.audit.export import CRITERION_COLUMNS, SUMMARY_COLUMNS, Row, write_csv_rows, write_xlsx_rows
from portal.edge.context import require_actor
from portal.edge.operations import run_query
from portal.edge.routes import OperationRoute
from portal.ids import parse_id

log = logging.getLogger(__name__)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NOT_FOUND = "No audit round with that id exists, or you may not see it."


def _camel(column: str) -> str:
    first, *rest = column.split("_")
    return first + "".join(word.title() for word in rest)


def _rows(found: list[dict[str, Any]], columns: tuple[str, ...]) -> list[Row]:
    keys = [_camel(c) for c in columns]
    return [tuple(row[k] for k in keys) for row in found]


def _spreadsheet(kind: str, export: dict[str, Any]) -> Response:
    criteria = _rows(export["criteria"], CRITERION_COLUMNS)
    if kind == "csv":
        text = io.StringIO()
        write_csv_rows(criteria, text)
        return Response(text.getvalue(), media_type="text/csv; charset=utf-8")
    binary = io.BytesIO()
    write_xlsx_rows(_rows(export["scores"], SUMMARY_COLUMNS), criteria, binary)
    return Response(binary.getvalue(), media_type=XLSX)


def export_route(kind: str) -> OperationRoute:
    async def export(request: Request) -> Response:
        require_actor(request)
        round_id = parse_id(request.path_params["round_id"])
        found = (await run_query(request, "AuditRoundExport", {"id": str(round_id)}))["auditRound"] if round_id else None
        if found is None:
            log.info("export of audit round %s refused: not found", request.path_params["round_id"][:20])
            return JSONResponse({"error": NOT_FOUND}, status_code=404)
        response = _spreadsheet(kind, found["export"])
        response.headers["content-disposition"] = f'attachment; filename="audit-round-{found["id"]}.{kind}"'
        return response

    return OperationRoute(f"/audit/rounds/{{round_id}}/export.{kind}", export, operations=("AuditRoundExport",))

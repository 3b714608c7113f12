"""The pages' CSS, scripts, fonts and images, served under names that change with their content.

GOV.UK Frontend comes from node_modules (installed by `scripts/setup`), the portal's own files from
portal/pages/static. Each file is read once at start-up and served as `/static/assets/<stem>-<hash>.<ext>`,
cached by browsers for a year: a new release changes the name, so nobody keeps a stale stylesheet.
References between them (the stylesheet's images, a script's imports) are rewritten to those names.
The GDS Transport typeface may be used only on GOV.UK, so its @font-face rules are dropped.
"""

import hashlib
import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response

from portal.edge.routes import EdgeRoute
from portal.settings import ROOT

PREFIX = "/static/assets/"
GOVUK = ROOT / "node_modules" / "govuk-frontend" / "dist" / "govuk"
OWN = Path(__file__).parent / "static"
IMMUTABLE = "public, max-age=31536000, immutable"
FONT_FACE = re.compile(r"@font-face\{[^}]*\}")
# url(/assets/images/x.svg) in GOV.UK Frontend's stylesheet; "/static/assets/x.js" in the portal's scripts.
REFERENCE = re.compile(r"(?<=url\()/assets/(?:images|fonts)/([\w.-]+)|(?<=[\"'])/static/assets/([\w.-]+)(?=[\"'])")


def sources() -> dict[str, Path]:
    """Each asset's logical name and where it comes from."""
    if not GOVUK.is_dir():
        raise RuntimeError(f"GOV.UK Frontend is not in {GOVUK.parent.parent}: run ./scripts/setup, which installs it with npm.")
    found = {"govuk-frontend.min.css": GOVUK / "govuk-frontend.min.css", "govuk-frontend.min.js": GOVUK / "govuk-frontend.min.js"}
    found |= {path.name: path for path in sorted((GOVUK / "assets" / "images").iterdir())}
    found |= {path.name: path for path in sorted(OWN.iterdir()) if path.is_file()}
    return found


@dataclass(frozen=True)
class Asset:
    name: str
    body: bytes
    media_type: str


class Assets:
    def __init__(self, files: dict[str, Path]) -> None:
        self._files = files
        self._urls: dict[str, str] = {}
        self._served: dict[str, Asset] = {}
        for name in files:
            self.url(name)

    @classmethod
    def installed(cls) -> "Assets":
        return cls(sources())

    def _add(self, name: str) -> str:
        """Names a file after its content; a file that refers to others is named after theirs are known."""
        body = self._files[name].read_bytes()
        stem, dot, ext = name.rpartition(".")
        if ext in ("css", "js"):
            text = FONT_FACE.sub("", body.decode("utf-8")) if ext == "css" else body.decode("utf-8")
            body = REFERENCE.sub(lambda m: self.url(m[1] or m[2]) if (m[1] or m[2]) in self._files else m[0], text).encode("utf-8")
        hashed = f"{stem}-{hashlib.sha256(body).hexdigest()[:12]}{dot}{ext}"
        media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if media_type.startswith("text/") or ext == "js":
            media_type += "; charset=utf-8"
        self._served[hashed] = Asset(hashed, body, media_type)
        return PREFIX + hashed

    def url(self, name: str) -> str:
        if name not in self._urls:
            self._urls[name] = self._add(name)
        return self._urls[name]

    def route(self) -> EdgeRoute:
        async def serve(request: Request) -> Response:
            asset = self._served.get(request.path_params["name"])
            if asset is None:
                return Response("Not found", status_code=404, media_type="text/plain")
            return Response(asset.body, media_type=asset.media_type, headers={"cache-control": IMMUTABLE})

        return EdgeRoute(PREFIX + "{name}", serve, methods=["GET"])

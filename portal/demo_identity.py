"""In demo mode only, a person is chosen from the demo data instead of signing in."""

from typing import Any

COOKIE = "portal_demo_person"
HEADER = "x-portal-demo-person"


def demo_person_id(request: Any) -> int | None:
    value = request.headers.get(HEADER) or request.cookies.get(COOKIE)
    return int(value) if value and value.isdigit() else None

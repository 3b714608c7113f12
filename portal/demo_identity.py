"""In demo mode only, a person is chosen from the demo data instead of signing in: by the
header (API clients) or by a signed cookie set by the chooser page."""

from itsdangerous import BadSignature, Signer

from portal.ids import parse_id

COOKIE = "portal_demo_person"
HEADER = "x-portal-demo-person"
SALT = "portal.demo-person"


def cookie_value(person_id: int, secret: str) -> str:
    return Signer(secret, salt=SALT).sign(str(person_id)).decode()


def cookie_person_id(value: str, secret: str) -> int | None:
    try:
        return parse_id(Signer(secret, salt=SALT).unsign(value).decode())
    except BadSignature:
        return None

"""The application as each serving process builds it (`portal serve`, and uvicorn's `--factory`)."""

from starlette.applications import Starlette

from portal.app import create_app
from portal.heap import settle_after_start_up


def application() -> Starlette:
    app = create_app()
    settle_after_start_up()
    return app

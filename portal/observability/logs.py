"""Structured logs: every record as one JSON object on one line, with the request id of the request
that wrote it, unless `PORTAL_LOG_FORMAT=text`. `portal serve` writes them to standard output (where
uvicorn's access lines went), `portal worker` to standard error."""

import json
import logging
from typing import Any

from portal import clock
from portal.observability.request_id import current_request_id

# What every LogRecord has (and uvicorn's terminal-coloured copy of its message); anything else on a record was passed in `extra` and is logged as a field.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "taskName", "color_message"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        event: dict[str, Any] = {
            "time": clock.now().isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = current_request_id()
        if request_id:
            event["request_id"] = request_id
        event.update({key: value for key, value in vars(record).items() if key not in _STANDARD})
        if record.exc_info:
            event["exception"] = self.formatException(record.exc_info)
        return json.dumps(event, default=str, ensure_ascii=False)


def log_config(log_format: str, stream: str = "stderr", level: str = "INFO") -> dict[str, Any]:
    """A `logging.config.dictConfig` for the portal's processes (uvicorn takes it as `log_config`).
    uvicorn's access log is off: it prints query strings, and the portal logs each request itself."""
    formatter = {"()": JsonFormatter} if log_format == "json" else {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"portal": formatter},
        "handlers": {"out": {"class": "logging.StreamHandler", "formatter": "portal", "stream": f"ext://sys.{stream}"}},
        "root": {"handlers": ["out"], "level": level},
        "loggers": {
            "uvicorn": {"handlers": [], "propagate": True},
            "uvicorn.error": {"handlers": [], "propagate": True},
            "uvicorn.access": {"handlers": [], "propagate": False, "level": "WARNING"},
        },
    }


def configure(log_format: str, stream: str = "stderr") -> None:
    import logging.config

    logging.config.dictConfig(log_config(log_format, stream))

"""TOML data files validated by pydantic, with errors that name the file and the field."""

import re
import tomllib
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)
SLUG = re.compile(r"^[a-z][a-z0-9_]*$")


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError("must be lower-case letters, digits and underscores, starting with a letter")
    return value


Slug = Annotated[str, AfterValidator(_slug)]


def _location(error: Any) -> str:
    parts: list[str] = []
    for item in error["loc"]:
        if isinstance(item, int):
            parts[-1:] = [f"{parts[-1]}[{item}]"] if parts else [f"[{item}]"]
        else:
            parts.append(str(item))
    return ".".join(parts) or "(file)"


def read_toml(path: Path, error: type[Exception]) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path.name}: cannot be read ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path.name}: is not valid TOML ({exc})") from exc


def validate(model: type[M], data: dict[str, Any], path: Path, error: type[Exception]) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{_location(e)}: {e['msg'].removeprefix('Value error, ')}" for e in exc.errors())
        raise error(f"{path.name}: {problems}") from exc

"""Sign-in providers, from the identity file (PORTAL_IDENTITY_FILE), validated at start-up.

Secrets are never in the file: each provider names the environment variable or the file that
holds its client secret.
"""

import os
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, AnyHttpUrl, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, field_validator, model_validator

from portal.datafiles import Slug, read_toml, validate


def _issuer(value: str) -> str:
    """An http(s) URL, kept exactly as written: ID tokens must name the issuer character for character,
    and some include the default port (NHS CIS2's ":443") or end with a slash."""
    try:
        TypeAdapter(AnyHttpUrl).validate_python(value)
    except ValidationError:
        raise ValueError("Input should be a valid URL") from None
    return value


class IdentityFileError(Exception):
    """The identity file is missing, unreadable or wrong; the message names the file and the field."""


class Provider(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    name: Annotated[str, Field(min_length=1, max_length=100)]
    issuer: Annotated[str, AfterValidator(_issuer)]
    client_id: Annotated[str, Field(min_length=1)]
    client_secret_env: str | None = None
    client_secret_file: Path | None = None
    scopes: tuple[str, ...] = ("openid", "email", "profile")
    claim: Annotated[str, Field(min_length=1)] = "sub"
    email_claim: Annotated[str, Field(min_length=1)] = "email"
    require_verified_email: bool = True
    organisations: tuple[str, ...] = ()
    las: tuple[str, ...] = ()
    leeway_seconds: Annotated[int, Field(ge=0, le=300)] = 60
    timeout_seconds: Annotated[float, Field(gt=0, le=60)] = 10.0

    @model_validator(mode="after")
    def _secret_and_openid(self) -> "Provider":
        if (self.client_secret_env is None) == (self.client_secret_file is None):
            raise ValueError("give exactly one of client_secret_env and client_secret_file")
        if "openid" not in self.scopes:
            raise ValueError("scopes must include 'openid'")
        return self

    @property
    def issuer_url(self) -> str:
        return self.issuer

    @property
    def discovery_url(self) -> str:
        return f"{self.issuer.rstrip('/')}/.well-known/openid-configuration"

    def admits(self, organisation_code: str | None, organisation_id: int, la_slugs: set[str]) -> bool:
        """Whether people of this organisation (or of these LAs) may sign in through this provider."""
        if not self.organisations and not self.las:
            return True
        return bool({organisation_code, str(organisation_id)} & set(self.organisations)) or bool(la_slugs & set(self.las))

    def client_secret(self) -> str:
        if self.client_secret_env is not None:
            return os.environ.get(self.client_secret_env, "")
        assert self.client_secret_file is not None
        return self.client_secret_file.read_text(encoding="utf-8").strip()


class IdentityFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    providers: tuple[Provider, ...] = ()

    @field_validator("providers")
    @classmethod
    def _unique_ids(cls, providers: tuple[Provider, ...]) -> tuple[Provider, ...]:
        ids = [p.id for p in providers]
        if duplicates := sorted({i for i in ids if ids.count(i) > 1}):
            raise ValueError(f"ids must be unique; repeated: {', '.join(duplicates)}")
        return providers


class Providers:
    def __init__(self, providers: tuple[Provider, ...] = ()) -> None:
        self.by_id = {p.id: p for p in providers}

    def get(self, provider_id: str) -> Provider | None:
        return self.by_id.get(provider_id)

    def all(self) -> list[Provider]:
        return list(self.by_id.values())


def load_providers(path: Path | None) -> Providers:
    if path is None:
        return Providers()
    if not path.is_file():
        raise IdentityFileError(f"{path}: no such file (PORTAL_IDENTITY_FILE)")
    identity = validate(IdentityFile, read_toml(path, IdentityFileError), path, IdentityFileError)
    for index, provider in enumerate(identity.providers):
        field = "client_secret_env" if provider.client_secret_env else "client_secret_file"
        try:
            secret = provider.client_secret()
        except OSError as exc:
            raise IdentityFileError(f"{path.name}: providers[{index}].{field}: cannot read {provider.client_secret_file} ({exc.strerror})") from exc
        if not secret:
            raise IdentityFileError(f"{path.name}: providers[{index}].{field}: {getattr(provider, field)} is empty or not set")
    return Providers(identity.providers)

"""The identity file: validated at start-up, with errors that name the file and the field."""

import os
import subprocess
from pathlib import Path

import pytest

from portal.identity.config import IdentityFileError, load_providers
from tests.support.processes import portal_command

GOOD = """
[[providers]]
id = "cis2"
name = "NHS CIS2"
issuer = "https://issuer.example.org/realms/Healthcare"
client_id = "portal-client"
client_secret_env = "TEST_CIS2_SECRET"
claim = "email"
"""


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "identity.toml"
    path.write_text(text)
    return path


def test_a_good_file_gives_its_providers(tmp_path, monkeypatch):
    monkeypatch.setenv("TEST_CIS2_SECRET", "s3cret")
    providers = load_providers(_file(tmp_path, GOOD))
    cis2 = providers.get("cis2")
    assert cis2 is not None and cis2.issuer_url == "https://issuer.example.org/realms/Healthcare" and cis2.client_secret() == "s3cret"
    assert providers.get("entra") is None and load_providers(None).all() == []


@pytest.mark.parametrize(("text", "message"), [
    (GOOD.replace('id = "cis2"', 'id = "CIS 2"'), "identity.toml: providers[0].id: must be lower-case letters"),
    (GOOD.replace('issuer = "https://issuer.example.org/realms/Healthcare"', 'issuer = "not a url"'), "identity.toml: providers[0].issuer: Input should be a valid URL"),
    (GOOD.replace('client_id = "portal-client"\n', ""), "identity.toml: providers[0].client_id: Field required"),
    (GOOD.replace('client_secret_env = "TEST_CIS2_SECRET"', 'client_secret = "in-the-repo"'), "identity.toml: providers[0].client_secret: Extra inputs are not permitted"),
    (GOOD.replace('client_secret_env = "TEST_CIS2_SECRET"', ""), "identity.toml: providers[0]: give exactly one of client_secret_env and client_secret_file"),
    (GOOD.replace('claim = "email"', 'scopes = ["email"]'), "identity.toml: providers[0]: scopes must include 'openid'"),
    (GOOD + GOOD, "identity.toml: providers: ids must be unique; repeated: cis2"),
    (GOOD.replace("TEST_CIS2_SECRET", "TEST_UNSET_SECRET"), "identity.toml: providers[0].client_secret_env: TEST_UNSET_SECRET is empty or not set"),
    (GOOD.replace('client_secret_env = "TEST_CIS2_SECRET"', 'client_secret_file = "/nonexistent/secret"'), "identity.toml: providers[0].client_secret_file: cannot read /nonexistent/secret"),
    ("[[providers]\n", "identity.toml: is not valid TOML"),
])
def test_a_bad_file_names_the_field(tmp_path, monkeypatch, text, message):
    monkeypatch.setenv("TEST_CIS2_SECRET", "s3cret")
    monkeypatch.delenv("TEST_UNSET_SECRET", raising=False)
    with pytest.raises(IdentityFileError) as raised:
        load_providers(_file(tmp_path, text))
    assert str(raised.value).startswith(message), str(raised.value)


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(IdentityFileError, match="no such file"):
        load_providers(tmp_path / "absent.toml")


def test_serve_refuses_to_start_on_a_bad_identity_file(tmp_path):
    path = _file(tmp_path, GOOD.replace("TEST_CIS2_SECRET", "TEST_UNSET_SECRET"))
    env = {k: v for k, v in os.environ.items() if k != "TEST_UNSET_SECRET"}
    env |= {"PORTAL_IDENTITY_FILE": str(path), "PORTAL_DATABASE_URL": f"sqlite:///{tmp_path}/p.db"}
    result = subprocess.run([*portal_command("serve"), "--port", "8798"], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2
    assert "Cannot start: identity file identity.toml: providers[0].client_secret_env: TEST_UNSET_SECRET is empty or not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_issuer_is_kept_as_written_with_its_port(tmp_path, monkeypatch):
    monkeypatch.setenv("TEST_CIS2_SECRET", "s3cret")
    cis2 = "https://am.nhsidentity.spineservices.nhs.uk:443/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare"
    provider = load_providers(_file(tmp_path, GOOD.replace("https://issuer.example.org/realms/Healthcare", cis2))).get("cis2")
    assert provider.issuer_url == cis2 and provider.discovery_url == f"{cis2}/.well-known/openid-configuration"


def test_the_example_identity_file_is_valid(monkeypatch):
    from portal.settings import ROOT

    monkeypatch.setenv("PORTAL_CIS2_CLIENT_SECRET", "from-the-environment")
    monkeypatch.setenv("PORTAL_ENTRA_CLIENT_SECRET", "from-the-environment")
    providers = load_providers(ROOT / "deploy" / "identity.example.toml")
    assert [(p.id, p.claim) for p in providers.all()] == [("cis2", "uid"), ("entra", "oid")]

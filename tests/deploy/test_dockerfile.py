"""deploy/Dockerfile is clean under hadolint and keeps to the rules of the image: multi-stage, a slim
Python base, the GOV.UK Frontend assets built by npm in a stage of their own, no compilers or npm
in the image that runs, a non-root user, `portal` as the entrypoint and a health check."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from dockerfile_parse import DockerfileParser

from portal.settings import ROOT

DOCKERFILE = ROOT / "deploy" / "Dockerfile"
COMPILERS = ("gcc", "g++", "build-essential", "clang", "make ", "cargo", "rustc")


def hadolint() -> str:
    return shutil.which("hadolint", path=str(Path(sys.executable).parent)) or "hadolint"


def stages() -> list[list[dict]]:
    """The instructions of each stage, in order."""
    found: list[list[dict]] = []
    for instruction in DockerfileParser(path=str(DOCKERFILE)).structure:
        if instruction["instruction"] == "FROM":
            found.append([])
        if found:
            found[-1].append(instruction)
    return found


def of(stage: list[dict], kind: str) -> list[str]:
    return [i["value"] for i in stage if i["instruction"] == kind]


def test_hadolint_finds_nothing():
    result = subprocess.run([hadolint(), "--format", "json", str(DOCKERFILE)], capture_output=True, text=True)
    assert (result.returncode, json.loads(result.stdout or "[]")) == (0, []), result.stdout + result.stderr


def test_the_image_is_built_in_stages_and_runs_from_a_slim_python_base():
    *builders, final = stages()
    assert builders
    base = of(final, "FROM")[0]
    assert base.startswith("python:3.11-slim"), base
    assert any("npm ci" in run for stage in builders for run in of(stage, "RUN"))
    assert any(copy.startswith("--from=assets") and "node_modules" in copy for copy in of(final, "COPY"))


def test_the_final_image_has_no_compilers_nor_npm_and_installs_nothing():
    *_, final = stages()
    assert of(final, "RUN"), "the final stage adds its user"
    for run in of(final, "RUN"):
        assert not any(word in run for word in COMPILERS) and "apt-get install" not in run and "npm" not in run and "pip install" not in run, run


def test_it_runs_as_a_numeric_non_root_user_with_portal_as_its_entrypoint_and_a_health_check():
    *_, final = stages()
    (user,) = of(final, "USER")
    uid = user.split(":")[0]
    assert uid.isdigit() and int(uid) != 0
    assert [json.loads(e) for e in of(final, "ENTRYPOINT")] == [["portal"]]
    (check,) = of(final, "HEALTHCHECK")
    assert "/healthz/live" in check and check.split()[0].startswith("--interval")


def test_the_image_holds_every_folder_the_portal_reads_at_run_time():
    *_, final = stages()
    copied = " ".join(of(final, "COPY"))
    for folder in ("agencies", "templates", "graphql", "node_modules"):
        assert folder in copied, folder

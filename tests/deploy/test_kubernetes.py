"""deploy/kubernetes/ validates against the Kubernetes schemas kubernetes-validate bundles (offline,
strict: no unknown fields) and holds the rules of the deployment: probes split into live and ready,
requests, security contexts, secrets only by reference."""

from pathlib import Path

import kubernetes_validate
import pytest
import yaml

from portal.settings import ROOT

MANIFESTS = sorted((ROOT / "deploy" / "kubernetes").glob("*.yaml"))
VERSION = "1.33.0"  # a release the NHS and council platforms run now; the manifests use nothing newer


def documents() -> list[dict]:
    return [doc for path in MANIFESTS for doc in yaml.safe_load_all(path.read_text()) if doc]


def by_kind(kind: str) -> list[dict]:
    return [d for d in documents() if d["kind"] == kind]


def pod_specs() -> list[dict]:
    return [d["spec"]["template"]["spec"] for d in documents() if d["kind"] in ("Deployment", "Job")]


@pytest.mark.parametrize("path", MANIFESTS, ids=lambda p: p.name)
def test_each_manifest_validates_strictly(path: Path):
    for document in yaml.safe_load_all(path.read_text()):
        kubernetes_validate.validate(document, VERSION, strict=True)


def test_an_unknown_field_is_refused():
    web = by_kind("Deployment")[0]
    web["spec"]["template"]["spec"]["containers"][0]["readinesProbe"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(web, VERSION, strict=True)


def test_every_kind_an_operator_needs_is_there():
    kinds = sorted((d["kind"], d["metadata"]["name"]) for d in documents())
    assert kinds == sorted([
        ("ConfigMap", "portal-config"), ("Deployment", "portal-web"), ("Deployment", "portal-worker"), ("Job", "portal-migrate-0-1-0"),
        ("Service", "portal-web"), ("Ingress", "portal"), ("PodDisruptionBudget", "portal-web"), ("HorizontalPodAutoscaler", "portal-web"),
    ])


def test_web_probes_are_split_into_live_and_ready():
    (web,) = [d for d in by_kind("Deployment") if d["metadata"]["name"] == "portal-web"]
    (container,) = web["spec"]["template"]["spec"]["containers"]
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz/live"
    assert container["readinessProbe"]["httpGet"]["path"] == "/healthz/ready"


def test_every_pod_is_locked_down_and_asks_for_resources():
    for spec in pod_specs():
        assert spec["securityContext"]["runAsNonRoot"] is True and spec["securityContext"]["runAsUser"] != 0
        assert spec["automountServiceAccountToken"] is False
        for container in spec["containers"]:
            context = container["securityContext"]
            assert context["readOnlyRootFilesystem"] is True and context["allowPrivilegeEscalation"] is False
            assert context["capabilities"]["drop"] == ["ALL"]
            assert {"cpu", "memory"} <= set(container["resources"]["requests"])


def test_secrets_are_referenced_never_written_down():
    assert by_kind("Secret") == []
    for spec in pod_specs():
        for container in spec["containers"]:
            for variable in container.get("env", ()):
                assert "valueFrom" in variable and "value" not in variable, variable["name"]
    for name in by_kind("ConfigMap")[0]["data"]:
        assert not any(word in name for word in ("SECRET", "PASSWORD", "TOKEN", "DATABASE_URL")), name


def test_the_ingress_keeps_websockets_open():
    (ingress,) = by_kind("Ingress")
    assert int(ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600

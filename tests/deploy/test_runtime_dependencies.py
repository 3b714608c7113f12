"""The image installs the portal without its test extras: every package the portal's code imports
must come with its own dependencies (directly or through theirs), not with the test tools'."""

import ast
import re
import sys
from importlib.metadata import PackageNotFoundError, packages_distributions, requires

from portal.settings import ROOT

OPTIONAL = {"opentelemetry"}  # imported only with PORTAL_TRACING=1, from the `tracing` extra


def name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;(]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def installed_with(distribution: str) -> set[str]:
    """The distribution and everything its requirements bring, extras left out."""
    seen: set[str] = set()
    waiting = [distribution]
    while waiting:
        current = waiting.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            wanted = requires(current) or []
        except PackageNotFoundError:
            continue
        waiting += [name(r) for r in wanted if "extra ==" not in r]
    return seen


def imported_modules() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "portal").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"portal"} - OPTIONAL


def test_every_imported_package_is_a_runtime_dependency():
    runtime = installed_with("portal")
    providers = packages_distributions()
    missing = {module: providers.get(module) for module in imported_modules()
               if not any(name(d) in runtime for d in providers.get(module, [module]))}
    assert missing == {}

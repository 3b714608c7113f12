import subprocess
import sys
from pathlib import Path

from portal.settings import ROOT


def test_code_passes_the_linter():
    ruff = Path(sys.executable).parent / "ruff"
    result = subprocess.run([str(ruff), "check", "portal", "tests", "bench"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr

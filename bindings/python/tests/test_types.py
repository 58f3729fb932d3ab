"""The type stubs pass `mypy --strict` on these tests and the package's Python modules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent


def test_mypy_strict() -> None:
    pytest.importorskip("mypy")
    package = HERE.parent / "python" / "nomina"
    args = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(HERE)]
    if package.is_dir():
        args.append(str(package))
    done = subprocess.run(args, cwd=HERE.parent, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr

"""Run a real Sphinx build of a corpus in a subprocess.

A subprocess keeps each build independent (sphinx-needs holds module-level state)
and is exactly what `make html` runs. `make check`, the CLI and the tests use it,
so the checks always read the needs of the current sources, never a stale file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from hgkm import ROOT


@dataclass
class BuildResult:
    """The outcome of one Sphinx build."""

    returncode: int
    outdir: Path
    log: str

    @property
    def warnings(self) -> list[str]:
        """The warning and error lines Sphinx printed."""
        return [
            line
            for line in self.log.splitlines()
            if "WARNING:" in line or "ERROR:" in line or "CRITICAL:" in line
        ]

    @property
    def needs_json(self) -> Path:
        return self.outdir / "needs.json"

    def needs(self) -> dict:
        """The needs of the current version in needs.json, by ID."""
        data = json.loads(self.needs_json.read_text(encoding="utf-8"))
        return data["versions"][data["current_version"]]["needs"]


def build(
    srcdir: Path = ROOT,
    outdir: Path | None = None,
    *,
    builder: str = "html",
    strict: bool = False,
    fresh: bool = False,
    env: dict[str, str] | None = None,
) -> BuildResult:
    """Build `srcdir` with `builder` into `outdir` (default `_build/<builder>`)."""
    outdir = Path(outdir or srcdir / "_build" / builder)
    # --no-color: CI=true makes Sphinx colour its output, which breaks parsing it.
    options = ["-b", builder, "-q", "--no-color"]
    if strict:
        options += ["-W", "--keep-going"]
    if fresh:
        options.append("-E")
    cmd = [sys.executable, "-m", "sphinx", *options, str(srcdir), str(outdir)]
    run_env = {**os.environ, **(env or {}), "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=run_env, check=False)
    return BuildResult(proc.returncode, outdir, proc.stdout + proc.stderr)

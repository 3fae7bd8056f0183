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
from typing import Any

from hgkm import ROOT
from hgkm.hooks.build_guard import BEZIG
from hgkm.sources.fingerprint import stempel_pad, vingerafdruk
from hgkm.model.corpus import Corpus


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


def is_actueel(srcdir: Path, outdir: Path) -> bool:
    """Whether the build in `outdir` was made from exactly the current sources (same files, same bytes)."""
    stempel = stempel_pad(Path(outdir))
    if not stempel.exists() or not (Path(outdir) / "needs.json").exists() or (Path(outdir) / BEZIG).exists():
        return False  # never built, or cut off (hgkm.hooks.build_guard)
    try:
        if json.loads(stempel.read_text(encoding="utf-8")) != vingerafdruk(srcdir):
            return False
    except ValueError:
        return False
    return _leesbaar(Path(outdir) / "needs.json")


def _leesbaar(needs_json: Path) -> bool:
    """Whether needs.json is whole: a build killed while writing leaves it empty or cut off."""
    try:
        data = json.loads(needs_json.read_text(encoding="utf-8"))
        return isinstance(data["versions"][data["current_version"]]["needs"], dict)
    except (ValueError, KeyError, TypeError, OSError):
        return False


def build(
    srcdir: Path = ROOT,
    outdir: Path | None = None,
    *,
    builder: str = "html",
    strict: bool = False,
    fresh: bool = False,
    env: dict[str, str] | None = None,
    hergebruik: bool = False,
    instellingen: dict[str, str] | None = None,
) -> BuildResult:
    """Build `srcdir` with `builder` into `outdir` (default `_build/<builder>`).

    With `hergebruik`, a build made from exactly the current sources (same files with
    the same bytes; see `is_actueel`) is used as it is: `make check` right after
    `make html` then skips a Sphinx run that would change nothing.
    """
    outdir = Path(outdir or srcdir / "_build" / builder)
    if hergebruik and not fresh and is_actueel(srcdir, outdir):
        return BuildResult(0, outdir, "")
    # --no-color: CI=true makes Sphinx colour its output, which breaks parsing it.
    options = ["-b", builder, "-q", "--no-color"]
    if strict:
        options += ["-W", "--keep-going"]
    if fresh:
        options.append("-E")
    for naam, waarde in (instellingen or {}).items():  # -D: a configuration value for this build
        options += ["-D", f"{naam}={waarde}"]
    cmd = [sys.executable, "-m", "sphinx", *options, str(srcdir), str(outdir)]
    run_env = {**os.environ, **(env or {}), "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=run_env, check=False)
    return BuildResult(proc.returncode, outdir, proc.stdout + proc.stderr)


class BouwFout(Exception):
    """The sources could not be built into a needs.json (in Dutch, with Sphinx's last lines)."""


def corpus_van(srcdir: Path, outdir: Path, waarom: str, **opties: Any) -> Corpus:
    """Build `srcdir` into `outdir` and load its corpus, or raise BouwFout saying why it matters.

    A build that stopped with an error may leave a stale or partial needs.json, so
    a non-zero exit status counts as failed too.
    """
    result = build(srcdir, outdir, **opties)
    if result.returncode != 0 or not _leesbaar(result.needs_json):
        raise BouwFout(
            f"De kennisbank kon niet worden gebouwd, dus {waarom}.\n"
            "Dit meldde Sphinx:\n" + "\n".join(result.log.splitlines()[-15:])
        )
    return Corpus.from_outdir(result.outdir)

"""Shared helpers for the machinery tests: real Sphinx builds of fixture corpora."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hgkm.build import BuildResult, build

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def minimaal(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The minimal fixture corpus, built once per session with warnings as errors."""
    out = tmp_path_factory.mktemp("minimaal") / "html"
    return build(FIXTURES / "minimaal", out, strict=True)


def copy_fixture(name: str, dest: Path) -> Path:
    """Copy a fixture corpus to `dest` so a test can edit it."""
    target = dest / name
    shutil.copytree(FIXTURES / name, target, ignore=shutil.ignore_patterns("_build"))
    return target

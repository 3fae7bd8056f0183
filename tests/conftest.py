"""Shared helpers for the machinery tests: real Sphinx builds of fixture corpora."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hgkm import ROOT
from hgkm.tools.build import BuildResult, build

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


#: The peildatum of the site fixture: every uitzondering in it is still valid then.
SITE_PEILDATUM = "2025-06-01"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The site fixture (every cell state of the matrix), copied and built once.

    It has a deliberate gap (Deedorp, OG-TEST-2), so it is built without -W.
    """
    src = copy_fixture("site", tmp_path_factory.mktemp("site"))
    return build(src, src / "_build" / "html", env={"HGKM_PEILDATUM": SITE_PEILDATUM})


@pytest.fixture(scope="module")
def echte_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real knowledge base (the repository root), built with warnings as errors.

    Into a temporary folder, so _build/ of `make html` is left alone. Module scope:
    the browser tests build it once.
    """
    return build(ROOT, tmp_path_factory.mktemp("echte-site") / "html", strict=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> pytest.TestReport:
    """Keep each phase's report on the item, so fixtures can see a failed test."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report

"""Drafts stay internal by choice: a plan that is not vastgesteld and the published site.

A region that keeps drafts internal (`hgkm_concepten_openbaar = False`, how a new region
starts) leaves such plans out of the build for publication (the site's address set,
HGKM_SITE_URL, as site.yml builds); previews and `make check` still show and check them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hgkm.sources import openbaar
from hgkm.tools.build import build
from tests.conftest import copy_fixture

PLAN = "requirements/uitvoeringsplannen/aadorp.md"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_fixture("minimaal", tmp_path_factory.mktemp("concepten"))
    with (project / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("hgkm_concepten_openbaar = False\n")
    vast = (project / PLAN).read_text(encoding="utf-8").replace(":status: concept", ":status: vastgesteld", 1)
    vast = vast.replace("UP-A", "UP-AV").replace("UA-A-", "UA-AV-").replace("Uitvoeringsplan Aadorp", "Vastgesteld plan")
    (project / "requirements/uitvoeringsplannen/vastgesteld.md").write_text(vast, encoding="utf-8")
    return project


def test_which_plans_are_drafts(corpus: Path) -> None:
    assert openbaar.concepten(corpus) == [PLAN]
    assert openbaar.weglaten(corpus, "https://regio.example/", openbaar=False) == [PLAN]
    assert openbaar.weglaten(corpus, "", openbaar=False) == []  # a preview, make check, make serve
    assert openbaar.weglaten(corpus, "https://regio.example/", openbaar=True) == []


def test_the_public_build_leaves_the_draft_out_and_the_preview_shows_it(corpus: Path, tmp_path: Path) -> None:
    publiek = build(corpus, tmp_path / "publiek", env={"HGKM_SITE_URL": "https://regio.example/kb/"})
    voorbeeld = build(corpus, tmp_path / "voorbeeld")
    assert publiek.returncode == 0 and voorbeeld.returncode == 0, publiek.log + voorbeeld.log
    assert "UP-A" not in publiek.needs() and "UA-A-1" not in publiek.needs()
    assert not (publiek.outdir / "requirements/uitvoeringsplannen/aadorp.html").exists()
    assert "UP-AV" in publiek.needs()  # the adopted plan is public
    assert voorbeeld.needs()["UP-A"]["status"] == "concept"
    assert (voorbeeld.outdir / "requirements/uitvoeringsplannen/aadorp.html").exists()

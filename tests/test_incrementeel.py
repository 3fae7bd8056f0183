"""An incremental build after editing one plan gives the same HTML as a clean build.

Real builds of a copy of the minimal fixture corpus: build, edit the plan (a link is
added or removed, so the back links on the unedited page beleid.md change), build
incrementally, and compare every page with a clean build of the edited sources.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hgkm.tools.build import build
from hgkm.hooks.incremental import differing_pages
from tests.conftest import copy_fixture

PLAN = Path("requirements/uitvoeringsplannen/aadorp.md")

NIEUWE_ACTIE = """
:::{actie} Tweede actie
:id: UA-A-2
:plan: UP-A
:opgaven: OG-TEST-2
:principes: LP-TEST-1
:eigenaar: Afdeling Jeugd
:start: 2024-06-01
:eind: 2025-06-30
:status: gepland
:::
"""


OVERZICHT = """# Overzicht van de acties

```{needtable}
:types: actie
:columns: id, title, opgaven, principes
```
"""


def _with_overview(project: Path) -> Path:
    """Add a page with a needtable: it depends on the needs of every page."""
    (project / "overzicht.md").write_text(OVERZICHT, encoding="utf-8")
    index = project / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("beleid\n", "beleid\noverzicht\n"), encoding="utf-8")
    return project


def _add_actie(text: str) -> str:
    return text + NIEUWE_ACTIE


def _remove_principe(text: str) -> str:
    assert ":principes: LP-TEST-1\n" in text
    return text.replace(":principes: LP-TEST-1\n", "")


@pytest.mark.parametrize(
    ("edit", "visible", "gone"),
    [
        (_add_actie, "UA-A-2", None),
        (_remove_principe, None, "UA-A-1"),
    ],
    ids=["link-erbij", "link-eraf"],
)
def test_incremental_equals_clean(tmp_path: Path, edit, visible: str | None, gone: str | None) -> None:
    project = _with_overview(copy_fixture("minimaal", tmp_path / "incrementeel"))
    out = project / "_build" / "html"
    first = build(project, out)
    assert first.returncode == 0, first.log
    beleid_before = (out / "beleid.html").read_text(encoding="utf-8")
    doctree = project / "_build" / "html" / ".doctrees" / "beleid.doctree"
    read_at = doctree.stat().st_mtime_ns

    plan = project / PLAN
    plan.write_text(edit(plan.read_text(encoding="utf-8")), encoding="utf-8")
    second = build(project, out)
    assert second.returncode == 0, second.log
    # beleid.md was not re-read, only rewritten: the build stayed incremental
    assert doctree.stat().st_mtime_ns == read_at

    clean = _with_overview(copy_fixture("minimaal", tmp_path / "schoon"))
    (clean / PLAN).write_text(plan.read_text(encoding="utf-8"), encoding="utf-8")
    fresh = build(clean, clean / "_build" / "html", fresh=True)
    assert fresh.returncode == 0, fresh.log

    assert differing_pages(out, clean / "_build" / "html") == []
    beleid_after = (out / "beleid.html").read_text(encoding="utf-8")
    assert beleid_after != beleid_before, "the edit must change the back links on the unedited page"
    principes = beleid_after[beleid_after.index('id="LP-TEST-1"') :]
    if visible:
        assert visible in beleid_after
        assert visible in (out / "overzicht.html").read_text(encoding="utf-8")
    if gone:
        # LP-TEST-1's back link to UA-A-1 ("toegepast door") is gone
        assert f"#{gone}" not in principes.split('id="OG-TEST-1"')[0]


def test_differing_pages_sees_a_difference(tmp_path: Path) -> None:
    one, other = tmp_path / "een", tmp_path / "ander"
    for folder, text in ((one, "<p>UA-A-1</p>"), (other, "<p>UA-A-2</p>")):
        folder.mkdir()
        (folder / "index.html").write_text(text, encoding="utf-8")
        (folder / "gelijk.html").write_text('<div id="SNCB-0123abcd">x</div>' if folder == one else '<div id="SNCB-89abcdef">x</div>', encoding="utf-8")
    (one / "alleen.html").write_text("", encoding="utf-8")
    assert differing_pages(one, other) == ["alleen.html", "index.html"]


def test_dashboards_follow_the_peildatum_without_an_edit(tmp_path: Path) -> None:
    """On a new peildatum the dashboards are rewritten although no source changed."""
    project = copy_fixture("site", tmp_path)
    out = tmp_path / "html"
    # the site fixture has gaps on purpose (every cell state), so not strict
    first = build(project, out, env={"HGKM_PEILDATUM": "2025-01-01"})
    assert first.returncode == 0, first.log
    assert "peildatum 2025-01-01" in (out / "index.html").read_text(encoding="utf-8")
    second = build(project, out, env={"HGKM_PEILDATUM": "2025-06-01"})
    assert second.returncode == 0, second.log
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "peildatum 2025-06-01" in home and "peildatum 2025-01-01" not in home
    # every page prints its peildatum: the incremental build equals a clean one of that day
    clean = build(project, tmp_path / "schoon", env={"HGKM_PEILDATUM": "2025-06-01"})
    assert clean.returncode == 0, clean.log
    assert differing_pages(out, clean.outdir) == []


def test_an_incremental_build_keeps_the_warnings_of_pages_it_leaves_alone(tmp_path: Path) -> None:
    """`make check` (a build without -W) and then `make html -W`: the second build reads and
    writes nothing, yet must fail on the same warnings; fixed, they are gone."""
    project = copy_fixture("minimaal", tmp_path)
    beleid = project / "beleid.md"
    goed = beleid.read_text(encoding="utf-8")
    beleid.write_text(goed + "\n\nZie {need}`UA-BESTAAT-NIET` en {onbekend}`x`.\n", encoding="utf-8")
    (project / "zonderkop.md").write_text("Tekst zonder kop, in geen inhoudsopgave.\n", encoding="utf-8")
    out = tmp_path / "html"
    check = build(project, out)
    assert check.returncode == 0, check.log
    meldingen = (out / "build_meldingen.json").read_text(encoding="utf-8")
    soorten = {(m["type"], m["subtype"]) for m in json.loads(meldingen)}
    # a reading, a consistency and a writing warning: Sphinx gives each in another step
    assert soorten == {("myst", "role_unknown"), ("toc", "not_included"), ("needs", "link_ref")}, meldingen
    html = build(project, out, strict=True)
    assert html.returncode != 0
    assert sorted(html.warnings) == sorted(check.warnings) and len(html.warnings) == 3, html.log
    assert (out / "build_meldingen.json").read_text(encoding="utf-8") == meldingen
    beleid.write_text(goed, encoding="utf-8")
    (project / "zonderkop.md").unlink()
    opgelost = build(project, out, strict=True)
    assert opgelost.returncode == 0, opgelost.log
    assert json.loads((out / "build_meldingen.json").read_text(encoding="utf-8")) == []

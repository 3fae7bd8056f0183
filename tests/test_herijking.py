"""Herijking end to end: record, change the regiovisie, see exactly the acties that serve it,
confirm one, and the same answer from an incremental build as from a clean one.

A copy of the site fixture is made a git repository, so the old text comes from git as
in a real knowledge base. Every step runs the real command line (`make check` and
`make bevestig` call it) and real Sphinx builds.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SITE_PEILDATUM, copy_fixture

from hgkm import ROOT
from hgkm.model.corpus import Corpus
from hgkm.model.herijking import records, vingerafdruk_van
from hgkm.rules import registry
from hgkm.tools.build import build
from hgkm.tools.diff import herijkingen

BELEID = "requirements/beleid.md"
OUD = "Signalen van geweld worden vroeg opgepakt."
PLANNEN = ("UP-A", "UP-BC", "UP-D")


def hgkm(src: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hgkm", *args, "--bron", str(src)], capture_output=True,
                          text=True, cwd=ROOT, check=False, env={"PATH": "/usr/bin:/bin", "HGKM_PEILDATUM": SITE_PEILDATUM})


def git(src: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(src), *args], capture_output=True, text=True, check=True).stdout


def herbeoordeling(src: Path) -> dict[str, str]:
    """need id -> message of every herbeoordeling finding of `make check` (JSON report)."""
    proc = hgkm(src, "check", "--format", "json", "--peildatum", SITE_PEILDATUM)
    assert "Traceback" not in proc.stderr, proc.stderr
    return {f["need_id"]: f["melding"] for f in json.loads(proc.stdout)["bevindingen"] if f["regel"] == "herbeoordeling"}


def test_a_fingerprint_is_of_the_words_not_the_layout() -> None:
    assert vingerafdruk_van("Titel", "Een zin\nover  twee regels.") == vingerafdruk_van(" Titel ", "Een zin over twee regels.")
    assert vingerafdruk_van("Titel", "Een zin.") != vingerafdruk_van("Titel", "Een andere zin.")
    assert vingerafdruk_van("Titel", "Een zin.") != vingerafdruk_van("Andere titel", "Een zin.")


@pytest.fixture(scope="module")
def kennisbank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site fixture as a git repository whose plans are all recorded (as main's are)."""
    src = copy_fixture("site", tmp_path_factory.mktemp("herijking"))
    git(src, "init", "-q")
    git(src, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "x", "--allow-empty")
    git(src, "add", "-A")
    git(src, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "regiovisie")
    for plan in PLANNEN:
        proc = hgkm(src, "bevestig", "--plan", plan)
        assert proc.returncode == 0, proc.stderr
    git(src, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "vastgelegd")
    return src


def test_recorded_plans_have_no_finding_and_a_reflowed_paragraph_changes_nothing(kennisbank: Path) -> None:
    assert herbeoordeling(kennisbank) == {}
    pad = kennisbank / BELEID
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(tekst.replace(OUD, OUD.replace("vroeg ", "vroeg\n")), encoding="utf-8")
    try:
        assert herbeoordeling(kennisbank) == {}
    finally:
        pad.write_text(tekst, encoding="utf-8")


def test_a_changed_opgave_names_exactly_its_acties_and_bevestig_clears_one(kennisbank: Path, tmp_path: Path) -> None:
    pad = kennisbank / BELEID
    pad.write_text(pad.read_text(encoding="utf-8").replace(OUD, OUD.replace("vroeg", "vroeg en zorgvuldig")),
                   encoding="utf-8")
    gevonden = herbeoordeling(kennisbank)  # an incremental build: the site was built before the change
    corpus = Corpus.from_outdir(kennisbank / "_build" / "html")
    verwacht = {n.id for n in corpus.needs.values() if "OG-TEST-1" in records(n)}
    assert len(verwacht) >= 4 and set(gevonden) == verwacht
    assert all('"en zorgvuldig" is toegevoegd (na "geweld worden vroeg")' in m for m in gevonden.values()), gevonden
    assert all("OG-TEST-1" in m for m in gevonden.values())

    # the same findings as a clean build of the same sources
    schoon = build(kennisbank, tmp_path / "schoon", fresh=True, env={"HGKM_PEILDATUM": SITE_PEILDATUM})
    schone = registry.evaluate(Corpus.from_outdir(schoon.outdir), corpus_peildatum(), kennisbank)
    assert {f.need_id: f.melding for f in schone if f.regel == "herbeoordeling"} == gevonden

    # the site marks the acties, on their plan page and on their gemeente page
    plan = (kennisbank / "_build" / "html" / "requirements" / "uitvoeringsplannen" / "aadorp.html").read_text(encoding="utf-8")
    assert plan.count("hgkm-herbeoordelen") == len([i for i in verwacht if i.startswith("UA-A-")])
    gemeente = (kennisbank / "_build" / "html" / "docs" / "gemeenten" / "gm-a.html").read_text(encoding="utf-8")
    assert "Te herbeoordelen" in gemeente and "(te herbeoordelen)" in gemeente

    # bevestig changes one line of one file and clears exactly that actie
    eerste = sorted(verwacht)[0]
    bestand = corpus.needs[eerste].bestand
    voor = {p: p.read_text(encoding="utf-8") for p in (kennisbank / "requirements").rglob("*.md")}
    proc = hgkm(kennisbank, "bevestig", "--actie", eerste)
    assert proc.returncode == 0 and eerste in proc.stdout, proc.stderr
    na = {p: p.read_text(encoding="utf-8") for p in voor}
    assert [p.relative_to(kennisbank).as_posix() for p in voor if voor[p] != na[p]] == [bestand]
    oud, nieuw = voor[kennisbank / bestand].splitlines(), na[kennisbank / bestand].splitlines()
    assert len(oud) == len(nieuw) and sum(a != b for a, b in zip(oud, nieuw)) == 1
    assert set(herbeoordeling(kennisbank)) == verwacht - {eerste}


def test_the_pull_request_report_lists_the_impact_per_gemeente(kennisbank: Path, tmp_path: Path) -> None:
    """Against the last commit, the change to OG-TEST-1 makes every actie serving it suspect."""
    pad = kennisbank / BELEID
    if OUD in (tekst := pad.read_text(encoding="utf-8")):  # run on its own: make the change here
        pad.write_text(tekst.replace(OUD, OUD.replace("vroeg", "vroeg en zorgvuldig")), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "hgkm", "rapport", "--bron", str(kennisbank), "--basis", "HEAD",
                           "--uit", str(tmp_path / "html")], capture_output=True, text=True, cwd=ROOT, check=False,
                          env={"PATH": "/usr/bin:/bin", "HGKM_PEILDATUM": SITE_PEILDATUM})
    assert proc.returncode == 0, proc.stderr
    sectie = proc.stdout.split("### Acties die opnieuw bekeken moeten worden", 1)[1].split("\n### ", 1)[0]
    assert "OG-TEST-1" in sectie and "**Gemeente Aadorp**" in sectie
    nieuw = Corpus.from_outdir(tmp_path / "html")
    dienend = {n.id for n in nieuw.needs.values() if "OG-TEST-1" in [*n.link("opgaven"), *n.link("betreft")]}
    assert {h.need.id for h in herijkingen(nieuw, nieuw)} == set()
    assert all(f"{i} " in sectie for i in dienend), sectie


def corpus_peildatum():
    from datetime import date

    return date.fromisoformat(SITE_PEILDATUM)


def test_an_opvolger_opgave_lists_the_acties_of_the_old_one(tmp_path: Path) -> None:
    """`:opvolger_van:` ties a new regiovisie's opgave to the old one; its page lists the acties
    of the old opgave per gemeente (a gemeente moving its plan sees what carries over)."""
    from hgkm.site.item_pages import pagina

    src = copy_fixture("site", tmp_path)
    (src / "requirements" / "opvolger.md").write_text(
        "# Volgende regiovisie\n\n"
        ":::{regiovisie} Regiovisie Testregio 2028-2031\n:id: RV-VOLGEND\n:regio: Testregio\n"
        ":start: 2028-01-01\n:eind: 2031-12-31\n:bronnen: BR-TEST\n:::\n\n"
        ":::{opgave} Vroeg signaleren, verder\n:id: OG-VOLGEND-1\n:regiovisie: RV-VOLGEND\n"
        ":opvolger_van: OG-TEST-1\n:bronnen: BR-TEST\n\nSignalen worden vroeg opgepakt, ook online.\n:::\n",
        encoding="utf-8",
    )
    result = build(src, tmp_path / "html", env={"HGKM_PEILDATUM": SITE_PEILDATUM})
    assert result.returncode == 0, result.log
    corpus = Corpus.from_outdir(tmp_path / "html")
    assert corpus.needs["OG-TEST-1"].backlinks["opvolger_van"] == ["OG-VOLGEND-1"]
    nieuw = (tmp_path / "html" / f"{pagina('opgave', 'OG-VOLGEND-1')}.html").read_text(encoding="utf-8")
    oud = (tmp_path / "html" / f"{pagina('opgave', 'OG-TEST-1')}.html").read_text(encoding="utf-8")
    assert "Voortzetting van OG-TEST-1" in nieuw
    echte = [a.id for a in corpus.of_type("actie") if "OG-TEST-1" in a.link("opgaven") and not a.voorbeeld
             and not any(corpus.needs[p].voorbeeld for p in a.link("plan"))]
    assert echte and all(f"{a} " in nieuw for a in echte)
    assert "Voortgezet in" in oud and "OG-VOLGEND-1" in oud

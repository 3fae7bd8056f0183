"""`python -m hgkm check` on fixture corpora: exit status, grouping per gemeente, formats.

Each call is a real run of the command (which itself runs a real Sphinx build);
the calls of one corpus share an output folder, so only the first build is full.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hgkm import ROOT

FIXTURES = Path(__file__).parent / "fixtures"
ONVOLLEDIG = FIXTURES / "regels" / "dekking"
VOLLEDIG = FIXTURES / "minimaal"
PEILDATUM = "2025-06-01"


@pytest.fixture(scope="module")
def uit(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Path]:
    """One build folder per corpus for the whole module."""
    return {bron: tmp_path_factory.mktemp(bron.name) / "html" for bron in (ONVOLLEDIG, VOLLEDIG)}


def check(uit: dict[Path, Path], bron: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "hgkm", "check", "--bron", str(bron), "--uit", str(uit[bron]), *args]
    env = {k: v for k, v in os.environ.items() if k != "HGKM_PEILDATUM"}
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, check=False)


def test_text_blokkeert_en_groepeert_per_gemeente(uit) -> None:
    proc = check(uit, ONVOLLEDIG, "--peildatum", PEILDATUM, "--format", "text")
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout
    # one section per gemeente, named by its name; each finding in its own gemeente's section
    secties = re.split(r"─+ (Gemeente \w+) ─+", out)
    per_gemeente = dict(zip(secties[1::2], secties[2::2], strict=True))
    assert list(per_gemeente) == [
        f"Gemeente {naam}" for naam in ("Aadorp", "Beedorp", "Ceedorp", "Deedorp", "Feedorp", "Geedorp", "Heedorp", "Iedorp")
    ]
    beedorp = per_gemeente["Gemeente Beedorp"]
    assert "plan-b.md:9  [dekking-opgaven]" in beedorp
    assert 'Gemeente Beedorp: ontwikkelopgave OG-T-2 "Tweede opgave" heeft geen uitvoeringsactie.' in beedorp
    assert "Voeg in dit plan een actie toe met  :opgaven: OG-T-2  of leg een uitzondering vast." in beedorp
    assert "Aadorp" not in beedorp
    assert 'Gemeente Iedorp: wettelijke taak WT-G "Preventie"' in per_gemeente["Gemeente Iedorp"]
    assert "Gemeente Eedorp" not in out  # no plan yet: no findings
    assert "Nog geen plan onder RV-T: 1 gemeenten (Eedorp)." in out
    assert "De controle is NIET geslaagd." in out


def test_markdown_per_gemeente(uit) -> None:
    proc = check(uit, ONVOLLEDIG, "--peildatum", PEILDATUM, "--format", "markdown")
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout
    assert out.startswith(f"## Controle van de uitvoeringsplannen (peildatum {PEILDATUM})")
    assert "**Niet geslaagd**" in out
    sectie = out.split("### Gemeente Beedorp\n", 1)[1].split("###", 1)[0]
    assert (
        '- `plan-b.md:9` **[dekking-opgaven]** (blokkerend) Gemeente Beedorp: ontwikkelopgave OG-T-2 "Tweede opgave"'
        in sectie
    )
    assert "Aadorp" not in sectie


def test_json_bevindingen(uit) -> None:
    proc = check(uit, ONVOLLEDIG, "--peildatum", PEILDATUM, "--format", "json")
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert data["peildatum"] == PEILDATUM
    assert data["geslaagd"] is False
    # the concept plan a year on is a termijn warning (tests/fixtures/regels/termijn tests that rule)
    termijn = [f for f in data["bevindingen"] if f["regel"] == "termijn"]
    assert termijn and {f["ernst"] for f in termijn} == {"waarschuwing"}
    beedorp = [f for f in data["bevindingen"] if f["gemeente"] == "Beedorp" and f["regel"] != "termijn"]
    assert beedorp == [
        {
            "regel": "dekking-opgaven",
            "need_id": "UP-B",
            "bestand": "plan-b.md",
            "regelnummer": 9,
            "melding": 'Gemeente Beedorp: ontwikkelopgave OG-T-2 "Tweede opgave" heeft geen uitvoeringsactie.',
            "oplossing": "Voeg in dit plan een actie toe met  :opgaven: OG-T-2  of leg een uitzondering vast.",
            "gemeente": "Beedorp",
            "regiovisie": "RV-T",
            "code": "opgave-ongedekt",
            "ernst": "blokkerend",
            "plaats": "plan-b.md:9",
        }
    ]
    # the voortgang per gemeente, every state named (a region's own monitor reads it)
    voortgang = {g: v for m in data["dekking"] for g, v in m["voortgang"].items()}
    assert list(voortgang["GM-B"]) == ["afgerond", "lopend", "over tijd", "niet gestart", "gepland", "vervallen"]
    assert all(isinstance(n, int) for v in voortgang.values() for n in v.values())
    cellen = {(c["gemeente"], c["item"]): c for m in data["dekking"] for c in m["cellen"]}
    assert cellen[("GM-B", "OG-T-2")]["staat"] == "niet gedekt"
    assert cellen[("GM-G", "OG-T-2")] | {"acties": []} == {
        "gemeente": "GM-G",
        "item": "OG-T-2",
        "staat": "uitzondering",
        "acties": [],
        "uitzondering": "UZ-G-1",
    }


def test_peildatum_telt(uit) -> None:
    """A day earlier, the uitzondering of Heedorp has not expired yet."""
    proc = check(uit, ONVOLLEDIG, "--peildatum", "2025-05-31", "--format", "json")
    regels = {(f["need_id"], f["regel"]) for f in json.loads(proc.stdout)["bevindingen"]}
    assert ("UZ-H-1", "uitzondering") not in regels
    assert ("UP-H", "dekking-opgaven") not in regels
    assert ("UP-B", "dekking-opgaven") in regels


def test_volledig_plan_slaagt(uit) -> None:
    # in the first year of the regiovisie: nothing at all
    proc = check(uit, VOLLEDIG, "--peildatum", "2024-12-31")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("Geen bevindingen: alle plannen zijn volledig.")
    assert "De controle is geslaagd." in proc.stdout
    # a year on the plan is still concept: a termijn warning, and the check still passes
    later = check(uit, VOLLEDIG, "--peildatum", PEILDATUM)
    assert later.returncode == 0, later.stdout + later.stderr
    assert "[termijn, waarschuwing]" in later.stdout and "nog een concept" in later.stdout
    assert "0 blokkerende bevinding(en), 1 waarschuwing(en). De controle is geslaagd." in later.stdout


@pytest.mark.parametrize("datum", ["2025-13-01", "1-6-2025", "morgen"])
def test_foute_peildatum(uit, datum: str) -> None:
    proc = check(uit, VOLLEDIG, "--peildatum", datum)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr == (
        f'Fout: de peildatum "{datum}" is geen geldige datum. '
        "Schrijf haar als JJJJ-MM-DD, bijvoorbeeld  --peildatum 2025-06-01\n"
    )


def test_text_ends_with_the_coverage_table_per_gemeente(uit) -> None:
    """The summary table gemeenten x opgaven: a row per gemeente with a plan, a word per cell."""
    out = check(uit, ONVOLLEDIG, "--peildatum", PEILDATUM, "--format", "text").stdout
    kop = "RV-T Regiovisie Testregio 2024-2027: ontwikkelopgaven per gemeente\n"
    assert kop in out
    tabel = out.split(kop, 1)[1].split("Legenda:", 1)[0]
    rijen = {
        cellen[0]: cellen[1:]
        for regel in tabel.splitlines()
        if regel.startswith("│") and (cellen := [c.strip() for c in regel.strip("│").split("│")])
    }
    assert rijen["Aadorp"] == ["ja (1)", "ja (1)"]
    assert rijen["Beedorp"] == ["ja (1)", "NEE"]  # its only actie for T-2 is vervallen
    assert rijen["Geedorp"][1] == "uitz."
    assert "Eedorp" not in rijen  # no plan: listed below the table instead
    assert "Nog geen plan onder RV-T: 1 gemeenten (Eedorp)." in out


def test_foute_peildatum_uit_de_omgeving(tmp_path) -> None:
    """$HGKM_PEILDATUM is read by the CLI and by the Sphinx build: neither shows a traceback."""
    uit = tmp_path / "html"
    env = {**os.environ, "HGKM_PEILDATUM": "1-6-2025"}
    proc = subprocess.run(
        [sys.executable, "-m", "hgkm", "check", "--bron", str(VOLLEDIG), "--uit", str(uit)],
        capture_output=True, text=True, cwd=ROOT, env=env, check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr == (
        'Fout: de peildatum "1-6-2025" (uit $HGKM_PEILDATUM) is geen geldige datum. '
        "Schrijf haar als JJJJ-MM-DD, bijvoorbeeld  --peildatum 2025-06-01\n"
    )
    sphinx = subprocess.run(  # as make html builds: warnings are errors
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", str(VOLLEDIG), str(uit / "sphinx")],
        capture_output=True, text=True, cwd=ROOT, env=env, check=False,
    )
    assert sphinx.returncode != 0
    assert "Traceback" not in sphinx.stderr
    assert "De kennisbank bouwt met de peildatum van vandaag (" in sphinx.stderr
    assert 'de peildatum "1-6-2025" (uit $HGKM_PEILDATUM) is geen geldige datum' in sphinx.stderr


def test_check_reuses_a_build_of_the_same_sources_and_rebuilds_after_an_edit(tmp_path):
    """`make check` after `make html` skips the Sphinx run, but never reads a stale build."""
    import shutil

    from hgkm.tools.build import build, is_actueel

    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "minimaal", corpus)
    out = tmp_path / "html"
    eerste = build(corpus, out, strict=True)
    assert eerste.returncode == 0 and is_actueel(corpus, out)
    assert build(corpus, out, hergebruik=True).log == ""  # reused: no Sphinx run at all

    plan = corpus / "requirements" / "uitvoeringsplannen" / "aadorp.md"
    plan.write_text(plan.read_text().replace(":opgaven: OG-TEST-1, OG-TEST-2", ":opgaven: OG-TEST-1"))
    assert not is_actueel(corpus, out)
    proc = subprocess.run(
        [sys.executable, "-m", "hgkm", "check", "--bron", str(corpus), "--uit", str(out), "--peildatum", "2025-01-01"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert 'OG-TEST-2 "Tweede opgave" heeft geen uitvoeringsactie' in proc.stdout
    assert is_actueel(corpus, out)


def test_a_failed_build_is_a_dutch_error_not_a_stale_corpus(tmp_path: Path) -> None:
    """check, rapport and nieuw-plan share corpus_van: a failed build never yields old needs."""
    from hgkm.tools.build import BouwFout, corpus_van

    uit = tmp_path / "uit"
    uit.mkdir()
    (uit / "needs.json").write_text("{}", encoding="utf-8")  # stale output of an earlier build
    with pytest.raises(BouwFout) as exc:
        corpus_van(tmp_path / "geen-bron", uit, "valt er niets te controleren")
    tekst = str(exc.value)
    assert tekst.startswith("De kennisbank kon niet worden gebouwd, dus valt er niets te controleren.\n")
    assert "Dit meldde Sphinx:" in tekst


def test_text_shows_option_names_as_typed(tmp_path) -> None:
    """rich would turn ":id:" into an emoji; the report must show what the writer types."""
    bron = FIXTURES / "fouten"
    proc = subprocess.run(
        [sys.executable, "-m", "hgkm", "check", "--bron", str(bron), "--uit", str(tmp_path / "html"),
         "--peildatum", PEILDATUM, "--format", "text"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert "Voeg direct onder de openingsregel een regel toe als  :id: UA-GEMEENTE-1" in proc.stdout
    assert "\N{SQUARED ID}" not in proc.stdout


@pytest.mark.parametrize("inhoud", ["", '{"current_version": "1", "versions": {"1": {"needs": {"UA-', "[]"])
def test_an_empty_or_cut_off_needs_json_is_rebuilt_not_read(tmp_path: Path, inhoud: str) -> None:
    """A build killed while writing needs.json: the next check builds again (no KeyError)."""
    import shutil

    from hgkm.tools.build import build, is_actueel

    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "minimaal", corpus)
    out = tmp_path / "html"
    assert build(corpus, out, strict=True).returncode == 0
    (out / "needs.json").write_text(inhoud, encoding="utf-8")
    assert not is_actueel(corpus, out)
    proc = subprocess.run(
        [sys.executable, "-m", "hgkm", "check", "--bron", str(corpus), "--uit", str(out), "--peildatum", "2025-01-01"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    assert is_actueel(corpus, out)

"""What the reviewer sees is what the checks see: no invisible characters (issue 28).

A right-to-left override (U+202E) shows a title reversed in the terminal and the
pull-request report (Trojan Source, CVE-2021-42574); a zero-width space (U+200B)
makes an empty :eigenaar: look filled in. Unit tests for the character classes
(hgkm.model.escaping), the rule over the built needs (hgkm.rules.onzichtbaar), the
required-means-visible check (hgkm.rules.schema) and the line scan
(hgkm.sources.onzichtbaar); one real build of a small corpus (tests/fixtures/minimaal
plus a plan written here) as `make html -W` and as `make check` in three formats.

The invisible characters are written as escapes, so this file itself holds none.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from hgkm import ROOT
from hgkm.model import escaping
from hgkm.model.corpus import Corpus
from hgkm.model.messages import invoer as invoer_m
from hgkm.rules import schema
from hgkm.rules.context import Context
from hgkm.rules.onzichtbaar import onzichtbare_tekens
from hgkm.sources import onzichtbaar as scan
from hgkm.tools.build import build
from tests.conftest import copy_fixture

RLO, PDF, ZWSP, SHY, NBSP = "\u202e", "\u202c", "\u200b", "\u00ad", "\u00a0"

#: Must be refused: bidirectional controls, zero-width and other format characters, tags,
#: separators, C0/C1 controls (ANSI escapes), and what shows blank beyond those categories.
ONZICHTBAAR = [
    *"\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c",  # bidi
    *"\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u180e",  # zero width
    "\U000e0001", "\U000e0041", "\U000e007f",  # tag characters
    "\u2028", "\u2029",  # line and paragraph separator
    "\x00", "\x07", "\x1b", "\r", "\x7f", "\x85", "\x9b",  # C0, DEL, C1 (CSI)
    "\u034f", "\u3164", "\u2800", "\ufe00", "\U000e0100",  # CGJ, Hangul filler, Braille blank, variation selectors
]
#: Must pass: Dutch letters with accents (composed and decomposed), spaces a writer types,
#: typography, other scripts, and emoji with their presentation selector and joiner.
ZICHTBAAR = [
    "Café, reünie, naïef, coördinatie, ruïne", "e\u0301e\u0308",  # é, ë decomposed (NFD, as macOS writes)
    f"Afdeling{NBSP}Zorg", "10\u202f000 euro", "a\u2009b", "Ouder\u2013kind \u2018zo\u2019 \u201czo\u201d \u20ac 5",
    "Ελληνικά, Türkçe, Polski łódź", "\u0645\u0631\u062d\u0628\u0627",  # Arabic letters are letters
    "\u2764\ufe0f Zorg", "\U0001f469\u200d\U0001f4bb samen", "tab\tstaat",
]


@pytest.mark.parametrize("teken", ONZICHTBAAR, ids=lambda c: f"U+{ord(c):04X}")
def test_each_invisible_character_is_found_and_shown_as_a_marker(teken: str) -> None:
    tekst = f"Inzet van {teken}redro"
    assert escaping.onzichtbaar(tekst) == [10]
    assert escaping.onzichtbaar(tekst, lopende_tekst=True) == [10]
    marker = f"<U+{ord(teken):04X}>"
    assert teken not in escaping.zichtbaar(tekst) and marker in escaping.zichtbaar(tekst)
    assert str(escaping.terminal(tekst)) == f"Inzet van {marker}redro"
    assert escaping.code(tekst) == f"Inzet van {marker}redro"
    # a report line is one line: there a carriage return is a line break, so a space
    verwacht = "Inzet van  redro" if teken == "\r" else f"Inzet van &lt;U+{ord(teken):04X}&gt;redro"
    assert escaping.markdown(tekst) == verwacht


@pytest.mark.parametrize("tekst", ZICHTBAAR)
def test_what_dutch_text_needs_is_not_invisible(tekst: str) -> None:
    assert escaping.onzichtbaar(tekst) == [] and not escaping.leeg(tekst)
    assert str(escaping.terminal(tekst)) == tekst


def test_the_soft_hyphen_only_in_running_text() -> None:
    """A browser shows it where it breaks a line; in an ID, title or field it never shows."""
    assert escaping.onzichtbaar(f"Keten{SHY}partner", lopende_tekst=True) == []
    assert escaping.onzichtbaar(f"Keten{SHY}partner") == [5]


def test_emoji_selectors_and_joiners_only_next_to_a_symbol() -> None:
    assert escaping.onzichtbaar("Zorg\ufe0f") == [4]
    assert escaping.onzichtbaar(f"a\u200db") == [1]
    assert escaping.onzichtbaar("\u2764\ufe0f\u200d\U0001f525") == []


def test_empty_means_nothing_a_reader_sees() -> None:
    for leeg in ("", " ", ZWSP, f"{NBSP}{ZWSP}{RLO}", "\ufeff", SHY, "\u2800", "\ufe0f"):
        assert escaping.leeg(leeg), ascii(leeg)
    for gevuld in ("x", f"{ZWSP}x", "\u2764"):
        assert not escaping.leeg(gevuld)


def test_markdown_and_terminal_keep_their_other_protection() -> None:
    """Markers come first: the word joiner that stops a mention is added after them, and stays."""
    assert escaping.markdown(f"@team {RLO}x") == "@\u2060team &lt;U+202E&gt;x"
    assert escaping.markdown("regel\r\nvolgende") == "regel volgende"
    assert str(escaping.terminal("[bold]x[/]\n\tverder")) == "[bold]x[/]\n\tverder"
    # a carriage return would move back and overwrite the line in a terminal
    assert str(escaping.terminal("Geslaagd\rNIET")) == "Geslaagd<U+000D>NIET"


def test_where_says_what_comes_before_it() -> None:
    tekst = f"Inzet van {RLO}redro{PDF}"
    waar = escaping.plaats_in(tekst, escaping.onzichtbaar(tekst))
    assert waar == {"plek": "na 'Inzet van '", "teken": "U+202E (RIGHT-TO-LEFT OVERRIDE, verandert de leesrichting)",
                    "meer": ", en nog 1 ander (U+202C)"}
    assert escaping.plaats_in(ZWSP, [0])["plek"] == "aan het begin"
    lang = "x" * 40 + ZWSP
    assert escaping.plaats_in(lang, [40])["plek"] == f"na '…{'x' * 24}'"


def test_no_message_carries_an_invisible_character() -> None:
    """Every finding is made by the catalogue: a value from a file shows its markers, in any output."""
    finding = invoer_m.DODE_KOPPELING("requirements/uitvoeringsplannen/x.md", 3, "UA-X-1", need="UA-X-1",
                                      field="opgaven", target=f"OG-1{RLO}")
    assert RLO not in finding.melding and "OG-1<U+202E>" in finding.melding


# ------------------------------------------------------------------ the rule over built needs

def _need(need_id: str, title: str, **velden: object) -> dict:
    basis = {"id": need_id, "type": "actie", "title": title, "docname": "requirements/uitvoeringsplannen/b",
             "lineno": 7, "plan": ["UP-B"], "eigenaar": "Afdeling Zorg", "start": "2024-01-01",
             "eind": "2024-12-31", "status": "gepland"}
    return {**basis, **velden}


def _corpus(*needs: dict) -> Corpus:
    plan = {"id": "UP-B", "type": "plan", "title": "Plan B", "docname": "requirements/uitvoeringsplannen/b",
            "lineno": 3, "gemeenten": ["GM-B"], "regiovisie": ["RV-T"], "status": "concept"}
    gemeente = {"id": "GM-B", "type": "gemeente", "title": "Beedorp", "docname": "regio", "lineno": 1}
    return Corpus.from_dicts([plan, gemeente, *needs])


def test_the_rule_names_the_field_and_the_place() -> None:
    corpus = _corpus(_need("UA-B-1", f"Inzet van {RLO}redro{PDF}", partners=f"A\u2066B", tags=[f"jeugd{ZWSP}"]),
                     _need("UA-B-2", "Café-overleg, reünie", eigenaar=f"Afdeling{NBSP}Zorg"))
    found = list(onzichtbare_tekens(Context(corpus, date(2025, 6, 1))))
    assert {(f.need_id, f.plaats, f.regel, f.code, f.gemeente) for f in found} == {
        ("UA-B-1", "requirements/uitvoeringsplannen/b.md:7", "vertrouwen", "onzichtbaar-teken", "Beedorp")}
    meldingen = sorted(f.melding for f in found)
    assert len(meldingen) == 3 and all(f.blokkerend for f in found)
    assert meldingen[0].startswith("In :partners: van actie UA-B-1 staat na 'A' een onzichtbaar teken: U+2066 "
                                   "(LEFT-TO-RIGHT ISOLATE, verandert de leesrichting).")
    assert meldingen[1].startswith("In :tags: van actie UA-B-1 staat na 'jeugd' een onzichtbaar teken: U+200B")
    assert meldingen[2].startswith("In de titel van actie UA-B-1 staat na 'Inzet van ' een onzichtbaar teken: "
                                   "U+202E (RIGHT-TO-LEFT OVERRIDE, verandert de leesrichting), en nog 1 ander (U+202C).")
    assert not any(RLO in f.melding or ZWSP in f.melding for f in found)


def test_a_soft_hyphen_in_a_title_is_refused() -> None:
    found = list(onzichtbare_tekens(Context(_corpus(_need("UA-B-3", f"Keten{SHY}overleg")), date(2025, 6, 1))))
    assert [f.melding.split(":")[0] for f in found] == ["In de titel van actie UA-B-3 staat na 'Keten' een onzichtbaar teken"]


def test_required_means_visible() -> None:
    """A zero-width space passes sphinx-needs' minLength; here it counts as empty, once."""
    corpus = _corpus(_need("UA-B-4", ZWSP, eigenaar=f"{ZWSP} "), _need("UA-B-5", "Goed", partners=ZWSP),
                     _need("UA-B-6", "Goed", start=ZWSP))
    corpus.schema_violations = {"UA-B-6": [{"details": {"field": "start", "schema_path": "x.format"}}]}
    leeg = list(schema.onzichtbaar_leeg(corpus))
    assert sorted((f.need_id, f.regel, f.code, f.melding) for f in leeg) == [
        ("UA-B-4", "invoer", "onzichtbaar-leeg", "Bij actie UA-B-4 lijkt :eigenaar: ingevuld, maar er staan alleen "
         "onzichtbare tekens of spaties in (U+200B). Dat telt als leeg."),
        ("UA-B-4", "invoer", "onzichtbaar-leeg", "Bij actie UA-B-4 lijkt de titel ingevuld, maar er staan alleen "
         "onzichtbare tekens of spaties in (U+200B). Dat telt als leeg."),
    ]
    assert all(f.blokkerend for f in leeg)
    assert any(":eigenaar: Afdeling" in f.oplossing for f in leeg)
    # the same values are not also an invisible-character finding; an optional field and a refused date are
    tekens = {(f.need_id, f.melding.split(" van ")[0]) for f in onzichtbare_tekens(Context(corpus, date(2025, 6, 1)))}
    assert tekens == {("UA-B-5", "In :partners:"), ("UA-B-6", "In :start:")}


# ------------------------------------------------------------------ the line scan

PLAN = "requirements/uitvoeringsplannen/b.md"


def test_the_scan_finds_each_line_and_leaves_built_values_to_the_rule() -> None:
    tekst = "\n".join([
        "# Plan",                                       # 1
        f"Een zin met {RLO}omgekeerde{PDF} tekst.",     # 2  running text: found
        f"Keten{SHY}partners en{NBSP}café.",             # 3  soft hyphen, NBSP in running text: fine
        f":::{{actie}} Inzet van {RLO}x",               # 4  title of a built need with it: the rule's
        ":id: UA-B-1",                                  # 5
        f":partners: A{ZWSP}B",                         # 6  the built need has no partners: the scan's
        f":budget: 5{SHY}000",                          # 7  soft hyphen in a value: found
        ":::",                                          # 8
        f":::{{actie}} Niet gebouwd {ZWSP}",            # 9  no need built here: the scan's
        ":::",                                          # 10
    ])
    gebouwd = {4: {"id": "UA-B-1", "title": f"Inzet van {RLO}x", "budget": f"5{SHY}000"}}
    # budget is the rule's too when the built need holds it; without a built need, every line is the scan's
    assert [f.regelnummer for f in scan.findings(PLAN, tekst, gebouwd)] == [2, 6, 9]
    assert [f.regelnummer for f in scan.findings(PLAN, tekst)] == [2, 4, 6, 7, 9]
    eerste = next(scan.findings(PLAN, tekst))
    assert (eerste.plaats, eerste.regel, eerste.code) == (f"{PLAN}:2", "vertrouwen", "onzichtbaar-teken")
    assert eerste.melding.startswith("In regel 2 staat na 'Een zin met ' een onzichtbaar teken: U+202E")


def test_the_scan_reads_the_regio_files_and_every_file_name() -> None:
    regel = f"Tekst {ZWSP}"
    assert [f.plaats for f in scan.findings("requirements/regio.md", regel)] == ["requirements/regio.md:1"]
    assert list(scan.findings("docs/beheer.md", regel)) == []  # the maintainers' (and generated pages)
    naam = [f.melding for f in scan.findings(f"docs/{RLO}dm.md", "")]
    assert len(naam) == 1 and naam[0].startswith("In de naam van dit bestand staat na 'docs/' een onzichtbaar teken")


def test_the_scan_is_linear() -> None:
    """A long line of ordinary text takes no longer per character than a short one (no regex backtracking)."""
    import time

    def duur(n: int) -> float:
        tekst = ("Café reünie" + NBSP) * n + RLO
        begin = time.perf_counter()
        assert len(list(scan.findings(PLAN, tekst))) == 1
        return time.perf_counter() - begin

    duur(100)
    assert duur(4_000) < 40 * duur(100) * 4 + 0.05


# ------------------------------------------------------------------ one real build

BEEDORP = "\n".join([
    "# Uitvoeringsplan Beedorp",                                   # 1
    "",
    ":::{plan} Uitvoeringsplan Beedorp",                           # 3
    ":id: UP-B",
    ":regiovisie: RV-TEST",
    ":gemeenten: GM-B",
    ":status: concept",
    ":::",
    "",
    f"Tekst met een omkering: Inzet van {RLO}redro{PDF} hier.",    # 10: the scan
    "",
    f":::{{actie}} Inzet van {RLO}redro{PDF}",                     # 12: the rule (title, partners)
    ":id: UA-B-1",
    ":plan: UP-B",
    ":opgaven: OG-TEST-1",
    ":taken: WT-TEST-2",
    ":principes: LP-TEST-1",
    ":eigenaar: Afdeling Zorg",
    f":partners: Politie{ZWSP}",
    ":start: 2024-03-01",
    ":eind: 2025-12-31",
    ":status: lopend",
    ":::",
    "",
    f":::{{actie}} {ZWSP}",                                        # 25: required means visible
    ":id: UA-B-2",
    ":plan: UP-B",
    ":opgaven: OG-TEST-2",
    ":principes: LP-TEST-1",
    f":eigenaar: {ZWSP}",
    ":start: 2024-03-01",
    ":eind: 2025-12-31",
    ":status: lopend",
    ":::",
    "",
    f"Café, reünie, naïef, e\u0301e\u0308: gewone tekst met{NBSP}een harde spatie, een "  # 36: must not
    f"zacht{SHY}afbreekstreepje en \u2764\ufe0f.",
    "",
    ":::{actie} Café-overleg met de reünie van ketenpartners",    # 38: must not
    ":id: UA-B-3",
    ":plan: UP-B",
    ":opgaven: OG-TEST-1",
    ":principes: LP-TEST-1",
    f":eigenaar: Afdeling{NBSP}Zorg en Veiligheid",
    ":start: 2024-03-01",
    ":eind: 2025-12-31",
    ":status: lopend",
    ":::",
    "",
])
PLANNEN = "requirements/uitvoeringsplannen"
#: (line, code, the start of the message)
VERWACHT = [
    (10, "onzichtbaar-teken", "In regel 10 staat na '…een omkering: Inzet van ' een onzichtbaar teken: U+202E "
                              "(RIGHT-TO-LEFT OVERRIDE, verandert de leesrichting), en nog 1 ander (U+202C)."),
    (12, "onzichtbaar-teken", "In de titel van actie UA-B-1 staat na 'Inzet van ' een onzichtbaar teken: U+202E"),
    (12, "onzichtbaar-teken", "In :partners: van actie UA-B-1 staat na 'Politie' een onzichtbaar teken: U+200B"),
    (25, "onzichtbaar-leeg", "Bij actie UA-B-2 lijkt de titel ingevuld, maar er staan alleen onzichtbare tekens"),
    (25, "onzichtbaar-leeg", "Bij actie UA-B-2 lijkt :eigenaar: ingevuld, maar er staan alleen onzichtbare tekens"),
]
CODES = {"onzichtbaar-teken", "onzichtbaar-leeg"}


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """minimaal plus the plan of Beedorp, built once as `make html -W` builds (then `make check` reuses it)."""
    tmp = tmp_path_factory.mktemp("onzichtbaar")
    src = copy_fixture("minimaal", tmp)
    (src / PLANNEN / "beedorp.md").write_text(BEEDORP, encoding="utf-8")
    result = build(src, tmp / "html", strict=True)
    return src, tmp / "html", result.log


def _check(gebouwd: tuple[Path, Path, str], vorm: str) -> subprocess.CompletedProcess:
    src, uit, _ = gebouwd
    return subprocess.run(
        [sys.executable, "-m", "hgkm", "check", "--bron", str(src), "--uit", str(uit), "--peildatum", "2025-06-01",
         "--format", vorm],
        capture_output=True, text=True, cwd=ROOT, check=False, env={**os.environ, "COLUMNS": "200"},
    )


def _raw(text: str) -> list[str]:
    """The invisible characters in an output, but the word joiner that stops a Markdown mention."""
    return [f"U+{ord(text[i]):04X}" for i in escaping.onzichtbaar(text, lopende_tekst=True)
            if not (text[i] == "\u2060" and text[i - 1] == "@")]


def test_make_html_reports_each_at_its_line(gebouwd) -> None:
    _, _, log = gebouwd
    assert "Traceback" not in log
    for regel, _, melding in VERWACHT:
        assert re.search(rf"{PLANNEN}/beedorp\.md:{regel}: (WARNING|ERROR): .*{re.escape(melding)}", log), melding
    assert _raw(log) == []


def test_make_check_blocks_with_the_same_findings_and_none_on_dutch_text(gebouwd) -> None:
    proc = _check(gebouwd, "json")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    report = json.loads(proc.stdout)
    ons = [f for f in report["bevindingen"] if f["code"] in CODES]
    gevonden = sorted((int(f["plaats"].rsplit(":", 1)[1]), f["code"], f["melding"]) for f in ons)
    assert len(gevonden) == len(VERWACHT)
    for (regel, code, melding), (r, c, tekst) in zip(sorted(VERWACHT), gevonden, strict=True):
        assert (r, c) == (regel, code) and tekst.startswith(melding), tekst
    assert all(f["bestand"] == f"{PLANNEN}/beedorp.md" and f["ernst"] == "blokkerend" for f in ons)
    # a need's finding is filed under its plan's gemeente (a line's, like every source finding, under none)
    assert {f["gemeente"] for f in ons if f["need_id"]} == {"Beedorp"}
    # the Dutch text, the harde spatie, the soft hyphen in running text and the emoji: nothing
    assert not [f for f in report["bevindingen"] if f["regel"] in ("vertrouwen", "invoer")
                and int(f["plaats"].rsplit(":", 1)[1]) >= 36]


@pytest.mark.parametrize("vorm", ["text", "markdown"])
def test_the_reports_show_markers_not_the_characters(gebouwd, vorm: str) -> None:
    proc = _check(gebouwd, vorm)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert _raw(proc.stdout) == []
    assert "U+202E (RIGHT-TO-LEFT OVERRIDE" in proc.stdout

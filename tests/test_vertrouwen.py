"""The trust boundary: a hostile plan file runs nothing, reads nothing, changes nothing.

The corpus tests/fixtures/vijandig is copied next to a secret file (outside the
project) and built twice, as `make check` and as `make html` build. Each attack in
requirements/uitvoeringsplannen/aanval.md stands on the line after a comment
`% aanval: <naam>`; every one must get a located Dutch finding, and the build must
leave no trace of it: no marker file (code that ran), no byte of the secret in
_build/, no formula in the downloads, no crash of the terminal report.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from hgkm import ROOT
from hgkm.model import escaping
from hgkm.sources import access, trust
from hgkm.sources.fingerprint import STEMPEL, stempel_pad
from hgkm.tools.build import build
from tests.conftest import copy_fixture

CORPUS = Path(__file__).parent / "fixtures" / "vijandig"
PLANNEN = "requirements/uitvoeringsplannen"
AANVAL = f"{PLANNEN}/aanval.md"
GEHEIM = "GEHEIM-7f3a9c"
PEILDATUM = "2025-06-01"

# attack (the comment's name): (rule, part of the message)
AANVALLEN: dict[str, tuple[str, str]] = {
    "filter in een needtable": ("vertrouwen", "Het blok {needtable} mag niet in een uitvoeringsplan"),
    "filter in een needlist, met hoofdletters": ("vertrouwen", "Het blok {NeedList} mag niet"),
    "filter in een needflow": ("vertrouwen", "Het blok {needflow} mag niet"),
    "needextend op de actie van een andere gemeente": ("vertrouwen", "Het blok {needextend} mag niet"),
    "needextend die elke opgave voorbeeld maakt": ("vertrouwen", "Het blok {needextend} mag niet"),
    "needimport van een bestand buiten de kennisbank": ("vertrouwen", "Het blok {needimport} mag niet"),
    "needtable in een citaat": ("vertrouwen", "Het blok {needtable} mag niet"),
    "needtable in een lijst": ("vertrouwen", "Het blok {needtable} mag niet"),
    "Include met een hoofdletter": ("vertrouwen", "Het blok {Include} mag niet"),
    "LiteralInclude met hoofdletters": ("vertrouwen", "Het blok {LiteralInclude} mag niet"),
    "include van een ander plan": ("vertrouwen", "Het blok {include} mag niet"),
    "csv-table met een bestand": ("vertrouwen", "De optie :file: van {csv-table}"),
    "csv-table van een andere website": ("vertrouwen", "De optie :url: van {csv-table}"),
    "afbeelding buiten de kennisbank": ("vertrouwen", "haalt een bestand van buiten de kennisbank op (../../../geheim.txt)"),
    # a path with / is read from the project's root, so it stays inside: it just does not exist
    "figuur met een absoluut pad": ("invoer", "bestaat niet in de kennisbank"),
    "afbeelding van een andere website": ("vertrouwen", "laadt een afbeelding van een andere website"),
    "Markdown-afbeelding buiten de kennisbank": ("vertrouwen", "Deze afbeelding wijst naar een bestand buiten de kennisbank"),
    "Markdown-afbeelding van een andere website": ("vertrouwen", "Deze afbeelding wijst naar een afbeelding van een andere website"),
    "link die een bestand buiten de kennisbank downloadt": ("vertrouwen", "Deze link wijst naar een bestand buiten de kennisbank"),
    "link naar een verborgen map": ("vertrouwen", "Deze link wijst naar een bestand buiten de kennisbank (../../.verborgen"),
    "linkdefinitie buiten de kennisbank": ("vertrouwen", "Deze linkdefinitie wijst naar een bestand buiten"),
    "download-rol": ("vertrouwen", "De opmaak {download}`…` mag niet in dit bestand"),
    "need_count met een filter": ("vertrouwen", "De opmaak {need_count}`…` mag niet in dit bestand"),
    "raw-blok": ("vertrouwen", "Een raw- of eval-rst-blok zet HTML of scripts rechtstreeks in de pagina"),
    "eval-rst-blok": ("vertrouwen", "Een raw- of eval-rst-blok"),
    "actie in het plan van een andere gemeente": ("vertrouwen", "Actie UA-A-4 hoort bij plan UP-B, maar dat plan staat in een ander bestand"),
    "opties als YAML": ("vertrouwen", "Dit item geeft zijn opties als YAML"),
    "blok dat niet in een plan hoort": ("vertrouwen", "Het blok {opgave} mag niet in een uitvoeringsplan"),
    "needtable in een definitielijst (de laatste wacht: hgkm/sources/gate.py)": ("vertrouwen", "Het blok {needtable} mag niet in dit bestand en is niet uitgevoerd"),
    "needtable in een voetnoot (de laatste wacht: hgkm/sources/gate.py)": ("vertrouwen", "Het blok {needtable} mag niet in dit bestand en is niet uitgevoerd"),
    "dynamische functie in de titel": ("vertrouwen", "In de titel staat [[ of << >>"),
    "link met het doel op de volgende regel": ("vertrouwen", "Deze link (met het doel op de volgende regel) wijst naar een bestand buiten"),
    "afbeelding met het doel op de volgende regel": ("vertrouwen", "Deze afbeelding (met het doel op de volgende regel) wijst naar een bestand buiten"),
}
#: attacks whose finding stands on a later line than the block's first (the option itself)
VERDER = {
    "csv-table met een bestand": 1, "csv-table van een andere website": 1,
    "needtable in een definitielijst (de laatste wacht: hgkm/sources/gate.py)": 1,
    "needtable in een voetnoot (de laatste wacht: hgkm/sources/gate.py)": 2,
}
# options of one actie (UA-A-3): (option, part of the message)
OPTIES = {
    "partners": "In de waarde van :partners: staat [[ of << >>",
    "budget": "In de waarde van :budget: staat [[ of << >>",
    "jinja_content": "De optie :jinja_content: mag niet in een planbestand",
    "layout": "De optie :layout: mag niet in een planbestand",
    "template": "De optie :template: mag niet in een planbestand",
    "delete": "De optie :delete: mag niet in een planbestand",
}
# other files: (place, part of the message)
BESTANDEN = {
    "voorpagina met instellingen": (f"{PLANNEN}/voorpagina.md:1", "Dit bestand begint met instellingen tussen --- en ---"),
    "script-link na de instellingen": (f"{PLANNEN}/voorpagina.md:9", "Hier staat een link die een script start"),
    "bestand met hoofdletters": (f"{PLANNEN}/PLAN.MD:1", "Dit bestand heet PLAN.MD"),
    "tekstbestand": (f"{PLANNEN}/notities.txt:1", "Dit bestand heet notities.txt"),
    "symlink": (f"{PLANNEN}/link.md:1", "Dit bestand is een snelkoppeling (symlink)"),
    "filter in een bestand van de regio": ("requirements/regio.md:9", "Het blok {needtable} mag niet in een bestand van de regiovisie"),
    "include van buiten, ook voor beheerders": ("docs/beheer.md:16", "Het blok {include} haalt een bestand van buiten de kennisbank op"),
    "regiobestand ingevoegd in docs/ (de poort: include-read)": ("docs/beheer.md:20", "Het blok {include} voegt requirements/regio.md in"),
    # files beside the plans (written by `opstelling`; hgkm.sources.access.bestanden)
    "SVG met een script": (f"{PLANNEN}/kaart-script.svg:1", "Dit bestand is een SVG-afbeelding (kaart-script.svg)"),
    "SVG die zich PNG noemt": (f"{PLANNEN}/vermomd.png:1", "de inhoud is geen PNG-afbeelding (het is een SVG- of HTML-bestand)"),
    "PNG van 6 MB": (f"{PLANNEN}/groot.png:1", "De afbeelding groot.png is 6,0 MB"),
    "PDF naast een plan": (f"{PLANNEN}/begroting.pdf:1", "Dit bestand (begroting.pdf) is geen plan (.md) en geen afbeelding"),
    "afbeelding van de SVG": (f"{PLANNEN}/beelden.md:3", "Deze afbeelding wijst naar kaart-script.svg, en dat bestand mag niet"),
    "afbeelding van elke soort (kaart-script.*)": (f"{PLANNEN}/beelden.md:9", "Deze afbeelding wijst naar kaart-script.*"),
    "figuur van de vermomde PNG": (f"{PLANNEN}/beelden.md:11", "Deze afbeelding wijst naar vermomd.png"),
}
#: In every file beside the plans that may not be published: no byte of the build may hold it.
BEELD = "BEELD-5e1d0b"
BEELDEN_PLAN = """# Beelden

![kaart](kaart-script.svg)

![vermomd](vermomd.png)

![groot](groot.png)

![elke soort](kaart-script.*)

```{figure} vermomd.png
Een bijschrift.
```

Een [link naar de grote afbeelding](groot.png).
"""


def _regels_na_aanval(text: str) -> dict[str, int]:
    lines = text.splitlines()
    return {m[1].strip(): nr + 2 for nr, line in enumerate(lines) if (m := re.match(r"% aanval: (.*)", line))}


@pytest.fixture(scope="module")
def opstelling(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return maak_opstelling(tmp_path_factory.mktemp("vijandig"))


def maak_opstelling(tmp: Path) -> Path:
    """The hostile corpus in tmp/corpus, a secret beside it, a symlink out and stray files in."""
    corpus = tmp / "corpus"
    shutil.copytree(CORPUS, corpus)
    for naam in ("geheim.txt", "geheim"):
        (tmp / naam).write_text(f"{GEHEIM}\n", encoding="utf-8")
    (tmp / "geheim.json").write_text(json.dumps({"current_version": "1", "versions": {"1": {"needs": {
        "UA-GEHEIM": {"id": "UA-GEHEIM", "type": "actie", "title": GEHEIM}}}}}), encoding="utf-8")
    (tmp / "buiten.md").write_text(f"# Buiten\n\n{GEHEIM}\n", encoding="utf-8")
    (corpus / ".verborgen").mkdir()
    (corpus / ".verborgen" / "sleutel.txt").write_text(GEHEIM, encoding="utf-8")
    plannen = corpus / PLANNEN
    (plannen / "link.md").symlink_to(tmp / "buiten.md")
    (plannen / "PLAN.MD").write_text(f"# Plan\n\n{GEHEIM}\n", encoding="utf-8")
    (plannen / "notities.txt").write_text(f"{GEHEIM}\n", encoding="utf-8")
    (plannen / "kaart-script.svg").write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg"><script>alert("{BEELD}")</script></svg>\n', encoding="utf-8")
    (plannen / "vermomd.png").write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><!-- {BEELD} --></svg>\n', encoding="utf-8")
    (plannen / "groot.png").write_bytes(b"\x89PNG\r\n\x1a\n" + BEELD.encode() + bytes(6 * 1024 * 1024))
    (plannen / "begroting.pdf").write_bytes(b"%PDF-1.4\n" + BEELD.encode())
    (plannen / "beelden.md").write_text(BEELDEN_PLAN, encoding="utf-8")
    for pad in corpus.rglob("*.md"):
        if not pad.is_symlink():
            text = pad.read_text(encoding="utf-8")
            text = text.replace("@@MARKER@@", str(tmp / "GEMAAKT")).replace("@@GEHEIM@@", str(tmp / "geheim"))
            pad.write_text(text, encoding="utf-8")
    return tmp


@pytest.fixture(scope="module")
def check(opstelling: Path) -> tuple[subprocess.CompletedProcess, dict]:
    """`make check` (JSON) over the hostile corpus."""
    proc = subprocess.run(
        [sys.executable, "-m", "hgkm", "check", "--bron", str(opstelling / "corpus"), "--uit",
         str(opstelling / "check"), "--peildatum", PEILDATUM, "--format", "json"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    return proc, json.loads(proc.stdout or "{}")


@pytest.fixture(scope="module")
def streng(opstelling: Path, check):
    """`make html`: warnings are errors (after make check, so both have run before the asserts)."""
    return build(opstelling / "corpus", opstelling / "html", strict=True)


def _found(report: dict, plaats: str, regel: str, melding: str) -> list[dict]:
    return [f for f in report["bevindingen"] if f["plaats"] == plaats and f["regel"] == regel and melding in f["melding"]]


@pytest.mark.parametrize("aanval", AANVALLEN)
def test_each_attack_gets_a_located_dutch_finding(check, aanval):
    _, report = check
    regel = _regels_na_aanval((CORPUS / AANVAL).read_text(encoding="utf-8"))[aanval] + VERDER.get(aanval, 0)
    rule, melding = AANVALLEN[aanval]
    found = _found(report, f"{AANVAL}:{regel}", rule, melding)
    assert found, f"{aanval}: geen '{melding}' op regel {regel}; wel: " + "\n".join(
        f"{f['plaats']} {f['melding'][:80]}" for f in report["bevindingen"] if f["bestand"] == AANVAL)
    assert all(f["ernst"] == "blokkerend" and f["oplossing"] for f in found)


@pytest.mark.parametrize("optie", OPTIES)
def test_each_dangerous_option_gets_a_finding(check, optie):
    _, report = check
    lines = (CORPUS / AANVAL).read_text(encoding="utf-8").splitlines()
    regel = next(nr for nr, line in enumerate(lines, start=1) if line.startswith(f":{optie}:"))
    assert _found(report, f"{AANVAL}:{regel}", "vertrouwen", OPTIES[optie])


@pytest.mark.parametrize("geval", BESTANDEN)
def test_other_files_get_their_finding(check, geval):
    _, report = check
    plaats, melding = BESTANDEN[geval]
    assert [f for f in report["bevindingen"] if f["plaats"] == plaats and melding in f["melding"]], geval


def test_allowed_constructs_give_no_finding(check):
    """The victim's plan uses everything a plan may: admonitions, tables, images, links, code."""
    _, report = check
    assert [f["melding"] for f in report["bevindingen"]
            if f["bestand"] == f"{PLANNEN}/beedorp.md" and f["regel"] != "termijn"] == []
    # a maintainers' page may filter and include from inside the project: only the outside include counts
    assert [f["plaats"] for f in report["bevindingen"] if f["bestand"] == "docs/beheer.md"] == ["docs/beheer.md:16", "docs/beheer.md:20"]
    assert [f["plaats"] for f in report["bevindingen"] if f["bestand"] == "requirements/regio.md"] == [
        "requirements/regio.md:9"]


def test_make_check_fails_without_a_traceback(check):
    proc, report = check
    assert proc.returncode == 1 and not report["geslaagd"]
    assert "Traceback" not in proc.stderr


def test_make_html_fails_with_the_same_findings(streng):
    assert streng.returncode != 0
    assert "Traceback" not in streng.log and "Exception occurred" not in streng.log
    for aanval, (_, melding) in AANVALLEN.items():
        regel = _regels_na_aanval((CORPUS / AANVAL).read_text(encoding="utf-8"))[aanval] + VERDER.get(aanval, 0)
        assert re.search(rf"{re.escape(AANVAL)}:{regel}: (WARNING|ERROR): .*{re.escape(melding)}", streng.log), aanval


def test_no_code_ran(opstelling, streng):
    assert not (opstelling / "GEMAAKT").exists()


def test_no_byte_of_an_outside_file_is_published(opstelling, streng):
    for uit in ("check", "html"):
        lekken = [p for p in (opstelling / uit).rglob("*") if p.is_file() and GEHEIM.encode() in p.read_bytes()]
        assert lekken == [], uit


def test_another_gemeentes_items_are_unchanged(opstelling, streng):
    needs = json.loads((opstelling / "html" / "needs.json").read_text(encoding="utf-8"))
    needs = needs["versions"][needs["current_version"]]["needs"]
    assert needs["UA-B-1"]["status"] == "gepland" and needs["UA-B-1"]["eigenaar"] == "Afdeling Onderwijs"
    assert all("voorbeeld" not in n["tags"] for n in needs.values() if n["type"] == "opgave")
    assert "UA-GEHEIM" not in needs
    assert needs["UA-A-3"].get("layout") != "complete"
    assert "UA-A-6" not in needs  # refused with its finding, not rewritten into something else


def test_refused_files_beside_the_plans_are_not_published(opstelling, streng):
    """A scripted SVG, an SVG named .png, a 6 MB PNG and a PDF: none reaches _build, not even renamed."""
    for uit in ("check", "html"):
        bestanden = [p for p in (opstelling / uit).rglob("*") if p.is_file()]
        assert [p for p in bestanden if BEELD.encode() in p.read_bytes()] == [], uit
        assert [p for p in bestanden if p.stat().st_size > access.MAX_BEELD] == [], uit
    # the victim's own PNG beside her plan is still published (needflow-*.svg: sphinx-needs' own drawings)
    assert [p.name for p in (opstelling / "html" / "_images").iterdir() if not p.name.startswith("needflow-")] == [
        "kaart.png"]


def test_the_source_stamp_is_not_published(opstelling, streng):
    """The list of every file of the checkout is kept beside the site, not in it."""
    for uit in ("check", "html"):
        assert [p for p in (opstelling / uit).rglob("*") if STEMPEL in p.name] == [], uit
        assert stempel_pad(opstelling / uit).is_file(), uit


def test_the_site_loads_nothing_from_elsewhere(opstelling, streng):
    for page in (opstelling / "html").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "tracker.example" not in html, page
        assert not re.search(r"<img[^>]+src=\"(https?:)?//", html), page


def test_no_formula_in_any_download(opstelling, streng):
    folder = opstelling / "html" / "downloads"
    for pad in folder.glob("*.csv"):
        for rij in csv.reader(pad.open(encoding="utf-8")):
            assert not [cel for cel in rij if cel[:1] in ("=", "+", "-", "@", "\t", "\r")], (pad.name, rij)
    titels = {}
    for pad in folder.glob("*.xlsx"):
        for ws in openpyxl.load_workbook(pad):
            for row in ws.iter_rows():
                for cel in row:
                    assert cel.data_type != "f", (pad.name, cel.coordinate, cel.value)
                    if pad.name == "acties.xlsx" and ws.title == "acties" and cel.column == 2:
                        titels[cel.row] = cel.value
    # the text itself is kept, as text
    assert any(str(t).startswith("=HYPERLINK(") for t in titels.values())


def test_xlsx_cells_are_typed(opstelling, streng):
    from datetime import datetime

    ws = openpyxl.load_workbook(opstelling / "html" / "downloads" / "acties.xlsx")["acties"]
    kop = [c.value for c in ws[1]]
    start = ws.cell(row=2, column=kop.index("start") + 1)
    assert isinstance(start.value, datetime) and start.number_format == "yyyy-mm-dd"
    dekking = openpyxl.load_workbook(opstelling / "html" / "downloads" / "dekking.xlsx")["dekking"]
    kop = [c.value for c in dekking[1]]
    assert isinstance(dekking.cell(row=2, column=kop.index("aantal_acties") + 1).value, int)


def test_the_terminal_and_markdown_reports_escape_the_titles(opstelling, check):
    srcdir, uit = str(opstelling / "corpus"), str(opstelling / "check")
    for vorm in ("text", "markdown"):
        proc = subprocess.run(
            [sys.executable, "-m", "hgkm", "check", "--bron", srcdir, "--uit", uit, "--peildatum", PEILDATUM,
             "--format", vorm],
            capture_output=True, text=True, cwd=ROOT, check=False, env={**os.environ, "COLUMNS": "200"},
        )
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
        if vorm == "text":  # shown as written, not as rich markup
            assert "Plegeraanpak [/] [bold]vet[/] @beheer-team | *schuin*" in proc.stdout
        else:  # no mention, no table cell, no emphasis
            assert "@beheer-team" not in proc.stdout and "*schuin*" not in proc.stdout
            assert "Plegeraanpak \\[/\\] \\[bold\\]vet\\[/\\] @\u2060beheer-team \\| \\*schuin\\*" in proc.stdout


def test_markdown_escaping_makes_no_link_html_or_mention():
    tekst = escaping.markdown("![x](https://t.example/p.gif) <img src=x> @team | **vet**\nregel")
    assert "![" not in tekst and "<img" not in tekst and "@team" not in tekst and " | " not in tekst
    assert "\n" not in tekst and "**" not in tekst
    assert escaping.code("a`b") == "a'b"
    # the escape code shown as a marker, not run (tests/test_onzichtbaar.py: every invisible character)
    assert str(escaping.terminal("[/] [bold]x[/]\x1b[31m")) == "[/] [bold]x[/]<U+001B>[31m"


@pytest.mark.parametrize(
    ("bestand", "pad", "buiten"),
    [
        ("docs/handleiding.md", "../CONTRIBUTING.md", False),
        ("requirements/uitvoeringsplannen/a.md", "../bronnen.md", False),
        ("requirements/uitvoeringsplannen/a.md", "kaart.png", False),
        ("docs/handleiding.md", "../../etc/passwd", True),
        ("index.md", "/etc/passwd", False),  # Sphinx reads /… from the project's root
        ("index.md", "file:///etc/passwd", True),
        ("index.md", "//elders.example/x.png", True),
        ("index.md", ".git/config", True),
        ("docs/a.md", "../_build/html/index.html", True),
    ],
)
def test_paths_stay_inside_the_project(bestand, pad, buiten):
    assert trust.buiten(bestand, pad, None) is buiten


def test_a_symlink_inside_the_project_that_points_out_is_outside(tmp_path):
    (tmp_path / "buiten.txt").write_text("x")
    project = tmp_path / "project"
    project.mkdir()
    (project / "plaatje.png").symlink_to(tmp_path / "buiten.txt")
    assert trust.buiten("index.md", "plaatje.png", project)
    (project / "echt.png").write_text("x")
    assert not trust.buiten("index.md", "echt.png", project)


@pytest.mark.parametrize(
    ("bestand", "naam", "mag"),
    [
        (f"{PLANNEN}/a.md", "actie", True),
        (f"{PLANNEN}/a.md", "NOTE", True),
        (f"{PLANNEN}/a.md", "opgave", False),
        (f"{PLANNEN}/a.md", "toctree", False),
        ("requirements/gemeenten.md", "gemeente", True),
        ("requirements/gemeenten.md", "item-lijst", True),
        ("requirements/gemeenten.md", "needtable", False),
        ("docs/dekking.md", "needtable", True),
        ("docs/dekking.md", "raw", False),
        ("docs/dekking.md", "EVAL-RST", False),
    ],
)
def test_the_tiers(bestand, naam, mag):
    assert access.poort(naam, bestand) is mag


def test_the_knowledge_base_itself_crosses_no_boundary():
    """Every content file of this repository stays within what its owner may use."""
    found = []
    for pad in sorted(ROOT.rglob("*.md")):
        rel = pad.relative_to(ROOT).as_posix()
        if rel.split("/")[0] in {".venv", "_build", "tests", "node_modules", "bench", "checks"}:
            continue
        found += trust.findings(rel, pad.read_text(encoding="utf-8"), ROOT)
    assert [f.plaats for f in found] == []


def _genest(diepte: int) -> str:
    return "".join(":" * (diepte + 3 - i) + "{note}\n" for i in range(diepte)) + "tekst\n" + "".join(
        ":" * (4 + i) + "\n" for i in range(diepte)
    )


def test_blocks_nested_too_deep_are_a_finding_not_a_recursion_error(tmp_path: Path) -> None:
    """300 blocks in each other made the Markdown parser stop with a RecursionError."""
    corpus = copy_fixture("minimaal", tmp_path)
    plan = corpus / "requirements" / "uitvoeringsplannen" / "aadorp.md"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n" + _genest(300), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "hgkm", "check", "--bron", str(corpus), "--uit", str(tmp_path / "html"), "--peildatum", "2025-01-01"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stdout + proc.stderr
    assert proc.returncode == 1
    assert "[vertrouwen]" in proc.stdout and "meer dan 20 blokken in elkaar" in proc.stdout


def test_a_few_nested_blocks_are_fine() -> None:
    tekst = _genest(trust.MAX_DIEPTE)
    assert not [f for f in trust.findings("requirements/uitvoeringsplannen/x.md", tekst) if "in elkaar" in f.melding]
    assert [f for f in trust.findings("requirements/uitvoeringsplannen/x.md", _genest(trust.MAX_DIEPTE + 1))
            if "in elkaar" in f.melding]

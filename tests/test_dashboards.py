"""The dashboards, generated pages and downloads of the site, on the site fixture.

The fixture (tests/fixtures/site) has a cell of every state: Aadorp covers all,
Beedorp and Ceedorp share a subregional plan with an uitzondering, Deedorp has a
gap (OG-TEST-2), Eedorp has no plan, and Voorbeelddorp is a voorbeeld.
"""

from __future__ import annotations

from datetime import datetime

import csv
import io
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hgkm.tools.build import BuildResult, build
from hgkm.hooks.incremental import differing_pages
from hgkm.model.corpus import Need
from hgkm.site.item_pages import scan
from tests.conftest import SITE_PEILDATUM, copy_fixture


class _Tables(HTMLParser):
    """The tables of a page: caption and rows of cell texts (header cells included)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict] = []
        self._cell: list[str] | None = None
        self._in_caption = False
        self.scopes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "table":
            self.tables.append({"caption": "", "rows": []})
        elif tag == "caption":
            self._in_caption = True
        elif tag == "tr" and self.tables:
            self.tables[-1]["rows"].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = []
            if tag == "th":
                self.scopes.append(dict(attrs).get("scope", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption":
            self._in_caption = False
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[-1]["rows"][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._in_caption:
            self.tables[-1]["caption"] += data
        elif self._cell is not None:
            self._cell.append(data)


def tables(path: Path) -> _Tables:
    parser = _Tables()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _matrix(site: BuildResult, soort: str) -> dict[str, dict[str, str]]:
    """The matrix of `soort` on the dekking page as {gemeente: {column: cell}}."""
    parsed = tables(site.outdir / "docs" / "dekking.html")
    table = next(t for t in parsed.tables if soort in t["caption"])
    header, *rows = table["rows"]
    return {row[0]: dict(zip(header[1:], row[1:], strict=True)) for row in rows}


def test_build_reports_only_the_deliberate_gap(site: BuildResult) -> None:
    warnings = site.warnings
    assert len(warnings) == 1, site.log
    assert "Deedorp" in warnings[0] and "OG-TEST-2" in warnings[0]


def test_opgaven_matrix_has_a_word_in_every_cell(site: BuildResult) -> None:
    matrix = _matrix(site, "ontwikkelopgaven")
    assert matrix["Aadorp"] == {"OG-TEST-1": "gedekt (2)", "OG-TEST-2": "gedekt (1)", "Totaal gedekt": "2 van 2"}
    assert matrix["Beedorp"]["OG-TEST-2"] == "uitzondering"
    assert matrix["Ceedorp"]["OG-TEST-2"] == "uitzondering"
    assert matrix["Deedorp"] == {"OG-TEST-1": "gedekt (1)", "OG-TEST-2": "niet gedekt", "Totaal gedekt": "1 van 2"}
    assert matrix["Eedorp"] == {"OG-TEST-1": "geen plan", "OG-TEST-2": "geen plan", "Totaal gedekt": "geen plan"}
    totals = matrix["Gemeenten met een plan die dit dekken"]
    assert totals == {"OG-TEST-1": "4 van 4", "OG-TEST-2": "3 van 4", "Totaal gedekt": "1 van 2 overal gedekt"}


def test_voorbeeld_stays_out_of_the_matrix(site: BuildResult) -> None:
    assert "Voorbeelddorp" not in _matrix(site, "ontwikkelopgaven")
    assert "Voorbeelddorp" not in (site.outdir / "docs" / "dekking.html").read_text(encoding="utf-8")


def test_taken_matrix_applies_centrumgemeente_taken_only_there(site: BuildResult) -> None:
    matrix = _matrix(site, "wettelijke taken")
    assert matrix["Aadorp"]["WT-TEST-1"] == "gedekt (1)"
    assert matrix["Beedorp"]["WT-TEST-1"] == "n.v.t."
    assert matrix["Beedorp"]["Totaal gedekt"] == "1 van 1"
    assert matrix["Gemeenten met een plan die dit dekken"]["WT-TEST-1"] == "1 van 1"


def test_tables_have_captions_and_scoped_headers(site: BuildResult) -> None:
    parsed = tables(site.outdir / "docs" / "dekking.html")
    assert len(parsed.tables) == 2
    assert all(t["caption"].startswith("Dekking van de") for t in parsed.tables)
    assert parsed.scopes and set(parsed.scopes) == {"col", "row"}


def test_home_shows_the_state_at_a_glance(site: BuildResult) -> None:
    text = (site.outdir / "index.html").read_text(encoding="utf-8")
    assert "<strong>4 van de 5</strong> gemeenten hebben een uitvoeringsplan." in text
    assert "<strong>1 van de 2</strong> ontwikkelopgaven is gedekt in elke gemeente met een plan." in text
    assert "<strong>1</strong> open plekken" in text


def test_gemeente_page_lists_plans_acties_and_gaps(site: BuildResult) -> None:
    page = site.outdir / "docs" / "gemeenten" / "gm-d.html"
    parsed = tables(page)
    acties = next(t for t in parsed.tables if t["caption"].startswith("Acties van Deedorp"))
    assert acties["caption"] == f"Acties van Deedorp (voortgang op de peildatum {SITE_PEILDATUM})"
    assert acties["rows"][1][:5] == ["UA-D-1 Voorlichting op scholen", "lopend", "lopend", "Afdeling Jeugd",
                                     "2024-09-01 t/m 2025-06-30"]
    dekking = next(t for t in parsed.tables if t["caption"].startswith("Dekking van Deedorp"))
    assert ["OG-TEST-2 Plegeraanpak", "niet gedekt", ""] in dekking["rows"]
    text = page.read_text(encoding="utf-8")
    assert 'id="dekking-og-test-2"' in text
    assert "Hier ontbreekt nog een actie" in text


def test_generated_pages_exist_for_real_items_only(site: BuildResult) -> None:
    srcdir = site.outdir.parent.parent
    gemeenten = sorted(p.stem for p in (srcdir / "docs" / "gemeenten").glob("*.md"))
    assert gemeenten == ["gm-a", "gm-b", "gm-c", "gm-d", "gm-e", "index"]
    for soort, stem in [("opgaven", "og-test-1"), ("principes", "lp-test-1"), ("taken", "wt-test-1"),
                        ("toetsstenen", "ts-test-1")]:
        assert (site.outdir / "docs" / soort / f"{stem}.html").exists()


def test_scan_finds_need_directives_as_the_build_does() -> None:
    text = (
        "```{opgave} Titel met *nadruk*\n:id: OG-X-1\n:regiovisie: RV-X\n```\n\n"
        ":::{gemeente} Voorbeeld\n:id: GM-VB\n:tags: voorbeeld\n:::\n\n"
        ":::{actie} Geen pagina\n:id: UA-X-1\n:::\n\n"
        "::::{note}\n:::{principe} Genest\n:id: LP-X-1\n:::\n::::\n\n"
        "````markdown\n```{opgave} Voorbeeld in een codeblok\n:id: OG-X-9\n```\n````\n"
    )
    found = scan(text)
    assert [(i.type, i.id, i.titel) for i in found] == [
        ("opgave", "OG-X-1", "Titel met *nadruk*"),
        ("principe", "LP-X-1", "Genest"),
    ]


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_dekking_download_matches_the_matrix(site: BuildResult) -> None:
    rows = _csv(site.outdir / "downloads" / "dekking.csv")
    cell = {(r["gemeente"], r["item"]): r for r in rows}
    assert cell[("GM-D", "OG-TEST-2")]["staat"] == "niet gedekt"
    assert cell[("GM-B", "OG-TEST-2")]["uitzondering"] == "UZ-BC-1"
    assert cell[("GM-A", "OG-TEST-1")]["acties"] == "UA-A-1, UA-A-2"
    assert cell[("GM-E", "WT-TEST-2")]["staat"] == "geen plan"
    assert {r["peildatum"] for r in rows} == {SITE_PEILDATUM}
    assert not any(r["gemeente"] == "GM-VB" for r in rows)
    assert len(rows) == 5 * 4  # 5 gemeenten x (2 opgaven + 2 taken)


def test_acties_download_in_csv_and_xlsx_agree(site: BuildResult) -> None:
    rows = _csv(site.outdir / "downloads" / "acties.csv")
    assert [r["id"] for r in rows] == ["UA-A-1", "UA-A-2", "UA-BC-1", "UA-D-1"]
    assert rows[2]["gemeenten"] == "GM-B, GM-C" and rows[2]["bronbestand"].endswith("beedorp-ceedorp.md")
    sheet = load_workbook(site.outdir / "downloads" / "acties.xlsx")["acties"]
    # XLSX keeps dates as dates: read them back in the CSV's form
    values = [[c.date().isoformat() if isinstance(c, datetime) else ("" if c is None else c) for c in row]
              for row in sheet.iter_rows(values_only=True)]
    assert values[0] == list(rows[0].keys())
    assert values[1:] == [list(r.values()) for r in rows]


def test_downloads_page_links_every_file(site: BuildResult) -> None:
    text = (site.outdir / "docs" / "downloads.html").read_text(encoding="utf-8")
    for href in ["../needs.json", "../downloads/acties.csv", "../downloads/acties.xlsx",
                 "../downloads/dekking.csv", "../downloads/dekking.xlsx"]:
        assert f'href="{href}"' in text
        assert (site.outdir / href.removeprefix("../")).exists()
    assert "CC0 1.0" in text


def test_incremental_build_gives_the_same_dashboards_as_a_clean_one(tmp_path: Path) -> None:
    src = copy_fixture("site", tmp_path)
    env = {"HGKM_PEILDATUM": SITE_PEILDATUM}
    first = build(src, src / "_build" / "html", env=env)
    untouched = {g: (first.outdir / "docs" / "gemeenten" / f"{g}.html").stat().st_mtime_ns for g in ("gm-a", "gm-d")}
    plan = src / "requirements" / "uitvoeringsplannen" / "deedorp.md"
    plan.write_text(plan.read_text(encoding="utf-8").replace(":opgaven: OG-TEST-1", ":opgaven: OG-TEST-1, OG-TEST-2"),
                    encoding="utf-8")
    (src / "docs" / "gemeenten" / "gm-weg.md").write_text("# Verdwenen\n", encoding="utf-8")
    incremental = build(src, src / "_build" / "html", env=env)
    assert incremental.returncode == 0 and not incremental.warnings, incremental.log
    assert not (src / "docs" / "gemeenten" / "gm-weg.md").exists()
    # Only the page of the gemeente whose plan changed is rewritten.
    gemeenten = incremental.outdir / "docs" / "gemeenten"
    assert (gemeenten / "gm-a.html").stat().st_mtime_ns == untouched["gm-a"]
    assert (gemeenten / "gm-d.html").stat().st_mtime_ns != untouched["gm-d"]
    clean_dir = tmp_path / "clean"
    shutil.copytree(src, clean_dir, ignore=shutil.ignore_patterns("_build"))
    clean = build(clean_dir, clean_dir / "_build" / "html", env=env, fresh=True)
    assert differing_pages(incremental.outdir, clean.outdir) == []
    assert "Totaal gedekt" in (clean.outdir / "docs" / "dekking.html").read_text(encoding="utf-8")
    assert _matrix(incremental, "ontwikkelopgaven")["Deedorp"]["OG-TEST-2"] == "gedekt (1)"


def test_theme_labels_are_dutch(site: BuildResult) -> None:
    """The page is Dutch (lang="nl"), so are the theme's labels (WCAG 3.1.2)."""
    text = (site.outdir / "docs" / "dekking.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in text
    for dutch in ['aria-label="Navigatie van de site"', "Zoek in de kennisbank", "Terug naar boven"]:
        assert dutch in text, dutch
    for english in ["On this page", "Section Navigation", "Back to top", "Search the docs", "Color mode"]:
        assert english not in text, english


def test_voortgang_counts_every_state_in_words(site: BuildResult) -> None:
    """At the peildatum 2025-06-01: Aadorp has one lopend actie and one that has not started."""
    parsed = tables(site.outdir / "docs" / "voortgang.html")
    per_gemeente = next(t for t in parsed.tables if t["caption"].startswith("Voortgang van de acties per gemeente"))
    assert per_gemeente["rows"][0] == ["Gemeente", "Afgerond", "Lopend", "Over tijd", "Niet gestart", "Gepland",
                                       "Vervallen", "Totaal"]
    rijen = {r[0]: r[1:] for r in per_gemeente["rows"][1:]}
    assert rijen["Aadorp"] == ["0", "1", "0", "1", "0", "0", "2"]
    assert rijen["Beedorp"] == rijen["Ceedorp"] == ["1", "0", "0", "0", "0", "0", "1"]
    # the shared plan's actie counts once in the total; the voorbeeld plan not at all
    assert rijen["Alle gemeenten"] == ["1", "2", "0", "1", "0", "0", "4"]
    assert "Voorbeelddorp" not in rijen
    assert "Geen enkele actie is over tijd." in (site.outdir / "docs" / "voortgang.html").read_text(encoding="utf-8")
    gemeente = tables(site.outdir / "docs" / "gemeenten" / "gm-a.html")
    per_opgave = next(t for t in gemeente.tables if t["caption"].startswith("Voortgang van de acties van Aadorp"))
    assert per_opgave["rows"][-1] == ["Alle acties", "0", "1", "0", "1", "0", "0", "2"]


def test_voortgang_lists_the_acties_over_tijd_per_gemeente(tmp_path: Path) -> None:
    project = copy_fixture("site", tmp_path)
    out = tmp_path / "html"
    result = build(project, out, env={"HGKM_PEILDATUM": "2026-01-01"})
    assert result.returncode == 0, result.log
    text = (out / "docs" / "voortgang.html").read_text(encoding="utf-8")
    lijst = text[text.index("Acties over tijd"):]
    assert lijst.index("Aadorp") < lijst.index("UA-A-1 Meldpunt versterken") < lijst.index("Deedorp")
    assert "UA-D-1 Voorlichting op scholen</a>: de einddatum 2025-06-30 is voorbij, eigenaar Afdeling Jeugd" in lijst
    assert "UA-BC-1" not in lijst  # afgerond


def test_pdf_reports_read_back_as_text(tmp_path: Path) -> None:
    """`make pdf`: one tagged A4 PDF per gemeente with a plan and one per region, read back
    with pdftotext as a raad member's search would; the downloads page offers them."""
    from tests.outside import require

    require(shutil.which("pdftotext") is not None, "pdftotext ontbreekt: installeer poppler-utils (make test doet dat).")
    project = copy_fixture("site", tmp_path)
    out = tmp_path / "html"
    result = build(project, out, env={"HGKM_PEILDATUM": "2026-01-01", "HGKM_PDF": "1",
                                      "HGKM_SITE_URL": "https://regio.invalid/kb/"})
    assert result.returncode == 0, result.log
    folder = out / "downloads" / "pdf"
    assert sorted(p.name for p in folder.iterdir()) == [
        "voortgang-gm-a.pdf", "voortgang-gm-b.pdf", "voortgang-gm-c.pdf", "voortgang-gm-d.pdf", "voortgang-rv-test.pdf"]
    info = subprocess.run(["pdfinfo", str(folder / "voortgang-gm-a.pdf")], capture_output=True, text=True, check=True).stdout
    assert "Tagged:          yes" in info and "(A4)" in info and "Voortgangsrapportage Aadorp" in info
    tekst = subprocess.run(["pdftotext", "-layout", str(folder / "voortgang-gm-a.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout
    omslag = tekst.split("\f")[0]
    assert "VOORTGANGSRAPPORTAGE" in omslag and "Aadorp" in omslag and "Peildatum 2026-01-01" in omslag
    assert "Acties over tijd" in tekst and "UA-A-1 Meldpunt versterken" in tekst
    assert "Open plekken" in tekst and "Uitzonderingen" in tekst and "Bronnen" in tekst
    assert "pagina 1 van" in tekst
    # links go to the published site, to the actie itself
    links = subprocess.run(["pdfinfo", "-url", str(folder / "voortgang-gm-a.pdf")], capture_output=True, text=True,
                           check=True).stdout
    assert "https://regio.invalid/kb/requirements/uitvoeringsplannen/aadorp.html#UA-A-1" in links
    regio = subprocess.run(["pdftotext", str(folder / "voortgang-rv-test.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout
    assert all(naam in regio for naam in ("Aadorp", "Beedorp", "Ceedorp", "Deedorp"))
    assert "Voorbeelddorp" not in regio
    downloads = (out / "docs" / "downloads.html").read_text(encoding="utf-8")
    assert '<a href="../downloads/pdf/voortgang-gm-a.pdf">Voortgangsrapportage Aadorp</a> (PDF)' in downloads


def test_without_hgkm_pdf_no_reports_and_no_promise(site: BuildResult) -> None:
    assert not (site.outdir / "downloads" / "pdf").exists()
    assert "Voortgangsrapportages (PDF)" not in (site.outdir / "docs" / "downloads.html").read_text(encoding="utf-8")


def _meting(need_id: str, periode: str, waarde: str, gebied: str = "Regio") -> Need:
    return Need.from_dict({"id": need_id, "type": "meting", "title": need_id, "periode": periode, "waarde": waarde,
                           "eenheid": "% hermeldingen", "gebied": gebied, "toetssteen": ["TS-X"]})


@pytest.mark.parametrize(("doel", "oordeel"), [("dalen", "op de goede weg"), ("stijgen", "nog niet op de goede weg")])
def test_richting_since_the_first_meting(doel: str, oordeel: str) -> None:
    from hgkm.site.render_meting import richting

    ts = Need.from_dict({"id": "TS-X", "type": "toetssteen", "title": "X", "doel": doel})
    tekst = richting(ts, [_meting("MT-B", "2024", "37,9"), _meting("MT-A", "2022", "40,4"),
                          _meting("MT-N", "2022", "38", "Landelijk")])
    assert f"Regio: van 40,4 (2022) naar 37,9 (2024), gedaald. De regiovisie wil dat de waarde " in tekst
    assert tekst.count(f": {oordeel}.") == 1
    assert "Landelijk: er is nog één meting (2022: 38 % hermeldingen)" in tekst


def test_meting_chart_is_the_same_svg_every_time() -> None:
    from hgkm.site.render_meting import grafiek

    ts = Need.from_dict({"id": "TS-X", "type": "toetssteen", "title": "X", "doel": "dalen"})
    metingen = [_meting("MT-A", "2022", "40,4"), _meting("MT-N", "2022", "38", "Landelijk")]
    svg = grafiek(ts, metingen)
    assert svg == grafiek(ts, metingen)
    assert b"<svg" in svg and b"2022" in svg and b"Landelijk" in svg and b"<dc:date>" not in svg


def test_toetssteen_without_metingen_says_how_to_add_one(site: BuildResult) -> None:
    text = (site.outdir / "docs" / "toetsstenen" / "ts-test-1.html").read_text(encoding="utf-8")
    assert "Voor deze toetssteen staat nog geen meting in de kennisbank." in text


def test_meting_chart_shows_hostile_text_literally() -> None:
    """A gebied or eenheid from a content file is text: no mathtext, no hidden legend entry."""
    from hgkm.site.render_meting import grafiek

    ts = Need.from_dict({"id": "TS-X", "type": "toetssteen", "title": "X", "doel": "dalen"})
    boos = Need.from_dict({"id": "MT-X", "type": "meting", "title": "X", "periode": "2022", "waarde": "1",
                           "eenheid": r"$\frac{1}{$", "gebied": "_verborgen $x^2$", "toetssteen": ["TS-X"]})
    svg = grafiek(ts, [boos]).decode("utf-8")
    assert "verborgen $x^2$" in svg and "frac" in svg


def test_a_plan_file_may_not_add_a_meting() -> None:
    """Figures are the region's, with a source: a gemeente's plan cannot add one."""
    from hgkm.sources import trust

    blok = "# P\n\n:::{meting} X\n:id: MT-X\n:toetssteen: TS-RR24-1\n:::\n"
    assert [b.regelnummer for b in trust.bezwaren("requirements/uitvoeringsplannen/x.md", blok)] == [3]
    assert trust.bezwaren("requirements/rr24/toetsstenen.md", blok) == []

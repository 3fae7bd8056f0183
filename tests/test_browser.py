"""The built site in a real browser: Debian's chromium, driven by Playwright.

Two sites are served on 127.0.0.1: the small site fixture (every cell state of the
matrix) and the real knowledge base, built once per module with warnings as errors.
axe-core checks WCAG 2.1 A/AA on the pages in FIXTURE_AXE_PAGES and ECHTE_PAGINAS
(the latter in light and dark mode); the real pages are also measured for text size,
line length, reflow at 375 px and print.

Never a browser download: `playwright install` is not used. Without
/usr/bin/chromium these tests skip with how to install it; under CI they fail.
A failed test leaves a screenshot in test-results/.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from hgkm.tools.build import BuildResult
from tests import outside
from tests.outside import CHROMIUM, CHROMIUM_ARGS, require_chromium, serve

pytestmark = pytest.mark.browser

RESULTS = Path(__file__).resolve().parent.parent / "test-results"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ARGS = CHROMIUM_ARGS


@contextlib.contextmanager
def _serve(result: BuildResult) -> Iterator[str]:
    """Serve a finished build on 127.0.0.1 on a free port; yield its base URL."""
    assert result.returncode == 0, result.log
    with serve(result.outdir) as url:
        yield url


@pytest.fixture(scope="module")
def base_url(site: BuildResult) -> Iterator[str]:
    """The built site fixture, served on 127.0.0.1."""
    with _serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def echte_url(echte_site: BuildResult) -> Iterator[str]:
    """The real knowledge base (the repository root), built with -W and served on 127.0.0.1."""
    with _serve(echte_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")  # type: ignore[attr-defined]
    page = context.new_page()
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        RESULTS.mkdir(exist_ok=True)
        # A page in the test's name ("docs/…?q=…") must not become folders or a query.
        name = re.sub(r"[^\w.\[\]-]+", "_", request.node.name)
        page.screenshot(path=str(RESULTS / f"{name}.png"), full_page=True)
    context.close()


def _wait_for_search(page: object) -> None:
    """Wait until Sphinx's search has shown all its results (it then writes its summary, which the theme hides)."""
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => document.querySelector('#search-results .search-summary')?.textContent.trim()", timeout=10_000
    )


def _search_hrefs(page: object, base: str, query: str) -> list[str]:
    page.goto(f"{base}/search.html?q={query}")  # type: ignore[attr-defined]
    _wait_for_search(page)
    return [a.get_attribute("href") or "" for a in page.locator("#search-results a").all()]  # type: ignore[attr-defined]


def _axe_violations(page: object) -> tuple[int, str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]})
    return results.violations_count, results.generate_report()


def _matrix_cell(page: object, caption: str, gemeente: str, kolom: str) -> object:
    """The cell of the matrix with `caption` in the row of `gemeente` and column `kolom`."""
    table = page.locator("table", has=page.locator("caption", has_text=caption))  # type: ignore[attr-defined]
    headers = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    row = table.locator("tbody tr").filter(has=page.get_by_role("rowheader", name=gemeente, exact=True))  # type: ignore[attr-defined]
    return row.locator("td").nth(headers.index(kolom) - 1)


def test_matrix_renders_with_words_and_totals(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/docs/dekking.html")  # type: ignore[attr-defined]
    caption = "ontwikkelopgaven"
    assert _matrix_cell(page, caption, "Deedorp", "OG-TEST-2").inner_text().strip() == "niet gedekt"
    assert _matrix_cell(page, caption, "Eedorp", "OG-TEST-1").inner_text().strip() == "geen plan"
    assert _matrix_cell(page, caption, "Beedorp", "Totaal gedekt").inner_text().strip() == "2 van 2"
    assert page.locator("table", has_text="Voorbeelddorp").count() == 0  # type: ignore[attr-defined]


def test_covered_cell_leads_to_the_acties(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/docs/dekking.html")  # type: ignore[attr-defined]
    cell = _matrix_cell(page, "ontwikkelopgaven", "Aadorp", "OG-TEST-1")
    assert cell.inner_text().strip() == "gedekt (2)"
    cell.get_by_role("link").click()
    page.wait_for_url("**/docs/gemeenten/gm-a.html#dekking-og-test-1")  # type: ignore[attr-defined]
    row = page.locator("#dekking-og-test-1")  # type: ignore[attr-defined]
    assert row.get_by_role("link").all_inner_texts()[1:] == ["UA-A-1", "UA-A-2"]
    row.get_by_role("link", name="UA-A-2").click()
    page.wait_for_url("**/requirements/uitvoeringsplannen/aadorp.html#UA-A-2")  # type: ignore[attr-defined]
    assert "Scholing professionals" in page.locator("[id='UA-A-2']").first.inner_text()  # type: ignore[attr-defined]


def test_uitzondering_cell_leads_to_the_uitzondering(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/docs/dekking.html")  # type: ignore[attr-defined]
    _matrix_cell(page, "ontwikkelopgaven", "Ceedorp", "OG-TEST-2").get_by_role("link", name="uitzondering").click()
    page.wait_for_url("**/requirements/uitvoeringsplannen/beedorp-ceedorp.html#UZ-BC-1")  # type: ignore[attr-defined]


def test_gemeente_page_shows_its_plan_acties_and_coverage(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/docs/gemeenten/gm-b.html")  # type: ignore[attr-defined]
    main = page.get_by_role("main") if page.get_by_role("main").count() else page.locator("body")  # type: ignore[attr-defined]
    assert "Uitvoeringsplan Beedorp en Ceedorp" in main.inner_text()
    assert "Samen met Ceedorp" in main.inner_text()
    acties = page.locator("table", has=page.locator("caption", has_text="Acties van Beedorp"))  # type: ignore[attr-defined]
    assert acties.get_by_role("link", name="UA-BC-1 Wijkteams trainen").count() == 1
    assert page.locator("#dekking-og-test-2").get_by_role("link", name="UZ-BC-1").count() == 1  # type: ignore[attr-defined]


def test_opgave_page_shows_who_serves_it(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/docs/opgaven/og-test-2.html")  # type: ignore[attr-defined]
    table = page.locator("table", has=page.locator("caption", has_text="Gemeenten en hun acties voor OG-TEST-2"))  # type: ignore[attr-defined]
    rows = {r.split("\t")[0].strip(): r for r in table.locator("tbody tr").all_inner_texts()}
    assert set(rows) == {"Aadorp", "Beedorp", "Ceedorp", "Deedorp", "Eedorp"}
    assert "UA-A-1" in rows["Aadorp"] and "UZ-BC-1" in rows["Beedorp"] and "niet gedekt" in rows["Deedorp"]
    graaf = page.get_by_role("img", name="Acties die verwijzen naar OG-TEST-2")  # type: ignore[attr-defined]
    assert graaf.is_visible() and graaf.evaluate("img => img.complete && img.naturalWidth > 0")
    svg = page.request.get(graaf.evaluate("img => img.src")).text()  # type: ignore[attr-defined]
    assert "UA-A-1" in svg and "OG-TEST-2" in svg
    table.get_by_role("link", name="Aadorp").click()
    page.wait_for_url("**/docs/gemeenten/gm-a.html")  # type: ignore[attr-defined]


def test_search_finds_an_opgave(page: object, base_url: str) -> None:
    hrefs = _search_hrefs(page, base_url, "plegeraanpak")
    assert any("docs/opgaven/og-test-2.html" in h for h in hrefs), hrefs


#: The pages of the site fixture that axe-core checks (docs/toegankelijkheid.md names them).
FIXTURE_AXE_PAGES = [
    "index.html", "docs/dekking.html", "docs/gemeenten/gm-b.html", "docs/opgaven/og-test-2.html",
    "search.html?q=plegeraanpak", "docs/downloads.html",
]


@pytest.mark.parametrize("path", FIXTURE_AXE_PAGES)
def test_no_wcag_21_aa_violations(page: object, base_url: str, path: str) -> None:
    _open(page, base_url, path)
    count, report = _axe_violations(page)
    assert count == 0, report


# --- The real knowledge base -------------------------------------------------------------

#: The pages of the real site that axe-core checks and whose text is measured
#: (docs/toegankelijkheid.md names them).
ECHTE_PAGINAS = [
    "index.html",
    "docs/dekking.html",
    "docs/voortgang.html",
    "docs/gemeenten/gm-vlaardingen.html",
    "docs/opgaven/og-rr24-4.html",
    "search.html?q=plegersperspectief",
    "docs/handleiding.html",
    "docs/metamodel.html",
    "requirements/uitvoeringsplannen/voorbeeld.html",
]


def _open(page: object, base: str, path: str) -> None:
    """Open a page and wait for its search results and for its CSS transitions.

    The theme sets dark mode after loading and Bootstrap fades the buttons' colour in
    for 0.15 s: axe must not sample the colours halfway.
    """
    page.goto(f"{base}/{path}")  # type: ignore[attr-defined]
    if path.startswith("search.html"):
        _wait_for_search(page)
    page.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")  # type: ignore[attr-defined]


@pytest.mark.parametrize("kleur", ["light", "dark"])
@pytest.mark.parametrize("path", ECHTE_PAGINAS)
def test_real_site_has_no_wcag_21_aa_violations(page: object, echte_url: str, path: str, kleur: str) -> None:
    """0 violations in the theme's light and dark mode (it follows the reader's system setting)."""
    page.emulate_media(color_scheme=kleur)  # type: ignore[attr-defined]
    _open(page, echte_url, path)
    assert page.evaluate("document.documentElement.dataset.theme") == kleur  # type: ignore[attr-defined]
    count, report = _axe_violations(page)
    assert count == 0, report


@pytest.mark.parametrize(
    ("query", "href"),
    [("plegersperspectief", "docs/opgaven/og-rr24-4.html"), ("Vlaardingen", "docs/gemeenten/gm-vlaardingen.html")],
)
def test_search_on_the_real_site_finds_opgave_and_gemeente(page: object, echte_url: str, query: str, href: str) -> None:
    hrefs = _search_hrefs(page, echte_url, query)
    assert href in hrefs, hrefs
    summary = page.locator("#search-results .search-summary").text_content()  # type: ignore[attr-defined]
    assert "gevonden" in summary, summary
    link = page.locator(f"#search-results a[href='{href}']")  # type: ignore[attr-defined]
    assert query.lower() in link.inner_text().lower()


def test_permalink_leads_to_the_item_in_dutch(page: object, echte_site: BuildResult, echte_url: str) -> None:
    """sphinx-needs' permalink page (?id=...) is Dutch and forwards to the need on its page."""
    page.goto(f"{echte_url}/permalink.html?id=OG-RR24-4")  # type: ignore[attr-defined]
    page.wait_for_url("**/requirements/rr24/opgaven.html#OG-RR24-4")  # type: ignore[attr-defined]
    html = (echte_site.outdir / "permalink.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in html and "Het item wordt gezocht" in html and "Please" not in html


#: The characters on each rendered line of running text, counted with a Range per character:
#: a line ends where the next character starts to the left of and below the previous one.
#: Collapsed white space has no box and does not count. Tables of the dashboards are left out:
#: they may be wider than running text.
_REGELS = """(selector) => {
  const lines = [];
  const range = document.createRange();
  for (const el of document.querySelectorAll(selector)) {
    if (!el.getClientRects().length || el.closest('table.hgkm')) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let count = 0, text = '', prev = null;
    const flush = () => { if (count) lines.push({count, text}); count = 0; text = ''; };
    for (let node; (node = walker.nextNode()); ) {
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        if (r.width === 0) continue;
        if (prev && r.left < prev.left && r.top >= prev.top + prev.height / 2) flush();
        count++; text += node.data[i]; prev = r;
      }
    }
    flush();
  }
  return lines;
}"""
_LOPENDE_TEKST = "article p, article li, article dd, article blockquote, #search-results p"


@pytest.mark.parametrize("path", ECHTE_PAGINAS)
def test_real_site_text_is_readable(page: object, echte_url: str, path: str) -> None:
    """At 1280 px: body text at least 16 px, lines of running text at most 75 characters."""
    _open(page, echte_url, path)
    body = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")  # type: ignore[attr-defined]
    assert body >= 16, f"body {body}px"
    lines = page.evaluate(_REGELS, _LOPENDE_TEKST)  # type: ignore[attr-defined]
    assert len(lines) >= 3, "too little running text measured"
    longest = max(lines, key=lambda line: line["count"])
    assert longest["count"] <= 75, f"{longest['count']} characters: {longest['text']!r}"
    sizes = page.evaluate(  # type: ignore[attr-defined]
        "(s) => [...document.querySelectorAll(s)].filter(e => e.getClientRects().length && !e.closest('table'))"
        ".map(e => parseFloat(getComputedStyle(e).fontSize))",
        "article p, #search-results p",
    )
    assert min(sizes) >= 16, sizes


@pytest.mark.parametrize("path", ECHTE_PAGINAS)
def test_real_site_reflows_at_375_px(page: object, echte_url: str, path: str) -> None:
    """WCAG 1.4.10: no horizontal scrolling on a phone; wide tables scroll in their own box."""
    page.set_viewport_size({"width": 375, "height": 800})  # type: ignore[attr-defined]
    _open(page, echte_url, path)
    width, inner = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")  # type: ignore[attr-defined]
    assert width <= inner, f"scrollWidth {width} > innerWidth {inner}"


def test_site_title_does_not_run_under_the_navigation(page: object, echte_url: str) -> None:
    """The theme gives the title a quarter of the top bar; a long title must wrap, not overlap."""
    page.goto(f"{echte_url}/index.html")  # type: ignore[attr-defined]
    title = page.locator(".bd-header .navbar-brand").bounding_box()  # type: ignore[attr-defined]
    items = page.locator(".bd-header .navbar-header-items").bounding_box()  # type: ignore[attr-defined]
    assert title["x"] + title["width"] <= items["x"] + 1, (title, items)


def test_real_page_prints_only_its_content(page: object, echte_url: str) -> None:
    page.goto(f"{echte_url}/docs/opgaven/og-rr24-4.html")  # type: ignore[attr-defined]
    for selector in (".bd-header", ".bd-sidebar-secondary", ".bd-footer"):
        assert page.locator(selector).first.is_visible(), f"{selector} not on screen to begin with"  # type: ignore[attr-defined]
    page.emulate_media(media="print")  # type: ignore[attr-defined]
    for selector in (".bd-header", ".bd-sidebar-primary", ".bd-sidebar-secondary", ".bd-footer",
                     ".prev-next-area", "nav", ".search-button-field", "#pst-skip-link", ".headerlink"):
        visible = [el.is_visible() for el in page.locator(selector).all()]  # type: ignore[attr-defined]
        assert not any(visible), f"{selector} is printed"
    article = page.locator("article.bd-article")  # type: ignore[attr-defined]
    assert article.is_visible()
    assert page.get_by_role("heading", level=1, name="OG-RR24-4 Plegersperspectief").is_visible()  # type: ignore[attr-defined]
    assert "Plegers van huiselijk geweld" in article.inner_text()
    cell = page.locator("td.need.content").first  # type: ignore[attr-defined]
    assert cell.evaluate("td => getComputedStyle(td).display") == "table-cell", "the need's text lost its cell"
    box, viewport = article.bounding_box(), page.viewport_size  # type: ignore[attr-defined]
    assert box["width"] >= 0.9 * viewport["width"], "the content does not get the width of the paper"


def test_a_printed_page_says_its_address_and_peildatum_on_a4(page: object, echte_url: str) -> None:
    """The print line is hidden on screen, printed above the content; the PDF is A4 (mm)."""
    page.goto(f"{echte_url}/docs/dekking.html")  # type: ignore[attr-defined]
    regel = page.locator("p.hgkm-afdruk")  # type: ignore[attr-defined]
    assert not regel.is_visible(), "the print line shows on screen"
    page.emulate_media(media="print")  # type: ignore[attr-defined]
    assert regel.is_visible()
    assert re.fullmatch(r"Afgedrukt uit de kennisbank: docs/dekking\.html, peildatum \d{4}-\d{2}-\d{2}\.",
                        regel.inner_text()), regel.inner_text()
    pdf = page.pdf(prefer_css_page_size=True)  # type: ignore[attr-defined]
    sizes = {tuple(round(float(v) * 25.4 / 72) for v in m.groups())
             for m in re.finditer(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)}
    assert sizes == {(210, 297)}, sizes


# --- The chromium guard, without uninstalling anything ----------------------------------

@pytest.fixture
def zonder_chromium(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    monkeypatch.setattr(outside, "CHROMIUM", tmp_path / "geen" / "chromium")
    return monkeypatch


@pytest.mark.parametrize("ci", [None, "", "false"])
def test_without_chromium_outside_ci_the_tests_skip_saying_how_to_install(
    zonder_chromium: pytest.MonkeyPatch, ci: str | None
) -> None:
    if ci is None:
        zonder_chromium.delenv("CI", raising=False)
    else:
        zonder_chromium.setenv("CI", ci)
    with pytest.raises(pytest.skip.Exception, match="sudo apt-get install chromium"):
        require_chromium()


@pytest.mark.parametrize("ci", ["true", "True", "1"])
def test_without_chromium_under_ci_the_tests_fail_never_skip(zonder_chromium: pytest.MonkeyPatch, ci: str) -> None:
    zonder_chromium.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match="sudo apt-get install chromium"):
        require_chromium()


def test_with_chromium_the_guard_lets_the_tests_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    chromium = tmp_path / "chromium"
    chromium.touch()
    monkeypatch.setattr(outside, "CHROMIUM", chromium)
    monkeypatch.setenv("CI", "true")
    require_chromium()


@pytest.mark.parametrize("path", [*ECHTE_PAGINAS, "docs/downloads.html"])
def test_real_pages_request_nothing_from_another_origin(page: object, echte_url: str, path: str) -> None:
    """What an IT department checks: no tracker, font, script or image from elsewhere.

    Every request the page makes (documents, scripts, styles, fonts, images, search
    index, fetches) is recorded; each must go to the site's own origin.
    """
    from urllib.parse import urlsplit

    eigen = urlsplit(echte_url)
    verzoeken: list[str] = []
    page.on("request", lambda request: verzoeken.append(request.url))  # type: ignore[attr-defined]
    _open(page, echte_url, path)
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    elders = [u for u in verzoeken if urlsplit(u).scheme not in ("data", "blob")
              and (urlsplit(u).scheme, urlsplit(u).netloc) != (eigen.scheme, eigen.netloc)]
    assert verzoeken and elders == []

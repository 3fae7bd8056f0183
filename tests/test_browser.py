"""The built site in a real browser: Debian's chromium, driven by Playwright.

Never a browser download: `playwright install` is not used. Without
/usr/bin/chromium these tests skip with how to install it; under CI they fail.
A failed test leaves a screenshot in test-results/.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from hgkm.build import BuildResult

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
RESULTS = Path(__file__).resolve().parent.parent / "test-results"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} ontbreekt: installeer het met 'sudo apt-get install chromium'."
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(site: BuildResult) -> Iterator[str]:
    """The built site fixture, served on 127.0.0.1 on a free port."""
    assert site.returncode == 0, site.log
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=site.outdir))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    _require_chromium()
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
        page.screenshot(path=str(RESULTS / f"{request.node.name}.png"), full_page=True)
    context.close()


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
    page.goto(f"{base_url}/search.html?q=plegeraanpak")  # type: ignore[attr-defined]
    results = page.locator("#search-results a")  # type: ignore[attr-defined]
    results.first.wait_for(timeout=10_000)
    hrefs = [a.get_attribute("href") or "" for a in results.all()]
    assert any("docs/opgaven/og-test-2.html" in h for h in hrefs), hrefs


@pytest.mark.parametrize(
    "path",
    ["index.html", "docs/dekking.html", "docs/gemeenten/gm-b.html", "docs/opgaven/og-test-2.html",
     "search.html?q=plegeraanpak", "docs/downloads.html"],
)
def test_no_wcag_21_aa_violations(page: object, base_url: str, path: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(f"{base_url}/{path}")  # type: ignore[attr-defined]
    if path.startswith("search.html"):
        page.locator("#search-results a").first.wait_for(timeout=10_000)  # type: ignore[attr-defined]
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]})
    assert results.violations_count == 0, results.generate_report()

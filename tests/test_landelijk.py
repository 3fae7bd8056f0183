"""The national overview (`make landelijk`): this knowledge base and two small regions, each
built as a project of its own, side by side from their needs.json alone.

Also: a needs.json of another metamodel major version, IDs that two regions share, and a
region whose texts and site address are hostile, each refused or shown as text.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURES

from hgkm import ROOT
from hgkm.tools.build import BuildResult, build
from hgkm.tools.landelijk import LandelijkFout, landelijk

PEIL = "2025-06-01"


def tekst(pad: Path) -> str:
    """The main content of a page as a reader sees it (tags dropped, entities read)."""
    main = re.search(r"<main.*?</main>", pad.read_text(encoding="utf-8"), re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", main.group(0))))


@pytest.fixture(scope="module")
def regios(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """needs.json of this knowledge base and of the two fixture regions, each its own build."""
    uit = tmp_path_factory.mktemp("regios")
    bronnen = {"rr": ROOT, "noord": FIXTURES / "regios" / "noord", "zuid": FIXTURES / "regios" / "zuid"}
    paden = {}
    for naam, src in bronnen.items():
        result: BuildResult = build(src, uit / naam, strict=True, env={"HGKM_PEILDATUM": PEIL})
        assert result.returncode == 0, result.log[-3000:]
        paden[naam] = result.needs_json
    return paden


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hgkm", "landelijk", *args, "--peildatum", PEIL],
                          capture_output=True, text=True, cwd=ROOT, check=False)


def test_three_regions_side_by_side(regios: dict[str, Path], tmp_path: Path) -> None:
    uit = tmp_path / "landelijk"
    proc = _cli(*(str(p) for p in regios.values()), "--uit", str(uit))
    assert proc.returncode == 0, proc.stderr + proc.stdout
    index = tekst(uit / "index.html")
    # noord: 1 of 2 gemeenten has a plan, both opgaven covered there, its one actie is over tijd
    assert re.search(r"Kennisbank Noordregio Regiovisie Noordregio 2024-2027 \(2024-2027\) 1 van 2 \(50 %\) 2 van 2 1 ", index), index
    assert re.search(r"Kennisbank Zuidregio Regiovisie Zuidregio 2024-2027 \(2024-2027\) 1 van 3 \(33 %\) 2 van 2 1 ", index), index
    # this knowledge base, from its needs.json alone: the fictitious plan counts nowhere
    rr = json.loads((uit.parent / "landelijk-bron" / "regios.json").read_text(encoding="utf-8"))["regios"][0]
    rr24 = next(v for v in rr["regiovisies"] if v["id"] == "RV-RR24")
    assert rr24["met_plan"] == 0 and rr24["gemeenten"] == 14 and rr24["opgaven"] == 5
    assert "Regiovisie HGKM Rotterdam Rijnmond" in index
    noord = tekst(uit / "regio-2.html")
    assert "Aastad ja 2 van 2" in noord and "Bedorp nee -" in noord
    # the opgaven come in as sphinx-needs external needs, linked to the region's own site
    pagina = (uit / "regio-2.html").read_text(encoding="utf-8")
    assert "OG-NRD-1" in pagina and "OG-ZUID-1" not in pagina
    assert re.search(r'href="[^"]*noord/requirements/beleid\.html#OG-NRD-1"', pagina), pagina[:3000]
    assert 'href="javascript' not in pagina


def _kopie(bron: Path, doel: Path, wijzig) -> Path:
    data = json.loads(bron.read_text(encoding="utf-8"))
    wijzig(data)
    doel.write_text(json.dumps(data), encoding="utf-8")
    return doel


def _needs(data: dict) -> dict:
    return data["versions"][data["current_version"]]["needs"]


def test_ids_that_two_regions_share_are_refused_except_national_taken(regios: dict[str, Path], tmp_path: Path) -> None:
    # both fixture regions hold WT-GEM-1 with the same title: that is allowed (the national taak)
    landelijk([str(regios["noord"]), str(regios["zuid"])], tmp_path / "ok", date.fromisoformat(PEIL))

    def botsing(data: dict) -> None:
        needs = _needs(data)
        needs["OG-NRD-1"] = {**needs.pop("OG-ZUID-1"), "id": "OG-NRD-1"}
    zuid = _kopie(regios["zuid"], tmp_path / "zuid.json", botsing)
    with pytest.raises(LandelijkFout) as fout:
        landelijk([str(regios["noord"]), str(zuid)], tmp_path / "x", date.fromisoformat(PEIL))
    assert "OG-NRD-1 staat in Kennisbank Noordregio" in str(fout.value) and "eigen voorvoegsel" in str(fout.value)

    def andere_taak(data: dict) -> None:
        _needs(data)["WT-GEM-1"]["title"] = "Iets anders"
    zuid = _kopie(regios["zuid"], tmp_path / "zuid2.json", andere_taak)
    with pytest.raises(LandelijkFout, match="WT-GEM-1 staat in"):
        landelijk([str(regios["noord"]), str(zuid)], tmp_path / "y", date.fromisoformat(PEIL))


def test_another_metamodel_version_gets_a_dutch_message(regios: dict[str, Path], tmp_path: Path) -> None:
    oud = _kopie(regios["noord"], tmp_path / "oud.json", lambda d: d["hgkm"].update(metamodel="2.0"))
    proc = _cli(str(oud), "--uit", str(tmp_path / "uit"))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "gemaakt met metamodel 2.0, dit overzicht gebruikt metamodel 1.0" in proc.stderr
    zonder = _kopie(regios["noord"], tmp_path / "zonder.json", lambda d: d.pop("hgkm"))
    assert "niet met welk metamodel" in _cli(str(zonder), "--uit", str(tmp_path / "uit")).stderr
    assert "dit bestand bestaat niet" in _cli(str(tmp_path / "weg.json"), "--uit", str(tmp_path / "uit")).stderr
    (tmp_path / "kapot.json").write_text("{", encoding="utf-8")
    assert "geen needs.json" in _cli(str(tmp_path / "kapot.json"), "--uit", str(tmp_path / "uit")).stderr


def test_hostile_texts_are_shown_as_text(regios: dict[str, Path], tmp_path: Path) -> None:
    """A needs.json is another region's data: names with markup, a script address, a bad ID."""
    def vijandig(data: dict) -> None:
        data["hgkm"].update(site="javascript:alert(1)", project="Regio {raw}`<script>` ```{eval-rst}")
        needs = _needs(data)
        needs["GM-NRD-A"]["title"] = "<script>alert(1)</script> {raw}`<b>x</b>`"
    pad = _kopie(regios["noord"], tmp_path / "vijandig.json", vijandig)
    uit = tmp_path / "uit"
    landelijk([str(pad)], uit, date.fromisoformat(PEIL))
    for pagina in uit.glob("*.html"):
        inhoud = pagina.read_text(encoding="utf-8")
        assert "<script>alert" not in inhoud and "javascript:" not in inhoud and "<b>x</b>" not in inhoud, pagina
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (uit / "regio-1.html").read_text(encoding="utf-8")

    def slechte_id(data: dict) -> None:
        needs = _needs(data)
        needs['OG-X"]; import os #'] = {**needs["OG-NRD-1"], "id": 'OG-X"]; import os #'}
    pad = _kopie(regios["noord"], tmp_path / "id.json", slechte_id)
    with pytest.raises(LandelijkFout, match="niet past bij het metamodel"):
        landelijk([str(pad)], tmp_path / "z", date.fromisoformat(PEIL))


def test_make_landelijk_quotes_each_path(tmp_path: Path) -> None:
    """The Makefile passes REGIOS word by word, quoted: a path is never shell code."""
    proc = subprocess.run(["make", "-n", "landelijk", f"REGIOS=a.json b';touch {tmp_path}/x;'.json"],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert "'a.json' 'b'\\'';touch" in proc.stdout, proc.stdout + proc.stderr
    assert not (tmp_path / "x").exists()


def test_a_region_can_be_read_from_its_published_address(regios: dict[str, Path], tmp_path: Path) -> None:
    """A region publishes needs.json on its site: the overview reads it over http(s)."""
    from outside import serve

    with serve(regios["zuid"].parent) as adres:
        uit = tmp_path / "landelijk"
        result = landelijk([f"{adres}/needs.json"], uit, date.fromisoformat(PEIL))
        with pytest.raises(LandelijkFout, match="kon niet worden opgehaald"):  # a 404
            landelijk([f"{adres}/weg.json"], tmp_path / "x", date.fromisoformat(PEIL))
    assert result.returncode == 0, result.log[-2000:]
    pagina = (uit / "regio-1.html").read_text(encoding="utf-8")
    # without a published address in the file, the site is where needs.json came from
    assert f'href="{adres}/requirements/beleid.html#OG-ZUID-1"' in pagina
    with pytest.raises(LandelijkFout, match="begint met https://"):
        landelijk(["file:///etc/passwd"], tmp_path / "y", date.fromisoformat(PEIL))


@pytest.mark.browser
def test_the_overview_passes_the_w3c_validator_and_pa11y(regios: dict[str, Path], tmp_path: Path) -> None:
    """What a reader of the national overview gets: valid HTML and no WCAG 2.1 AA error."""
    from outside import CHROMIUM, CHROMIUM_ARGS, require_chromium, require_node_tool, serve

    uit = tmp_path / "landelijk"
    assert landelijk([str(p) for p in regios.values()], uit, date.fromisoformat(PEIL)).returncode == 0
    paginas = ["index.html", "regio-1.html", "regio-2.html"]
    vnu = require_node_tool("vnu-jar/build/dist/vnu.jar")
    proc = subprocess.run(["java", "-jar", str(vnu), "--errors-only", *(str(uit / p) for p in paginas)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    require_chromium()
    pa11y = require_node_tool("pa11y/bin/pa11y.js")
    config = tmp_path / "pa11y.json"
    config.write_text(json.dumps({"standard": "WCAG2AA", "runners": ["htmlcs"], "timeout": 60000,
                                  "chromeLaunchConfig": {"executablePath": str(CHROMIUM), "args": CHROMIUM_ARGS}}))
    fouten = {}
    with serve(uit) as adres:
        for pagina in paginas:
            run = subprocess.run(["node", str(pa11y), "--config", str(config), "--reporter", "json",
                                  f"{adres}/{pagina}"], capture_output=True, text=True, timeout=300, check=False)
            errors = [i for i in json.loads(run.stdout or "[]") if i.get("type") == "error"]
            if errors or run.returncode not in (0, 2):
                fouten[pagina] = [f"{i['code']}: {i['message']}" for i in errors] or [run.stderr]
    assert fouten == {}

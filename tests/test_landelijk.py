"""The national overview (`make landelijk`): this knowledge base and two small regions, each
built as a project of its own, side by side from their needs.json alone.

Also: another region's needs.json is data. A needs.json of another metamodel major version,
IDs that two regions share, every broken shape of the file, and a region whose values carry
what sphinx-needs would evaluate (dynamic functions, variants, link conditions, Jinja, template
and layout fields): each gets a Dutch message naming the region, item and field, and the
overview of the sound regions is built all the same. A spy on sphinx-needs' evaluation entry
points (tests/spion.py) shows that no value of a hostile region reaches one. Downloads follow
redirects only to https and never inward, and are bounded in size and in total time.
"""

from __future__ import annotations

import contextlib
import html
import http.server
import json
import os
import re
import shutil
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date
from ipaddress import ip_address
from pathlib import Path

import pytest
from conftest import FIXTURES

from hgkm import ROOT
from hgkm.tools import landelijk as landelijk_module
from hgkm.tools.build import BuildResult, build
from hgkm.tools.landelijk import LandelijkFout, landelijk
from hgkm.tools.ophalen import OphaalFout, genoemde_hosts, ophalen, openbaar
from hgkm.tools.regiodata import Geweigerd
from hgkm.tools.regiodata import lees as lees_regio

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
    assert "dit is geen JSON" in _cli(str(tmp_path / "kapot.json"), "--uit", str(tmp_path / "uit")).stderr


def test_hostile_texts_are_shown_as_text(regios: dict[str, Path], tmp_path: Path) -> None:
    """A needs.json is another region's data: names with markup are shown as text, a bad ID or a
    script address is refused."""
    def vijandig(data: dict) -> None:
        data["hgkm"].update(project="Regio {raw}`<script>` ```{eval-rst}")
        needs = _needs(data)
        needs["GM-NRD-A"]["title"] = "<script>alert(1)</script> {raw}`<b>x</b>` [concept]"
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
    with pytest.raises(LandelijkFout, match="geen ID die past bij het metamodel"):
        landelijk([str(pad)], tmp_path / "z", date.fromisoformat(PEIL))
    pad = _kopie(regios["noord"], tmp_path / "site.json", lambda d: d["hgkm"].update(site="javascript:alert(1)"))
    with pytest.raises(LandelijkFout, match=r'het adres van de site van de regio \("javascript:alert\(1\)"\)'):
        landelijk([str(pad)], tmp_path / "s", date.fromisoformat(PEIL))


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


# ----------------------------------------------------------------- another region's needs.json is data

MARK = "VIJANDIG" + "7Q"  # in every hostile value: no evaluation may ever see it
CONTROLE = "CONTROLE" + "5K"  # put in after the check, so the spies are seen to work
SPION = Path(__file__).parent / "spion.py"


def _vijandig(bron: Path, doel: Path, map_: Path) -> tuple[Path, list[tuple[str, str, str]]]:
    """A copy of a region with a value of every evaluation class (each with the marker, each
    trying to create a file in `map_`); with (code, item, field) of each expected message."""
    teller = iter(range(100))

    def code(wat: str = "") -> str:
        return f"__import__('os').system('touch {map_}/GEMAAKT-{MARK}-{next(teller)}') or '{MARK}{wat}'"

    # IDs of its own (-NRD becomes -VIJ), so that without the check it would be built beside the original
    data = json.loads(bron.read_text(encoding="utf-8").replace("-NRD", "-VIJ"))
    needs = _needs(data)
    verwacht = []

    def zet(item: str, veld: str, waarde: object, melding: str) -> None:
        needs[item][veld] = waarde
        verwacht.append((melding, item, veld))

    zet("OG-VIJ-1", "title", f'[[copy("id", filter="{code()}")]]', "landelijk-rekencode")  # dynamic function
    zet("RV-VIJ", "regio", f"[[copy('title', filter=\"{code()}\")]]", "landelijk-rekencode")  # in a field
    zet("OG-VIJ-2", "title", f"<<{code()}: a, b>>", "landelijk-rekencode")  # variant
    zet("GM-VIJ-A", "rol", f"<{{{MARK}}}>", "landelijk-rekencode")  # variant data
    zet("GM-VIJ-B", "title", "{{ " + MARK + " }}", "landelijk-rekencode")  # Jinja
    zet("BR-VIJ", "content", "{% if " + MARK + " %}{% endif %}", "landelijk-rekencode")
    zet("WT-GEM-1", "tags", [f"{MARK}]]"], "landelijk-rekencode")
    zet("OG-VIJ-1", "regiovisie", [f"RV-VIJ[{code()}]"], "landelijk-koppeling")  # link conditions
    zet("OG-VIJ-2", "regiovisie", [f"RV-VIJ[[{code()}]]"], "landelijk-koppeling")
    zet("RV-VIJ", "gemeenten", [f"GM-VIJ-A.{MARK}"], "landelijk-koppeling")
    for veld in ("template", "pre_template", "post_template", "layout", "style"):
        zet("GM-VIJ-A", veld, MARK, "landelijk-codeveld")  # template, layout and style fields
    zet("GM-VIJ-B", "constraints", [MARK], "landelijk-codeveld")
    zet("GM-VIJ-B", "jinja_content", True, "landelijk-codeveld")
    zet("GM-VIJ-B", "arch", {"uml": MARK}, "landelijk-codeveld")
    zet("UP-VIJ-A", "docname", f"../javascript:{MARK}", "landelijk-vorm")  # the page a link goes to
    zet("UP-VIJ-A", "eigen_veld", {"diep": [f"<<{MARK}>>"]}, "landelijk-rekencode")  # a field of nobody's
    zet("UA-VIJ-A-1", "parts", {"p1": {"content": f"[[{code()}]]"}}, "landelijk-rekencode")
    data["hgkm"]["project"] = f"[[{code()}]]"
    verwacht.append(("landelijk-rekencode", "", "hgkm → project"))
    data["hgkm"]["site"] = f"javascript:{MARK}"
    verwacht.append(("landelijk-site", "", ""))
    doel.write_text(json.dumps(data), encoding="utf-8")
    return doel, verwacht


def test_every_evaluation_class_is_refused_with_region_item_and_field(regios: dict[str, Path], tmp_path: Path) -> None:
    pad, verwacht = _vijandig(regios["noord"], tmp_path / "vijandig.json", tmp_path)
    with pytest.raises(Geweigerd) as fout:
        lees_regio(str(pad))
    meldingen = fout.value.meldingen
    for code, item, veld in verwacht:
        plek = f"item {item}, veld {veld}" if item else veld
        gevonden = [m for m in meldingen if m.code == code and plek in m.oorzaak]
        assert gevonden, (code, plek, [str(m) for m in meldingen])
        assert all(m.oorzaak.startswith(f"{pad}: ") for m in gevonden)
    assert len(meldingen) == len(verwacht), [str(m) for m in meldingen]  # nothing else, nothing twice
    # never rewritten: the message quotes the value as it is
    assert any(f"RV-VIJ[__import__('os')" in m.oorzaak for m in meldingen)
    # must not trigger: every region as hgkm builds it, and text with a single [ or { or HTML in it
    for naam in ("rr", "noord", "zuid"):
        lees_regio(str(regios[naam]))
    gewoon = _kopie(regios["noord"], tmp_path / "gewoon.json", lambda d: _needs(d)["OG-NRD-1"].update(
        title="Opgave [concept] {n} <b>vet</b> a > b, c < d", content="- [ ] taak\n\n[link](https://example.org)"))
    lees_regio(str(gewoon))


def _spion_build(record: Path):  # noqa: ANN202 (a stand-in for hgkm.tools.build.build)
    def bouw(srcdir: Path, outdir: Path, **_: object) -> BuildResult:
        cmd = [sys.executable, str(SPION), str(record), "-m", "sphinx", "-b", "html", "-q", "--no-color",
               str(srcdir), str(outdir)]
        proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
                              check=False)
        return BuildResult(proc.returncode, outdir, proc.stdout + proc.stderr)
    return bouw


def test_spy_sphinx_needs_evaluates_nothing_of_a_hostile_region(regios: dict[str, Path], tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """make landelijk's own code path, with spies on every place sphinx-needs evaluates (tests/spion.py).

    The hostile region carries every evaluation class; the sound region gets, after the check,
    values of the same classes with another marker: those must reach the spies (the spies work,
    and they are the entry points these classes use), the hostile ones never.
    """
    pad, _ = _vijandig(regios["noord"], tmp_path / "vijandig.json", tmp_path)
    record = tmp_path / "spion.json"
    monkeypatch.setattr(landelijk_module, "build", _spion_build(record))
    echt = landelijk_module.schrijf_project

    def met_controle(gelezen: list, *args: object, **kwargs: object) -> None:
        needs = gelezen[0].needs
        needs["OG-NRD-1"] = {**needs["OG-NRD-1"], "title": f'[[copy("id", filter="\'{CONTROLE}\' != \'\'")]]',
                             "regiovisie": [f"RV-NRD['{CONTROLE}' != '']"]}
        needs["OG-NRD-2"] = {**needs["OG-NRD-2"], "regiovisie": [f"RV-NRD[['{CONTROLE}' != '']]"]}
        echt(gelezen, *args, **kwargs)
    monkeypatch.setattr(landelijk_module, "schrijf_project", met_controle)

    uit = tmp_path / "uit"
    result = landelijk([str(regios["noord"]), str(pad), str(regios["noord"])], uit, date.fromisoformat(PEIL))
    calls = json.loads(record.read_text(encoding="utf-8"))
    assert not [c for c in calls if MARK in c["waarde"]], [c for c in calls if MARK in c["waarde"]][:3]
    assert not list(tmp_path.glob("GEMAAKT-*"))
    assert {c["soort"] for c in calls if CONTROLE in c["waarde"]} >= {"functie", "filter", "eval"}, calls[:20]
    assert result.returncode == 0, result.log[-3000:]
    # the hostile region is left out, and the same file named twice once; the sound region is there
    assert [(w.bron, w.meldingen[0].code) for w in result.geweigerd] == [
        (str(pad), "landelijk-rekencode"), (str(regios["noord"]), "landelijk-dubbel")]
    assert "OG-NRD-1" in tekst(uit / "regio-1.html")
    assert f"Niet in dit overzicht, omdat hun gegevens niet konden worden gelezen of niet veilig waren: {pad}" \
        in tekst(uit / "index.html")
    for pagina in uit.rglob("*"):
        if pagina.is_file() and pagina.suffix in {".html", ".json", ".js", ".txt"}:
            assert MARK not in pagina.read_text(encoding="utf-8", errors="replace"), pagina


def _needs_json(tmp: Path, naam: str, inhoud: str | bytes) -> str:
    pad = tmp / naam
    pad.write_bytes(inhoud if isinstance(inhoud, bytes) else inhoud.encode("utf-8"))
    return str(pad)


def test_every_broken_shape_gets_a_dutch_message_naming_the_region(regios: dict[str, Path], tmp_path: Path) -> None:
    noord = json.loads(regios["noord"].read_text(encoding="utf-8"))

    def met(wijzig) -> str:  # noqa: ANN001
        data = json.loads(json.dumps(noord))
        wijzig(data)
        return json.dumps(data)

    def diep(n: int) -> object:
        waarde: object = "x"
        for _ in range(n):
            waarde = [waarde]
        return waarde

    (tmp_path / "een-map").mkdir()
    gevallen = {
        "diep.json": ("[" * 100_000 + "]" * 100_000, "landelijk-te-diep", "dieper genest"),
        "diep-veld.json": (met(lambda d: _needs(d)["OG-NRD-1"].update(extra=diep(500))), "landelijk-vorm",
                           "item OG-NRD-1, veld extra"),
        "html.json": ("<!DOCTYPE html><p>Niet gevonden</p>", "landelijk-geen-json", "regel 1, kolom 1"),
        "latin1.json": ('{"project": "Zuid-Holland Zuid, caf\xe9"}'.encode("latin-1"), "landelijk-geen-utf8", "UTF-8"),
        "nan.json": ('{"current_version": NaN}', "landelijk-geen-json", "NaN"),
        "lijst.json": ("[]", "landelijk-vorm", "het hele bestand: hier hoort een object"),
        "zonder-versions.json": ('{"current_version": ""}', "landelijk-vorm", "het veld versions ontbreekt"),
        "versie-weg.json": ('{"current_version": "2024", "versions": {}}', "landelijk-vorm", "het veld 2024 ontbreekt"),
        "versie-getal.json": ('{"current_version": 3, "versions": {}}', "landelijk-vorm", "current_version: hier hoort tekst"),
        "needs-lijst.json": ('{"current_version": "", "versions": {"": {"needs": []}}}', "landelijk-vorm",
                             "de lijst met items: hier hoort een object"),
        "titel-getal.json": (met(lambda d: _needs(d)["OG-NRD-1"].update(title=5)), "landelijk-vorm",
                             "item OG-NRD-1, veld title: hier hoort tekst, maar er staat een getal"),
        "zonder-titel.json": (met(lambda d: _needs(d)["OG-NRD-1"].pop("title")), "landelijk-vorm",
                              "item OG-NRD-1: het veld title ontbreekt"),
        "hgkm-tekst.json": (met(lambda d: d.update(hgkm="1.0")), "landelijk-vorm", "het veld hgkm: hier hoort een object"),
        "hgkm-getal.json": (met(lambda d: d["hgkm"].update(metamodel=1)), "landelijk-vorm", "hgkm → metamodel: hier hoort tekst"),
        "id-anders.json": (met(lambda d: _needs(d)["OG-NRD-1"].update(id="OG-NRD-9")), "landelijk-vorm",
                           "staat in de lijst als OG-NRD-1, maar zijn ID is OG-NRD-9"),
        "id-newline.json": (met(lambda d: _needs(d).update({"OG-NRD-3\n": {**_needs(d)["OG-NRD-1"], "id": "OG-NRD-3\n"}})),
                            "landelijk-id", "geen ID die past bij het metamodel"),
        "tags-object.json": (met(lambda d: _needs(d)["OG-NRD-1"].update(tags={"a": 1})), "landelijk-vorm",
                             "veld tags: hier hoort een lijst"),
        "koppeling-tekst.json": (met(lambda d: _needs(d)["OG-NRD-1"].update(regiovisie="RV-NRD")), "landelijk-vorm",
                                 "veld regiovisie: hier hoort een lijst, maar er staat tekst"),
        "koppeling-getal.json": (met(lambda d: _needs(d)["OG-NRD-1"].update(regiovisie=[5])), "landelijk-vorm",
                                 "veld regiovisie[0]: hier hoort tekst, maar er staat een getal"),
    }
    bronnen = {naam: _needs_json(tmp_path, naam, inhoud) for naam, (inhoud, _, _) in gevallen.items()}
    bronnen["een-map"] = str(tmp_path / "een-map")
    gevallen["een-map"] = ("", "landelijk-geen-bestand", "geen gewoon bestand")
    bronnen["te-groot.json"] = str(regios["noord"])
    gevallen["te-groot.json"] = ("", "landelijk-te-groot", "groter dan 1 kB")
    for naam, (_, code, tekst_) in gevallen.items():
        with pytest.raises(Geweigerd) as fout:
            lees_regio(bronnen[naam], max_bytes=1024 if naam == "te-groot.json" else 50 * 2**20)
        eerste = fout.value.meldingen[0]
        assert (eerste.code, eerste.oorzaak.startswith(f"{bronnen[naam]}: ")) == (code, True), (naam, str(eerste))
        assert tekst_ in str(eerste), (naam, str(eerste))
    # the command line: all at once, beside a sound region; Dutch messages, never a traceback
    proc = _cli(str(regios["zuid"]), *(b for n, b in bronnen.items() if n != "te-groot.json"),
                "--uit", str(tmp_path / "uit"))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr + proc.stdout, proc.stderr[-3000:]
    assert "met 1 van de 21 regio's" in proc.stdout, proc.stdout
    for naam, bron in bronnen.items():
        if naam != "te-groot.json":
            assert f"- {bron}: " in proc.stderr, naam
    assert "20 van de 21 regio's staan niet in het overzicht" in proc.stderr


def test_wrong_arguments_of_make_landelijk_get_a_dutch_message(regios: dict[str, Path], tmp_path: Path) -> None:
    geen = _cli()
    assert geen.returncode == 1 and "Er is geen needs.json van een regio genoemd" in geen.stderr
    (tmp_path / "bestand").write_text("x", encoding="utf-8")
    proc = _cli(str(regios["noord"]), "--uit", str(tmp_path / "bestand"))
    assert proc.returncode == 1 and "dit is een bestand, geen map" in proc.stderr and "Traceback" not in proc.stderr
    # a folder beside the overview that make landelijk did not write is never removed
    (tmp_path / "uit-bron").mkdir()
    (tmp_path / "uit-bron" / "notities.md").write_text("van iemand", encoding="utf-8")
    proc = _cli(str(regios["noord"]), "--uit", str(tmp_path / "uit"))
    assert proc.returncode == 1 and "niet door make landelijk gemaakt; er is niets verwijderd" in proc.stderr
    assert (tmp_path / "uit-bron" / "notities.md").exists()
    # nor is the overview written into a folder of something else (the knowledge base itself, say)
    proc = _cli(str(regios["noord"]), "--uit", str(tmp_path / "uit-bron"))
    assert proc.returncode == 1 and "geen bouwmap van Sphinx; er is niets overschreven" in proc.stderr
    assert sorted(p.name for p in (tmp_path / "uit-bron").iterdir()) == ["notities.md"]
    datum = subprocess.run([sys.executable, "-m", "hgkm", "landelijk", str(regios["noord"]), "--peildatum", "morgen",
                            "--uit", str(tmp_path / "d")], capture_output=True, text=True, cwd=ROOT, check=False)
    assert datum.returncode == 2 and "Fout: de peildatum" in datum.stderr and not (tmp_path / "d").exists()


# ----------------------------------------------------------------------------- downloads

@pytest.fixture(scope="module")
def certificaat(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, so a local server can speak https."""
    from outside import require

    require(shutil.which("openssl") is not None, "openssl ontbreekt: installeer het met 'sudo apt-get install openssl'.")
    map_ = tmp_path_factory.mktemp("tls")
    cert, sleutel = map_ / "cert.pem", map_ / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", str(sleutel), "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
    return cert, sleutel


@contextlib.contextmanager
def _server(routes: dict, tls: tuple[Path, Path] | None = None) -> Iterator[str]:
    """A local server on 127.0.0.1; `routes`: path -> callable(handler) that answers."""
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            routes.get(self.path, lambda h: h.send_error(404))(self)

        def log_message(self, *args: object) -> None:
            """Quiet."""

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*tls)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"{'https' if tls else 'http'}://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def _naar(adres: str):  # noqa: ANN202
    def antwoord(h: http.server.BaseHTTPRequestHandler) -> None:
        h.send_response(302)
        h.send_header("Location", adres)
        h.send_header("Content-Length", "0")
        h.end_headers()
    return antwoord


def _inhoud(data: bytes, *, lengte: bool = True):  # noqa: ANN202
    def antwoord(h: http.server.BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        if lengte:
            h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)
    return antwoord


def _druppel(h: http.server.BaseHTTPRequestHandler) -> None:
    """One byte every 0.2 s, for as long as the client listens (at most 20 s)."""
    h.send_response(200)
    h.end_headers()
    with contextlib.suppress(OSError):
        for _ in range(100):
            h.wfile.write(b" ")
            h.wfile.flush()
            time.sleep(0.2)


def _code(adres: str, genoemd: list[str], **opties: object) -> str:
    with pytest.raises(OphaalFout) as fout:
        ophalen(adres, genoemde_hosts(genoemd), **opties)
    assert str(fout.value).startswith(f"{adres}: "), str(fout.value)
    return fout.value.melding.code


def test_a_redirect_is_followed_only_to_https_and_never_inward(regios: dict[str, Path],
                                                               certificaat: tuple[Path, Path]) -> None:
    inhoud = regios["zuid"].read_bytes()
    context = ssl.create_default_context(cafile=str(certificaat[0]))
    with _server({"/needs.json": _inhoud(inhoud)}, certificaat) as veilig:
        poort = veilig.rsplit(":", 1)[1]
        routes = {"/naar-https": _naar(f"{veilig}/needs.json"),
                  "/naar-http": _naar(f"http://127.0.0.1:{poort}/needs.json"),
                  "/naar-binnen": _naar(f"https://127.0.0.2:{poort}/needs.json"),
                  "/naar-metadata": _naar("https://169.254.169.254/latest/meta-data/")}
        with _server(routes) as adres:
            # to https, on the address the user named: followed, the file read whole
            assert ophalen(f"{adres}/naar-https", genoemde_hosts([f"{adres}/naar-https"]), context=context) == inhoud
            # must not: to http, to another loopback address, to the cloud metadata address
            assert _code(f"{adres}/naar-http", [adres], context=context) == "landelijk-omleiding-http"
            assert _code(f"{adres}/naar-binnen", [adres], context=context) == "landelijk-omleiding-intern"
            assert _code(f"{adres}/naar-metadata", [adres], context=context) == "landelijk-omleiding-intern"
            # through make landelijk's own path: the region is left out with the message
            with pytest.raises(LandelijkFout, match=r"stuurt door naar https://127\.0\.0\.2:\d+/needs\.json, en dat is "
                                                    r"127\.0\.0\.2"):
                landelijk([f"{adres}/naar-binnen"], Path("/nonexistent/uit"), date.fromisoformat(PEIL))
    # http:// on the internet: refused before any connection (an address, so no name to look up)
    assert _code("http://93.184.216.34/needs.json", []) == "landelijk-http"
    assert _code("ftp://93.184.216.34/needs.json", []) == "landelijk-adres"


def test_which_addresses_are_public() -> None:
    niet = ["127.0.0.1", "127.0.0.2", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::"]
    wel = ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "::ffff:93.184.216.34"]
    assert [a for a in niet if openbaar(ip_address(a))] == []
    assert [a for a in wel if not openbaar(ip_address(a))] == []


def test_a_download_is_bounded_in_size_and_in_total_time() -> None:
    groot = b"{" + b" " * 5000 + b"}"
    routes = {"/druppel": _druppel, "/groot": _inhoud(groot), "/stroom": _inhoud(groot, lengte=False),
              "/klein": _inhoud(groot)}
    with _server(routes) as adres:
        begin = time.monotonic()
        assert _code(f"{adres}/druppel", [], seconden=1.0) == "landelijk-te-traag"
        duur = time.monotonic() - begin
        assert 0.9 < duur < 2.0, duur  # the total limit, not a timeout per byte
        assert _code(f"{adres}/groot", [], max_bytes=1000) == "landelijk-te-groot"  # said in advance
        assert _code(f"{adres}/stroom", [], max_bytes=1000) == "landelijk-te-groot"  # counted while reading
        assert ophalen(f"{adres}/klein", max_bytes=len(groot)) == groot  # must not: exactly the limit
        assert _code(f"{adres}/weg", []) == "landelijk-ophalen"


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

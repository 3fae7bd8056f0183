"""The trust boundary holds where the parser hands over, on its own and in every nesting.

Each test builds a corpus of hostile plan files through tests/spion.py: a real Sphinx
build with spies on every place sphinx-needs evaluates (eval, dynamic functions,
filters, Jinja) and on the gate (hgkm.sources.gate). Every hostile value carries the
marker `VIJAND`, and running it would create a file. The tests assert that:

- the gate alone holds: with the text scan off (`hgkm_tekstscan = 0`) nothing runs, no
  marker file appears and every hostile block gets a located Dutch finding;
- sphinx-needs evaluates nothing that came from a plan file (zero spied calls with the marker);
- differential: every need that a plan file produced was judged by the gate.

The corpus is every MyST container (list items, numbered lists, block quotes, definition
lists, footnotes, admonitions, a need inside a need, backtick fences, and containers
inside containers) around every hostile block and value class; Hypothesis adds random
nestings (`HGKM_FUZZ=verken` for new ones on each run).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hgkm import ROOT
from hgkm.sources import trust
from tests.conftest import FIXTURES

SPION = Path(__file__).parent / "spion.py"
PLANNEN = "requirements/uitvoeringsplannen"
MARK = "VIJAND"


# ------------------------------------------------------------------ hostile blocks and values

def _code(tmp: Path, naam: str) -> str:
    """Python that creates the marker file `naam` if anything ever evaluates it."""
    return f"__import__('pathlib').Path('{tmp}/GEMAAKT-{naam}').touch() or '{MARK}'"


def _actie(naam: str, *, titel: str = "Actie", opties: str = "", tekst: str = "Wat de actie doet.") -> str:
    return (f":::{{actie}} {titel}\n:id: UA-F-{naam.upper()}\n:plan: UP-A\n:opgaven: OG-TEST-1\n:taken: WT-TEST-1\n"
            f":principes: LP-TEST-1\n:eigenaar: Team {MARK}\n:start: 2024-03-01\n:eind: 2025-12-31\n:status: lopend\n"
            f"{opties}\n{tekst}\n:::")


def payloads(tmp: Path) -> dict[str, str]:
    """Every class of hostile block or value, each a block that must be refused."""
    c = lambda naam: _code(tmp, naam)  # noqa: E731
    return {
        "titel-functie": _actie("t1", titel=f"[[copy('id', filter=\"{c('titel-functie')}\")]]"),
        "waarde-functie": _actie("t2", opties=f":partners: [[copy('id', filter=\"{c('waarde-functie')}\")]]"),
        "variant": _actie("t3", opties=f":budget: <<{c('variant')}: 1, 2>>"),
        "koppeling-voorwaarde": _actie("t4", opties=f":opgaven: OG-TEST-1[{c('koppeling-voorwaarde')}]"),
        "koppeling-dubbel": _actie("t5", opties=f":principes: LP-TEST-1[[{c('koppeling-dubbel')}]]"),
        "jinja-inhoud": _actie("t6", opties=":jinja_content: true",
                               tekst=f"{{{{ cycler.__init__.__globals__.os.system('touch {tmp}/GEMAAKT-jinja') }}}} {MARK}"),
        "sjabloon": _actie("t7", opties=f":template: {MARK}\n:pre_template: {MARK}"),
        "tekst-functie": _actie("t8", tekst=f"[[copy('id', filter=\"{c('tekst-functie')}\")]]"),
        "needtable": f":::{{needtable}}\n:filter: {c('needtable')}\n:::",
        "needextend": f":::{{needextend}} {c('needextend')}\n:status: {MARK}\n:::",
        "needif": f":::{{needif}} {c('needif')}\n{MARK}\n:::",
        "include": f":::{{include}} ../../../geheim-{MARK}.md\n:::",
        "raw": f":::{{raw}} html\n<script>{MARK}</script>\n:::",
        "eval-rst": f":::{{eval-rst}}\n.. raw:: html\n\n   <script>{MARK}</script>\n:::",
        "afbeelding-elders": f":::{{image}} https://tracker.example/{MARK}.gif\n:::",
        "csv-bestand": f":::{{csv-table}}\n:file: ../../../geheim-{MARK}.csv\n:::",
        "rol-filter": f"Tekst met {{need_count}}`{c('rol-filter')}` erin.",
        "rol-functie": f"Tekst met {{ndf}}`copy('id', filter=\"{c('rol-functie')}\")` erin.",
        "download": f"Een [los bestand](los-{MARK}.svg) om te downloaden.",
        # found by a review: a link target Sphinx's writer cannot take (it stopped the build),
        # and a path a browser reads as another site (`\\` is `/` to a browser)
        "doel-zonder-web": f":::{{image}} geen-{MARK}.png\n:target: tel:0612345678\n:::",
        "afbeelding-backslash": f":::{{image}} /\\\\evil.example/{MARK}.png\n:::",
    }


#: Payloads that stand only at the top of a file or at the start of a line.
def bestandsaanvallen(tmp: Path) -> dict[str, str]:
    jinja = f"{{{{ cycler.__init__.__globals__.os.system('touch {tmp}/GEMAAKT-instellingen') }}}}"
    settings_ = (f"myst:\n  enable_extensions: [substitution, html_image]\n  disable_syntax: []\n"
                 f"  html_meta:\n    http-equiv=refresh: 0;url=https://{MARK}.example\n")
    ids = f"X\" or {_code(tmp, 'item-id')} or \""
    return {
        "instellingen": f"---\n{settings_}---\n# Plan\n\n{jinja} <b>{MARK}</b>\n",
        "instellingen-vier-streepjes": f"----\n{settings_}----\n# Plan\n\n{jinja} <b>{MARK}</b>\n",
        "instellingen-met-tekst": f"---x\n{settings_}...y\n# Plan\n\n{jinja} <b>{MARK}</b>\n",
        "item-id-in-een-filter": f"# Plan\n\n:::{{opgave}} {MARK}\n:id: OG-{ids}\n:::\n",
        "item-id-als-pad": f"# Plan\n\n:::{{opgave}} {MARK}\n:id: ../../../../{MARK}\n:::\n",
        # blocks nested deeper than the gate allows (the text scan counts fewer of these)
        "te-diep": "# Diep\n\n" + _diep(30),
    }


def _diep(n: int) -> str:
    """`n` notes, each in a list item, each fence one colon shorter than its parent's."""
    blok = "Tekst."
    for niveau in range(n, 0, -1):
        fence = ":" * (3 + niveau)
        blok = f"- {fence}{{note}}\n" + "\n".join(f"  {line}" if line else "" for line in blok.split("\n")) + f"\n  {fence}"
    return blok


# ------------------------------------------------------------------ containers (MyST syntax)

def _inspring(blok: str, prefix: str, rest: str) -> str:
    lines = blok.split("\n")
    return "\n".join([prefix + lines[0], *[(rest + line) if line else rest.rstrip() for line in lines[1:]]])


def _fence(blok: str, extra: int) -> str:
    """`blok` with its colon fences widened by `extra`, so it can stand inside a fence."""
    return "\n".join(":" * extra + line if line.startswith(":::") else line for line in blok.split("\n"))


CONTAINERS = {
    "bovenaan": lambda b: b,
    "lijst": lambda b: _inspring(b, "- ", "  "),
    "genummerd": lambda b: _inspring(b, "1. ", "   "),
    "citaat": lambda b: "\n".join("> " + line for line in b.split("\n")),
    "definitielijst": lambda b: "Term\n" + _inspring(b, ": ", "  "),
    "voetnoot": lambda b: "Tekst[^n].\n\n" + _inspring(b, "[^n]: ", "    "),
    "kader": lambda b: f"::::{{note}}\n{b}\n::::",
    "kader-met-titel": lambda b: f"::::{{admonition}} Let op\n{b}\n::::",
    "item-in-item": lambda b: _actie("buiten", tekst=_fence(b, 1)).replace(":::{actie}", "::::{actie}", 1)[:-3] + "::::",
    "backticks": lambda b: "\n".join(("```" + line[3:]) if line.startswith(":::{") else ("```" if line == ":::" else line)
                                     for line in b.split("\n")),
    "citaat-in-lijst": lambda b: _inspring("\n".join("> " + line for line in b.split("\n")), "- ", "  "),
    "definitielijst-in-citaat": lambda b: "\n".join("> " + line for line in ("Term\n" + _inspring(b, ": ", "  ")).split("\n")),
}


# ------------------------------------------------------------------ the build

def _corpus(tmp: Path, bestanden: dict[str, str]) -> Path:
    corpus = tmp / "corpus"
    shutil.copytree(FIXTURES / "minimaal", corpus)
    plannen = corpus / PLANNEN
    for naam, tekst in bestanden.items():
        (plannen / f"{naam}.md").write_text(tekst, encoding="utf-8")
    (tmp / f"geheim-{MARK}.md").write_text(f"# Geheim\n\n{MARK}-GEHEIM\n", encoding="utf-8")
    # a regio file: a toctree entry Sphinx would make into a script link
    (corpus / "requirements" / "overzicht.md").write_text(
        "# Overzicht\n\n:::{toctree}\nKlik`<javascript:alert(document.domain)//`://>\n:::\n", encoding="utf-8")
    (tmp / f"geheim-{MARK}.csv").write_text(f"a,b\n{MARK}-GEHEIM,1\n", encoding="utf-8")
    # a file beside the plans that a link would offer for download (scripted SVG on the site's own address)
    (plannen / f"los-{MARK}.svg").write_text(f"<svg xmlns='http://www.w3.org/2000/svg'><script>{MARK}</script></svg>",
                                            encoding="utf-8")
    return corpus


def _bouw(tmp: Path, corpus: Path, *, tekstscan: bool) -> dict:
    out = tmp / "html"
    record = tmp / "spion.json"
    cmd = [sys.executable, str(SPION), str(record), "-m", "sphinx", "-b", "html", "-q", "--no-color",
           "-D", f"hgkm_tekstscan={int(tekstscan)}", str(corpus), str(out)]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HGKM_PEILDATUM": "2025-06-01"}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp, check=False)
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr[-3000:]
    meldingen = json.loads((out / "build_meldingen.json").read_text(encoding="utf-8"))
    needs_data = json.loads((out / "needs.json").read_text(encoding="utf-8"))
    return {
        "log": proc.stdout + proc.stderr,
        "meldingen": meldingen,
        "needs": needs_data["versions"][needs_data["current_version"]]["needs"],
        "spion": json.loads(record.read_text(encoding="utf-8")),
        "out": out,
    }


def _grens_gehouden(tmp: Path, corpus: Path, bouw: dict, verwacht: list[str]) -> None:
    """Nothing ran, nothing untrusted was evaluated, every plan need was judged, each file refused."""
    gemaakt = sorted(p.name for p in tmp.glob("GEMAAKT-*"))
    assert not gemaakt, f"code uit een planbestand is uitgevoerd: {gemaakt}"
    # sphinx-needs evaluated nothing that came from a plan file
    besmet = [c for c in bouw["spion"] if c["soort"] != "poort" and MARK in c["waarde"]]
    assert not besmet, besmet[:5]
    # differential: every need a plan file made went through the gate
    beoordeeld = {(Path(s).resolve(), regel) for s, regel, _ in
                  (json.loads(c["waarde"]) for c in bouw["spion"] if c["soort"] == "poort")}
    for need in bouw["needs"].values():
        if str(need.get("docname", "")).startswith(PLANNEN):
            bron = (corpus / f"{need['docname']}.md").resolve()
            assert (bron, need["lineno"]) in beoordeeld, f"{need['id']} is niet door de poort gegaan"
    # nothing hostile published: no script, no secret, no marker page outside the project
    for pad in bouw["out"].rglob("*"):
        # _sources/ holds each source as plain text (served as text/plain): not run, not parsed
        if pad.is_file() and pad.suffix in (".html", ".json", ".csv", ".js", ".svg") and "_sources" not in pad.parts:
            tekst = pad.read_text(encoding="utf-8", errors="replace")
            assert f"<script>{MARK}" not in tekst and f"{MARK}-GEHEIM" not in tekst, pad
            assert f"<b>{MARK}</b>" not in tekst and "http-equiv" not in tekst.replace('http-equiv="X-UA', ""), pad
            if pad.suffix == ".html":  # needs.json and the findings may quote the source as text
                assert 'href="javascript:' not in tekst.lower() and "evil.example" not in tekst, pad
    assert not list(tmp.glob(f"{MARK}*")) and not (corpus.parent.parent / f"{MARK}.md").exists()
    # each hostile file: a located Dutch finding in that file (the gate's, or a build warning)
    for naam in verwacht:
        bestand = f"{PLANNEN}/{naam}.md"
        gevonden = [m for m in bouw["meldingen"] if m.get("bestand") == bestand and isinstance(m.get("regelnummer"), int)]
        assert gevonden, f"geen melding met plaats in {bestand}"


def _bestanden(tmp: Path, paren: list[tuple[str, str]]) -> dict[str, str]:
    blokken = payloads(tmp)
    return {f"{container}--{payload}": f"# Fuzz {container} {payload}\n\n{CONTAINERS[container](blokken[payload])}\n"
            for container, payload in paren}


@pytest.fixture(scope="module", params=[False, True], ids=["alleen-de-poort", "met-tekstscan"])
def alle_paren(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict, list[str]]:
    """Every container around every payload, plus the file-level attacks: one build each,
    with the text scan off (the gate alone) and on (as `make html` builds)."""
    tmp = tmp_path_factory.mktemp("grens-met-tekstscan" if request.param else "grens-alleen-de-poort")
    paren = [(c, p) for c in CONTAINERS for p in payloads(tmp)]
    bestanden = {**_bestanden(tmp, paren), **bestandsaanvallen(tmp)}
    corpus = _corpus(tmp, bestanden)
    return tmp, corpus, _bouw(tmp, corpus, tekstscan=request.param), list(bestanden)


def test_the_gate_alone_holds_in_every_container(alle_paren):
    tmp, corpus, bouw, verwacht = alle_paren
    assert len(verwacht) == len(CONTAINERS) * len(payloads(tmp)) + len(bestandsaanvallen(tmp))
    _grens_gehouden(tmp, corpus, bouw, verwacht)


def test_the_gate_judged_what_the_parser_produced(alle_paren):
    """The spy saw the gate judge directives in every container (no syntax reaches around it)."""
    tmp, corpus, bouw, _ = alle_paren
    if "met-tekstscan" in str(tmp):
        return
    beoordeeld = {Path(json.loads(c["waarde"])[0]).stem for c in bouw["spion"] if c["soort"] == "poort"}
    for container in CONTAINERS:
        assert any(stem.startswith(f"{container}--") for stem in beoordeeld), container


def test_file_settings_are_refused_by_myst_s_own_rule(alle_paren):
    tmp, corpus, bouw, _ = alle_paren
    for naam in ("instellingen", "instellingen-vier-streepjes", "instellingen-met-tekst"):
        found = [m for m in bouw["meldingen"] if m.get("bestand") == f"{PLANNEN}/{naam}.md" and m.get("regelnummer") == 1]
        assert any("begint met instellingen" in m["bericht"] for m in found) or "met-tekstscan" in str(tmp), naam
    assert trust.topmatter_regels("----\nmyst: {}\n...x\n# Titel\n") == 3
    assert trust.topmatter_regels("# Titel\n---\n") == 0


def test_no_page_is_generated_from_a_refused_item(alle_paren):
    tmp, corpus, bouw, _ = alle_paren
    assert not any(MARK in p.name for p in (corpus / "docs").rglob("*")) if (corpus / "docs").exists() else True
    assert not list(tmp.rglob(f"*{MARK.lower()}.md"))


def test_allowed_plans_still_build(alle_paren):
    """The plan of the fixture itself, next to all this, is untouched and judged."""
    tmp, corpus, bouw, _ = alle_paren
    assert bouw["needs"]["UA-A-1"]["status"] == "lopend"
    assert not [m for m in bouw["meldingen"] if m.get("bestand") == f"{PLANNEN}/aadorp.md"
                and "vertrouwen" in str(m.get("subtype"))]


# ------------------------------------------------------------------ Hypothesis: random nestings

def _genest(diepte: list[str], payload: str, blokken: dict[str, str]) -> str:
    blok = blokken[payload]
    for container in diepte:
        blok = CONTAINERS[container](blok)
    return blok


VERKEN = os.environ.get("HGKM_FUZZ") == "verken"


@settings(max_examples=1, deadline=None, derandomize=not VERKEN, database=None,
          suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(st.lists(st.sampled_from(sorted(set(CONTAINERS) - {"item-in-item"})), min_size=2, max_size=3),
                          st.sampled_from(sorted(payloads(Path("/t"))))),
                min_size=20, max_size=20))
def test_random_nestings_hold_with_the_gate_alone(tmp_path_factory, gevallen):
    tmp = tmp_path_factory.mktemp("grens-hypothesis")
    blokken = payloads(tmp)
    bestanden = {f"geval-{i}": f"# Geval {i}\n\n{_genest(diepte, payload, blokken)}\n"
                 for i, (diepte, payload) in enumerate(gevallen)}
    corpus = _corpus(tmp, bestanden)
    bouw = _bouw(tmp, corpus, tekstscan=False)
    _grens_gehouden(tmp, corpus, bouw, list(bestanden))


# ------------------------------------------------------------------ the judge itself, per rule

_ACTIE_OPTIES = {"id": "UA-A-9", "plan": "UP-A", "opgaven": "OG-TEST-1, OG-TEST-2", "eigenaar": "Team Zorg"}


@pytest.mark.parametrize("naam, tier, arguments, options, content, code", [
    # must trigger
    ("needtable", trust.Laag.PLAN, [], {"filter": "True"}, [], "blok-niet-uitgevoerd"),
    ("RAW", trust.Laag.BEHEER, ["html"], {}, ["<b>"], "rauw"),
    ("actie", trust.Laag.PLAN, ["[[copy('id')]]"], _ACTIE_OPTIES, [], "titel-rekent"),
    ("actie", trust.Laag.PLAN, ["Titel"], {**_ACTIE_OPTIES, "budget": "<<x: 1, 2>>"}, [], "waarde-rekent"),
    ("actie", trust.Laag.PLAN, ["Titel"], {**_ACTIE_OPTIES, "opgaven": "OG-TEST-1[True]"}, [], "koppeling-voorwaarde"),
    ("opgave", trust.Laag.REGIO, ["Titel"], {"id": "OG-X", "jinja_content": "true"}, [], "sphinx-needs-optie"),
    ("actie", trust.Laag.PLAN, ["Titel"], _ACTIE_OPTIES, ["tekst [[copy('id')]]"], "tekst-rekent"),
    ("image", trust.Laag.PLAN, ["https://example.org/p.gif"], {}, [], "blok-andere-site"),
    ("include", trust.Laag.BEHEER, ["../../../etc/passwd"], {}, [], "blok-buiten"),
    ("csv-table", trust.Laag.BEHEER, [], {"url": "https://example.org/t.csv"}, [], "tabel-elders"),
    # must not trigger
    ("actie", trust.Laag.PLAN, ["Titel met [haken] en < tekens >"], _ACTIE_OPTIES, ["Gewone tekst [1]."], None),
    ("actie", trust.Laag.PLAN, ["Titel"], {**_ACTIE_OPTIES, "opgaven": "[OG-TEST-1, OG-TEST-2]"}, [], None),
    ("note", trust.Laag.PLAN, [], {}, ["[[ in een kader is gewone tekst ]]"], None),
    ("image", trust.Laag.PLAN, ["schema.png"], {}, [], None),
    ("needtable", trust.Laag.BEHEER, [], {"filter": "True"}, [], None),
])
def test_the_judge(naam, tier, arguments, options, content, code):
    bestand = {trust.Laag.PLAN: f"{PLANNEN}/a.md", trust.Laag.REGIO: "requirements/r.md",
               trust.Laag.BEHEER: "docs/b.md"}[tier]
    from hgkm.sources import judge

    found = judge.directive(naam, tier, bestand, None, arguments, options, content, 1, "")
    assert [b.message.code for b in found][:1] == ([code] if code else [])


# ------------------------------------------------------------------ the hostile fixture, gate alone

def test_the_hostile_fixture_is_stopped_by_the_gate_alone(tmp_path: Path):
    """tests/fixtures/vijandig (every attack of test_vertrouwen) with the text scan off."""
    from tests.test_vertrouwen import AANVAL, GEHEIM, _regels_na_aanval, maak_opstelling

    opstelling = maak_opstelling(tmp_path)
    corpus = opstelling / "corpus"
    bouw = _bouw(opstelling, corpus, tekstscan=False)
    assert not (opstelling / "GEMAAKT").exists(), "code uit een planbestand is uitgevoerd"
    besmet = [c for c in bouw["spion"] if c["soort"] != "poort" and "GEMAAKT" in c["waarde"]]
    assert not besmet, besmet[:5]
    lekken = [p for p in bouw["out"].rglob("*") if p.is_file() and GEHEIM.encode() in p.read_bytes()]
    assert lekken == []
    # every attack line: a located finding within the attack's block (the gate's words may differ)
    tekst = (corpus / AANVAL).read_text(encoding="utf-8")
    gemeld = {m["regelnummer"] for m in bouw["meldingen"] if m.get("bestand") == AANVAL
              and isinstance(m.get("regelnummer"), int)}
    # the rules' findings (e.g. an actie in another file's plan) stand in the build's log
    gemeld |= {int(r) for r in re.findall(rf"{re.escape(AANVAL)}:(\d+): WARNING", bouw["log"])}
    aanvallen = sorted(_regels_na_aanval(tekst).items(), key=lambda kv: kv[1])
    grenzen = [regel for _, regel in aanvallen[1:]] + [len(tekst.splitlines()) + 1]
    zonder = [naam for (naam, regel), eind in zip(aanvallen, grenzen) if not gemeld & set(range(regel, eind))]
    # a link definition that no link uses makes nothing at all: MyST drops it (the text scan still warns)
    assert zonder == ["linkdefinitie buiten de kennisbank"]


def test_a_guarded_directive_keeps_its_run():
    """MyST chooses how to run a table by the identity of `run`; the guard judges in `__init__`."""
    from docutils.parsers.rst.directives.tables import RSTTable

    from hgkm.sources import gate

    assert gate._bewaakt(RSTTable).run is RSTTable.run
    assert issubclass(gate._bewaakt(RSTTable), RSTTable)


def test_an_id_in_two_files_is_reported_in_both():
    """A new file that declares another gemeente's ID would replace that item (sphinx-needs keeps the
    file that sorts first); both files get the finding, the one in the other's file included."""
    from hgkm.sources import item_count

    actie = ":::{actie} Titel\n:id: UA-A-1\n:plan: UP-A\n:::\n"
    found = list(item_count.dubbele_ids({f"{PLANNEN}/aadorp.md": f"# A\n\n{actie}",
                                         f"{PLANNEN}/00-kaper.md": f"# K\n\n{actie}"}))
    assert sorted((f.bestand, f.regelnummer) for f in found) == [(f"{PLANNEN}/00-kaper.md", 3), (f"{PLANNEN}/aadorp.md", 3)]
    assert "staat ook in requirements/uitvoeringsplannen/aadorp.md" in next(f.melding for f in found if "kaper" in f.bestand)
    # the same ID twice in one file is sphinx-needs' own finding (id-dubbel), not this one
    assert list(item_count.dubbele_ids({f"{PLANNEN}/aadorp.md": f"# A\n\n{actie}\n{actie}"})) == []


def test_a_chart_label_from_content_is_text_for_matplotlib():
    """A periode like `$\\frac{$` is mathtext to matplotlib: it stopped the build."""
    from hgkm.model.corpus import Need
    from hgkm.site import render_meting

    def need(id_: str, type_: str, **fields: str) -> Need:
        return Need(id=id_, type=type_, title=id_, docname="r", lineno=1, status=None, tags=[], links={},
                    backlinks={}, fields=fields)

    svg = render_meting.grafiek(need("TS-X", "toetssteen"), [
        need("MT-1", "meting", periode="$\\frac{$", gebied="$x", waarde="3", eenheid="_%")])
    assert svg.startswith(b"<?xml") or b"<svg" in svg

"""`make landelijk REGIOS="<needs.json> ..."`: a national overview from regions' needs.json.

Each region keeps its own knowledge base and publishes its needs.json. This reads
those files (local paths or http(s) addresses), checks that each was built with a
compatible metamodel and that their IDs do not clash (the national WT- taken are shared
and must be the same everywhere), and builds a separate site in _build/landelijk/ with
sphinx-needs' external needs: per region its regiovisies, opgaven, gemeenten and coverage,
with links to the region's own site, and a national matrix of regions.

A needs.json is untrusted input: it is parsed as data, its IDs must match the metamodel's
pattern before they reach a generated page, and every text a page shows is rendered by
hgkm.site.landelijk as plain text, never as markup.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hgkm import METAMODEL_TOML, PACKAGE
from hgkm.model import declaration
from hgkm.model.corpus import Corpus
from hgkm.model.corpus import HERKOMST, zonder_voorbeelden
from hgkm.model.coverage import Staat, dekking, overal_gedekt
from hgkm.model.voortgang import Voortgang, voortgang
from hgkm.tools.build import BuildResult, build

#: Items the overview shows; acties are counted, not loaded (35 regions hold thousands).
TONEN = ("regiovisie", "opgave", "taak", "principe", "gemeente", "plan", "bron")
#: IDs every region may hold: the wettelijke taken are national.
LANDELIJK = "WT-"
MAX_BYTES = 200 * 1024 * 1024
DATA = "regios.json"


class LandelijkFout(Exception):
    """A Dutch message: why the overview was not built."""


@dataclass
class Regio:
    nummer: int
    bron: str
    data: dict
    needs: dict[str, dict]

    @property
    def herkomst(self) -> dict:
        return self.data.get(HERKOMST) or {}

    @property
    def naam(self) -> str:
        regio = next((str(n.get("regio") or "") for n in self.needs.values() if n.get("type") == "regiovisie"), "")
        return veilige_naam(str(self.herkomst.get("project") or regio or f"Regio {self.nummer}"))


def veilige_naam(tekst: str) -> str:
    """A name for a page title: letters, digits and plain punctuation only (no markup)."""
    return re.sub(r"[^\w .,()'-]", "", tekst).strip()[:120] or "Regio"


def _lees_tekst(bron: str) -> str:
    if re.match(r"^https?://", bron):
        try:
            with urllib.request.urlopen(bron, timeout=60) as antwoord:  # noqa: S310 (http(s) only)
                return antwoord.read(MAX_BYTES + 1).decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise LandelijkFout(f"{bron}: het bestand kon niet worden opgehaald ({exc}).") from None
    if "://" in bron:
        raise LandelijkFout(f"{bron}: geef een bestand of een adres dat begint met https:// of http://.")
    pad = Path(bron)
    if not pad.is_file():
        raise LandelijkFout(f"{bron}: dit bestand bestaat niet. Geef het pad naar de needs.json van een regio.")
    if pad.stat().st_size > MAX_BYTES:
        raise LandelijkFout(f"{bron}: het bestand is groter dan {MAX_BYTES // 2**20} MB.")
    return pad.read_text(encoding="utf-8")


def lees(nummer: int, bron: str) -> Regio:
    try:
        data = json.loads(_lees_tekst(bron))
        needs = data["versions"][data["current_version"]]["needs"]
        assert isinstance(needs, dict)
    except (ValueError, KeyError, TypeError, AssertionError):
        raise LandelijkFout(f"{bron}: dit is geen needs.json van sphinx-needs (versions → needs ontbreekt).") from None
    patroon = re.compile(declaration.id_regex())
    fout = [k for k, n in needs.items() if not isinstance(n, dict) or not patroon.match(str(k)) or n.get("id") != k]
    if fout:
        raise LandelijkFout(f"{bron}: {len(fout)} item(s) hebben een ID die niet past bij het metamodel, "
                            f"bijvoorbeeld {str(fout[0])[:40]!r}.")
    return Regio(nummer, bron, data, needs)


def controleer_versie(regio: Regio) -> None:
    """The region's metamodel must have our major version, or its fields may mean something else."""
    eigen = declaration.metamodel_versie()
    hun = str(regio.herkomst.get("metamodel") or "")
    if not hun:
        raise LandelijkFout(f"{regio.bron}: in dit bestand staat niet met welk metamodel het is gemaakt (het veld "
                            f'"{HERKOMST}" ontbreekt). Bouw de site van de regio opnieuw met hgkm.')
    if hun.split(".")[0] != eigen.split(".")[0]:
        raise LandelijkFout(f"{regio.bron}: gemaakt met metamodel {hun}, dit overzicht gebruikt metamodel {eigen}. "
                            "Die passen niet bij elkaar: werk de regio bij naar dezelfde hoofdversie.")


def botsingen(regios: list[Regio]) -> list[str]:
    """IDs that two regions both use (a national taak only if its title differs)."""
    eerst: dict[str, Regio] = {}
    uit = []
    for regio in regios:
        for need_id, need in regio.needs.items():
            ander = eerst.setdefault(need_id, regio)
            if ander is regio:
                continue
            if need_id.startswith(LANDELIJK) and ander.needs[need_id].get("title") == need.get("title"):
                continue
            uit.append(f"{need_id} staat in {ander.naam} ({ander.bron}) en in {regio.naam} ({regio.bron})")
    return uit


def samenvatting(regio: Regio, peildatum: date, site: str) -> dict:
    """The figures of one region, as data for the overview's pages."""
    corpus = zonder_voorbeelden(Corpus.from_dicts(regio.needs.values()))  # the fictitious plan counts nowhere
    visies = []
    for m in sorted(dekking(corpus, peildatum), key=lambda m: str(m.regiovisie.get("start") or ""), reverse=True):
        if not m.gemeenten:
            continue
        met_plan = [g for g in m.gemeenten if m.heeft_plan(g.id)]
        plan_ids = {p.id for ps in m.plannen.values() for p in ps}
        acties = [a for a in corpus.of_type("actie") if set(a.link("plan")) & plan_ids]
        gemeenten = []
        for g in m.gemeenten:
            cellen = [m.cel(g.id, o.id).staat for o in m.opgaven]
            gemeenten.append({"naam": g.title, "plan": m.heeft_plan(g.id),
                              "gedekt": sum(s in (Staat.GEDEKT, Staat.UITZONDERING) for s in cellen),
                              "opgaven": len(cellen)})
        overal, alle = overal_gedekt(m, "opgaven")
        visies.append({
            "id": m.regiovisie.id, "titel": m.regiovisie.title,
            "start": str(m.regiovisie.get("start") or ""), "eind": str(m.regiovisie.get("eind") or ""),
            "gemeenten": len(m.gemeenten), "met_plan": len(met_plan),
            "opgaven": alle, "overal_gedekt": overal,
            "over_tijd": sum(voortgang(a, peildatum) is Voortgang.OVER_TIJD for a in acties),
            "per_gemeente": gemeenten,
        })
    return {"nummer": regio.nummer, "naam": regio.naam, "bron": regio.bron, "site": site,
            "metamodel": str(regio.herkomst.get("metamodel") or ""), "hgkm": str(regio.herkomst.get("versie") or ""),
            "regiovisies": visies}


def _site(regio: Regio, uit: Path) -> str:
    """The region's own site: its published address, or the folder of a local needs.json."""
    adres = str(regio.herkomst.get("site") or "")
    if re.match(r"^https?://[^\s\"'<>]+$", adres):  # a published address; never javascript: or the like
        return adres.rstrip("/")
    if re.match(r"^https?://", regio.bron):
        return regio.bron.rsplit("/", 1)[0]
    return os.path.relpath(Path(regio.bron).resolve().parent, uit.resolve())


CONF = '''# Generated by hgkm.tools.landelijk: the national overview of HGKM regions.
extensions = ["myst_parser", "sphinx_needs", "hgkm.site.landelijk"]
project = "Landelijk overzicht HGKM"
language = "nl"
html_theme = "pydata_sphinx_theme"
html_theme_options = {{"navigation_with_keys": False, "footer_start": ["copyright"], "footer_end": [],
                      "secondary_sidebar_items": []}}
html_show_sourcelink = False
templates_path = [{componenten!r}]  # the site's search field, with a submit button (WCAG 3.2.2)
copyright = "de regio's die hun gegevens publiceren"
needs_from_toml = {metamodel!r}
needs_external_needs = {extern!r}
needs_schema_definitions = {{}}
suppress_warnings = ["needs.unknown_external_keys"]
'''

INDEX = """# Landelijk overzicht huiselijk geweld en kindermishandeling

Dit overzicht zet de regio's naast elkaar. Elke regio heeft haar eigen kennisbank; dit
overzicht leest alleen de gegevens die zij publiceren (`needs.json`). Per regio ziet u
hoeveel gemeenten een uitvoeringsplan hebben, hoeveel opgaven overal gedekt zijn en hoeveel
acties over tijd zijn, op de peildatum {peildatum}.

```{{landelijke-matrix}}
```

```{{toctree}}
:maxdepth: 1

{paginas}
```
"""

REGIO = """# {naam}

```{{regio-overzicht}} {nummer}
```

## Ontwikkelopgaven

```{{needtable}}
:filter: type == "opgave" and is_external and len(regiovisie) > 0 and regiovisie[0] in {visies!r}
:columns: id as "ID"; title as "Titel"
:style: table
```
"""


def schrijf_project(regios: list[Regio], bron: Path, uit: Path, peildatum: date) -> None:
    if bron.exists():
        shutil.rmtree(bron)
    (bron / "regios").mkdir(parents=True)
    extern, gezien = [], set()
    samen = []
    for regio in regios:
        # only what the pages show, and every national taak once (sphinx-needs refuses a second)
        needs = {k: v for k, v in regio.needs.items() if v.get("type") in TONEN and k not in gezien}
        gezien |= set(needs)
        kopie = {"current_version": "", "versions": {"": {"needs": needs}}}
        pad = bron / "regios" / f"{regio.nummer}.json"
        pad.write_text(json.dumps(kopie), encoding="utf-8")
        site = _site(regio, uit)
        extern.append({"base_url": site, "json_path": f"regios/{regio.nummer}.json"})
        samen.append(samenvatting(regio, peildatum, site))
    (bron / DATA).write_text(json.dumps({"peildatum": peildatum.isoformat(), "regios": samen}), encoding="utf-8")
    (bron / "conf.py").write_text(CONF.format(metamodel=str(METAMODEL_TOML), extern=extern,
                                                  componenten=str(PACKAGE / "templates" / "theme" / "components")), encoding="utf-8")
    paginas = [f"regio-{r.nummer}" for r in regios]
    (bron / "index.md").write_text(INDEX.format(peildatum=peildatum.isoformat(), paginas="\n".join(paginas)),
                                   encoding="utf-8")
    for regio, data in zip(regios, samen, strict=True):
        visies = [v["id"] for v in data["regiovisies"]]
        (bron / f"regio-{regio.nummer}.md").write_text(
            REGIO.format(naam=regio.naam, nummer=regio.nummer, visies=visies), encoding="utf-8")


def landelijk(bronnen: list[str], uit: Path, peildatum: date) -> BuildResult:
    if not bronnen:
        raise LandelijkFout('Noem de needs.json van de regio\'s, bijvoorbeeld  make landelijk REGIOS="a/needs.json b/needs.json"')
    regios = [lees(i, b) for i, b in enumerate(bronnen, start=1)]
    for regio in regios:
        controleer_versie(regio)
    if fout := botsingen(regios):
        meer = f" (en nog {len(fout) - 5})" if len(fout) > 5 else ""
        raise LandelijkFout(
            "Deze ID's komen in meer dan één regio voor: " + "; ".join(fout[:5]) + meer + ". Geef de items van "
            "elke regio een eigen voorvoegsel (bijvoorbeeld OG-RR24-1 voor Rotterdam Rijnmond); alleen de "
            "landelijke wettelijke taken (WT-) zijn overal hetzelfde.")
    bron = uit.parent / f"{uit.name}-bron"
    schrijf_project(regios, bron, uit, peildatum)
    return build(bron, uit)

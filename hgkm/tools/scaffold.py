"""A new uitvoeringsplan from the template, and a fast syntax check of plan files.

`nieuw_plan` reads the gemeenten, opgaven and taken from a real build of the
sources (never a hard-coded list), picks the current regiovisie of the gemeente
and writes `requirements/uitvoeringsplannen/<slug>.md` from
`hgkm/templates/plan.md.jinja`: the plan item filled in and, for every opgave and
every taak that applies, a commented-out example actie. Right after, `make check`
names every gap of the new plan.

`snelcontrole` checks plan files in milliseconds without Sphinx (for pre-commit
and as a first CI step): directive and option names, IDs and allowed values as
declared in ubproject.toml, closed directives, and left-over placeholders.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from hgkm import PACKAGE
from hgkm.model import declaration
from hgkm.model.corpus import Corpus, Need, parse_date
from hgkm.model.findings import Finding
from hgkm.model.herijking import vingerafdruk
from hgkm.model.messages import snelcontrole as snel
from hgkm.model.coverage import items_van, taak_geldt_voor, taken_van
from hgkm.sources import item_count
from hgkm.tools import blokregels
from hgkm.tools.build import corpus_van

TEMPLATES = PACKAGE / "templates"
#: Where plans live, relative to the project root (the folder is globbed).
PLANNEN = Path("requirements") / "uitvoeringsplannen"
#: Text the writer must replace; an uncommented line holding one is an error.
PLAATSHOUDERS = ("VUL IN", "JJJJ-MM-DD")


class ScaffoldFout(Exception):
    """A Dutch message for the writer: why no plan was written."""


def slug(naam: str) -> str:
    """A file name part: 'Capelle aan den IJssel' -> 'capelle-aan-den-ijssel'."""
    ascii_naam = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_naam.lower()).strip("-")


def echte_gemeenten(corpus: Corpus) -> list[Need]:
    """The gemeenten a plan can be written for (illustrative ones excluded), by name."""
    return sorted((g for g in corpus.of_type("gemeente") if not g.voorbeeld), key=lambda g: g.title)


def zoek_gemeente(corpus: Corpus, naam: str) -> Need:
    """The gemeente called `naam` (its name, ID or slug; case-insensitive)."""
    gemeenten = echte_gemeenten(corpus)
    gezocht = slug(naam)
    for gemeente in gemeenten:
        if gezocht in (slug(gemeente.title), slug(gemeente.id), slug(gemeente.id.removeprefix("GM-"))):
            return gemeente
    namen = [g.title for g in gemeenten]
    suggestie = difflib.get_close_matches(naam.strip(), namen, n=1, cutoff=0.6) or difflib.get_close_matches(
        naam.strip().title(), namen, n=1, cutoff=0.6
    )
    bericht = f'De gemeente "{naam}" staat niet in de kennisbank.'
    if suggestie:
        bericht += f' Bedoelt u "{suggestie[0]}"?'
    bericht += "\nBekende gemeenten: " + ", ".join(namen) + "."
    bericht += (
        "\nStaat uw gemeente er niet bij? Voeg dan eerst een gemeente-item toe in "
        "requirements/gemeenten.md (zie de handleiding)."
    )
    raise ScaffoldFout(bericht)


def huidige_regiovisie(corpus: Corpus, gemeente: Need, peildatum: date) -> Need:
    """The regiovisie of the gemeente whose looptijd holds the peildatum, else the newest."""
    visies = corpus.of_type("regiovisie")
    eigen = [v for v in visies if gemeente.id in v.link("gemeenten")] or visies
    if not eigen:
        raise ScaffoldFout("De kennisbank bevat nog geen regiovisie; een plan hoort altijd bij een regiovisie.")

    def looptijd(v: Need) -> tuple[date, date]:
        return (parse_date(v.get("start")) or date.min, parse_date(v.get("eind")) or date.max)

    lopend = [v for v in eigen if looptijd(v)[0] <= peildatum <= looptijd(v)[1]]
    return max(lopend or eigen, key=lambda v: looptijd(v)[0])


@dataclass
class NieuwPlan:
    """What the template needs, and where the plan goes."""

    gemeente: Need
    regiovisie: Need
    opgaven: list[Need]
    taken: list[Need]
    principes: list[Need]
    #: the fingerprint of each item now: a new actie is recorded as reviewed against it (herijking)
    vingerafdrukken: dict[str, str] = field(default_factory=dict)

    @property
    def plan_id(self) -> str:
        return f"UP-{self._naam_deel}-{self.regiovisie.id.removeprefix('RV-')}"

    @property
    def _naam_deel(self) -> str:
        return self.gemeente.id.removeprefix("GM-")

    @property
    def bestand(self) -> Path:
        return PLANNEN / f"{slug(self.gemeente.title)}.md"

    def render(self) -> str:
        env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            undefined=StrictUndefined,
            keep_trailing_newline=True,
            autoescape=False,
        )
        start, eind = self.regiovisie.get("start") or "", self.regiovisie.get("eind") or ""
        return env.get_template("plan.md.jinja").render(
            gemeente=self.gemeente,
            regiovisie=self.regiovisie,
            looptijd=f"{start[:4]}-{eind[:4]}" if start and eind else "",
            opgaven=self.opgaven,
            taken=self.taken,
            principes=self.principes,
            plan_id=self.plan_id,
            actie_prefix="UA" + self.plan_id.removeprefix("UP"),
            uitzondering_prefix="UZ" + self.plan_id.removeprefix("UP"),
            vingerafdrukken=self.vingerafdrukken,
        )


def ontwerp(corpus: Corpus, naam: str, peildatum: date) -> NieuwPlan:
    """The plan for gemeente `naam` under its current regiovisie, from the corpus."""
    gemeente = zoek_gemeente(corpus, naam)
    visie = huidige_regiovisie(corpus, gemeente, peildatum)
    return NieuwPlan(
        gemeente=gemeente,
        regiovisie=visie,
        opgaven=sorted(items_van(corpus, visie, "opgave"), key=lambda n: _id_key(n.id)),
        taken=[t for t in taken_van(corpus, visie) if taak_geldt_voor(t, gemeente)],
        principes=sorted(items_van(corpus, visie, "principe"), key=lambda n: _id_key(n.id)),
        vingerafdrukken={n.id: vingerafdruk(corpus, n) for n in corpus.needs.values() if n.type in ("opgave", "taak")},
    )


def _id_key(need_id: str) -> list:
    """Sort OG-RR24-10 after OG-RR24-9."""
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", need_id)]


def schrijf(srcdir: Path, corpus: Corpus, naam: str, peildatum: date) -> tuple[Path, list[str]]:
    """Write the new plan file; return its path and notes for the writer."""
    plan = ontwerp(corpus, naam, peildatum)
    doel = srcdir / plan.bestand
    if doel.exists():
        raise ScaffoldFout(
            f"{plan.bestand} bestaat al; dit commando overschrijft nooit een bestaand plan.\n"
            "Open dat bestand om het plan aan te vullen, of kies een andere naam door het bestand "
            "eerst te hernoemen."
        )
    if plan.plan_id in corpus.needs:
        bestaand = corpus.needs[plan.plan_id]
        raise ScaffoldFout(
            f"Er is al een plan met de ID {plan.plan_id}, in {bestaand.bestand}. "
            "Werk dat plan bij in plaats van een nieuw plan te maken."
        )
    notities = [
        f"Let op: {plan.gemeente.title} staat al in plan {p.id} ({p.bestand})."
        for p in corpus.of_type("plan")
        if plan.gemeente.id in p.link("gemeenten") and plan.regiovisie.id in p.link("regiovisie")
    ]
    doel.parent.mkdir(parents=True, exist_ok=True)
    doel.write_text(plan.render(), encoding="utf-8")
    if regel := codeowners_regel(srcdir, corpus, plan):
        notities.append(
            f"In .github/CODEOWNERS staat nu wie dit plan goedkeurt: {regel.split(maxsplit=1)[1]}. "
            "Vervang die voorbeeldnamen door de GitHub-teams van uw gemeente."
        )
    return doel, notities


#: The example reviewers' file; a new plan gets its own line there.
CODEOWNERS = Path(".github") / "CODEOWNERS"


def codeowners_regel(srcdir: Path, corpus: Corpus, plan: NieuwPlan) -> str | None:
    """Append the reviewers of the new plan to CODEOWNERS (if the project has one); the line.

    The team of the gemeente reviews, the centrumgemeente reads along, as for the
    plans already there. Team names follow the example's organisation.
    """
    pad = srcdir / CODEOWNERS
    if not pad.is_file():
        return None
    tekst = pad.read_text(encoding="utf-8")
    bestand = f"/{plan.bestand.as_posix()}"
    if any(r.split()[:1] == [bestand] for r in tekst.splitlines()):
        return None
    org = m[1] if (m := re.search(r"@([\w.-]+)/", tekst)) else "organisatie"
    teams = [f"@{org}/team-{slug(plan.gemeente.title)}"]
    centrum = corpus.needs.get(str(plan.gemeente.get("centrumgemeente") or ""))
    if centrum is not None and centrum.id != plan.gemeente.id:
        teams.append(f"@{org}/centrumgemeente-{slug(centrum.title)}")
    regel = f"{bestand:<52} {' '.join(teams)}"
    pad.write_text(tekst.rstrip("\n") + "\n" + regel + "\n", encoding="utf-8")
    return regel


def nieuw_plan(srcdir: Path, naam: str, peildatum: date, outdir: Path | None = None) -> tuple[Path, list[str]]:
    """Build the sources, then write the plan for gemeente `naam`."""
    outdir = outdir or srcdir / "_build" / "html"
    corpus = corpus_van(srcdir, outdir, "zijn de gemeenten en opgaven onbekend")
    return schrijf(srcdir, corpus, naam, peildatum)


# ----------------------------------------------------------- fast check


def _suggestie(naam: str, opties: list[str]) -> str:
    gelijk = difflib.get_close_matches(naam, opties, n=1)
    return f' Bedoelt u "{gelijk[0]}"?' if gelijk else ""


def _controleer_optie(bestand: str, nummer: int, need_type: str, naam: str, waarde: str) -> Finding | None:
    """What is wrong with one option of a need directive and how to fix it, or None."""
    if naam not in declaration.option_names():
        gelijk = _suggestie(naam, declaration.option_names()).strip()
        return snel.ONBEKEND_VELD(bestand, nummer, naam=naam, soort=need_type,
                                  suggestie=gelijk or "Kijk op de pagina Metamodel welke velden dit soort item heeft.")
    if naam == "id" and not re.match(declaration.id_regex(), waarde):
        return snel.ID_VORM(bestand, nummer, waarde=waarde,
                            voorvoegsel=declaration.prefix(need_type) or "het voorvoegsel van de soort")
    schema = declaration.field_schema(need_type, naam)
    if "enum" in schema and waarde not in schema["enum"]:
        return snel.WAARDE(bestand, nummer, waarde=waarde, naam=naam, toegestaan=", ".join(schema["enum"]))
    if schema.get("format") == "date" and parse_date(waarde) is None:
        return snel.DATUM(bestand, nummer, waarde=waarde, naam=naam)
    return None


def snelcontrole(pad: Path, naam: str | None = None) -> list[Finding]:
    """Syntax problems of one plan file, without building (fast enough for pre-commit).

    The fenced blocks are found by hgkm.sources.item_count, the same scanner the build uses to
    count items, so both agree on where a block starts and ends.
    """
    bestand = naam or str(pad)
    try:
        tekst = pad.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        regel = pad.read_bytes()[: exc.start].count(b"\n") + 1
        return [snel.GEEN_UTF8(bestand, regel)]
    lines = item_count.regels(tekst)
    typen = declaration.type_names()
    meldingen: list[Finding] = []
    for nummer, regel in enumerate(lines, start=1):
        if regel.lstrip().startswith("%"):
            continue
        for plaatshouder in PLAATSHOUDERS:
            if plaatshouder in regel:
                meldingen.append(snel.PLAATSHOUDER(bestand, nummer, plaatshouder=plaatshouder))
    for blok in item_count.blokken(lines):
        if not blok.naam:
            continue
        if blok.naam not in typen and (gelijk := _suggestie(blok.naam, typen)):
            meldingen.append(snel.ONBEKENDE_SOORT(bestand, blok.regelnummer, naam=blok.naam, suggestie=gelijk.strip()))
        if not blok.gesloten:
            meldingen.append(snel.NIET_GESLOTEN(bestand, blok.regelnummer, naam=blok.naam, fence=blok.fence))
        if blok.naam in typen:
            for optie, nummer, waarde in blok.opties:
                if fout := _controleer_optie(bestand, nummer, blok.naam, optie, waarde.strip()):
                    meldingen.append(fout)
    meldingen += [f for f, _ in blokregels.findings(bestand, tekst)]  # a tab or full-width colon, named
    return sorted(meldingen, key=lambda m: m.regelnummer or 0)

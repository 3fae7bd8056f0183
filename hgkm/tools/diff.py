"""What a change does: the needs of a base version against the current sources.

`make rapport` builds the base (default: the merge base with main) in a temporary
`git worktree`, loads both builds and lists, per gemeente, the opgaven and taken
that became covered or uncovered, and the plans, acties and uitzonderingen that
were added, removed or changed. Both builds are judged with the current
machinery and metamodel, so a difference is a difference in content.

First of all it names every gemeente whose coverage the change alters, with the files
that did it, whatever file that was: each of them must consent (issue 29; where a
gemeente's owners do not own such a file, it says so: hgkm.model.eigenaren).
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from hgkm.model import escaping
from hgkm.model.corpus import Corpus, Need
from hgkm.model.coverage import Cel, dekking, Staat
from hgkm.model.eigenaren import Instemming, TabelFout
from hgkm.model.escaping import markdown as md
from hgkm.model.herijking import gekoppeld, vingerafdruk
from hgkm.tools import report
from hgkm.tools.build import corpus_van
from hgkm.tools.scaffold import PLANNEN, snelcontrole

#: The policy items whose changed text makes the acties serving them suspect.
BELEID = ("opgave", "taak", "principe")
#: The kinds of item whose changes a pull request report lists.
SOORTEN = {"plan": "Plannen", "actie": "Acties", "uitzondering": "Uitzonderingen"}
#: needs.json keys compared per item (the rest is bookkeeping of the build).
VELDEN = (
    "title", "status", "regiovisie", "gemeenten", "plan", "opgaven", "taken", "principes", "betreft",
    "eigenaar", "partners", "budget", "start", "eind", "vastgesteld_op", "motivering", "besluit",
    "geldig_tot", "bronnen", "tags", "docname",
)  # fmt: skip
GEDEKT = (Staat.GEDEKT, Staat.UITZONDERING)


class VerschilFout(Exception):
    """A Dutch message: why the base could not be compared."""


@dataclass
class Dekkingswijziging:
    """One opgave or taak of one gemeente that became covered or uncovered."""

    regiovisie: Need
    gemeente: Need
    item: Need
    van: Staat | None
    naar: Staat
    #: the files of the acties and uitzondering that cover the cell now or did before
    bestanden: tuple[str, ...] = ()

    @property
    def nu_gedekt(self) -> bool:
        return self.naar in GEDEKT


@dataclass
class Itemwijziging:
    """A plan, actie or uitzondering that was added, removed or changed."""

    wat: str  # toegevoegd, verwijderd, gewijzigd
    need: Need
    velden: list[tuple[str, Any, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Herijking:
    """An actie or uitzondering serving an item whose text this change alters (herijking)."""

    gemeente: str
    need: Need
    item: Need


@dataclass
class Verschil:
    basis: str
    dekking: list[Dekkingswijziging]
    items: list[Itemwijziging]
    herijking: list[Herijking] = field(default_factory=list)


def _waarde(need: Need, naam: str) -> Any:
    value = need.fields.get(naam)
    if isinstance(value, str):
        return value.strip()
    return value if value not in (None, []) else ""


def vergelijk(oud: Corpus, nieuw: Corpus, peildatum: date, basis: str = "") -> Verschil:
    """The differences between two builds, both judged on `peildatum`."""
    oude_cellen = {(m.regiovisie.id, g, i): c for m in dekking(oud, peildatum) for (g, i), c in m.cellen.items()}
    dekkingswijzigingen = []
    for matrix in dekking(nieuw, peildatum):
        for (g, i), cel in matrix.cellen.items():
            if cel.staat is Staat.NVT:
                continue
            oude = oude_cellen.get((matrix.regiovisie.id, g, i))
            van = oude.staat if oude else None
            if (van in GEDEKT) != (cel.staat in GEDEKT):
                dekkingswijzigingen.append(Dekkingswijziging(matrix.regiovisie, cel.gemeente, cel.item, van, cel.staat,
                                                             _bestanden(cel, oude)))
    # A cell that was covered and no longer exists (a gemeente or opgave removed).
    nieuwe_cellen = {(m.regiovisie.id, g, i) for m in dekking(nieuw, peildatum) for (g, i) in m.cellen}
    for matrix in dekking(oud, peildatum):
        for (g, i), cel in matrix.cellen.items():
            if cel.staat in GEDEKT and (matrix.regiovisie.id, g, i) not in nieuwe_cellen:
                dekkingswijzigingen.append(Dekkingswijziging(matrix.regiovisie, cel.gemeente, cel.item, cel.staat,
                                                             Staat.ONGEDEKT, _bestanden(cel)))

    items = []
    for soort in SOORTEN:
        oude = {n.id: n for n in oud.of_type(soort)}
        nieuwe = {n.id: n for n in nieuw.of_type(soort)}
        for need_id in sorted(nieuwe.keys() - oude.keys()):
            items.append(Itemwijziging("toegevoegd", nieuwe[need_id]))
        for need_id in sorted(oude.keys() - nieuwe.keys()):
            items.append(Itemwijziging("verwijderd", oude[need_id]))
        for need_id in sorted(oude.keys() & nieuwe.keys()):
            velden = [
                (naam, _waarde(oude[need_id], naam), _waarde(nieuwe[need_id], naam))
                for naam in VELDEN
                if _waarde(oude[need_id], naam) != _waarde(nieuwe[need_id], naam)
            ]
            if velden:
                items.append(Itemwijziging("gewijzigd", nieuwe[need_id], velden))
    return Verschil(basis, dekkingswijzigingen, items, herijkingen(oud, nieuw))


def _bestanden(*cellen: Cel | None) -> tuple[str, ...]:
    """The files of the acties and uitzondering that cover these cells."""
    needs = [n for c in cellen if c is not None for n in (*c.acties, *([c.uitzondering] if c.uitzondering else []))]
    return tuple(sorted({n.bestand for n in needs if n.bestand}))


def herijkingen(oud: Corpus, nieuw: Corpus) -> list[Herijking]:
    """Per gemeente, every actie and uitzondering serving an opgave, taak or principe whose text changed.

    All of them, recorded or not: the owner of each must look again once this is merged.
    """
    veranderd = {
        n.id for n in nieuw.needs.values()
        if n.type in BELEID and n.id in oud.needs and vingerafdruk(oud, oud.needs[n.id]) != vingerafdruk(nieuw, n)
    }
    uit = []
    for need in [*nieuw.of_type("actie"), *nieuw.of_type("uitzondering")]:
        plan = nieuw.plan_of(need)
        gemeenten = ", ".join(g.title for g in nieuw.gemeenten_of(plan)) if plan else ""
        for item_id in gekoppeld(need):
            if item_id in veranderd:
                uit.append(Herijking(gemeenten or "(zonder gemeente)", need, nieuw.needs[item_id]))
    return sorted(uit, key=lambda h: (h.gemeente, h.need.id, h.item.id))


# ------------------------------------------------------------------ git


def _git(cwd: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise VerschilFout(f"git {' '.join(args)} lukte niet: {proc.stderr.strip() or proc.stdout.strip()}")
    return proc.stdout.strip()


def standaard_basis(srcdir: Path) -> str:
    """The merge base of HEAD with main (or origin/main)."""
    for main in ("main", "origin/main"):
        try:
            return _git(srcdir, "merge-base", "HEAD", main)
        except VerschilFout:
            continue
    raise VerschilFout(
        "Geen gemeenschappelijke versie met main gevonden. Geef de basis zelf op, "
        "bijvoorbeeld  make rapport BASIS=origin/main"
    )


def basis_corpus(srcdir: Path, ref: str) -> tuple[Corpus, str]:
    """Build version `ref` of the sources in a temporary worktree; its corpus and short id."""
    top = Path(_git(srcdir, "rev-parse", "--show-toplevel"))
    try:
        commit = _git(srcdir, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except VerschilFout:
        raise VerschilFout(f'"{ref}" is geen bekende versie in git. Geef een tak, tag of commit op.') from None
    relatief = srcdir.resolve().relative_to(top.resolve())
    with tempfile.TemporaryDirectory(prefix="hgkm-basis-") as tmp:
        werkmap = Path(tmp) / "basis"
        _git(top, "worktree", "add", "--detach", "--quiet", str(werkmap), commit)
        try:
            corpus = corpus_van(werkmap / relatief, Path(tmp) / "uit",
                                f"valt er met de basisversie {commit[:10]} niets te vergelijken")
        finally:
            _git(top, "worktree", "remove", "--force", str(werkmap))
    return corpus, commit[:10]


# -------------------------------------------------------------- report


def _naam(need: Need) -> str:
    return md(f'{need.id} "{need.title}"')


def _toon(value: Any) -> str:
    if value in ("", None):
        return "(leeg)"
    return md(", ".join(value) if isinstance(value, list) else str(value))


def verschil_markdown(verschil: Verschil) -> str:
    lines = [f"## Wat deze wijziging verandert (ten opzichte van {verschil.basis})", ""]
    if not verschil.dekking and not verschil.items and not verschil.herijking:
        lines.append("Geen veranderingen in plannen, acties, uitzonderingen of dekking.\n")
        return "\n".join(lines)
    if verschil.herijking:
        items = sorted({h.item.id for h in verschil.herijking})
        lines.append("### Acties die opnieuw bekeken moeten worden\n")
        lines.append(f"Deze wijziging verandert de tekst van {', '.join(items)}. Na het samenvoegen bekijkt de "
                     "eigenaar van elke actie hieronder haar opnieuw en legt dat vast met  "
                     "`make bevestig ACTIE=…`.\n")
        per_gemeente: dict[str, list[Herijking]] = {}
        for h in verschil.herijking:
            per_gemeente.setdefault(h.gemeente, []).append(h)
        for gemeente, gevallen in per_gemeente.items():
            lines.append(f"**Gemeente {md(gemeente)}**\n")
            for h in gevallen:
                lines.append(f"- {_naam(h.need)} in `{escaping.code(h.need.bestand)}`: {h.item.id} veranderde")
            lines.append("")
    if verschil.dekking:
        lines.append("### Dekking per gemeente\n")
        per_gemeente: dict[str, list[Dekkingswijziging]] = {}
        for w in verschil.dekking:
            naam = w.gemeente.title + (" (voorbeeld)" if w.gemeente.voorbeeld else "")
            per_gemeente.setdefault(f"{naam}, {w.regiovisie.id}", []).append(w)
        for gemeente, wijzigingen in sorted(per_gemeente.items()):
            lines.append(f"**Gemeente {md(gemeente)}**\n")
            for w in wijzigingen:
                wat = "ontwikkelopgave" if w.item.type == "opgave" else "wettelijke taak"
                if w.nu_gedekt:
                    lines.append(f"- nu gedekt: {wat} {_naam(w.item)} ({w.naar}; was: {w.van or 'geen plan'})")
                else:
                    lines.append(f"- **niet meer gedekt**: {wat} {_naam(w.item)} (was: {w.van})")
            lines.append("")
    for soort, kop in SOORTEN.items():
        wijzigingen = [w for w in verschil.items if w.need.type == soort]
        if not wijzigingen:
            continue
        lines.append(f"### {kop}\n")
        for w in wijzigingen:
            lines.append(f"- {w.wat}: {_naam(w.need)} in `{escaping.code(w.need.bestand)}`")
            for naam, oud, nieuw in w.velden:
                lines.append(f"  - {md(naam)}: {_toon(oud)} → {_toon(nieuw)}")
        lines.append("")
    return "\n".join(lines)


def gemeenten_bovenaan(verschil: Verschil, instemming: Instemming | None = None) -> str:
    """First in the report: every gemeente whose coverage the change alters, with the files that did it
    (whatever file that was), and where her owners do not own such a file. Each must consent."""
    per_gemeente: dict[str, list[Dekkingswijziging]] = {}
    for w in verschil.dekking:
        per_gemeente.setdefault(w.gemeente.id, []).append(w)
    if not per_gemeente:
        return ""
    aantal = len(per_gemeente)
    lines = ["## Gemeenten waarvan de dekking verandert\n",
             f"Deze wijziging verandert de dekking van {aantal} {'gemeente' if aantal == 1 else 'gemeenten'}. "
             "Vraag elk van hen om instemming voordat u samenvoegt.\n"]
    for wijzigingen in sorted(per_gemeente.values(), key=lambda ws: ws[0].gemeente.title):
        g = wijzigingen[0].gemeente
        visies = ", ".join(dict.fromkeys(w.regiovisie.id for w in wijzigingen))
        gedekt = sum(w.nu_gedekt for w in wijzigingen)
        telling = ", ".join(d for d in (f"{gedekt} nu gedekt" if gedekt else "",
                                        f"{len(wijzigingen) - gedekt} niet meer gedekt" if len(wijzigingen) > gedekt
                                        else "") if d)
        bestanden = sorted({b for w in wijzigingen for b in w.bestanden})
        door = f"; door {', '.join(f'`{escaping.code(b)}`' for b in bestanden)}" if bestanden else ""
        lines.append(f"- **{md(g.title)}** ({md(visies)}): {telling}{door}")
        if instemming is not None and instemming.eigenaren.get(g.id):
            zonder = [b for b in bestanden if not instemming.stemt_in(g.id, b)]
            if zonder:
                eigenaren = ", ".join(f"`{escaping.code(e)}`" for e in instemming.eigenaren[g.id])
                lines.append(f"  - **Let op:** de eigenaren van {md(g.title)} ({eigenaren}) zijn geen eigenaar van "
                             f"{', '.join(f'`{escaping.code(b)}`' for b in zonder)}; zij stemmen er dus niet mee in.")
        elif instemming is not None:
            lines.append(f"  - **Let op:** van {md(g.title)} staat niet vast wie namens haar instemt "
                         "(`.github/eigenaren.toml`).")
    return "\n".join([*lines, ""])


def _instemming(srcdir: Path) -> Instemming | None:
    try:
        return Instemming.van(srcdir)
    except TabelFout:
        return None  # the check below names it (rule instemming)


def _snel_markdown(srcdir: Path) -> str:
    """The fast check of the plan files: placeholders and typos, by file and line."""
    meldingen = [
        m
        for pad in sorted((srcdir / PLANNEN).glob("*.md"))
        for m in snelcontrole(pad, str(pad.relative_to(srcdir)))
    ]
    if not meldingen:
        return ""
    return "\n".join(["## Nog in te vullen of te verbeteren\n", *(f"- `{escaping.code(m.plaats)}` {md(m.melding)} {md(m.oplossing)}" for m in meldingen), ""])


def rapport(srcdir: Path, outdir: Path, peildatum: date, basis: str | None) -> str:
    """The pull request report: what changed against the base, then the full check."""
    nieuw = corpus_van(srcdir, outdir, "valt er niets te vergelijken")
    ref = basis or standaard_basis(srcdir)
    oud, commit = basis_corpus(srcdir, ref)
    label = f"`{ref}` ({commit})" if ref[:10] != commit else f"`{commit}`"
    verschil = vergelijk(oud, nieuw, peildatum, label)
    delen = [
        "# Rapport bij deze wijziging\n",
        gemeenten_bovenaan(verschil, _instemming(srcdir)),
        verschil_markdown(verschil),
        _snel_markdown(srcdir),
        report.markdown(report.Uitkomst.van(nieuw, peildatum, srcdir)),
    ]
    return "\n".join(delen)

"""The coverage matrix: per regiovisie, gemeente and opgave or taak, who covers it.

One computation feeds the coverage rules, `make check`'s summary table, the
dashboards on the site and the downloads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from hgkm.model.corpus import Corpus, Need, parse_date


class Staat(StrEnum):
    """State of one cell of the matrix (always shown as a word, never colour alone)."""

    GEDEKT = "gedekt"
    UITZONDERING = "uitzondering"
    ONGEDEKT = "niet gedekt"
    GEEN_PLAN = "geen plan"
    NVT = "niet van toepassing"


@dataclass
class Cel:
    """Whether one gemeente covers one opgave or taak under one regiovisie."""

    gemeente: Need
    item: Need
    staat: Staat
    acties: list[Need] = field(default_factory=list)
    uitzondering: Need | None = None


@dataclass
class Dekking:
    """The coverage matrix of one regiovisie."""

    regiovisie: Need
    gemeenten: list[Need]
    opgaven: list[Need]
    taken: list[Need]
    plannen: dict[str, list[Need]]
    cellen: dict[tuple[str, str], Cel]

    def cel(self, gemeente_id: str, item_id: str) -> Cel:
        return self.cellen[(gemeente_id, item_id)]

    def heeft_plan(self, gemeente_id: str) -> bool:
        return bool(self.plannen.get(gemeente_id))


def is_centrumgemeente(gemeente: Need) -> bool:
    return gemeente.get("rol") == "centrumgemeente"


def taak_geldt_voor(taak: Need, gemeente: Need) -> bool:
    """Gemeente-level taken hold for every gemeente, centrumgemeente-level ones only there."""
    return taak.get("niveau") == "gemeente" or (
        taak.get("niveau") == "centrumgemeente" and is_centrumgemeente(gemeente)
    )


def verlopen_op(uitzondering: Need, peildatum: date) -> date | None:
    """The geldig_tot of an uitzondering that has expired by the peildatum, else None.

    The last day of geldig_tot still counts: it expires the day after.
    """
    geldig_tot = parse_date(uitzondering.get("geldig_tot"))
    return geldig_tot if geldig_tot is not None and geldig_tot < peildatum else None


def uitzondering_geldig(uitzondering: Need, peildatum: date) -> bool:
    """An uitzondering covers only with motivering, besluit and an unexpired geldig_tot."""
    return bool(
        uitzondering.get("motivering")
        and uitzondering.get("besluit")
        and parse_date(uitzondering.get("geldig_tot")) is not None
        and verlopen_op(uitzondering, peildatum) is None
    )


def plannen_onder(corpus: Corpus, regiovisie: Need) -> list[Need]:
    return [p for p in corpus.of_type("plan") if regiovisie.id in p.link("regiovisie")]


def items_van(corpus: Corpus, regiovisie: Need, need_type: str) -> list[Need]:
    """The opgaven (or principes, toetsstenen) that link to this regiovisie."""
    return [n for n in corpus.of_type(need_type) if regiovisie.id in n.link("regiovisie")]


def taken_van(corpus: Corpus, regiovisie: Need) -> list[Need]:
    """The wettelijke taken the regiovisie names (its `:taken:` link)."""
    return corpus.resolve(regiovisie.link("taken"), "taak")


def per_plan(needs: Iterable[Need]) -> dict[str, list[Need]]:
    """Acties or uitzonderingen indexed by the plan(s) they name, in corpus order."""
    index: dict[str, list[Need]] = {}
    for need in needs:
        for plan_id in need.link("plan"):
            index.setdefault(plan_id, []).append(need)
    return index


def _matrix(
    corpus: Corpus,
    regiovisie: Need,
    peildatum: date,
    acties: dict[str, list[Need]],
    uitzonderingen: dict[str, list[Need]],
) -> Dekking:
    """The matrix of one regiovisie; `acties` (not vervallen) and `uitzonderingen` per plan."""
    plannen = plannen_onder(corpus, regiovisie)
    per_gemeente: dict[str, list[Need]] = {}
    for plan in plannen:
        for gemeente_id in plan.link("gemeenten"):
            per_gemeente.setdefault(gemeente_id, []).append(plan)

    region = corpus.resolve(regiovisie.link("gemeenten"), "gemeente")
    extra = corpus.resolve((g for g in per_gemeente if g not in regiovisie.link("gemeenten")), "gemeente")
    gemeenten = region + extra
    opgaven = items_van(corpus, regiovisie, "opgave")
    taken = taken_van(corpus, regiovisie)

    cellen: dict[tuple[str, str], Cel] = {}
    for gemeente in gemeenten:
        eigen = per_gemeente.get(gemeente.id, [])
        plan_acties = [a for p in eigen for a in acties.get(p.id, [])]
        plan_uz = [u for p in eigen for u in uitzonderingen.get(p.id, [])]
        for item, link in [*((o, "opgaven") for o in opgaven), *((t, "taken") for t in taken)]:
            if item.type == "taak" and not taak_geldt_voor(item, gemeente):
                cellen[(gemeente.id, item.id)] = Cel(gemeente, item, Staat.NVT)
                continue
            if not eigen:
                cellen[(gemeente.id, item.id)] = Cel(gemeente, item, Staat.GEEN_PLAN)
                continue
            dekkend = [a for a in plan_acties if item.id in a.link(link)]
            if dekkend:
                cellen[(gemeente.id, item.id)] = Cel(gemeente, item, Staat.GEDEKT, dekkend)
                continue
            uz = next(
                (u for u in plan_uz if item.id in u.link("betreft") and uitzondering_geldig(u, peildatum)),
                None,
            )
            staat = Staat.UITZONDERING if uz else Staat.ONGEDEKT
            cellen[(gemeente.id, item.id)] = Cel(gemeente, item, staat, uitzondering=uz)
    return Dekking(regiovisie, gemeenten, opgaven, taken, per_gemeente, cellen)


def dekking(corpus: Corpus, peildatum: date) -> list[Dekking]:
    """The coverage matrix of every regiovisie in the corpus."""
    # Index the acties and uitzonderingen of each plan once, for all regiovisies.
    acties = per_plan(a for a in corpus.of_type("actie") if a.status != "vervallen")
    uitzonderingen = per_plan(corpus.of_type("uitzondering"))
    return [_matrix(corpus, rv, peildatum, acties, uitzonderingen) for rv in corpus.of_type("regiovisie")]


def cel_tekst(staat: Staat, aantal: int) -> str:
    """A cell as words (never colour alone)."""
    if staat is Staat.GEDEKT:
        return f"gedekt ({aantal})"
    return str(staat)


def overal_gedekt(matrix: Dekking, soort: str) -> tuple[int, int]:
    """(opgaven or taken covered in every gemeente with a plan, all of them)."""
    items = matrix.opgaven if soort == "opgaven" else matrix.taken
    met_plan = [g for g in matrix.gemeenten if matrix.heeft_plan(g.id)]
    overal = [
        i for i in items
        if met_plan and all(matrix.cel(g.id, i.id).staat in (Staat.GEDEKT, Staat.UITZONDERING) for g in met_plan
                            if matrix.cel(g.id, i.id).staat is not Staat.NVT)
    ]
    return len(overal), len(items)

"""The coverage matrix: per regiovisie, gemeente and opgave or taak, who covers it.

One computation feeds the coverage rules, `make check`'s summary table, the
dashboards on the site and the downloads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from hgkm.model import escaping
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


# What makes an uitzondering a decision a reader can check (rule uitzondering, hgkm.rules.uitzondering).
#: A motivering is at least a sentence: this many words, and this many letters and digits.
MOTIVERING_WOORDEN, MOTIVERING_TEKENS = 4, 20
#: Who decided: the college (B&W), the raad, the burgemeester, a wethouder or portefeuillehouder, a bestuur.
ORGAAN = re.compile(r"(?i)\b(?:gemeente)?(?:college|raad|burgemeester|wethouder|portefeuillehouder|b\s*&\s*w\b"
                    r"|b\s+en\s+w\b|(?:algemeen\s+|dagelijks\s+)?bestuur)")
_MAANDEN = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
#: When: a day, as 12 maart 2024, 2024-03-12 or 12-03-2024.
DATUM = re.compile(rf"(?i)\b(?:\d{{1,2}}\s+(?:{_MAANDEN})\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}-\d{{1,2}}-\d{{4}})\b")
#: Which: a kenmerk or zaaknummer, a token with a digit that is not a bare year (2024-123, Z/24/0815, nr. 17).
#: (each token, then its digit: `[\w./-]*\d[\w./-]*` took quadratic time on a long token without one)
KENMERK = re.compile(r"[\w./-]+")
_CIJFER = re.compile(r"\d")
_JAAR = re.compile(r"(?:19|20)\d\d")
#: A bron item named as the besluit.
BRON_ID = re.compile(r"\bBR-[A-Z0-9]+(?:-[A-Z0-9]+)*\b")


@dataclass(frozen=True)
class Gebrek:
    """Why an uitzondering is no decision a reader can check: which field, what kind, the values to name."""

    veld: str
    soort: str  # buiten-looptijd, bron-onbekend, onvindbaar, te-kort, zonder-tekst
    waarden: dict[str, str] = field(default_factory=dict)


def kenmerken(tekst: str) -> list[str]:
    """The tokens of `tekst` with a digit, in linear time."""
    return [k for k in KENMERK.findall(tekst) if _CIJFER.search(k)]


def besluit_onvindbaar(besluit: str) -> list[str]:
    """What a besluit lacks for a reader to find it: who decided, and when or under which kenmerk
    (in Dutch, for the message); empty when it names body and date or kenmerk."""
    ontbreekt = []
    if not ORGAAN.search(besluit):
        ontbreekt.append("wie besloot (het college, de raad, de burgemeester)")
    zonder_datum = DATUM.sub(" ", besluit)
    kenmerk = [k for k in kenmerken(zonder_datum) if not _JAAR.fullmatch(k.strip("./-"))]
    if not DATUM.search(besluit) and not kenmerk:
        ontbreekt.append("wanneer (de datum) of met welk kenmerk")
    return ontbreekt


def gebreken(uitzondering: Need, corpus: Corpus) -> list[Gebrek]:
    """Why this uitzondering is no decision a reader can check: a geldig_tot outside its regiovisie's
    looptijd, a besluit nobody can find, a motivering that is no sentence. A field that is missing,
    malformed or shows no text at all is the `invoer` finding's (its kind here: zonder-tekst)."""
    uit: list[Gebrek] = []
    geldig_tot = parse_date(uitzondering.get("geldig_tot"))
    visie = corpus.regiovisie_of(corpus.plan_of(uitzondering))
    start, eind = (parse_date(visie.get("start")), parse_date(visie.get("eind"))) if visie else (None, None)
    if geldig_tot and start and eind and not start <= geldig_tot <= eind:
        uit.append(Gebrek("geldig_tot", "buiten-looptijd", {"geldig_tot": str(geldig_tot), "visie": visie.id,
                                                            "visie_start": str(start), "visie_eind": str(eind)}))
    besluit = str(uitzondering.get("besluit") or "")
    if besluit and escaping.zonder_tekst(besluit):
        uit.append(Gebrek("besluit", "zonder-tekst"))
    elif besluit and (bronnen := BRON_ID.findall(besluit)):
        if onbekend := [b for b in bronnen if corpus.first([b], "bron") is None]:
            uit.append(Gebrek("besluit", "bron-onbekend", {"bron": onbekend[0]}))
    elif besluit and (ontbreekt := besluit_onvindbaar(besluit)):
        uit.append(Gebrek("besluit", "onvindbaar", {"besluit": besluit, "ontbreekt": " en ".join(ontbreekt)}))
    motivering = str(uitzondering.get("motivering") or "")
    if motivering and escaping.zonder_tekst(motivering):
        uit.append(Gebrek("motivering", "zonder-tekst"))
    elif motivering and (len(escaping.woorden(motivering)) < MOTIVERING_WOORDEN
                         or escaping.tekens(motivering) < MOTIVERING_TEKENS):
        uit.append(Gebrek("motivering", "te-kort", {"motivering": motivering}))
    return uit


def uitzondering_geldig(uitzondering: Need, peildatum: date, corpus: Corpus | None = None) -> bool:
    """An uitzondering covers only with motivering, besluit and an unexpired geldig_tot; with
    `corpus`, only when it is a decision a reader can check (no `gebreken`)."""
    return bool(
        uitzondering.get("motivering")
        and uitzondering.get("besluit")
        and parse_date(uitzondering.get("geldig_tot")) is not None
        and verlopen_op(uitzondering, peildatum) is None
        and (corpus is None or not gebreken(uitzondering, corpus))
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
    geldig: set[str],
) -> Dekking:
    """The matrix of one regiovisie; `acties` (not vervallen) and `uitzonderingen` per plan, and the
    IDs of the uitzonderingen that cover at the peildatum (`geldig`)."""
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
            uz = next((u for u in plan_uz if item.id in u.link("betreft") and u.id in geldig), None)
            staat = Staat.UITZONDERING if uz else Staat.ONGEDEKT
            cellen[(gemeente.id, item.id)] = Cel(gemeente, item, staat, uitzondering=uz)
    return Dekking(regiovisie, gemeenten, opgaven, taken, per_gemeente, cellen)


def dekking(corpus: Corpus, peildatum: date) -> list[Dekking]:
    """The coverage matrix of every regiovisie in the corpus."""
    # Index the acties and uitzonderingen of each plan once, for all regiovisies.
    acties = per_plan(a for a in corpus.of_type("actie") if a.status != "vervallen")
    uitzonderingen = per_plan(corpus.of_type("uitzondering"))
    geldig = {u.id for u in corpus.of_type("uitzondering") if uitzondering_geldig(u, peildatum, corpus)}
    return [_matrix(corpus, rv, peildatum, acties, uitzonderingen, geldig) for rv in corpus.of_type("regiovisie")]


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

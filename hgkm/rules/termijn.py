"""The `termijn` rule: deadlines at the peildatum (a warning, never blocking).

- an actie over tijd: its eind has passed while it is still gepland or lopend;
- an actie niet gestart: its start has passed while it is still gepland;
- an uitzondering that expires within 90 days (verloopt binnenkort);
- a plan still concept a year after its regiovisie started.

Each finding names the actie, its eigenaar and the date, and says what the owner can do.
The peildatum is the one of `make check` (today, or PEILDATUM=...).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from hgkm.model.corpus import Need, parse_date
from hgkm.model.findings import Finding
from hgkm.model.voortgang import BINNENKORT_DAGEN, Voortgang, voortgang
from hgkm.rules.context import Context, regel

REGEL = "termijn"


def _finding(ctx: Context, need: Need, plan: Need | None, melding: str, oplossing: str) -> Finding:
    return Finding(REGEL, need.id, need.bestand, need.lineno, melding, oplossing, **ctx.waar(plan))


def _eigenaar(actie: Need) -> str:
    eigenaar = str(actie.get("eigenaar") or "").strip()
    return f" (eigenaar: {eigenaar})" if eigenaar else ""


def acties(ctx: Context) -> Iterator[Finding]:
    for actie in ctx.corpus.of_type("actie"):
        stand = voortgang(actie, ctx.peildatum)
        plan = ctx.corpus.plan_of(actie)
        if stand is Voortgang.OVER_TIJD:
            yield _finding(
                ctx, actie, plan,
                f"Actie {actie.id} \"{actie.title}\"{_eigenaar(actie)} is over tijd: de einddatum "
                f"{actie.get('eind')} is voorbij (peildatum {ctx.peildatum}), maar de status is nog {actie.status}.",
                "Is de actie klaar, zet dan  :status: afgerond. Loopt zij door, kies een nieuwe einddatum "
                "(:eind: JJJJ-MM-DD) en zeg in de tekst waarom. Gaat zij niet door, zet  :status: vervallen  "
                "of leg een uitzondering vast.",
            )
        elif stand is Voortgang.NIET_GESTART:
            yield _finding(
                ctx, actie, plan,
                f"Actie {actie.id} \"{actie.title}\"{_eigenaar(actie)} is niet gestart: de begindatum "
                f"{actie.get('start')} is voorbij (peildatum {ctx.peildatum}), maar de status is nog gepland.",
                "Is de actie begonnen, zet dan  :status: lopend. Begint zij later, kies een nieuwe "
                "begindatum (:start: JJJJ-MM-DD) en zeg in de tekst waarom.",
            )


def uitzonderingen(ctx: Context) -> Iterator[Finding]:
    grens = ctx.peildatum + timedelta(days=BINNENKORT_DAGEN)
    for uz in ctx.corpus.of_type("uitzondering"):
        geldig_tot = parse_date(uz.get("geldig_tot"))
        if geldig_tot is not None and ctx.peildatum <= geldig_tot <= grens:
            betreft = ", ".join(uz.link("betreft")) or "(niets)"
            yield _finding(
                ctx, uz, ctx.corpus.plan_of(uz),
                f"Uitzondering {uz.id} voor {betreft} verloopt binnenkort: zij geldt tot en met "
                f"{geldig_tot}, over {(geldig_tot - ctx.peildatum).days} dagen.",
                "Zet op tijd een actie in het plan, of leg een nieuw besluit vast met een nieuwe  "
                ":geldig_tot: JJJJ-MM-DD. Daarna telt de uitzondering niet meer als dekking.",
            )


def plannen(ctx: Context) -> Iterator[Finding]:
    for plan in ctx.corpus.of_type("plan"):
        visie = ctx.corpus.regiovisie_of(plan)
        start = parse_date(visie.get("start")) if visie else None
        if plan.status == "concept" and start is not None and _jaar_na(start) <= ctx.peildatum:
            yield _finding(
                ctx, plan, plan,
                f"Plan {plan.id} is nog een concept, terwijl de regiovisie {visie.id} al meer dan een jaar "
                f"loopt (sinds {start}).",
                "Laat het plan vaststellen en zet dan  :status: vastgesteld  met  :vastgesteld_op: JJJJ-MM-DD  "
                "en het besluit.",
            )


def _jaar_na(dag: date) -> date:
    try:
        return dag.replace(year=dag.year + 1)
    except ValueError:  # 29 February
        return dag.replace(year=dag.year + 1, day=28)


def findings(ctx: Context) -> Iterator[Finding]:
    yield from acties(ctx)
    yield from uitzonderingen(ctx)
    yield from plannen(ctx)


@regel("termijn")
def termijnen(ctx: Context) -> Iterator[Finding]:
    """Deadlines at the peildatum (hgkm.rules.termijn): over tijd, niet gestart, binnenkort."""
    yield from findings(ctx)

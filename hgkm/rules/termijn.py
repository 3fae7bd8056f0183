"""The `termijn` rule: deadlines at the peildatum (a warning, never blocking).

- an actie over tijd: its eind has passed while it is still gepland or lopend;
- an actie niet afgerond bij afloop: its regiovisie has ended while it is still gepland or
  lopend (named with the date the regiovisie ended, never as over tijd at today's peildatum);
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
from hgkm.model.messages import termijn as m
from hgkm.model.voortgang import BINNENKORT_DAGEN, Voortgang, afloop, voortgang
from hgkm.rules.context import Context, regel


def _eigenaar(actie: Need) -> str:
    eigenaar = str(actie.get("eigenaar") or "").strip()
    return f" (eigenaar: {eigenaar})" if eigenaar else ""


def acties(ctx: Context) -> Iterator[Finding]:
    for actie in ctx.corpus.of_type("actie"):
        stand = voortgang(actie, ctx.peildatum, ctx.corpus)
        plan = ctx.corpus.plan_of(actie)
        if stand is Voortgang.NIET_AFGEROND:
            yield m.NIET_AFGEROND_BIJ_AFLOOP.voor(actie, titel=actie.title, eigenaar=_eigenaar(actie),
                                                  visie=ctx.waar(plan)["regiovisie"], status=actie.status,
                                                  afloop=afloop(actie, ctx.peildatum, ctx.corpus), **ctx.waar(plan))
        elif stand is Voortgang.OVER_TIJD:
            yield m.OVER_TIJD.voor(actie, titel=actie.title, eigenaar=_eigenaar(actie), eind=actie.get("eind"),
                                   peildatum=ctx.peildatum, status=actie.status, **ctx.waar(plan))
        elif stand is Voortgang.NIET_GESTART:
            yield m.NIET_GESTART.voor(actie, titel=actie.title, eigenaar=_eigenaar(actie), start=actie.get("start"),
                                      peildatum=ctx.peildatum, **ctx.waar(plan))


def uitzonderingen(ctx: Context) -> Iterator[Finding]:
    grens = ctx.peildatum + timedelta(days=BINNENKORT_DAGEN)
    for uz in ctx.corpus.of_type("uitzondering"):
        geldig_tot = parse_date(uz.get("geldig_tot"))
        if geldig_tot is not None and ctx.peildatum <= geldig_tot <= grens:
            betreft = ", ".join(uz.link("betreft")) or "(niets)"
            yield m.VERLOOPT_BINNENKORT.voor(uz, betreft=betreft, geldig_tot=geldig_tot,
                                             dagen=(geldig_tot - ctx.peildatum).days, **ctx.waar(ctx.corpus.plan_of(uz)))


def plannen(ctx: Context) -> Iterator[Finding]:
    for plan in ctx.corpus.of_type("plan"):
        visie = ctx.corpus.regiovisie_of(plan)
        start = parse_date(visie.get("start")) if visie else None
        if plan.status == "concept" and start is not None and _jaar_na(start) <= ctx.peildatum:
            yield m.LANG_CONCEPT.voor(plan, visie=visie.id, start=start, **ctx.waar(plan))


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

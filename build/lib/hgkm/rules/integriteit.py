"""Rule integriteit: acties, plans and uitzonderingen are complete and agree with their regiovisie (dates, looptijd, gemeenten, besluit)."""

from __future__ import annotations

from collections.abc import Iterator

from hgkm.model.corpus import parse_date
from hgkm.model.findings import Finding
from hgkm.model.messages import dekking as m
from hgkm.rules.context import Context, gemeente_naam, regel


@regel("integriteit")
def actie_integriteit(ctx: Context) -> Iterator[Finding]:
    """An actie serves something, its dates are in order and inside the looptijd."""
    for actie in ctx.corpus.of_type("actie"):
        plan = ctx.corpus.plan_of(actie)
        visie = ctx.corpus.regiovisie_of(plan)
        extra = ctx.waar(plan)
        if not actie.link("opgaven") and not actie.link("taken"):
            voorbeeld = ctx.items_van(visie, "opgave")[:1] if visie else []
            yield m.ACTIE_ZONDER_DOEL.voor(actie, opgave=voorbeeld[0].id if voorbeeld else "OG-RR24-1", **extra)
        start, eind = parse_date(actie.get("start")), parse_date(actie.get("eind"))
        if start and eind and start > eind:
            yield m.EIND_VOOR_START.voor(actie, eind=eind, start=start, jaar=start.year, **extra)
        if visie:
            v_start, v_eind = parse_date(visie.get("start")), parse_date(visie.get("eind"))
            for naam, waarde in (("start", start), ("eind", eind)):
                if waarde and v_start and v_eind and not v_start <= waarde <= v_eind:
                    yield m.BUITEN_LOOPTIJD.voor(
                        actie, naam=naam, waarde=waarde, visie_titel=visie.title, visie_start=v_start,
                        visie_eind=v_eind, grens=v_start if naam == "start" else v_eind, **extra,
                    )
        if visie:
            for soort, link in (("opgave", "opgaven"), ("taak", "taken")):
                # A link to a need of the wrong type is the invoer rule's finding.
                for item in ctx.corpus.resolve(actie.link(link), soort):
                    if item.id not in ctx.toegestaan(visie, soort):
                        yield m.ITEM_VAN_ANDERE_VISIE.voor(
                            actie, item=item.id, soort=soort, visie_titel=visie.title, link=link,
                            visie=visie.id, **extra,
                        )


@regel("integriteit")
def plan_integriteit(ctx: Context) -> Iterator[Finding]:
    """A vastgesteld plan has its date and decision; its gemeenten are in the region."""
    for plan in ctx.corpus.of_type("plan"):
        visie = ctx.corpus.regiovisie_of(plan)
        extra = ctx.waar(plan)
        if plan.status == "vastgesteld":
            if not plan.get("vastgesteld_op"):
                yield m.VASTGESTELD_ZONDER_DATUM.voor(plan, **extra)
            if not ctx.corpus.resolve(plan.link("bronnen"), "bron"):
                yield m.VASTGESTELD_ZONDER_BESLUIT.voor(plan, **extra)
        if visie is None:
            continue
        regio = set(visie.link("gemeenten"))
        for gemeente in ctx.corpus.gemeenten_of(plan):
            if gemeente.id not in regio and not gemeente.voorbeeld:
                yield m.GEMEENTE_BUITEN_REGIO.voor(
                    plan, naam=gemeente_naam(gemeente), visie_titel=visie.title, aantal=len(regio),
                    **extra,
                )


@regel("integriteit")
def uitzondering_integriteit(ctx: Context) -> Iterator[Finding]:
    """An uitzondering concerns an opgave or taak of its own plan's regiovisie."""
    for uz in ctx.corpus.of_type("uitzondering"):
        plan = ctx.corpus.plan_of(uz)
        visie = ctx.corpus.regiovisie_of(plan)
        if visie is None:
            continue
        eigen = {o.id for o in ctx.items_van(visie, "opgave")} | set(visie.link("taken"))
        for item in ctx.corpus.resolve(uz.link("betreft")):
            if item.type in ("opgave", "taak") and item.id not in eigen:
                yield m.UITZONDERING_ANDERE_VISIE.voor(
                    uz, item=item.id, soort=item.type, visie_titel=visie.title, visie=visie.id,
                    **ctx.waar(plan),
                )

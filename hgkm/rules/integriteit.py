"""Rule integriteit: acties, plans and uitzonderingen are complete and agree with their regiovisie (dates, looptijd, gemeenten, besluit)."""

from __future__ import annotations

from collections.abc import Iterator

from hgkm.model.corpus import parse_date
from hgkm.model.findings import Finding
from hgkm.rules.context import Context, finding, gemeente_naam, regel


@regel("integriteit")
def actie_integriteit(ctx: Context) -> Iterator[Finding]:
    """An actie serves something, its dates are in order and inside the looptijd."""
    for actie in ctx.corpus.of_type("actie"):
        plan = ctx.corpus.plan_of(actie)
        visie = ctx.corpus.regiovisie_of(plan)
        extra = ctx.waar(plan)
        if not actie.link("opgaven") and not actie.link("taken"):
            voorbeeld = ctx.items_van(visie, "opgave")[:1] if visie else []
            yield finding(
                "integriteit",
                actie,
                f"Actie {actie.id} werkt aan geen enkele ontwikkelopgave of wettelijke taak.",
                "Noem minstens één opgave of taak, bijvoorbeeld  :opgaven: "
                f"{voorbeeld[0].id if voorbeeld else 'OG-RR24-1'}",
                **extra,
            )
        start, eind = parse_date(actie.get("start")), parse_date(actie.get("eind"))
        if start and eind and start > eind:
            yield finding(
                "integriteit",
                actie,
                f"Actie {actie.id} eindigt ({eind}) voordat zij begint ({start}).",
                f"Zet de einddatum na de begindatum, bijvoorbeeld  :eind: {start.year}-12-31",
                **extra,
            )
        if visie:
            v_start, v_eind = parse_date(visie.get("start")), parse_date(visie.get("eind"))
            for naam, waarde in (("start", start), ("eind", eind)):
                if waarde and v_start and v_eind and not v_start <= waarde <= v_eind:
                    yield finding(
                        "integriteit",
                        actie,
                        f"Actie {actie.id}: de {naam}datum {waarde} valt buiten de looptijd van "
                        f"{visie.title} ({v_start} tot en met {v_eind}).",
                        f"Kies een datum binnen de looptijd, bijvoorbeeld  :{naam}: "
                        f"{v_start if naam == 'start' else v_eind}",
                        **extra,
                    )
        if visie:
            for soort, link in (("opgave", "opgaven"), ("taak", "taken")):
                # A link to a need of the wrong type is the invoer rule's finding.
                for item in ctx.corpus.resolve(actie.link(link), soort):
                    if item.id not in ctx.toegestaan(visie, soort):
                        yield finding(
                            "integriteit",
                            actie,
                            f"Actie {actie.id} noemt {item.id}, maar die {soort} hoort niet bij "
                            f"{visie.title}, de regiovisie van dit plan.",
                            f"Noem alleen {link} van {visie.id}, "
                            f"of zet de actie in een plan onder de juiste regiovisie.",
                            **extra,
                        )


@regel("integriteit")
def plan_integriteit(ctx: Context) -> Iterator[Finding]:
    """A vastgesteld plan has its date and decision; its gemeenten are in the region."""
    for plan in ctx.corpus.of_type("plan"):
        visie = ctx.corpus.regiovisie_of(plan)
        extra = ctx.waar(plan)
        if plan.status == "vastgesteld":
            if not plan.get("vastgesteld_op"):
                yield finding(
                    "integriteit",
                    plan,
                    f"Plan {plan.id} is vastgesteld, maar de datum van vaststelling ontbreekt.",
                    "Voeg de datum van het besluit toe, bijvoorbeeld  :vastgesteld_op: 2024-03-12",
                    **extra,
                )
            if not ctx.corpus.resolve(plan.link("bronnen"), "bron"):
                yield finding(
                    "integriteit",
                    plan,
                    f"Plan {plan.id} is vastgesteld, maar het besluit staat er niet bij.",
                    "Leg het besluit vast als bron en verwijs ernaar met  :bronnen: BR-…  "
                    "(of zet de status op concept).",
                    **extra,
                )
        if visie is None:
            continue
        regio = set(visie.link("gemeenten"))
        for gemeente in ctx.corpus.gemeenten_of(plan):
            if gemeente.id not in regio and not gemeente.voorbeeld:
                yield finding(
                    "integriteit",
                    plan,
                    f"Plan {plan.id} noemt gemeente {gemeente_naam(gemeente)}, maar die hoort "
                    f"niet bij de regio van {visie.title}.",
                    f"Kies een gemeente van de regio ({len(regio)} gemeenten, zie de pagina "
                    "Gemeenten), of zet het plan onder de regiovisie van die gemeente.",
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
                yield finding(
                    "integriteit",
                    uz,
                    f"Uitzondering {uz.id} betreft {item.id}, maar die {item.type} hoort niet bij "
                    f"{visie.title}, de regiovisie van dit plan; zij dekt dus niets.",
                    f"Noem een opgave of taak van {visie.id} in  :betreft:  of haal de uitzondering weg.",
                    **ctx.waar(plan),
                )

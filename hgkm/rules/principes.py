"""Rule principes (a warning): acties say which leidend principe they apply."""

from __future__ import annotations

from collections.abc import Iterator

from hgkm.model.findings import Finding
from hgkm.rules.context import Context, finding, regel


@regel("principes")
def principes(ctx: Context) -> Iterator[Finding]:
    """Acties show which leidend principe they apply (where the regiovisie has principes)."""
    for visie in ctx.corpus.of_type("regiovisie"):
        eigen = ctx.items_van(visie, "principe")
        if not eigen:
            continue
        for plan in ctx.items_van(visie, "plan"):
            # a vervallen actie is history: it need not name a principe
            acties = [a for a in ctx.acties_per_plan.get(plan.id, []) if a.status != "vervallen"]
            extra = {**ctx.waar(plan), "regiovisie": visie.id}
            zonder = [a for a in acties if not a.link("principes")]
            for actie in zonder:
                yield finding(
                    "principes",
                    actie,
                    f"Actie {actie.id} noemt geen leidend principe.",
                    f"Noem het principe dat de actie toepast, bijvoorbeeld  :principes: {eigen[0].id}",
                    **extra,
                )
            if acties and len(zonder) == len(acties):
                yield finding(
                    "principes",
                    plan,
                    f"Plan {plan.id}: geen enkele actie past een leidend principe van "
                    f"{visie.title} toe.",
                    "Koppel de acties aan de principes die zij toepassen met  :principes: LP-…",
                    **extra,
                )

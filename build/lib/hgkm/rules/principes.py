"""Rule principes (a warning): acties say which leidend principe they apply."""

from __future__ import annotations

from collections.abc import Iterator

from hgkm.model.findings import Finding
from hgkm.model.messages import dekking as m
from hgkm.rules.context import Context, regel


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
                yield m.PRINCIPE_ONTBREEKT.voor(actie, principe=eigen[0].id, **extra)
            if acties and len(zonder) == len(acties):
                yield m.PLAN_ZONDER_PRINCIPES.voor(plan, visie_titel=visie.title, **extra)

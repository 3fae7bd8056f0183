"""Rule uitzondering: an uitzondering past its geldig_tot no longer covers, and the plan is told so."""

from __future__ import annotations

from collections.abc import Iterator

from hgkm.model.coverage import verlopen_op
from hgkm.model.findings import Finding
from hgkm.model.messages import dekking as m
from hgkm.rules.context import Context, regel


@regel("uitzondering")
def uitzondering_verlopen(ctx: Context) -> Iterator[Finding]:
    """An uitzondering past its geldig_tot no longer covers, and says so."""
    for uz in ctx.corpus.of_type("uitzondering"):
        if (geldig_tot := verlopen_op(uz, ctx.peildatum)) is not None:
            plan = ctx.corpus.plan_of(uz)
            betreft = ", ".join(uz.link("betreft")) or "(niets)"
            link = "taken" if ctx.corpus.first(uz.link("betreft"), "taak") else "opgaven"
            yield m.UITZONDERING_VERLOPEN.voor(
                uz, betreft=betreft, geldig_tot=geldig_tot, peildatum=ctx.peildatum, link=link, **ctx.waar(plan)
            )

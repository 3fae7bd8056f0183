"""Rule uitzondering: an uitzondering is a decision a reader can check, and counts only while it holds.

- past its geldig_tot it no longer covers, and the plan is told so;
- its geldig_tot lies within its regiovisie's looptijd (not 9999-12-31);
- its besluit names a decision a reader can find: a bron item, or who decided and when or
  under which kenmerk ("Collegebesluit 12 maart 2024, kenmerk 2024-123");
- its motivering is at least a sentence (hgkm.model.coverage.MOTIVERING_WOORDEN, _TEKENS).

An uitzondering with any of these defects does not count as coverage (hgkm.model.coverage.gebreken).
A field that is missing or shows no text at all is the `invoer` finding, not one of these.
"""

from __future__ import annotations

from collections.abc import Iterator

from hgkm.model.coverage import gebreken, verlopen_op
from hgkm.model.findings import Finding
from hgkm.model.messages import dekking as m
from hgkm.rules.context import Context, regel

#: The message of each kind of defect (zonder-tekst: the `invoer` finding says it).
MELDING = {
    "buiten-looptijd": m.UITZONDERING_BUITEN_LOOPTIJD,
    "onvindbaar": m.BESLUIT_ONVINDBAAR,
    "bron-onbekend": m.BESLUIT_BRON_ONBEKEND,
    "te-kort": m.MOTIVERING_TE_KORT,
}


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


@regel("uitzondering")
def uitzondering_besluit(ctx: Context) -> Iterator[Finding]:
    """An uitzondering is a decision a reader can check: looptijd, besluit, motivering."""
    for uz in ctx.corpus.of_type("uitzondering"):
        for gebrek in gebreken(uz, ctx.corpus):
            if (message := MELDING.get(gebrek.soort)) is not None:
                yield message.voor(uz, **gebrek.waarden, **ctx.waar(ctx.corpus.plan_of(uz)))

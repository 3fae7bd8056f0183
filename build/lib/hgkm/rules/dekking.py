"""Rules dekking-opgaven and dekking-taken: every opgave and applicable taak has, per gemeente with a plan, an actie or a valid uitzondering."""

from __future__ import annotations

from collections.abc import Iterator

from hgkm.model.coverage import Staat
from hgkm.model.findings import Finding
from hgkm.model.messages import dekking as m
from hgkm.model.messages.message import Message
from hgkm.rules.context import Context, gemeente_naam, regel


def _dekking_findings(ctx: Context, soort: str, message: Message) -> Iterator[Finding]:
    for matrix in ctx.dekking:
        items = matrix.opgaven if soort == "opgave" else matrix.taken
        for gemeente in matrix.gemeenten:
            plannen = matrix.plannen.get(gemeente.id)
            if not plannen:
                continue  # no plan yet: shown on the dashboard, not a finding
            plan = plannen[0]
            for item in items:
                if matrix.cel(gemeente.id, item.id).staat is not Staat.ONGEDEKT:
                    continue
                yield message.voor(plan, item=item.id, titel=item.title, gemeente=gemeente_naam(gemeente),
                                   regiovisie=matrix.regiovisie.id)


@regel("dekking-opgaven")
def dekking_opgaven(ctx: Context) -> Iterator[Finding]:
    """Every opgave of the regiovisie is covered for every gemeente with a plan."""
    yield from _dekking_findings(ctx, "opgave", m.OPGAVE_ONGEDEKT)


@regel("dekking-taken")
def dekking_taken(ctx: Context) -> Iterator[Finding]:
    """Every taak the regiovisie names is covered where it applies."""
    yield from _dekking_findings(ctx, "taak", m.TAAK_ONGEDEKT)

"""Rules dekking-opgaven and dekking-taken: every opgave and applicable taak has, per gemeente with a plan, an actie or a valid uitzondering."""

from __future__ import annotations

from collections.abc import Iterator

from hgkm.model.coverage import Staat
from hgkm.model.findings import Finding
from hgkm.rules.context import Context, finding, gemeente_naam, regel


def _dekking_findings(ctx: Context, rule_id: str, soort: str, link: str) -> Iterator[Finding]:
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
                wat = "ontwikkelopgave" if soort == "opgave" else "wettelijke taak"
                yield finding(
                    rule_id,
                    plan,
                    f'Gemeente {gemeente_naam(gemeente)}: {wat} {item.id} "{item.title}" '
                    "heeft geen uitvoeringsactie.",
                    f"Voeg in dit plan een actie toe met  :{link}: {item.id}  "
                    "of leg een uitzondering vast.",
                    gemeente=gemeente_naam(gemeente),
                    regiovisie=matrix.regiovisie.id,
                )


@regel("dekking-opgaven")
def dekking_opgaven(ctx: Context) -> Iterator[Finding]:
    """Every opgave of the regiovisie is covered for every gemeente with a plan."""
    yield from _dekking_findings(ctx, "dekking-opgaven", "opgave", "opgaven")


@regel("dekking-taken")
def dekking_taken(ctx: Context) -> Iterator[Finding]:
    """Every taak the regiovisie names is covered where it applies."""
    yield from _dekking_findings(ctx, "dekking-taken", "taak", "taken")

"""Rule vertrouwen at the level of needs: an actie or uitzondering lives in the file of its plan."""

from __future__ import annotations

from collections.abc import Iterator

from hgkm.model.findings import Finding
from hgkm.model.messages import vertrouwen as m
from hgkm.rules.context import Context, regel


@regel("vertrouwen")
def eigen_bestand(ctx: Context) -> Iterator[Finding]:
    """An actie or uitzondering stands in the file of its plan.

    The file is the unit of ownership (CODEOWNERS) and of review: an actie elsewhere
    could join another gemeente's plan without that gemeente's review.
    """
    for need in [*ctx.corpus.of_type("actie"), *ctx.corpus.of_type("uitzondering")]:
        for plan in ctx.corpus.resolve(need.link("plan"), "plan"):
            if need.docname and plan.docname and plan.docname != need.docname:
                yield m.ANDER_BESTAND.voor(
                    need, Soort=need.type.capitalize(), soort=need.type, plan=plan.id, plan_bestand=plan.bestand,
                    **ctx.waar(plan),
                )

"""Rule invoer: sphinx-needs' own findings and the build's warnings, located and in Dutch,
filed under the gemeente of the plan they are about (hgkm.rules.invoer translates them)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from hgkm.model.findings import Finding
from hgkm.rules import invoer
from hgkm.rules.context import Context, regel


@regel("invoer")
def invoer_meldingen(ctx: Context) -> Iterator[Finding]:
    """sphinx-needs' own findings (schema, links, options), located and in Dutch.

    Findings about an actie, uitzondering or plan are filed under its gemeenten, so
    the writer of that plan sees them in their own group.
    """
    for finding in invoer.findings(ctx.corpus):
        need = ctx.corpus.needs.get(finding.need_id)
        plan = ctx.corpus.plan_of(need) if need else None
        if plan is not None and not finding.gemeente:
            finding = replace(finding, **ctx.waar(plan))
        yield finding

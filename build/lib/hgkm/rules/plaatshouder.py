"""Rule plaatshouder (a warning): a need still holds a placeholder (VUL IN) of a template.

The skeleton of a new region (hgkm.tools.nieuwe_regio) builds and passes as it is, so a
region can start at once; this rule names, per item, every place that still says VUL IN.
"""

from __future__ import annotations

from collections.abc import Iterator

from hgkm.model.findings import Finding
from hgkm.model.messages import dekking as m
from hgkm.rules.context import Context, regel

PLAATSHOUDER = "VUL IN"
#: needs.json fields that are bookkeeping of sphinx-needs, not text a writer wrote
_INTERN = frozenset({"id", "type", "type_name", "docname", "doctype", "lineno", "external_url", "section_name"})


def plekken(need) -> list[str]:
    """Where a need still says VUL IN: its title, its text, its fields (by name)."""
    uit = ["de titel"] if PLAATSHOUDER in need.title else []
    if PLAATSHOUDER in str(need.fields.get("content") or ""):
        uit.append("de tekst")
    uit += [f":{naam}:" for naam, waarde in sorted(need.fields.items())
            if naam not in _INTERN and naam not in ("title", "content") and isinstance(waarde, str)
            and PLAATSHOUDER in waarde]
    return uit


@regel("plaatshouder")
def plaatshouders(ctx: Context) -> Iterator[Finding]:
    for need in ctx.corpus.needs.values():
        if waar := plekken(need):
            yield m.PLAATSHOUDER.voor(need, soort=need.type.capitalize(), waar=", ".join(waar))

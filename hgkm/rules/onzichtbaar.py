"""Rule vertrouwen for what a reader cannot see: no invisible character in a need's ID, title or fields.

A right-to-left override (U+202E) shows a title reversed to the reviewer of a pull
request, in the terminal and on the site, while the checks read it as written
(Trojan Source, CVE-2021-42574); a zero-width space makes two IDs or owners that
look the same differ. This rule reads the needs as sphinx-needs built them, in every
file, whatever the spelling of the block; the running text of the files in
requirements/ is scanned line by line (hgkm.sources.onzichtbaar). Which characters
count: hgkm.model.escaping.onzichtbaar. A required value with nothing else in it is
the `invoer` finding "leeg" (hgkm.rules.schema.onzichtbaar_leeg), not this one.
"""

from __future__ import annotations

from collections.abc import Iterator

from hgkm.model import declaration, escaping
from hgkm.model.corpus import Need
from hgkm.model.findings import Finding
from hgkm.model.messages import onzichtbaar as m
from hgkm.rules.context import Context, regel
from hgkm.rules.schema import verplicht_leeg

#: What a writer writes in a need: its ID, its title and the options of the metamodel
#: (the body text is running text: hgkm.sources.onzichtbaar).
VELDEN = ("id", "title", *declaration.option_names())


def waarden(need: Need) -> list[tuple[str, str]]:
    """Each written value of a need, with its field (a link or list gives one per entry)."""
    uit: list[tuple[str, str]] = []
    for naam, waarde in zip(VELDEN, map(need.fields.get, VELDEN)):  # 10,000 needs: map and zip keep it fast
        if waarde is None:
            continue
        if isinstance(waarde, str):
            uit.append((naam, waarde))
        elif isinstance(waarde, list):
            uit += ((naam, w) for w in waarde if isinstance(w, str))
    return uit


def _waar(naam: str, need: Need) -> str:
    veld = {"id": "de ID", "title": "de titel"}.get(naam, f":{naam}:")
    return f"{veld} van {need.type} {need.id}"


@regel("vertrouwen")
def onzichtbare_tekens(ctx: Context) -> Iterator[Finding]:
    for need in ctx.corpus.needs.values():
        alle = waarden(need)
        if not escaping.onzichtbaar(" ".join(waarde for _, waarde in alle)):
            continue  # the common case: one test per need
        leeg = None
        for naam, waarde in alle:
            if not (plekken := escaping.onzichtbaar(waarde)):
                continue
            if leeg is None:
                leeg = set(verplicht_leeg(need, ctx.corpus))
            if naam in leeg:
                continue  # the `invoer` finding says it: the field counts as empty
            plan = ctx.corpus.plan_of(need) if need.type in ("plan", "actie", "uitzondering") else None
            yield m.ONZICHTBAAR_TEKEN.voor(need, waar=_waar(naam, need), **escaping.plaats_in(waarde, plekken),
                                           **(ctx.waar(plan) if plan else {}))

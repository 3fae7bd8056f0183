"""Rule herbeoordeling (a warning): an actie was written against an older text of what it serves.

Each actie and uitzondering records the fingerprint of every item it serves as it read
when its owner last looked (hgkm.model.herijking). When an opgave, taak or principe
changes, each actie that serves it is named, with what changed: the words that differ
between the old text (from git, where there is history) and the new one.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from hgkm.model.findings import Finding
from hgkm.model.herijking import Verdacht, huidig, normaal, veldwaarde, verdacht
from hgkm.model.messages import herijking as m
from hgkm.rules.context import Context, regel
from hgkm.sources.history import huidige_tekst, oude_tekst

#: At most this many changed passages in one finding; the rest is "en meer".
MAX_WIJZIGINGEN = 3
#: Words of context around a change, so the writer finds it in the text.
OMGEVING = 3


def _kort(woorden: list[str]) -> str:
    tekst = " ".join(woorden)
    return tekst if len(tekst) <= 120 else tekst[:117] + "…"


def wijzigingen(oud: str, nieuw: str) -> list[str]:
    """The passages that differ between two texts, word by word, in plain Dutch."""
    a, b = normaal(oud).split(), normaal(nieuw).split()
    uit = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op == "replace":
            uit.append(f'"{_kort(a[i1:i2])}" werd "{_kort(b[j1:j2])}"')
        elif op == "delete":
            voor = " ".join(a[max(0, i1 - OMGEVING):i1])
            uit.append(f'"{_kort(a[i1:i2])}" is weggehaald' + (f' (na "{voor}")' if voor else ""))
        else:
            voor = " ".join(b[max(0, j1 - OMGEVING):j1])
            uit.append(f'"{_kort(b[j1:j2])}" is toegevoegd' + (f' (na "{voor}")' if voor else ""))
    return uit


def wat_veranderde(ctx: Context, geval: Verdacht) -> str:
    """What changed in the item, from its earlier text in git; or that the old text is not at hand."""
    oud = oude_tekst(ctx.srcdir, geval.item.bestand, geval.item.id, geval.oud) if ctx.srcdir else None
    if oud is None:
        return ("De oude tekst staat niet in de geschiedenis van dit project (git); vergelijk de tekst met "
                "de vorige versie van de regiovisie.")
    oude_titel, oude_inhoud = oud
    # the new text as written too (needs.json's text is rewritten for other sites)
    nieuw = huidige_tekst(ctx.srcdir, geval.item.bestand, geval.item.id) if ctx.srcdir else None
    nieuwe_titel, nieuwe_inhoud = nieuw or (geval.item.title, str(geval.item.fields.get("content") or ""))
    delen = [f"titel: {d}" for d in wijzigingen(oude_titel, nieuwe_titel)] + wijzigingen(oude_inhoud, nieuwe_inhoud)
    if not delen:
        return "De tekst is anders opgemaakt, maar de woorden zijn hetzelfde."
    meer = f" (en nog {len(delen) - MAX_WIJZIGINGEN} wijziging(en))" if len(delen) > MAX_WIJZIGINGEN else ""
    return "Wat veranderde: " + "; ".join(delen[:MAX_WIJZIGINGEN]) + meer + "."


@regel("herbeoordeling")
def herbeoordeling(ctx: Context) -> Iterator[Finding]:
    """Acties and uitzonderingen whose recorded fingerprint of an item no longer matches it."""
    for geval in verdacht(ctx.corpus):
        need = geval.need
        yield m.HERBEOORDELEN.voor(
            need, Soort=need.type.capitalize(), soort=need.type, titel=need.title, item=geval.item.id,
            item_titel=geval.item.title, wat=wat_veranderde(ctx, geval),
            waarde=veldwaarde(huidig(ctx.corpus, need)),  # what make bevestig writes **ctx.waar(ctx.corpus.plan_of(need)),
        )

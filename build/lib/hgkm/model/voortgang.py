"""Voortgang: how far each actie is at the peildatum, in words (never colour alone).

The status a plan gives (gepland, lopend, afgerond, vervallen) read against the dates:
an actie whose eind has passed while it is still gepland or lopend is *over tijd*; one
whose start has passed while still gepland is *niet gestart*. The `termijn` rule
(hgkm.rules.termijn) and the voortgang on the site both use this one reading.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from enum import StrEnum

from hgkm.model.corpus import Need, parse_date


class Voortgang(StrEnum):
    """The state of an actie at the peildatum, as a reader sees it."""

    AFGEROND = "afgerond"
    LOPEND = "lopend"
    OVER_TIJD = "over tijd"
    NIET_GESTART = "niet gestart"
    GEPLAND = "gepland"
    VERVALLEN = "vervallen"


#: The order in tables and totals: done first, then what needs attention.
VOLGORDE = [Voortgang.AFGEROND, Voortgang.LOPEND, Voortgang.OVER_TIJD, Voortgang.NIET_GESTART,
            Voortgang.GEPLAND, Voortgang.VERVALLEN]
#: Days before its geldig_tot that an uitzondering is named as expiring soon.
BINNENKORT_DAGEN = 90


def voortgang(actie: Need, peildatum: date) -> Voortgang:
    status = actie.status or ""
    if status == "afgerond":
        return Voortgang.AFGEROND
    if status == "vervallen":
        return Voortgang.VERVALLEN
    eind, start = parse_date(actie.get("eind")), parse_date(actie.get("start"))
    if status in ("gepland", "lopend") and eind is not None and eind < peildatum:
        return Voortgang.OVER_TIJD
    if status == "gepland" and start is not None and start < peildatum:
        return Voortgang.NIET_GESTART
    return Voortgang.LOPEND if status == "lopend" else Voortgang.GEPLAND


def telling(acties: list[Need], peildatum: date) -> Counter[Voortgang]:
    """How many acties are in each state (every state present, zero or more)."""
    counts: Counter[Voortgang] = Counter({v: 0 for v in VOLGORDE})
    counts.update(voortgang(a, peildatum) for a in acties)
    return counts


def samenvatting(counts: Counter[Voortgang]) -> str:
    """'3 afgerond, 5 lopend, 1 over tijd, …' (states with zero left out; 'geen acties' if none)."""
    delen = [f"{counts[v]} {v}" for v in VOLGORDE if counts[v]]
    return ", ".join(delen) if delen else "geen acties"

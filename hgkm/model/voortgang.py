"""Voortgang: how far each actie is at the peildatum, in words (never colour alone).

The status a plan gives (gepland, lopend, afgerond, vervallen) read against the dates:
an actie whose eind has passed while it is still gepland or lopend is *over tijd*; one
whose start has passed while still gepland is *niet gestart*. Once its regiovisie has
ended (its eind lies before the peildatum), an actie still gepland or lopend is *niet
afgerond bij afloop*, with the date the regiovisie ended: not late today, but unfinished
then. The `termijn` rule (hgkm.rules.termijn) and the voortgang on the site, in the PDF,
the downloads and the reports all use this one reading (pass the corpus).
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from enum import StrEnum

from hgkm.model.corpus import Corpus, Need, parse_date


class Voortgang(StrEnum):
    """The state of an actie at the peildatum, as a reader sees it."""

    AFGEROND = "afgerond"
    LOPEND = "lopend"
    OVER_TIJD = "over tijd"
    NIET_GESTART = "niet gestart"
    GEPLAND = "gepland"
    VERVALLEN = "vervallen"
    NIET_AFGEROND = "niet afgerond bij afloop"


#: The order in tables and totals of a running regiovisie: done first, then what needs attention.
VOLGORDE = [Voortgang.AFGEROND, Voortgang.LOPEND, Voortgang.OVER_TIJD, Voortgang.NIET_GESTART,
            Voortgang.GEPLAND, Voortgang.VERVALLEN]
#: The order of a regiovisie that has ended: every actie is afgerond, vervallen or was not finished.
VOLGORDE_AFGELOPEN = [Voortgang.AFGEROND, Voortgang.NIET_AFGEROND, Voortgang.VERVALLEN]
#: Every state, for a sentence over acties of any regiovisie.
ALLE = [*VOLGORDE[:4], Voortgang.NIET_AFGEROND, *VOLGORDE[4:]]
#: Days before its geldig_tot that an uitzondering is named as expiring soon.
BINNENKORT_DAGEN = 90


def afgelopen(regiovisie: Need | None, peildatum: date) -> date | None:
    """The eind of a regiovisie that has ended by the peildatum (its last day still counts), else None."""
    eind = parse_date(regiovisie.get("eind")) if regiovisie else None
    return eind if eind is not None and eind < peildatum else None


def afloop(actie: Need, peildatum: date, corpus: Corpus) -> date | None:
    """The date the regiovisie of the actie's plan ended, when it has ended by the peildatum."""
    return afgelopen(corpus.regiovisie_of(corpus.plan_of(actie)), peildatum)


def voortgang(actie: Need, peildatum: date, corpus: Corpus | None = None) -> Voortgang:
    """How far the actie is at the peildatum; with `corpus`, read against the end of its regiovisie."""
    status = actie.status or ""
    if status == "afgerond":
        return Voortgang.AFGEROND
    if status == "vervallen":
        return Voortgang.VERVALLEN
    if status in ("gepland", "lopend") and corpus is not None and afloop(actie, peildatum, corpus):
        return Voortgang.NIET_AFGEROND
    eind, start = parse_date(actie.get("eind")), parse_date(actie.get("start"))
    if status in ("gepland", "lopend") and eind is not None and eind < peildatum:
        return Voortgang.OVER_TIJD
    if status == "gepland" and start is not None and start < peildatum:
        return Voortgang.NIET_GESTART
    return Voortgang.LOPEND if status == "lopend" else Voortgang.GEPLAND


def telling(acties: list[Need], peildatum: date, corpus: Corpus | None = None) -> Counter[Voortgang]:
    """How many acties are in each state (every state of VOLGORDE present, zero or more; with
    `corpus`, also niet afgerond bij afloop when an actie is)."""
    counts: Counter[Voortgang] = Counter({v: 0 for v in VOLGORDE})
    counts.update(voortgang(a, peildatum, corpus) for a in acties)
    return counts


def samenvatting(counts: Counter[Voortgang]) -> str:
    """'3 afgerond, 5 lopend, 1 over tijd, …' (states with zero left out; 'geen acties' if none)."""
    delen = [f"{counts[v]} {v}" for v in ALLE if counts[v]]
    return ", ".join(delen) if delen else "geen acties"

"""Voortgang as HTML: how many acties are afgerond, lopend, over tijd, niet gestart at the
peildatum, per gemeente, per opgave and in total, and which acties are over tijd.

Every state is a word in its own column (never colour alone); the reading of an actie's
state is hgkm.model.voortgang, the same as the `termijn` rule's. A regiovisie that has ended
shows its unfinished acties as *niet afgerond bij afloop*, with the date it ended, not as
over tijd at today's peildatum.
"""

from __future__ import annotations

from html import escape
from typing import Any

from hgkm.model.corpus import Need
from hgkm.model.coverage import Dekking
from hgkm.model.voortgang import VOLGORDE, VOLGORDE_AFGELOPEN, Voortgang, afgelopen, samenvatting, telling, voortgang

#: The page renderer (hgkm.site.render.Renderer, which calls this module): its links,
#: tables and figures. Typed loosely so that this module does not import its caller.
Renderer = Any

def _volgorde(r: Renderer, m: Dekking) -> list[Voortgang]:
    return VOLGORDE_AFGELOPEN if afgelopen(m.regiovisie, r.stand.peildatum) else VOLGORDE


def _kop(volgorde: list[Voortgang]) -> list[str]:
    return [str(v).capitalize() for v in volgorde] + ["Totaal"]


def _peil(r: Renderer, m: Dekking) -> str:
    """'peildatum 2026-01-05', or for a regiovisie that has ended 'de regiovisie liep af op 2023-12-31'."""
    if eind := afgelopen(m.regiovisie, r.stand.peildatum):
        return f"de regiovisie liep af op {eind.isoformat()}"
    return f"peildatum {r.stand.peildatum.isoformat()}"


def acties_van(r: Renderer, m: Dekking, gemeente: Need) -> list[Need]:
    """The acties of the gemeente's plans under this regiovisie."""
    return [a for plan in m.plannen.get(gemeente.id, []) for a in r.stand.acties_per_plan.get(plan.id, [])]


def _cellen(acties: list[Need], r: Renderer, volgorde: list[Voortgang]) -> list[str]:
    counts = telling(acties, r.stand.peildatum, r.stand.corpus)
    return [str(counts[v]) for v in volgorde] + [str(len(acties))]


def _per_opgave(r: Renderer, m: Dekking, acties: list[Need], caption: str) -> str:
    volgorde = _volgorde(r, m)
    rijen = [(r.link(o, o.id, pagina=True) + f" {escape(o.title)}",
              _cellen([a for a in acties if o.id in a.link("opgaven")], r, volgorde)) for o in m.opgaven]
    return r.tabel(caption, ["Ontwikkelopgave", *_kop(volgorde)], rijen, [("Alle acties", _cellen(acties, r, volgorde))])


def regio(r: Renderer, over_tijd: bool) -> str:
    """Per regiovisie: voortgang per gemeente and per opgave; with `over_tijd` the list of overdue acties
    (of a regiovisie that has ended: the acties not finished when it ended)."""
    delen = []
    for m in r.stand.matrices:
        met_plan = [g for g in m.gemeenten if m.heeft_plan(g.id)]
        if not met_plan:
            delen.append(f"<h2>{escape(m.regiovisie.title)}</h2><p>Onder deze regiovisie staat nog geen "
                         "uitvoeringsplan in de kennisbank.</p>")
            continue
        per_gemeente = {g.id: acties_van(r, m, g) for g in met_plan}
        # an actie of a plan for several gemeenten counts once in the total
        alle = list({a.id: a for acties in per_gemeente.values() for a in acties}.values())
        volgorde, peil = _volgorde(r, m), _peil(r, m)
        delen.append(f"<h2>{escape(m.regiovisie.title)}</h2>")
        rijen = [(r.link(g, g.title, pagina=True), _cellen(per_gemeente[g.id], r, volgorde)) for g in met_plan]
        delen.append(r.tabel(f"Voortgang van de acties per gemeente ({peil})", ["Gemeente", *_kop(volgorde)],
                             rijen, [("Alle gemeenten", _cellen(alle, r, volgorde))]))
        delen.append(_per_opgave(r, m, alle, f"Voortgang per ontwikkelopgave, alle gemeenten ({peil})"))
        if over_tijd and (eind := afgelopen(m.regiovisie, r.stand.peildatum)):
            delen.append(_niet_afgerond(r, met_plan, per_gemeente, eind.isoformat()))
        elif over_tijd:
            delen.append(_over_tijd(r, met_plan, per_gemeente))
    return "".join(delen) or "<p>Er staat nog geen regiovisie met gemeenten in de kennisbank.</p>"


def _over_tijd(r: Renderer, gemeenten: list[Need], per_gemeente: dict[str, list[Need]]) -> str:
    delen = ["<h3>Acties over tijd</h3>"]
    for g in gemeenten:
        laat = [a for a in per_gemeente[g.id]
                if voortgang(a, r.stand.peildatum, r.stand.corpus) is Voortgang.OVER_TIJD]
        if laat:
            items = "".join(_regel_over_tijd(r, a) for a in sorted(laat, key=lambda a: (str(a.get("eind") or ""), a.id)))
            delen.append(f"<h4>{escape(g.title)}</h4><ul>{items}</ul>")
    if len(delen) == 1:
        delen.append("<p>Geen enkele actie is over tijd.</p>")
    return "".join(delen)


def _niet_afgerond(r: Renderer, gemeenten: list[Need], per_gemeente: dict[str, list[Need]], eind: str) -> str:
    """The acties of a regiovisie that has ended that were not finished when it ended."""
    delen = ["<h3>Niet afgerond bij afloop</h3>",
             f"<p>Deze regiovisie liep af op {escape(eind)}. Deze acties waren toen nog niet afgerond "
             "(de stand van toen, geen achterstand van vandaag):</p>"]
    for g in gemeenten:
        open_ = [a for a in per_gemeente[g.id]
                 if voortgang(a, r.stand.peildatum, r.stand.corpus) is Voortgang.NIET_AFGEROND]
        if open_:
            items = "".join(f"<li>{r.link(a, f'{a.id} {a.title}')}: status {escape(a.status or '')} op "
                            f"{escape(eind)}</li>" for a in sorted(open_, key=lambda a: a.id))
            delen.append(f"<h4>{escape(g.title)}</h4><ul>{items}</ul>")
    if len(delen) == 2:
        delen[1] = f"<p>Deze regiovisie liep af op {escape(eind)}. Alle acties waren toen afgerond of vervallen.</p>"
    return "".join(delen)


def _regel_over_tijd(r: Renderer, actie: Need) -> str:
    eigenaar = str(actie.get("eigenaar") or "")
    wie = f", eigenaar {escape(eigenaar)}" if eigenaar else ""
    return f"<li>{r.link(actie, f'{actie.id} {actie.title}')}: de einddatum {escape(str(actie.get('eind') or ''))} is voorbij{wie}</li>"


def gemeente(r: Renderer, m: Dekking, g: Need) -> str:
    """On a gemeente page: the voortgang of its acties under one regiovisie."""
    acties = acties_van(r, m, g)
    if not acties:
        return ""
    zin = samenvatting(telling(acties, r.stand.peildatum, r.stand.corpus))
    if eind := afgelopen(m.regiovisie, r.stand.peildatum):
        inleiding = f"Bij afloop van de regiovisie op {eind.isoformat()}"
    else:
        inleiding = f"Op de peildatum {r.stand.peildatum.isoformat()}"
    return (f"<h3>Voortgang</h3><p>{inleiding}: {escape(zin)}.</p>"
            + _per_opgave(r, m, acties, f"Voortgang van de acties van {escape(g.title)} per ontwikkelopgave"))

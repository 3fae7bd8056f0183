"""`make bevestig ACTIE=<id>` / `PLAN=<id>`: record that an owner looked at an actie again.

It sets the actie's (or uitzondering's) `:beoordeeld:` field to the fingerprints of the
items it serves as they are now (hgkm.model.herijking). Only that block's line changes,
in its own file: nothing else of the file, and no other plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hgkm.model.corpus import Corpus, Need
from hgkm.model.herijking import VELD, huidig, veldwaarde
from hgkm.sources.item_count import blokken, regels
from hgkm.tools.build import corpus_van

SOORTEN = ("actie", "uitzondering")


class BevestigFout(Exception):
    """A Dutch message: why nothing was recorded."""


@dataclass(frozen=True)
class Vastgelegd:
    need: Need
    waarde: str
    veranderd: bool


def te_bevestigen(corpus: Corpus, actie: str | None, plan: str | None) -> list[Need]:
    """The acties and uitzonderingen named: one by its id, or all of one plan."""
    if bool(actie) == bool(plan):
        raise BevestigFout("Noem één actie (ACTIE=UA-…) of één plan (PLAN=UP-…).")
    naam = actie or plan or ""
    need = corpus.needs.get(naam)
    if need is None:
        raise BevestigFout(f"Er is geen item met de ID {naam}. Controleer de spelling (hoofdletters en streepjes).")
    if actie:
        if need.type not in SOORTEN:
            raise BevestigFout(f"{naam} is een {need.type}; bevestigen kan alleen bij een actie of uitzondering.")
        return [need]
    if need.type != "plan":
        raise BevestigFout(f"{naam} is een {need.type}, geen plan. Schrijf PLAN=UP-… of ACTIE={naam}.")
    return [n for soort in SOORTEN for n in corpus.of_type(soort) if n.link("plan") == [naam]]


def herschrijf(tekst: str, need_id: str, waarde: str) -> str:
    """`tekst` with the `:beoordeeld:` line of block `need_id` set to `waarde` (added after its options)."""
    lines = regels(tekst)
    blok = next((b for b in blokken(lines) if b.need_id == need_id), None)
    if blok is None:
        raise BevestigFout(f"Het blok van {need_id} is niet gevonden in het bestand.")
    regel = f":{VELD}: {waarde}"
    bestaand = [nr for naam, nr, _ in blok.opties if naam == VELD]
    if bestaand:
        lines[bestaand[0] - 1] = regel
    else:
        laatste = max([blok.regelnummer, *(nr for _, nr, _ in blok.opties)])
        lines.insert(laatste, regel)
    return "\n".join(lines)


def bevestig(srcdir: Path, outdir: Path, actie: str | None = None, plan: str | None = None) -> list[Vastgelegd]:
    corpus = corpus_van(srcdir, outdir, "kan niet worden vastgelegd wat u hebt bekeken", hergebruik=True)
    uit = []
    for need in te_bevestigen(corpus, actie, plan):
        waarde = veldwaarde(huidig(corpus, need))
        if not waarde:
            uit.append(Vastgelegd(need, "", False))
            continue
        pad = Path(srcdir, need.bestand)
        oud = pad.read_text(encoding="utf-8")
        nieuw = herschrijf(oud, need.id, waarde)
        if nieuw != oud:
            pad.write_text(nieuw, encoding="utf-8")
        uit.append(Vastgelegd(need, waarde, nieuw != oud))
    return uit

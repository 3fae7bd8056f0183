"""Invisible characters in the text of the files in requirements/ (rule vertrouwen).

What the reviewer of a pull request reads must be what the checks read: no
right-to-left override that shows a line reversed, no zero-width space (Trojan
Source, CVE-2021-42574; which characters: hgkm.model.escaping.onzichtbaar). The
needs as sphinx-needs built them are the rule's (hgkm.rules.onzichtbaar, every
file); this scan covers every other line of the files that policy writers change
through pull requests (the plan and region tiers, hgkm.sources.trust), located to
the line. docs/ is the maintainers', and its generated pages repeat the titles that
are already reported where they are written.

In running text the soft hyphen is allowed (a browser shows it where it breaks a
line); on the opening line and the options of a need block it is not.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from hgkm.model import declaration, escaping
from hgkm.model.findings import Finding
from hgkm.model.messages import onzichtbaar as m
from hgkm.sources.item_count import blokken, regels
from hgkm.sources.trust import Laag, laag


def _waarde(need: Mapping[str, Any] | None, naam: str) -> bool:
    """Whether the built need holds an invisible character in this field (the rule reports it there)."""
    waarde = need.get(naam) if need is not None else None
    waarden = waarde if isinstance(waarde, list) else [waarde]
    return any(isinstance(w, str) and escaping.onzichtbaar(w) for w in waarden)


def findings(bestand: str, text: str, gebouwd: Mapping[int, Mapping[str, Any]] | None = None) -> Iterator[Finding]:
    """Each line of `text` with an invisible character, and the file's own name.

    `gebouwd`: the needs built from this file, by their first line; a line whose value the
    rule already reports (a title or option of such a need) is left to the rule.
    """
    if plekken := escaping.onzichtbaar(bestand):
        yield m.ONZICHTBAAR_TEKEN(bestand, 1, waar="de naam van dit bestand", **escaping.plaats_in(bestand, plekken))
    if laag(bestand) is Laag.BEHEER:
        return
    lines = regels(text)
    if all(not escaping.onzichtbaar(line, lopende_tekst=False) for line in lines):
        return  # the common case: no need to find the blocks
    gebouwd = gebouwd or {}
    typen, opties = set(declaration.type_names()), set(declaration.option_names())
    waarden: dict[int, tuple[Mapping[str, Any] | None, str]] = {}  # line -> (need, field) of a need value
    for blok in blokken(lines):
        if blok.naam in typen:
            need = gebouwd.get(blok.regelnummer)
            waarden[blok.regelnummer] = (need, "title")
            waarden.update((regel, (need, naam)) for naam, regel, _ in blok.opties if naam in opties)
    for nr, line in enumerate(lines, start=1):
        need, veld = waarden.get(nr, (None, ""))
        if not (plekken := escaping.onzichtbaar(line, lopende_tekst=not veld)):
            continue
        if veld and _waarde(need, veld):
            continue  # the rule reads it as built (hgkm.rules.onzichtbaar)
        yield m.ONZICHTBAAR_TEKEN(bestand, nr, waar=f"regel {nr}", **escaping.plaats_in(line, plekken))


def per_bestand(bronnen: Mapping[str, str], needs: Iterable[Mapping[str, Any]]) -> Iterator[Finding]:
    """`findings` for every source (path -> text), with the needs built from each."""
    gebouwd: dict[str, dict[int, Mapping[str, Any]]] = {}
    for need in needs:
        if need.get("docname") and isinstance(need.get("lineno"), int):
            bestand = f"{need['docname']}{need.get('doctype') or '.md'}"
            gebouwd.setdefault(bestand, {})[need["lineno"]] = need
    for bestand, text in bronnen.items():
        yield from findings(bestand, text, gebouwd.get(bestand))

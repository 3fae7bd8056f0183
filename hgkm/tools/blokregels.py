"""Characters in a block's lines that a writer cannot tell apart, named as what they are, with the column.

In GitHub's web editor a tab, a no-break space, a zero-width space, a byte-order mark or a
full-width colon (U+FF1A, from a Japanese or Chinese keyboard, or pasted) looks like a space,
nothing, or a colon. On the opening line or in the options of a block (`:start:\\t2024-03-01`)
the build then reads no option at all, and the writer gets what follows from that (no ID, a
value that "begins with | or >", an uncovered taak) instead of the cause. This scan names the
character and its column; `make check` shows it in place of those consequences.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from hgkm.model.findings import Finding
from hgkm.model.messages import onzichtbaar as m
from hgkm.sources.item_count import regels

#: What each character is, in the writer's words.
TEKENS = {
    "\t": "een tab",
    "\u00a0": "een harde spatie",
    "\u202f": "een smalle harde spatie",
    "\u2007": "een cijferspatie",
    "\u3000": "een brede spatie",
    "\u200b": "een spatie zonder breedte",
    "\u2060": "een woordverbinder zonder breedte",
    "\ufeff": "een byte-order-markering",
    "\uff1a": "een dubbele punt in volle breedte (in plaats van een gewone dubbele punt)",
}
_ZOEK = re.compile("[" + "".join(TEKENS) + "]")
_OPENING = re.compile(r"^\s*(?::::+|```+)\s*\{")
_OPTIE = re.compile(r"^[\s\ufeff\u200b]*[:\uff1a](?!::)")
#: What the build reports as a consequence of such a line (shown instead: the cause).
GEVOLGEN = {"id-ontbreekt", "opties-kapot"}


@dataclass(frozen=True)
class Blok:
    """The opening line and option lines of one block: first and last line number."""

    begin: int
    eind: int


def _blokken(lines: list[str]) -> Iterable[Blok]:
    i = 0
    while i < len(lines):
        if _OPENING.match(lines[i].lstrip("\ufeff\u200b")):
            j = i + 1
            while j < len(lines) and _OPTIE.match(lines[j]):
                j += 1
            yield Blok(i + 1, j)
            i = j
        else:
            i += 1


def _beschrijf(line: str, kolom: int) -> str:
    teken = line[kolom]
    naam = unicodedata.name(teken, "")
    wat = f"{TEKENS[teken]} (U+{ord(teken):04X}{', ' + naam if naam else ''})"
    veld = re.match(r"^\s*[:\uff1a]([A-Za-z_]+)[:\uff1a]", line)
    if veld and kolom >= veld.end() - 1 and teken != "\uff1a":
        return f"{wat} tussen :{veld[1]}: en de waarde" if kolom <= veld.end() else wat
    return wat


def _voorbeeld(line: str) -> str:
    schoon = _ZOEK.sub(lambda t: ":" if t[0] == "\uff1a" else " " if t[0] in "\t\u00a0\u202f\u2007\u3000" else "", line)
    return re.sub(r"^(\s*:[A-Za-z_]+:)\s*", r"\1 ", schoon).strip()


#: The syntax of an option line and of an opening line, up to its value (title); a value may hold a
#: no-break space, and its invisible characters are the onzichtbaar rule's.
_OPTIE_SYNTAX = re.compile(r"^[\s\ufeff\u200b\u2060]*[:\uff1a][A-Za-z_]+[:\uff1a][\t \u00a0\u202f\u2007\u3000]*")
_OPENING_SYNTAX = re.compile(r"^[\s\ufeff\u200b\u2060]*(?::{3,}|`{3,})(?:[^:`}\n][^}\n]*)?\}[\t \u00a0\u202f\u2007\u3000]*")


def _syntax(line: str, opening: bool) -> str:
    """The part of `line` a writer types as syntax (where none of these characters belongs)."""
    if found := (_OPENING_SYNTAX if opening else _OPTIE_SYNTAX).match(line):
        return found[0]
    return line.split(" ", 1)[0]  # e.g. :start：2024-03-01 (a full-width colon): the first word


def findings(bestand: str, text: str) -> list[tuple[Finding, Blok]]:
    """Each block line with such a character in its syntax (the first), and the block it stands in."""
    lines = regels(text)  # split as the build and the quick check split (hgkm.sources.item_count)
    uit = []
    for blok in _blokken(lines):
        for nr in range(blok.begin, blok.eind + 1):
            line = lines[nr - 1]
            if not (gevonden := _ZOEK.search(_syntax(line, nr == blok.begin))):
                continue
            kolom = gevonden.start()
            uit.append((m.TEKEN_IN_BLOKREGEL(
                bestand, nr, regel=str(nr), kolom=str(kolom + 1), teken=_beschrijf(line, kolom),
                wat="de openingsregel van een blok" if nr == blok.begin else "een veld van het blok",
                voorbeeld=_voorbeeld(line)), blok))
    return uit


def in_plaats_van_gevolgen(findings_: list[Finding], srcdir: Path | None, bestanden: Iterable[str]) -> list[Finding]:
    """`findings_` with the block-line findings of `bestanden` added, and their consequences left out."""
    if srcdir is None:
        return findings_
    oorzaken: list[tuple[Finding, Blok]] = []
    for bestand in sorted(set(bestanden)):
        pad = (srcdir / bestand).resolve()
        if not pad.is_relative_to(srcdir.resolve()):
            continue  # only the project's own files
        try:
            oorzaken += findings(bestand, pad.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue  # the build reports an unreadable file itself
    if not oorzaken:
        return findings_

    def gevolg(f: Finding) -> bool:
        if f.code == m.ONZICHTBAAR_TEKEN.code:  # the same character, named once
            return any(f.bestand == o.bestand and f.regelnummer == o.regelnummer for o, _ in oorzaken)
        return f.code in GEVOLGEN and any(
            f.bestand == o.bestand and b.begin <= (f.regelnummer or 0) <= b.eind for o, b in oorzaken)

    return [o for o, _ in oorzaken] + [f for f in findings_ if not gevolg(f)]


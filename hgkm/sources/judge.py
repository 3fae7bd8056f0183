"""What the parser handed over, judged: a directive's name, arguments, options and content.

The text scan (hgkm.sources.trust) reads the Markdown as text; MyST reads it as a parser
does, and a spelling the scan does not know (a block in a definition list, a footnote,
a list item inside a block quote, ...) reaches the parser all the same. So the boundary
that keeps code out sits here: hgkm.sources.gate hands every directive of a plan or
regio file to `directive` at the moment it runs, with the arguments, options and content
the parser produced, whatever the syntax around it was.

Refused, in a plan or regio file:

- a directive off the tier's allowlist;
- on an item (plan, actie, opgave, ...): a sphinx-needs option outside the metamodel
  (`:layout:`, `:jinja_content:`, `:template:`, ...), a dynamic function (`[[ ]]`) or a
  variant (`<< >>`) in the title, a value or the text, and a link with a condition
  (`OG-1[status == "x"]`: sphinx-needs evaluates the condition as Python);
- a block that reads a file (`image`, `figure`) from another site or outside the project,
  and a `csv-table` that reads a file or an address.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from hgkm.model import declaration
from hgkm.model.corpus import LINK_OPTIONS
from hgkm.model.messages import vertrouwen as m
from hgkm.model.messages.message import Message
from hgkm.model.messages.bronnen import SCRIPT_LINK
from hgkm.sources.item_count import kale_uri
from hgkm.sources.sanitize import onveilige_uri
from hgkm.sources.trust import LEZERS, RAUW, Laag, blokken_van, buiten, eigen_opties

#: sphinx-needs' evaluation syntax: a dynamic function `[[...]]` or a variant `<<...>>`
#: (both spelled as sphinx-needs' own parsers look for them; linear: no nested quantifier).
_REKENT = re.compile(r"\[\[|<<")
#: What a link value may be: an ID, or ID.part (sphinx-needs reads `[` as a condition).
_LINK = re.compile(r"[A-Za-z0-9_.\-]+")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:")  # ^: only ever used with match, and so checked as such
#: Blocks that read a file or an address named in their argument or options: judged in every tier.
PADLEZERS = LEZERS | {"csv-table"}


@dataclass(frozen=True)
class Bezwaar:
    """One refusal: the message, its values, and the line offset from the directive's line."""

    message: Message
    values: dict[str, object] = field(default_factory=dict)
    regel: int = 0


@cache
def _need_typen() -> frozenset[str]:
    return frozenset(declaration.type_names())


def rekent(text: str) -> bool:
    """Whether `text` carries sphinx-needs' evaluation syntax."""
    return bool(_REKENT.search(text))


def _optie_regel(block_text: str, optie: str) -> int:
    """The line offset of `:optie:` in the directive's text (0 when not found, e.g. YAML options)."""
    for nr, line in enumerate(block_text.split("\n")):
        if line.lstrip().startswith(f":{optie}:"):
            return nr
    return 0


def directive(naam: str, tier: Laag, bestand: str, root: Path | None, arguments: Sequence[str],
              options: Mapping[str, object], content: Iterable[str], content_offset: int,
              block_text: str) -> list[Bezwaar]:
    """Every reason why this directive, as parsed, may not run in `bestand` (tier `tier`).

    `content_offset` is the line offset of the first content line from the directive's
    own line; `block_text` the directive's text as the parser saw it (for option lines).
    """
    naam = naam.lower()
    if naam in RAUW:
        return [Bezwaar(m.RAUW)]
    toegestaan = blokken_van(tier)
    if toegestaan is None:  # maintainers' files (docs/): anything, but no file from outside
        return _tekstblok(naam, bestand, root, arguments, options, block_text)
    if naam not in toegestaan:
        return [Bezwaar(m.NIET_UITGEVOERD, {"naam": naam})]
    if naam in _need_typen():
        return _item(arguments, options, content, content_offset, block_text)
    return _tekstblok(naam, bestand, root, arguments, options, block_text)


def _item(arguments: Sequence[str], options: Mapping[str, object], content: Iterable[str], content_offset: int,
          block_text: str) -> list[Bezwaar]:
    found: list[Bezwaar] = []
    if rekent(" ".join(arguments)):
        found.append(Bezwaar(m.TITEL_REKENT))
    for optie, waarde in options.items():
        regel = _optie_regel(block_text, optie)
        tekst = "" if waarde is None else str(waarde)
        if optie in eigen_opties():
            found.append(Bezwaar(m.SPHINX_NEEDS_OPTIE, {"optie": optie}, regel))
        elif rekent(tekst):
            found.append(Bezwaar(m.WAARDE_REKENT, {"optie": optie}, regel))
        elif optie in LINK_OPTIONS and (fout := _geen_id(tekst)):
            found.append(Bezwaar(m.KOPPELING_VOORWAARDE, {"optie": optie, "waarde": fout}, regel))
    for nr, line in enumerate(content):
        if rekent(line):
            found.append(Bezwaar(m.TEKST_REKENT, {}, content_offset + nr))
    return found


def _geen_id(waarde: str) -> str | None:
    """The first part of a link value that is not an ID, or None when every part is one.

    A list in YAML's brackets (`[OG-1, OG-2]`) is a writer's slip, not a condition: the
    rule `invoer` explains it, so the brackets around the whole list are let through here.
    """
    waarde = waarde.strip()
    if waarde.startswith("[") and waarde.endswith("]") and waarde.count("[") == waarde.count("]") == 1:
        waarde = waarde[1:-1]
    for deel in re.split(r"[,;]", waarde):
        deel = deel.strip()
        if deel and not _LINK.fullmatch(deel):
            return deel
    return None


def _tekstblok(naam: str, bestand: str, root: Path | None, arguments: Sequence[str],
               options: Mapping[str, object], block_text: str) -> list[Bezwaar]:
    opening = f"{{{naam}}}"
    if naam in LEZERS and arguments:
        doel = arguments[0].strip()
        if _SCHEME.match(kale_uri(doel)) or kale_uri(doel).startswith("//"):
            return [Bezwaar(m.BLOK_ANDERE_SITE, {"opening": opening, "doel": doel})]
        if buiten(bestand, doel, root):
            return [Bezwaar(m.BLOK_BUITEN, {"opening": opening, "doel": doel})]
    if naam == "csv-table":
        return [Bezwaar(m.TABEL_ELDERS, {"optie": optie}, _optie_regel(block_text, optie))
                for optie in ("file", "url") if optie in options]
    if naam == "toctree":
        return [Bezwaar(SCRIPT_LINK, {}, nr + 1) for nr, line in enumerate(block_text.split("\n")[1:])
                if _toctree_adres(line)]
    return []


def _toctree_adres(line: str) -> bool:
    """Whether a toctree entry is an address that is not http(s) (Sphinx links any `x://` as is)."""
    entry = line.strip()
    doel = entry[entry.rfind("<") + 1:-1] if entry.endswith(">") and "<" in entry else entry
    return "://" in doel and onveilige_uri(doel)

"""The trust boundary: what a content file may use, decided by who owns the file.

A plan file is untrusted input. Policy writers of every gemeente change it through
pull requests, and reviewers read its Markdown, not the Python that Markdown can
start (a needs filter is evaluated as Python; `needextend` changes another
gemeente's items; `{include}` and friends publish files of the build machine).
So every content file belongs to one tier (`laag`), by its path, as CODEOWNERS
assigns it:

- `plan`: requirements/uitvoeringsplannen/ (each gemeente's team): plan, actie and
  uitzondering blocks, admonitions, tables, images, `{need}`/`{doc}`/`{ref}`;
- `regio`: the rest of requirements/ (the centrumgemeente): also the policy items,
  toctrees and the knowledge base's own read-only overviews;
- `beheer`: everything else (docs/, index.md: maintainers only): any directive.

Whatever the tier, nothing may read or publish a file outside the project or in a
hidden folder (.git holds CI's credentials), raw HTML blocks are refused, and no
image is loaded from another site.

Everything is decided here, once, on the source text:

- `findings` says, located and in Dutch, what is not allowed and what to use
  instead (rule `vertrouwen`, blocking);
- `ontsmet` removes the same constructs before MyST reads the file, so they never
  run, not even in a build that does not stop at warnings (`make check`);
- `bestanden` accounts for the files themselves: symlinks and plan files with
  another extension (which Sphinx would silently skip);
- `poort` is the last guard at the moment a directive runs (for a spelling the
  source scan might not know).
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path

from hgkm.model import declaration
from hgkm.model.corpus import LINK_OPTIONS
from hgkm.model.findings import Finding
from hgkm.model.messages import vertrouwen as m
from hgkm.model.messages.message import Message
from hgkm.sources.item_count import Blok, blokken, code_regels, kale_uri, regels, zonder_code
from hgkm.sources.links import links, rekent

REGEL = "vertrouwen"
PLANNEN = "requirements/uitvoeringsplannen/"
REGIO = "requirements/"


class Laag(StrEnum):
    """Who owns a content file, and so what it may use."""

    PLAN = "plan"
    REGIO = "regio"
    BEHEER = "beheer"


def laag(bestand: str) -> Laag:
    """The tier of a project-relative path."""
    if bestand.startswith(PLANNEN):
        return Laag.PLAN
    if bestand.startswith(REGIO):
        return Laag.REGIO
    return Laag.BEHEER


ADMONITIES = frozenset(
    {"note", "warning", "tip", "important", "attention", "caution", "danger", "error", "hint",
     "seealso", "admonition"}
)
#: Blocks for ordinary text, in every tier.
TEKSTBLOKKEN = ADMONITIES | {"list-table", "table", "csv-table", "image", "figure", "code-block", "code", "sourcecode"}
#: The knowledge base's own overviews (hgkm.site.dashboards): they only show needs.
OVERZICHTEN = frozenset({"item-lijst", "dekkingsmatrix", "stand-van-zaken", "gemeente-overzicht", "item-overzicht", "voortgang"})
PLAN_TYPEN = frozenset({"plan", "actie", "uitzondering"})
ROLLEN = frozenset({"need", "doc", "ref", "abbr", "sub", "sup"})
BEELDEN = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp"})  # no SVG: it can carry a script (sources/access.py)
#: Always refused: they put HTML in the page as is.
RAUW = frozenset({"raw", "eval-rst"})
#: Blocks that read a file named by their argument.
LEZERS = frozenset({"include", "literalinclude", "image", "figure"})


@cache
def blokken_van(tier: Laag) -> frozenset[str] | None:
    """The directives a tier may use; None: any (maintainers)."""
    if tier is Laag.PLAN:
        return TEKSTBLOKKEN | PLAN_TYPEN
    if tier is Laag.REGIO:
        return TEKSTBLOKKEN | OVERZICHTEN | set(declaration.type_names()) | {"toctree"}
    return None


@cache
def _need_opties() -> frozenset[str]:
    """The options of the metamodel: fields and links."""
    velden = {veld for per_type in declaration.type_fields().values() for veld in per_type}
    return frozenset(velden | set(LINK_OPTIONS) | {"id", "status", "tags"})


@cache
def eigen_opties() -> frozenset[str]:
    """sphinx-needs' own options beyond the metamodel (layout, template, jinja_content, ...).

    Any other unknown option is a typo: sphinx-needs itself reports it, with a suggestion.
    """
    from sphinx_needs.data import NeedsCoreFields

    return frozenset(set(NeedsCoreFields) | {"delete"}) - _need_opties()


# ------------------------------------------------------------------ findings


@dataclass(frozen=True)
class Bezwaar:
    """One construct that crosses the boundary: where, why, the fix, and how to disarm it."""

    regelnummer: int
    message: Message
    values: dict[str, object] = field(default_factory=dict)
    #: line numbers (1-based) to blank, or a replacement for one line
    leeg: tuple[int, ...] = ()
    vervang: tuple[int, str] | None = None

    def finding(self, bestand: str) -> Finding:
        return self.message(bestand, self.regelnummer, **self.values)


_CONTAINER = re.compile(r"^(?:[ \t]{0,3}(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?)+")
_ROL = re.compile(r"\{(?P<naam>[^{}\s`]+)\}(?=`)")
#: A link whose target stands on the next line (CommonMark allows one line break there).
_LINK_OPEN = re.compile(r"(?P<beeld>!?)\[(?P<tekst>[^\[\]]*)\]\(\s*$")
_DEFINITIE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(?P<doel><[^>]*>|\S+)")
_SCHEME = re.compile(r"^(?P<scheme>[a-z][a-z0-9+.-]*):")


def _zonder_container(line: str) -> str:
    """The line without blockquote and list markers: a fence can open inside them."""
    return _CONTAINER.sub("", line)


def _doel(doel: str) -> str:
    return doel[1:-1] if doel.startswith("<") and doel.endswith(">") else doel


def _pad_bezwaar(bestand: str, root: Path | None, doel: str, *, beeld: bool, tier: Laag) -> str | None:
    """Why a link or image target may not be used, or None when it may."""
    kaal = kale_uri(doel)
    if _SCHEME.match(kaal):
        if beeld:
            return "een afbeelding van een andere website (die site ziet dan elke bezoeker)"
        return None  # script links and other schemes: hgkm.sources.sanitize
    pad = doel.split("#", 1)[0].split("?", 1)[0]
    if not pad:
        return None  # an anchor on the same page
    if buiten(bestand, pad, root):
        return f"een bestand buiten de kennisbank ({doel})"
    if tier is not Laag.BEHEER and not beeld and Path(pad).suffix.lower() not in {".md", ".html", ""} | BEELDEN:
        return f"een los bestand om te downloaden ({doel})"
    return None


def buiten(bestand: str, pad: str, root: Path | None) -> bool:
    """Whether `pad`, named in `bestand` (project-relative), leaves the project or enters a hidden folder.

    Symlinks are followed: a link inside the project to a file outside is outside.
    """
    if pad.startswith("<"):
        return False  # no path given: MyST reports that itself
    pad = pad.replace("\\", "/")  # as a browser reads it
    rel = pad.lstrip("/") if pad.startswith("/") else posixpath.join(posixpath.dirname(bestand), pad)
    norm = posixpath.normpath(rel)
    if norm.startswith("..") or pad.startswith("//") or _SCHEME.match(pad.lower()):
        return True
    if any((deel.startswith(".") and deel not in (".", "..")) or deel == "_build" for deel in norm.split("/")):
        return True
    if root is not None:
        echt = Path(root, norm).resolve()
        return not echt.is_relative_to(Path(root).resolve())
    return False


#: Blocks inside blocks deeper than this make the Markdown parser recurse until Python stops
#: it (RecursionError at about 300); no page of a plan needs more than a few.
MAX_DIEPTE = 20


def _te_diep(bloks: list[Blok], lines: list[str]) -> Bezwaar | None:
    """The first block nested deeper than MAX_DIEPTE, as a finding that blanks its outermost block."""
    open_: list[Blok] = []
    for blok in sorted(bloks, key=lambda b: b.regelnummer):
        while open_ and (open_[-1].eind or len(lines)) < blok.regelnummer:
            open_.pop()
        open_.append(blok)
        if len(open_) > MAX_DIEPTE:
            buitenste = open_[0]
            einde = buitenste.eind if buitenste.eind is not None else len(lines)
            return Bezwaar(blok.regelnummer, m.TE_DIEP, {"maximum": MAX_DIEPTE, "buitenste": buitenste.regelnummer},
                           leeg=tuple(range(buitenste.regelnummer, einde + 1)))
    return None


def _blok_bezwaren(bestand: str, lines: list[str], root: Path | None, tier: Laag) -> Iterator[Bezwaar]:
    toegestaan = blokken_van(tier)
    gezien_binnen: set[int] = set()
    alle = list(blokken([_zonder_container(line) for line in lines]))
    if (diep := _te_diep(alle, lines)) is not None:
        yield diep
        gezien_binnen.update(diep.leeg)
    for blok in alle:
        if blok.regelnummer in gezien_binnen:
            continue
        naam = blok.naam.lower()
        if not naam:
            continue
        einde = blok.eind if blok.eind is not None else len(lines)
        heel = tuple(range(blok.regelnummer, einde + 1))
        opening = f"{{{blok.naam}}}"
        if naam in RAUW:
            yield Bezwaar(blok.regelnummer, m.RAUW, leeg=heel)
        elif toegestaan is not None and naam not in toegestaan:
            yield Bezwaar(blok.regelnummer, *_niet_toegestaan(opening, naam, tier), leeg=heel)
        elif naam in LEZERS and _SCHEME.match(blok.titel.strip().lower()):
            yield Bezwaar(blok.regelnummer, m.BLOK_ANDERE_SITE, {"opening": opening, "doel": blok.titel.strip()},
                          leeg=heel)
        elif naam in LEZERS and buiten(bestand, blok.titel.strip(), root):
            yield Bezwaar(blok.regelnummer, m.BLOK_BUITEN, {"opening": opening, "doel": blok.titel.strip()}, leeg=heel)
        else:
            yield from _optie_bezwaren(lines, blok, naam, tier, heel)
            continue
        gezien_binnen.update(heel)


def _optie_bezwaren(lines: list[str], blok: Blok, naam: str, tier: Laag, heel: tuple[int, ...]) -> Iterator[Bezwaar]:
    for optie, regel, waarde in blok.opties:
        if naam == "csv-table" and optie.lower() in ("file", "url"):
            yield Bezwaar(regel, m.TABEL_ELDERS, {"optie": optie}, leeg=heel)
    if tier is Laag.BEHEER or naam not in set(declaration.type_names()):
        return
    if rekent(blok.titel):
        yield Bezwaar(blok.regelnummer, m.TITEL_REKENT, leeg=heel)
    for optie, regel, waarde in blok.opties:
        if optie in eigen_opties():
            yield Bezwaar(regel, m.SPHINX_NEEDS_OPTIE, {"optie": optie}, leeg=(regel,))
        elif rekent(waarde):
            yield Bezwaar(regel, m.WAARDE_REKENT, {"optie": optie}, leeg=(regel,))
    body = blok.regelnummer + len(blok.opties) + 1  # first line after the options
    if body in heel[:-1] and lines[body - 1].strip() == "---":
        yield Bezwaar(blok.regelnummer, m.YAML_OPTIES, leeg=heel)


def _niet_toegestaan(opening: str, naam: str, tier: Laag) -> tuple[Message, dict[str, object]]:
    """The message for a block this tier may not use, by what the block would do."""
    values: dict[str, object] = {"opening": opening,
                                 "waar": "een uitvoeringsplan" if tier is Laag.PLAN else "een bestand van de regiovisie"}
    if naam in declaration.type_names():
        return m.ITEM_IN_PLAN, values
    if naam.startswith("need"):
        return m.FILTER_BLOK, values
    if naam in ("include", "literalinclude"):
        return m.INVOEG_BLOK, values
    if suggestie := difflib.get_close_matches(naam, sorted(blokken_van(tier) or ()), n=1, cutoff=0.75):
        return m.BLOK_TYPFOUT, {**values, "suggestie": suggestie[0]}
    return (m.BLOK_NIET_IN_PLAN if tier is Laag.PLAN else m.BLOK_NIET_IN_REGIO), values


def topmatter_regels(text: str) -> int:
    """How many lines at the top of `text` MyST reads as file settings (0: none).

    The same rule as myst_parser's `read_topmatter`: the first line starts with `---`
    (also `----` or `---x`), the settings end at the first later line that starts with
    `---` or `...`, or at the end of the file.
    """
    if not text.startswith("---"):
        return 0
    lines = text.splitlines()
    eind = next((i for i in range(1, len(lines)) if lines[i].startswith(("---", "..."))), len(lines) - 1)
    return eind + 1


def _front_matter(text: str) -> Bezwaar | None:
    if not (n := topmatter_regels(text)):
        return None
    return Bezwaar(1, m.INSTELLINGEN, leeg=tuple(range(1, n + 1)))


def _tekst_bezwaren(bestand: str, lines: list[str], root: Path | None, tier: Laag, skip: set[int]) -> Iterator[Bezwaar]:
    code = code_regels([_zonder_container(line) for line in lines])
    for nr, line in enumerate(lines, start=1):
        if nr in code or nr in skip:
            continue
        if "[" not in line and "{" not in line:
            continue  # every construct below (role, link, link definition) needs one of them
        tekst = zonder_code(line)
        nieuw = line
        redenen: list[tuple[Message, dict[str, object]]] = []
        if tier is not Laag.BEHEER:
            for rol in _ROL.finditer(tekst):
                if rol["naam"].lower() not in ROLLEN:
                    redenen.append((m.ROL_VERBODEN, {"rol": rol["naam"]}))
                    nieuw = nieuw.replace(rol.group(0), "", 1)
        for link in links(tekst):
            beeld = link.beeld
            if reden := _pad_bezwaar(bestand, root, _doel(link.doel), beeld=beeld, tier=tier):
                redenen.append((m.AFBEELDING_VERBODEN if beeld else m.LINK_VERBODEN, {"reden": reden}))
                nieuw = nieuw.replace(line[link.start:link.end], link.tekst, 1)
        if (o := _LINK_OPEN.search(tekst)) and nr < len(lines):
            beeld = bool(o["beeld"])
            doel = lines[nr].strip().split(")", 1)[0].split(" ", 1)[0]
            if reden := _pad_bezwaar(bestand, root, _doel(doel), beeld=beeld, tier=tier):
                redenen.append((m.LINK_VOLGENDE_REGEL, {"soort": "afbeelding" if beeld else "link", "reden": reden}))
                nieuw = nieuw[:o.start()] + o["tekst"] + " (" + nieuw[o.end():]
        if (d := _DEFINITIE.match(tekst)) and (reden := _pad_bezwaar(bestand, root, _doel(d["doel"]), beeld=False, tier=tier)):
            redenen.append((m.LINKDEFINITIE_VERBODEN, {"reden": reden}))
            nieuw = ""
        for message, values in redenen:
            yield Bezwaar(nr, message, values, vervang=(nr, nieuw))


def bezwaren(bestand: str, text: str, root: Path | None = None) -> list[Bezwaar]:
    """Everything in `text` (the file `bestand`, project-relative) that crosses the boundary."""
    lines = regels(text)
    tier = laag(bestand)
    result: list[Bezwaar] = []
    if tier is not Laag.BEHEER and (fm := _front_matter(text)):
        result.append(fm)
    result += _blok_bezwaren(bestand, lines, root, tier)
    weg = {nr for b in result for nr in b.leeg if len(b.leeg) > 1}
    result += _tekst_bezwaren(bestand, lines, root, tier, weg)
    return result


def findings(bestand: str, text: str, root: Path | None = None) -> Iterator[Finding]:
    for bezwaar in bezwaren(bestand, text, root):
        yield bezwaar.finding(bestand)


def ontsmet(text: str, bestand: str, root: Path | None = None) -> str:
    """`text` with every construct that crosses the boundary removed; line numbers kept."""
    found = bezwaren(bestand, text, root)
    if not found:
        return text
    lines = text.split("\n")
    for b in found:
        if b.vervang:
            lines[b.vervang[0] - 1] = b.vervang[1]
    for b in found:
        for nr in b.leeg:
            if 0 < nr <= len(lines):
                lines[nr - 1] = ""
    return "\n".join(lines)

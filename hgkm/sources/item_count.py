"""No content lost silently: count the need blocks in the sources against needs.json.

A policy writer's item can vanish without a word: a fence that is never closed
swallows the rest of the file into one block, and sphinx-needs refuses an item
with a bad or duplicate ID. This module reads the Markdown sources themselves,
finds every `:::{<type>}` / ```` ```{<type>} ```` opening of the ten need types
(and every fence that is never closed), and compares them per file with the
needs the build really made. Every item that is missing becomes a located
finding, unless a located build warning on that item already says why.

The scan follows MyST's fence rules: a fence closes at the first later line of
the same character, at least as long, with nothing else on it; the body of a
directive is Markdown again (scanned recursively), the body of a code block is
not (examples in code blocks are not counted).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from hgkm.model import declaration
from hgkm.model.corpus import LINK_OPTIONS
from hgkm.model.findings import Finding
from hgkm.model.messages import bronnen as msg
from hgkm.model.messages import vertrouwen

# Every pattern here runs on text anyone can propose, so each must take linear time on any
# line (tests/test_lineair.py runs a ReDoS checker over them). A lazy `.*?` before `\s*$` is
# not: on a long run of spaces it tries every split. So the patterns take the rest of the
# line as it is and the code strips it. Lines never hold a newline (regels splits on it).
_OPEN = re.compile(r"^\s*(?P<fence>:{3,}|`{3,}|~{3,})\s*(?P<info>.*)")
_DIRECTIVE = re.compile(r"^\{(?P<naam>[^{}\s]+)\}\s*(?P<titel>.*)")
_OPTION = re.compile(r"^\s*:(?P<naam>[\w-]+):\s*(?P<waarde>.*)")

#: Directives whose body is not Markdown (never scanned for need blocks).
LETTERLIJK = frozenset(
    {"code-block", "code", "sourcecode", "code-cell", "raw", "eval-rst", "math", "graphviz",
     "digraph", "graph", "csv-table", "literalinclude", "mermaid", "plantuml", "uml", "needuml"}
)


@dataclass(frozen=True)
class Blok:
    """One fenced block in a source file (line numbers are 1-based)."""

    naam: str  # directive name, "" for a plain code block
    regelnummer: int
    eind: int | None  # line of the closing fence; None: never closed
    fence: str
    titel: str = ""
    need_id: str = ""
    #: The options at the top of the body: (name, line, value).
    opties: tuple[tuple[str, int, str], ...] = ()

    @property
    def gesloten(self) -> bool:
        return self.eind is not None


def _sluiters(lines: list[str]) -> tuple[list[int], dict[int, tuple[str, int]]]:
    """The lines that can close a fence (one fence character repeated, nothing else on the
    line), in order, with their character and length: found once, not again for every
    block that looks for its end."""
    found: dict[int, tuple[str, int]] = {}
    for j, line in enumerate(lines):
        stripped = line.strip()
        if stripped and stripped[0] in ":`~" and stripped == stripped[0] * len(stripped):
            found[j] = (stripped[0], len(stripped))
    return list(found), found  # found in line order


def blokken(lines: list[str], offset: int = 0) -> Iterator[Blok]:
    """Every fenced block in `lines`, nested ones included, in source order."""
    return _blokken(lines, 0, len(lines), offset, _sluiters(lines))


def _blokken(lines: list[str], lo: int, hi: int, offset: int,
             sluiters: tuple[list[int], dict[int, tuple[str, int]]]) -> Iterator[Blok]:
    """The blocks in lines[lo:hi] (indices into `lines`; its first line is number offset + 1)."""
    volgorde, soort = sluiters
    i = lo
    while i < hi:
        m = _OPEN.match(lines[i])
        if not m or (m["fence"][0] == "`" and "`" in m["info"]):
            i += 1
            continue
        fence, info = m["fence"], m["info"].rstrip()
        # a fence closes at the first later line of the same character, at least as long
        close = None
        for k in range(bisect.bisect_right(volgorde, i), len(volgorde)):
            j = volgorde[k]
            if j >= hi:
                break
            char, length = soort[j]
            if char == fence[0] and length >= len(fence):
                close = j
                break
        end = close if close is not None else hi
        d = _DIRECTIVE.match(info)
        naam = d["naam"] if d else ""
        opties = []
        for nr in range(i + 1, end):
            opt = _OPTION.match(lines[nr])
            if not opt:
                break
            opties.append((opt["naam"], offset + nr + 1, opt["waarde"].rstrip()))
        need_id = next((waarde for optie, _, waarde in opties if optie == "id"), "")
        yield Blok(naam, offset + i + 1, None if close is None else offset + close + 1, fence,
                   d["titel"] if d else "", need_id, tuple(opties))
        if d and naam not in LETTERLIJK:
            yield from _blokken(lines, i + 1, end, offset, sluiters)
        i = end + 1


def regels(text: str) -> list[str]:
    """The lines of `text` as MyST numbers them (only newlines break a line)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


_BACKTICKS = re.compile(r"`+")


def code_spans(text: str) -> list[tuple[int, int]]:
    r"""The inline code spans in `text` (`...`, ``...``: shown, never read as markup), as (start, end).

    Exactly what `re.finditer(r"(`+)(.+?)\1", text)` finds, in linear time (that pattern
    is cubic on a run of backticks). From a backtick at `s` with R backticks from there on,
    the pattern opens with k backticks, largest k first, and closes at the first later run
    of at least k backticks on the same line (a code span never crosses a newline); a
    closing run may also lie inside the opening run when 2k + 1 <= R. So with L the
    longest later run on the line, k = max(min(R, L), (R - 1) // 2); k = 0 means no span
    starts anywhere in the rest of this run.
    """
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    regel = []  # the line number of each run
    nr, vorige = 0, 0
    for start, _ in runs:
        nr += text.count("\n", vorige, start)
        vorige = start
        regel.append(nr)
    langste = [0] * (len(runs) + 1)  # langste[j]: the longest run after run j on its line
    for j in range(len(runs) - 2, -1, -1):
        if regel[j + 1] == regel[j]:
            langste[j] = max(runs[j + 1][1] - runs[j + 1][0], langste[j + 1])
    spans: list[tuple[int, int]] = []
    pos, j = 0, 0
    while j < len(runs):
        start, end = runs[j]
        s = max(start, pos)
        if s >= end:
            j += 1
            continue
        r, later = end - s, langste[j]
        k = max(min(r, later), (r - 1) // 2)
        if k <= 0:
            j += 1
            continue
        if k > (r - 1) // 2:  # closed by the first later run of at least k on the line
            c = j + 1
            while runs[c][1] - runs[c][0] < k:
                c += 1
            spans.append((s, runs[c][0] + k))
            pos, j = runs[c][0] + k, c
        else:  # closed inside the opening run
            spans.append((s, s + 2 * k + 1))
            pos = s + 2 * k + 1
    return spans


def vervang_code(text: str, door: Callable[[str], str]) -> str:
    """`text` with each inline code span replaced by `door(span)`."""
    delen, vorige = [], 0
    for start, end in code_spans(text):
        delen += [text[vorige:start], door(text[start:end])]
        vorige = end
    return "".join(delen) + text[vorige:]


def zonder_code(line: str) -> str:
    """The line with inline code spans blanked out (same length, so columns stay)."""
    return vervang_code(line, lambda span: " " * len(span))


def kale_uri(uri: str) -> str:
    """A link target as a browser reads it: no whitespace or control characters, lower case, and
    a backslash as a slash (`/\\\\evil.example/a.png` is `//evil.example/a.png` to a browser)."""
    return re.sub(r"[\x00-\x20\x7f]+", "", uri).replace("\\", "/").lower()


def code_regels(lines: list[str]) -> set[int]:
    """The 1-based lines that are code (body of a code block or literal directive)."""
    result: set[int] = set()
    for blok in blokken(lines):
        if not blok.naam or blok.naam in LETTERLIJK:
            last = blok.eind if blok.eind is not None else len(lines) + 1
            result.update(range(blok.regelnummer + 1, last))
    return result


@dataclass(frozen=True)
class Item:
    """A need the build made: where it came from."""

    need_id: str
    bestand: str
    regelnummer: int | None


#: Build warnings (type, subtype) that say a need block did not become a need: its ID,
#: its title or its directive name is wrong. Other warnings in a block (an unknown
#: option, a dead link) leave the need in place, so they do not explain a missing one.
#: ("hgkm_bron", "vertrouwen"): the trust gate refused the block (hgkm.sources.gate).
NIET_GEMAAKT = frozenset({("needs", "create_need"), ("needs", "directive"), ("myst", "directive_unknown"),
                          ("hgkm_bron", "vertrouwen")})


def _uitgelegd(bestand: str, blok: Blok, meldingen: Iterable[Mapping]) -> bool:
    """Whether a located build warning already says why this block made no need."""
    last = blok.eind or blok.regelnummer
    return any(
        m.get("bestand") == bestand
        and isinstance(m.get("regelnummer"), int)
        and blok.regelnummer <= m["regelnummer"] <= last
        and ((m.get("type"), m.get("subtype")) in NIET_GEMAAKT or "could not be created" in str(m.get("bericht")))
        for m in meldingen
    )


def _optie_findings(bestand: str, blok: Blok) -> Iterator[Finding]:
    """An option given twice; a YAML list in an option that is not a link (links: hgkm.rules.invoer)."""
    gezien: dict[str, int] = {}
    for naam, regel, waarde in blok.opties:
        if naam in gezien:
            yield msg.OPTIE_TWEE_KEER(bestand, regel, blok.need_id, naam=naam, eerste=gezien[naam])
        gezien.setdefault(naam, regel)
        if naam not in LINK_OPTIONS and waarde.startswith("[") and waarde.endswith("]"):
            lijst = ", ".join(v.strip() for v in waarde[1:-1].split(",") if v.strip())
            yield msg.WAARDE_TUSSEN_HAKEN(bestand, regel, blok.need_id, naam=naam, lijst=lijst)


#: The longest line a content file may have. The longest in the knowledge base itself is
#: about 900 characters (a table row in requirements/gemeenten.md); a plan paragraph written
#: on one line, as some editors save it, runs to a few thousand. 5,000 leaves room for that,
#: while a line of 60,000 (which made the text scans take a minute before they were linear)
#: gets a finding: the scans stay fast on any line, but such a line is no text a reviewer reads.
MAX_REGEL = 5_000


def _getal(n: int) -> str:
    return f"{n:,}".replace(",", ".")  # Dutch thousands separator


def te_lange_regels(bestand: str, lines: list[str], maximum: int = MAX_REGEL) -> Iterator[Finding]:
    """A finding for every line longer than `maximum` characters."""
    for nr, line in enumerate(lines, start=1):
        if len(line) > maximum:
            yield msg.REGEL_TE_LANG(bestand, nr, lengte=_getal(len(line)), maximum=_getal(maximum))


def findings(
    bronnen: Mapping[str, str], items: Iterable[Item], meldingen: Iterable[Mapping] = ()
) -> Iterator[Finding]:
    """Lines over the cap, unclosed fences, and need blocks in `bronnen` (path -> text) without a need."""
    typen = set(declaration.type_names())
    meldingen = list(meldingen)
    per_bestand: dict[str, list[Item]] = {}
    for item in items:
        per_bestand.setdefault(item.bestand, []).append(item)
    for bestand, text in sorted(bronnen.items()):
        lines = regels(text)
        yield from te_lange_regels(bestand, lines)
        gemaakt = per_bestand.get(bestand, [])
        gemaakte_regels = {i.regelnummer for i in gemaakt}
        zonder_regel = {i.need_id for i in gemaakt if i.regelnummer is None}
        for blok in blokken(lines):
            opening = f"{blok.fence}{{{blok.naam}}}" if blok.naam else blok.fence
            if not blok.gesloten:
                yield msg.NIET_AFGESLOTEN(bestand, blok.regelnummer, blok.need_id, opening=opening, fence=blok.fence)
            if blok.naam not in typen:
                continue
            yield from _optie_findings(bestand, blok)
            if blok.regelnummer in gemaakte_regels or (blok.need_id and blok.need_id in zonder_regel):
                continue
            if _uitgelegd(bestand, blok, meldingen):
                continue
            wat = f"{blok.naam} {blok.need_id or blok.titel}".strip()
            yield msg.ITEM_VERDWENEN(bestand, blok.regelnummer, blok.need_id, wat=wat, regel=blok.regelnummer)


def dubbele_ids(bronnen: Mapping[str, str]) -> Iterator[Finding]:
    """An ID declared in two files, reported in each: sphinx-needs keeps the first file's item
    (in sorted order) and blames the second, so a new file could replace another gemeente's item."""
    plekken: dict[str, list[tuple[str, int]]] = {}
    for bestand, text in sorted(bronnen.items()):
        for blok in blokken(regels(text)):
            if blok.need_id.strip():
                plekken.setdefault(blok.need_id.strip(), []).append((bestand, blok.regelnummer))
    for need_id, waar in plekken.items():
        if len({bestand for bestand, _ in waar}) < 2:
            continue
        for bestand, regel in waar:
            ander, ander_regel = next((b, r) for b, r in waar if b != bestand)
            yield vertrouwen.ID_IN_ANDER_BESTAND(bestand, regel, need_id, need=need_id, ander=ander, regel=ander_regel)

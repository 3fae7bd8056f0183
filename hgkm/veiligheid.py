"""No script in the published pages: raw HTML and script links in content.

The site is public and anyone can propose a change. MyST would pass raw HTML
straight into the pages; hgkm.settings turns that syntax off (it then shows as
text) and allows links only to http(s) and e-mail. This module adds the two
things settings cannot do:

- `findings`: tell the writer, located and in Dutch, where the source holds HTML,
  a script link or a raw block, and what to write instead (rule `invoer`);
- `ontsmet`: remove those fragments from the source before MyST reads it, so not
  even their text (`onerror=`, `javascript:`) reaches the HTML or needs.json;
- `onveilige_uri` / `ontsmet_doctree`: a last guard on the parsed page, for links
  that reStructuredText inside `{eval-rst}` makes (MyST's URL schemes don't apply there).

Raw blocks and `{eval-rst}` are refused outright (the latter can write raw HTML and
script links in rST syntax); an include may only read files inside the project.

Code (code blocks, inline `code`) is left alone: there HTML is shown, not run.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from docutils import nodes

from hgkm.findings import Finding
from hgkm.telling import blokken, code_regels, regels

_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
_TAG_START = re.compile(r"</?[A-Za-z][\w-]*(?=[\s/>]|$)")
_COMMENT = re.compile(r"<!--")
_SCRIPT_SCHEME = re.compile(r"(?i)\b(?:java|vb)\s*script\s*:|(?<=\]\()\s*data\s*:|(?<=<)data\s*:")
_SCRIPT_LINK = re.compile(r"(?i)\[(?P<tekst>[^\]]*)\]\(\s*(?:(?:java|vb)\s*script|data)\s*:[^)]*\)+")
_HANDLER = re.compile(r"(?i)\bon[a-z]{3,}\s*=")
_RAW_FENCE = re.compile(r"^(?P<pre>\s*(?::{3,}|`{3,}|~{3,})\s*)\{(?:raw|eval-rst)\}.*$")
_RAW_RST = re.compile(r"^\s*\.\.\s+raw::")
_INCLUDE_FENCE = re.compile(r"^(?P<pre>\s*(?::{3,}|`{3,}|~{3,})\s*)\{(?:include|literalinclude)\}\s*(?P<pad>\S*).*$")
_SCHEME = re.compile(r"^(?P<scheme>[a-z][a-z0-9+.-]*):")
#: Link schemes a page may carry; a link without a scheme is relative (inside the site).
VEILIGE_SCHEMES = frozenset({"http", "https", "mailto"})

RAW_MELDING = (
    "Een raw- of eval-rst-blok zet HTML of scripts rechtstreeks in de pagina; dat mag niet "
    "op deze openbare site."
)
INCLUDE_MELDING = (
    "Dit blok haalt een bestand van buiten de kennisbank op ({pad}). Dat mag niet: het kan "
    "gegevens van de bouwmachine op de openbare site zetten."
)
INCLUDE_OPLOSSING = (
    "Verwijs alleen naar een bestand in de kennisbank, bijvoorbeeld  ```{include} ../CONTRIBUTING.md"
)
RAW_OPLOSSING = "Haal het blok weg en schrijf de inhoud als gewone tekst (zie de pagina Meldingen)."
MARKDOWN = "Schrijf gewone Markdown: **vet**, *schuin*, [tekst](https://…), lijsten met - (zie de pagina Meldingen)."


def _masked(line: str) -> str:
    """The line with inline code spans blanked out (same length)."""
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def onveilige_uri(uri: str) -> bool:
    """Whether a link target starts a script or leaves the web (javascript:, data:, file:, ...).

    Browsers ignore whitespace and control characters inside the scheme
    (`java\tscript:`), so they are dropped before the scheme is read.
    """
    kaal = re.sub(r"[\x00-\x20\x7f]+", "", uri).lower()
    m = _SCHEME.match(kaal)
    return bool(m) and m["scheme"] not in VEILIGE_SCHEMES


def buiten_project(bestand: str, pad: str) -> bool:
    """Whether an include in `bestand` (project-relative) reads a file outside the project."""
    if not pad or pad.startswith("<"):
        return False  # no path given: MyST reports that itself
    if pad.startswith("/") or _SCHEME.match(pad.lower()):
        return True
    return posixpath.normpath(posixpath.join(posixpath.dirname(bestand), pad)).startswith("..")


def _include_buiten(bestand: str | None, line: str) -> str | None:
    """The path of an include fence on `line` that leaves the project, else None."""
    m = _INCLUDE_FENCE.match(line)
    if m and bestand is not None and buiten_project(bestand, m["pad"]):
        return m["pad"]
    return None


def findings(bestand: str, text: str) -> Iterator[Finding]:
    """Every place in `text` where HTML, a script link or a raw block would be published."""
    lines = regels(text)
    code = code_regels(lines)
    for nr, line in enumerate(lines, start=1):
        if _RAW_FENCE.match(line) or _RAW_RST.match(line):
            yield Finding("invoer", "", bestand, nr, RAW_MELDING, RAW_OPLOSSING)
            continue
        if (pad := _include_buiten(bestand, line)) is not None:
            yield Finding("invoer", "", bestand, nr, INCLUDE_MELDING.format(pad=pad), INCLUDE_OPLOSSING)
            continue
        if nr in code:
            continue
        tekst = _masked(line)
        if _COMMENT.search(tekst):
            yield Finding(
                "invoer", "", bestand, nr,
                "Hier staat HTML-commentaar (<!-- … -->). HTML wordt niet verwerkt: de tekst komt "
                "gewoon op de pagina.",
                "Zet voor een regel die niet op de site mag een % aan het begin van de regel.",
            )
        elif m := _TAG_START.search(tekst):
            script = " met een script" if _HANDLER.search(tekst) or "script" in m.group(0).lower() else ""
            yield Finding(
                "invoer", "", bestand, nr,
                f"Hier staat HTML{script} ({m.group(0)}…). HTML wordt om veiligheidsredenen niet "
                "op de site gezet.",
                "Haal de HTML weg. " + MARKDOWN,
            )
        if _SCRIPT_SCHEME.search(tekst):
            yield Finding(
                "invoer", "", bestand, nr,
                "Hier staat een link die een script start (javascript:, vbscript: of data:). "
                "Zulke links zijn niet toegestaan.",
                "Gebruik alleen links die beginnen met https://, http:// of mailto:, "
                "bijvoorbeeld  [Veilig Thuis](https://veiligthuis.nl)",
            )


def _clean(segment: str) -> str:
    spans: list[str] = []

    def keep(m: re.Match[str]) -> str:
        spans.append(m.group(0))
        return f"\x00{len(spans) - 1}\x00"

    out = _CODE_SPAN.sub(keep, segment)
    out = _TAG.sub(lambda m: "\n" * m.group(0).count("\n"), out)
    out = _SCRIPT_LINK.sub(lambda m: m["tekst"], out)
    out = _SCRIPT_SCHEME.sub("", out)
    out = _HANDLER.sub("", out)
    return re.sub(r"\x00(\d+)\x00", lambda m: spans[int(m.group(1))], out)


def _verboden_inhoud(lines: list[str]) -> set[int]:
    """The body lines of raw and eval-rst blocks (refused with a finding)."""
    result: set[int] = set()
    for blok in blokken(lines):
        if blok.naam in ("raw", "eval-rst"):
            result.update(range(blok.regel + 1, blok.eind if blok.eind is not None else len(lines) + 1))
    return result


def ontsmet(text: str, bestand: str | None = None) -> str:
    """`text` without HTML tags, script links and raw blocks outside code; lines kept.

    With `bestand` (the project-relative path of `text`), an include of a file outside
    the project becomes a code block without the path too.
    """
    lines = text.split("\n")
    code = code_regels(lines)
    leeg = _verboden_inhoud(lines)
    out: list[str] = []
    run: list[str] = []
    for nr, line in enumerate(lines, start=1):
        if nr in leeg:
            line = ""  # the body of a refused block: not even shown as text
        if nr in code:
            if run:
                out.extend(_clean("\n".join(run)).split("\n"))
                run = []
            out.append(line)
        else:
            if _include_buiten(bestand, line) is not None:
                line = _INCLUDE_FENCE.sub(lambda m: m["pre"] + "{code-block} text", line)
            run.append(_RAW_FENCE.sub(lambda m: m["pre"] + "{code-block} text", line))
    if run:
        out.extend(_clean("\n".join(run)).split("\n"))
    return "\n".join(out)


def ontsmet_doctree(doctree: nodes.document) -> int:
    """Remove unsafe link targets from a parsed page; the number removed.

    The source checks above catch what a writer types in Markdown; this catches
    what a directive or rST produces, whatever the syntax.
    """
    weg = 0
    for node in doctree.findall(nodes.reference):
        if onveilige_uri(node.get("refuri", "")):
            del node["refuri"]
            weg += 1
    for node in list(doctree.findall(nodes.image)):
        if onveilige_uri(node.get("uri", "")):
            node.parent.remove(node)
            weg += 1
    return weg

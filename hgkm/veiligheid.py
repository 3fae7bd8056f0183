"""No script in the published pages: raw HTML and script links in content.

The site is public and anyone can propose a change. MyST would pass raw HTML
straight into the pages; hgkm.settings turns that syntax off (it then shows as
text) and allows links only to http(s) and e-mail. This module adds the two
things settings cannot do:

- `findings`: tell the writer, located and in Dutch, where the source holds HTML,
  a script link or a raw block, and what to write instead (rule `invoer`);
- `ontsmet`: remove those fragments from the source before MyST reads it, so not
  even their text (`onerror=`, `javascript:`) reaches the HTML or needs.json.

Code (code blocks, inline `code`) is left alone: there HTML is shown, not run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hgkm.findings import Finding
from hgkm.telling import code_regels, regels

_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
_TAG_START = re.compile(r"</?[A-Za-z][\w-]*(?=[\s/>]|$)")
_COMMENT = re.compile(r"<!--")
_SCRIPT_SCHEME = re.compile(r"(?i)\b(?:java|vb)\s*script\s*:|(?<=\]\()\s*data\s*:|(?<=<)data\s*:")
_SCRIPT_LINK = re.compile(r"(?i)\[(?P<tekst>[^\]]*)\]\(\s*(?:(?:java|vb)\s*script|data)\s*:[^)]*\)+")
_HANDLER = re.compile(r"(?i)\bon[a-z]{3,}\s*=")
_RAW_FENCE = re.compile(r"^(?P<pre>\s*(?::{3,}|`{3,}|~{3,})\s*)\{raw\}.*$")
_RAW_RST = re.compile(r"^\s*\.\.\s+raw::")

RAW_MELDING = "Een raw-blok zet HTML rechtstreeks in de pagina; dat mag niet op deze openbare site."
RAW_OPLOSSING = "Haal het blok weg en schrijf de inhoud als gewone tekst (zie de pagina Meldingen)."
MARKDOWN = "Schrijf gewone Markdown: **vet**, *schuin*, [tekst](https://…), lijsten met - (zie de pagina Meldingen)."


def _masked(line: str) -> str:
    """The line with inline code spans blanked out (same length)."""
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def findings(bestand: str, text: str) -> Iterator[Finding]:
    """Every place in `text` where HTML, a script link or a raw block would be published."""
    lines = regels(text)
    code = code_regels(lines)
    for nr, line in enumerate(lines, start=1):
        if _RAW_FENCE.match(line) or _RAW_RST.match(line):
            yield Finding("invoer", "", bestand, nr, RAW_MELDING, RAW_OPLOSSING)
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


def ontsmet(text: str) -> str:
    """`text` without HTML tags, script links and raw blocks outside code; lines kept."""
    lines = text.split("\n")
    code = code_regels(lines)
    out: list[str] = []
    run: list[str] = []
    for nr, line in enumerate(lines, start=1):
        if nr in code:
            if run:
                out.extend(_clean("\n".join(run)).split("\n"))
                run = []
            out.append(line)
        else:
            run.append(_RAW_FENCE.sub(lambda m: m["pre"] + "{code-block} text", line))
    if run:
        out.extend(_clean("\n".join(run)).split("\n"))
    return "\n".join(out)

"""No script in the published pages: raw HTML and script links in content.

The site is public and anyone can propose a change. MyST would pass raw HTML
straight into the pages; hgkm.settings turns that syntax off (it then shows as
text) and allows links only to http(s) and e-mail. This module adds the two
things settings cannot do:

- `findings`: tell the writer, located and in Dutch, where the source holds HTML
  or a script link, and what to write instead (rule `invoer`);
- `ontsmet`: remove those fragments from the source before MyST reads it, so not
  even their text (`onerror=`, `javascript:`) reaches the HTML or needs.json;
- `onveilige_uri` / `ontsmet_doctree`: a last guard on the parsed page, for links
  that a directive or reStructuredText makes (MyST's URL schemes don't apply there).

Which blocks a file may use at all (raw, include, needs filters, ...) is the trust
boundary's business: hgkm.sources.trust.

Code (code blocks, inline `code`) is left alone: there HTML is shown, not run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from docutils import nodes
from sphinx import addnodes

from hgkm.model.findings import Finding
from hgkm.model.messages import bronnen, vertrouwen
from hgkm.sources.item_count import code_regels, kale_uri, regels, vervang_code, zonder_code

_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
_TAG_START = re.compile(r"</?[A-Za-z][\w-]*(?=[\s/>]|$)")
_COMMENT = re.compile(r"<!--")
_SCRIPT_SCHEME = re.compile(r"(?i)\b(?:java|vb)\s*script\s*:|(?<=\]\()\s*data\s*:|(?<=<)data\s*:")
#: The part of a script link from its `](` up to the colon; the rest is found by `_script_links`
#: (`\[[^\]]*\]` tried from every `[` of a long run would scan to the end each time).
_SCRIPT_LINK_MIDDEN = re.compile(r"(?i)\]\(\s*(?:(?:java|vb)\s*script|data)\s*:")
_HANDLER = re.compile(r"(?i)\bon[a-z]{3,}\s*=")
_SCHEME = re.compile(r"^(?P<scheme>[a-z][a-z0-9+.-]*):")
#: Link schemes a page may carry; a link without a scheme is relative (inside the site).
VEILIGE_SCHEMES = frozenset({"http", "https", "mailto"})



def onveilige_uri(uri: str) -> bool:
    """Whether a link target starts a script or leaves the web (javascript:, data:, file:, ...).

    Browsers ignore whitespace and control characters inside the scheme
    (`java\tscript:`), so they are dropped before the scheme is read.
    """
    kaal = kale_uri(uri)
    m = _SCHEME.match(kaal)
    return bool(m) and m["scheme"] not in VEILIGE_SCHEMES


def findings(bestand: str, text: str) -> Iterator[Finding]:
    """Every place in `text` where HTML or a script link would be published."""
    lines = regels(text)
    code = code_regels(lines)
    for nr, line in enumerate(lines, start=1):
        if nr in code:
            continue
        tekst = zonder_code(line)
        if _COMMENT.search(tekst):
            yield bronnen.HTML_COMMENTAAR(bestand, nr)
        elif m := _TAG_START.search(tekst):
            script = " met een script" if _HANDLER.search(tekst) or "script" in m.group(0).lower() else ""
            yield bronnen.HTML(bestand, nr, script=script, tag=m.group(0))
        if _SCRIPT_SCHEME.search(tekst):
            yield bronnen.SCRIPT_LINK(bestand, nr)


def _script_links(text: str) -> Iterator[tuple[int, int, str]]:
    r"""Each script link `[tekst](javascript:...)` in `text`: (start, end, tekst).

    What `re.finditer(r"(?i)\[(?P<tekst>[^\]]*)\]\(\s*(?:(?:java|vb)\s*script|data)\s*:[^)]*\)+")`
    finds, in linear time. A link from a `[` runs to the first `]` after it, so every `[`
    between two `]` ends at the same one: the leftmost of them is the match when what follows
    that `]` is a script target, and none is when it is not.
    """
    pos, vorige = 0, -1  # vorige: the last `]` looked at
    while (k := text.find("]", max(pos, vorige + 1))) != -1:
        start = text.find("[", max(pos, vorige + 1), k)
        vorige = k
        if start == -1 or not (midden := _SCRIPT_LINK_MIDDEN.match(text, k)):
            continue
        sluit = text.find(")", midden.end())
        if sluit == -1:
            return  # no link closes after here
        end = sluit + 1
        while end < len(text) and text[end] == ")":
            end += 1
        yield start, end, text[start + 1:k]
        pos = end


def _zonder_script_links(text: str) -> str:
    """`text` with each script link replaced by its text."""
    delen, vorige = [], 0
    for start, end, tekst in _script_links(text):
        delen += [text[vorige:start], tekst]
        vorige = end
    return "".join(delen) + text[vorige:]


def _clean(segment: str) -> str:
    spans: list[str] = []

    def keep(span: str) -> str:
        spans.append(span)
        return f"\x00{len(spans) - 1}\x00"

    out = vervang_code(segment, keep)
    out = _TAG.sub(lambda m: "\n" * m.group(0).count("\n"), out)
    out = _zonder_script_links(out)
    out = _SCRIPT_SCHEME.sub("", out)
    out = _HANDLER.sub("", out)
    return re.sub(r"\x00(\d+)\x00", lambda m: spans[int(m.group(1))], out)


def ontsmet(text: str) -> str:
    """`text` without HTML tags and script links outside code; lines kept."""
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
            run.append(line)
    if run:
        out.extend(_clean("\n".join(run)).split("\n"))
    return "\n".join(out)


def _van_elders(uri: str) -> bool:
    """Whether an image would be loaded from another site (which then sees every reader)."""
    kaal = kale_uri(uri)
    return kaal.startswith("//") or bool(_SCHEME.match(kaal))


def ontsmet_doctree(doctree: nodes.document, buiten: Callable[[str], bool] | None = None,
                    meld: Callable[[nodes.Node, Finding], None] | None = None, *, downloads: bool = True) -> int:
    """Remove unsafe link targets and images from a parsed page; the number removed.

    The source checks catch what a writer types in Markdown; this catches what a
    directive or rST produces, whatever the syntax. `buiten(pad)` says whether a
    local path (relative to the page) leaves the project: such images and downloads
    are removed before Sphinx copies the file into the site. `meld(node, finding)`
    is told about each removal (the text scan, when it ran, has left none to find).
    Without `downloads` (plan and regio files), no link may offer a file to download:
    Sphinx would publish it as is, on the site's own address.
    """
    weg = 0

    def removed(node: nodes.Node, finding: Finding) -> None:
        nonlocal weg
        weg += 1
        if meld is not None:
            meld(node, finding)

    for node in list(doctree.findall(nodes.reference)):
        if onveilige_uri(node.get("refuri", "")):
            removed(node, bronnen.SCRIPT_LINK("", None))
            _zonder_link(node)
    for node in list(doctree.findall(nodes.image)):
        uri = node.get("uri", "")
        if onveilige_uri(uri) or _van_elders(uri):
            reden = "een afbeelding van een andere website (die site ziet dan elke bezoeker)"
        elif buiten is not None and buiten(uri):
            reden = f"een bestand buiten de kennisbank ({uri})"
        else:
            continue
        removed(node, vertrouwen.AFBEELDING_VERBODEN("", None, reden=reden))
        node.parent.remove(node)
    for node in list(doctree.findall(addnodes.download_reference)):
        doel = node.get("reftarget", "")
        if buiten is not None and buiten(doel):
            reden = f"een bestand buiten de kennisbank ({doel})"
        elif not downloads:
            reden = f"een los bestand om te downloaden ({doel})"
        else:
            continue
        removed(node, vertrouwen.LINK_VERBODEN("", None, reden=reden))
        node.replace_self(nodes.inline("", node.astext()))
    return weg


def regel_van(node: nodes.Node) -> int | None:
    """The source line of `node`, or of the nearest ancestor that knows it."""
    while node is not None:
        if getattr(node, "line", None):
            return node.line
        node = node.parent
    return None


def laatste_wacht(doctree: nodes.document) -> int:
    """After links are resolved (`doctree-resolved`): no reference with a script or other unsafe
    target, whichever directive made it (a toctree makes its external links after reading)."""
    weg = 0
    for node in list(doctree.findall(nodes.reference)):
        if onveilige_uri(node.get("refuri", "")):
            _zonder_link(node)
            weg += 1
    return weg


def _zonder_link(node: nodes.reference) -> None:
    """The link's text (or image) without the link: a reference without a target stops Sphinx's writer."""
    node.replace_self(node.children or [nodes.Text(node.astext())])

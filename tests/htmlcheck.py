"""What in a built page could run code: found by parsing the HTML, not by grepping.

Escaped text such as `&lt;img onerror=...&gt;` is harmless and is not reported;
a real `<script>` element, an `on*=` attribute or a `javascript:` URL is.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data"}
_BAD_SCHEME = re.compile(r"(?i)^\s*(javascript|vbscript|data):")
#: The theme's inline script that names the page differs per page only by name.
_PAGENAME = re.compile(r"DOCUMENTATION_OPTIONS\.pagename = '[^']*'")


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: set[str] = set()
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.found.add(f"<{tag} {name}=…>")
            if name.lower() in _URL_ATTRS and value and _BAD_SCHEME.match(value):
                self.found.add(f"<{tag} {name}={value[:40]}>")
        if tag == "script":
            src = dict(attrs).get("src") or ""
            self.found.add(f"<script src={src.replace('../', '')}>")
            self._in_script = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.found.add("inline script: " + _PAGENAME.sub("…", " ".join(data.split()))[:200])


def executable_parts(html: str) -> set[str]:
    """Scripts, event handlers and script URLs in `html` (theme parts included)."""
    finder = _Finder()
    finder.feed(html)
    return finder.found


def writer_code(page: str, theme_page: str) -> set[str]:
    """What in `page` could run code and is not the theme's own (as on `theme_page`)."""
    return executable_parts(page) - executable_parts(theme_page)

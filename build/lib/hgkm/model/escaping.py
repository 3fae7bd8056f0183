"""Text from content files, made safe for the medium that shows it.

Titles, eigenaars and messages come from plan files that anyone can propose. In a
terminal they must not carry rich markup (`[/]` made rich crash) or escape codes;
in the Markdown of a pull-request report or job summary they must not become
links, images, HTML, table cells or `@team` mentions that notify people.
"""

from __future__ import annotations

import re

from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Inline, only these make markup (a report line never starts with the text itself).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_MENTION = re.compile(r"@(?=\w)")


def terminal(text: str) -> Text:
    """For rich: never markup, no control or escape codes (newlines and tabs stay)."""
    return Text(_CONTROL.sub("", str(text)))


def markdown(text: str) -> str:
    """For GitHub Markdown: shown as written, on one line, never markup, HTML or a mention."""
    text = _CONTROL.sub("", str(text).replace("\r", " ").replace("\n", " "))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # a word joiner after @: GitHub makes no mention of it, a reader sees the same text
    return _MENTION.sub("@\u2060", text)


def code(text: str) -> str:
    """For inside a Markdown code span: a backtick would end it."""
    return _CONTROL.sub("", str(text)).replace("`", "'").replace("\n", " ")

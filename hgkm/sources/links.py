"""Links and dynamic values in a line of Markdown, found in linear time.

hgkm.sources.trust judges every link a content file makes and every value that sphinx-needs
would evaluate. The patterns it used for them took quadratic time on a long hostile line
(`[](` ten thousand times over); these scans find exactly the same, in one pass
(tests/test_lineair.py compares them with the old patterns).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

#: A link's text: no brackets, or one level of them ([a [b] c]).
_LINK_TEKST = re.compile(r"[^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*")
_NIET_WIT = re.compile(r"\S")
_WIT_OF_SLUIT = re.compile(r"[\s)]")


def rekent(tekst: str) -> bool:
    r"""Whether `tekst` holds a dynamic function (`[[`) or a variant (`<<` with `>>` after it on
    its line): what `re.search(r"\[\[|<<.*>>")` finds, without trying `.*` from every `<<`."""
    if "[[" in tekst:
        return True
    for regel in tekst.split("\n"):
        if (i := regel.find("<<")) != -1 and regel.find(">>", i + 2) != -1:
            return True
    return False


class Link(NamedTuple):
    start: int
    end: int
    beeld: bool
    tekst: str
    doel: str


class _Volgende:
    """The first match of a one-character pattern at or after a position, remembered: many
    links that start inside one long run ask for the same end (linear instead of quadratic)."""

    def __init__(self, patroon: re.Pattern[str], text: str) -> None:
        self.patroon, self.text = patroon, text
        self.van, self.tot = 1, 0  # every position in [van, tot] has its answer at tot

    def __call__(self, i: int) -> int:
        if not self.van <= i <= self.tot:
            m = self.patroon.search(self.text, i)
            self.van, self.tot = i, m.start() if m else len(self.text)
        return self.tot


def links(tekst: str) -> Iterator[Link]:
    r"""Every inline link and image `[tekst](doel "titel")` in a line, left to right.

    Exactly what this pattern finds with finditer, in linear time:
    `(?P<beeld>!?)\[(?P<tekst>(?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*(?P<doel><[^>]*>|[^\s)]*)(?:\s+["'(][^)]*)?\)`.
    Tried from every `[` of a run like `[](` x 10,000, that pattern scans the whole rest of
    the run each time. Its parts backtrack only where written out below; every other run
    can only end at its first possible end, which `_Volgende` remembers between links.
    """
    n = len(tekst)
    niet_wit, stop = _Volgende(_NIET_WIT, tekst), _Volgende(_WIT_OF_SLUIT, tekst)

    def titel(x: int) -> int | None:  # `\s+["'(][^)]*\)` at x: its end
        if x >= n or not tekst[x].isspace():
            return None
        r = niet_wit(x)
        if r >= n or tekst[r] not in "\"'(" or (sluit := tekst.find(")", r + 1)) == -1:
            return None
        return sluit + 1

    def na_doel(x: int) -> int | None:  # an optional title, then `)`
        if (end := titel(x)) is not None:
            return end
        return x + 1 if x < n and tekst[x] == ")" else None

    def staart(q: int) -> tuple[int, str] | None:  # `\s*` doel title? `)` at q: (end, doel)
        p = niet_wit(q)
        if p < n and tekst[p] == "<" and (g := tekst.find(">", p + 1)) != -1 and (end := na_doel(g + 1)) is not None:
            return end, tekst[p:g + 1]
        e = stop(p)
        if (end := na_doel(e)) is not None:
            return end, tekst[p:e]
        if p > q and (end := titel(p - 1)) is not None:  # `\s*` gives one space back: empty doel
            return end, ""
        return None

    pos = 0
    while (x := tekst.find("[", pos)) != -1:
        k = _LINK_TEKST.match(tekst, x + 1).end()
        if tekst.startswith("](", k) and (gevonden := staart(k + 2)) is not None:
            end, doel = gevonden
            beeld = x - 1 >= pos and tekst[x - 1] == "!"
            yield Link(x - 1 if beeld else x, end, beeld, tekst[x + 1:k], doel)
            pos = end
        else:
            pos = x + 1

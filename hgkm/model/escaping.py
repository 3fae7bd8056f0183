"""Text from content files, made safe for the medium that shows it.

Titles, eigenaars and messages come from plan files that anyone can propose. In a
terminal they must not carry rich markup (`[/]` made rich crash) or escape codes;
in the Markdown of a pull-request report or job summary they must not become
links, images, HTML, table cells or `@team` mentions that notify people.

Nor may they carry what a reader cannot see (Trojan Source, CVE-2021-42574): a
right-to-left override shows a title reversed, a zero-width space makes an empty
field look filled in. `onzichtbaar` finds such characters (the checks refuse them:
hgkm.rules.onzichtbaar, hgkm.sources.onzichtbaar); every output here replaces them
with a visible marker such as `<U+202E>`, so a reviewer sees what the checks see.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

#: Unicode's own classes of what shows nothing: format characters (bidirectional controls,
#: zero-width characters, tag characters, the soft hyphen, the byte order mark), control
#: characters (C0, DEL, C1: ANSI escape codes) and the line and paragraph separators.
ONZICHTBARE_CATEGORIEEN = frozenset({"Cf", "Cc", "Zl", "Zp"})
#: Beyond those classes, characters that show as nothing or only change their neighbour:
#: the combining grapheme joiner, the Hangul fillers and the Braille blank (letters and
#: symbols to Unicode, blank on screen), and the variation selectors (VS17-256 carry
#: hidden data in "emoji smuggling"). VS15/VS16 directly after a symbol are allowed below.
_OOK_ONZICHTBAAR = re.compile("[\u034f\u115f\u1160\u3164\uffa0\u2800\ufe00-\ufe0f\U000e0100-\U000e01ef]")
#: Tab and newline are layout, shown as such (reports put a line on one line themselves). A carriage
#: return is not: in a terminal it moves back to the start of the line and overwrites what was there.
_OPMAAK = frozenset("\t\n")
ZACHT_AFBREEKSTREEPJE = "\u00ad"
_ZWJ = "\u200d"
_EMOJISTIJL = frozenset("\ufe0e\ufe0f")
#: Unicode's Bidi_Control property: these change the reading direction of what follows.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ZONDER_BREEDTE = frozenset("\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u180e")


def _symbool(text: str, i: int) -> bool:
    return 0 <= i < len(text) and unicodedata.category(text[i]) == "So"


def _toegestaan(text: str, i: int) -> bool:
    """A character of the suspect kinds that an emoji needs: VS16 after a symbol (❤️), and a
    zero-width joiner between two symbols (👩‍💻); the symbols themselves are visible."""
    c = text[i]
    if c in _EMOJISTIJL:
        return _symbool(text, i - 1)
    if c == _ZWJ:
        voor = i - 2 if i >= 2 and text[i - 1] in _EMOJISTIJL else i - 1
        return _symbool(text, voor) and _symbool(text, i + 1)
    return False


def onzichtbaar(text: str, *, lopende_tekst: bool = False) -> list[int]:
    """The positions of the characters in `text` that a reader cannot see.

    In running text (`lopende_tekst`) the soft hyphen is allowed: a browser shows it as a
    hyphen where it breaks a line. In an ID, title or field nothing breaks, so it never
    shows, and it makes two values that look the same differ. Spaces (also the
    non-breaking space) are visible as space; letters with accents are letters.
    """
    if text.isprintable() and not _OOK_ONZICHTBAAR.search(text):
        return []  # the common case, decided in C
    return [
        i for i, c in enumerate(text)
        if c not in _OPMAAK
        and (unicodedata.category(c) in ONZICHTBARE_CATEGORIEEN or _OOK_ONZICHTBAAR.match(c))
        and not (lopende_tekst and c == ZACHT_AFBREEKSTREEPJE)
        and not _toegestaan(text, i)
    ]


def zonder_onzichtbaar(text: str) -> str:
    """`text` as a reader sees it: without the characters that show nothing."""
    if text.isprintable() and not _OOK_ONZICHTBAAR.search(text):
        return text
    return "".join(c for c in text if c not in _EMOJISTIJL and not _OOK_ONZICHTBAAR.match(c)
                   and unicodedata.category(c) not in ONZICHTBARE_CATEGORIEEN)


def leeg(text: str) -> bool:
    """Whether `text` shows nothing: only spaces and invisible characters (or nothing at all)."""
    return not zonder_onzichtbaar(text).strip()


#: A word a reader can read: a run of visible characters with at least one letter or digit.
_WOORD = re.compile(r"[^\W_]")


def woorden(text: str) -> list[str]:
    """The words a reader sees in `text`: the runs between spaces that hold a letter or digit
    ("-", "...", "—" and "n.v.t" count as none, one and none, one)."""
    return [w for w in zonder_onzichtbaar(text).split() if _WOORD.search(w)]


def zonder_tekst(text: str) -> bool:
    """Whether `text` holds no letter or digit a reader sees: nothing, spaces, invisible characters,
    punctuation, dashes or symbols only ("-", ".", "…", "—", "👍"). One notion of visible text:
    `leeg` is the part of it that shows nothing at all."""
    return not _WOORD.search(zonder_onzichtbaar(text))


def tekens(text: str) -> int:
    """How many letters and digits a reader sees in `text`."""
    return sum(c.isalnum() for c in zonder_onzichtbaar(text))


def markering(c: str) -> str:
    """The visible stand-in of one character: <U+202E>."""
    return f"<U+{ord(c):04X}>"


def beschrijving(c: str) -> str:
    """One character for a message: code point, Unicode name and what it does, in Dutch."""
    if c in _BIDI:
        wat = "verandert de leesrichting"
    elif c in _ZONDER_BREEDTE:
        wat = "een teken zonder breedte"
    elif c == ZACHT_AFBREEKSTREEPJE:
        wat = "een zacht afbreekstreepje"
    elif "\U000e0000" <= c <= "\U000e007f":
        wat = "een verborgen label"
    elif unicodedata.category(c) == "Cc":
        wat = "een stuurteken"
    elif unicodedata.category(c) in ("Zl", "Zp"):
        wat = "een regelscheiding"
    elif "\ufe00" <= c <= "\ufe0f" or "\U000e0100" <= c <= "\U000e01ef":
        wat = "kiest de vorm van het teken ervoor"
    else:
        wat = "een onzichtbaar teken"
    naam = unicodedata.name(c, "")
    return f"U+{ord(c):04X} ({naam}, {wat})" if naam else f"U+{ord(c):04X} ({wat})"


def plaats_in(text: str, plekken: list[int], breedte: int = 24) -> dict[str, str]:
    """Where the first invisible character of `text` stands and which it is, for a message
    (hgkm.model.messages.onzichtbaar): "na 'Inzet van '", the character, and the others."""
    eerste = plekken[0]
    voor = text[:eerste]
    if not voor.strip():
        plek = "aan het begin"
    else:
        plek = f"na '{'…' if len(voor) > breedte else ''}{zichtbaar(voor[-breedte:])}'"
    andere = list(dict.fromkeys(f"U+{ord(text[i]):04X}" for i in plekken[1:]))
    meer = ""
    if len(plekken) > 1:
        lijst = ", ".join(andere[:5]) + (", …" if len(andere) > 5 else "")
        meer = f", en nog {len(plekken) - 1} {'ander' if len(plekken) == 2 else 'andere'} ({lijst})"
    return {"plek": plek, "teken": beschrijving(text[eerste]), "meer": meer}


def zichtbaar(text: str, *, lopende_tekst: bool = False) -> str:
    """`text` with every invisible character replaced by its marker (tab and newline stay)."""
    plekken = onzichtbaar(text, lopende_tekst=lopende_tekst)
    if not plekken:
        return text
    delen, vorige = [], 0
    for i in plekken:
        delen += [text[vorige:i], markering(text[i])]
        vorige = i + 1
    return "".join([*delen, text[vorige:]])


#: Inline, only these make markup (a report line never starts with the text itself).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_MENTION = re.compile(r"@(?=\w)")


def terminal(text: str) -> Text:
    """For rich: never markup; control, escape and invisible characters as markers (newlines and tabs stay)."""
    from rich.text import Text

    return Text(zichtbaar(str(text)))


def markdown(text: str) -> str:
    """For GitHub Markdown: shown as written, on one line, never markup, HTML or a mention."""
    text = zichtbaar(str(text).replace("\r\n", " ").replace("\r", " ").replace("\n", " "))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # a word joiner after @ (added after the markers): GitHub makes no mention of it, a reader sees the same text
    return _MENTION.sub("@\u2060", text)


def code(text: str) -> str:
    """For inside a Markdown code span: a backtick would end it."""
    return zichtbaar(str(text).replace("\n", " ")).replace("`", "'")

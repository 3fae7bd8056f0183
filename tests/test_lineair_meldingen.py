"""Linear time on warning text and need fields (issue 28 follow-up): scans of text a writer chose.

A Sphinx or sphinx-needs warning can quote plan text (a literal block, the reason a need
was not made, an option name), and a need's content goes into needs.json. The patterns
below took quadratic time on such text, from every later start; recheck (tests/test_lineair.py)
flagged them. Their replacements find exactly what they found (differential tests against
the old patterns) and read a megabyte of hostile text.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from hgkm.hooks.collector import zonder_soort
from hgkm.model import coverage
from hgkm.rules import invoer
from hgkm.site import needs_export

#: The patterns before the fix, as references.
OUD_WRONG_TYPE = re.compile(
    r"Need '(?P<need>[^']+)' link '(?P<target>[^']*)' in field '(?P<field>[^']+)': "
    r"target need type '(?P<actual>[^']+)' is not one of (?P<allowed>.+?) \("
)
OUD_OPTIE = re.compile(r"'(?P<naam>[^']+)': Unknown option key: '(?P<option>[^']+)' \(allowed: \[(?P<mag>[^\]]*)\]\)")
OUD_CODE = re.compile(r"""Lexing literal_block .* as "(?P<taal>[^"]+)" resulted in an error""")
OUD_NIET_GEMAAKT = re.compile(r"Need could not be created: (?P<reason>.+?)(?: \[|$)")
OUD_TYPE_SUFFIX = re.compile(r"( \[[\w.-]+\])+$")
OUD_KENMERK = re.compile(r"[\w./-]*\d[\w./-]*")
OUD_DOC_ROLE = re.compile(r"\{doc\}`(?:(?P<text>[^`<]*?)\s*<(?P<target>[^`>]+)>|(?P<bare>[^`]+))`")

_VOORBEELDEN = settings(max_examples=500, deadline=None)


def _stukken(*stukken: str) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(stukken), max_size=14).map("".join)


def _oud(patroon: re.Pattern[str], text: str) -> dict[str, str] | None:
    return found.groupdict() if (found := patroon.search(text)) else None


_KOP = "Need 'a' link 'b' in field 'c': target need type 'd' is not one of "


@_VOORBEELDEN
@given(_stukken(_KOP, "Need '", "' link '", "' in field '", "': target need type '", "' is not one of ",
                "'", " (", "(", " ", "a", "\n", "''"))
def test_wrong_type_as_the_pattern_found_it(text: str) -> None:
    assert invoer._verkeerde_soort(text) == _oud(OUD_WRONG_TYPE, text)


@_VOORBEELDEN
@given(_stukken("'a': Unknown option key: 'b' (allowed: [", "'", "': Unknown option key: '", "' (allowed: [",
                "]", ")", "])", "a", " ", "\n", "["))
def test_unknown_option_key_as_the_pattern_found_it(text: str) -> None:
    assert invoer._optie_onbekend(text) == _oud(OUD_OPTIE, text)


@_VOORBEELDEN
@given(_stukken("Lexing literal_block ", ' as "', '"', '" resulted in an error', "py", "a", " ", "\n", "as"))
def test_lexing_error_as_the_pattern_found_it(text: str) -> None:
    assert invoer._CODE_ONGELDIG(text) == _oud(OUD_CODE, text)


@_VOORBEELDEN
@given(_stukken("Need could not be created: ", " [", "[", " ", "a", "\n", "]"))
def test_need_not_created_as_the_pattern_found_it(text: str) -> None:
    assert invoer._NIET_GEMAAKT(text) == _oud(OUD_NIET_GEMAAKT, text)


@_VOORBEELDEN
@given(_stukken(" [", "[", "]", " ", "a", "é", "_", ".", "-", "!", "\n", " [sn.x]"))
def test_type_suffix_removed_as_the_pattern_removed_it(text: str) -> None:
    assert zonder_soort(text) == OUD_TYPE_SUFFIX.sub("", text)


@_VOORBEELDEN
@given(_stukken("{doc}`", "`", "<", ">", " ", "\t", "a", "\n", "{doc}", "/b"))
def test_doc_roles_read_as_before(text: str) -> None:
    def gelezen(patroon: re.Pattern[str]) -> list[tuple]:
        return [(m.span(), (m["text"] or "").strip(), m["target"], m["bare"]) for m in patroon.finditer(text)]

    assert gelezen(needs_export._DOC_ROLE) == gelezen(OUD_DOC_ROLE)
    titels = {"b": "Bee"}
    nieuw = needs_export.portable(text, "x", titels, "https://voorbeeld.nl/")
    assert nieuw == _oud_portable(text, titels)


@_VOORBEELDEN
@given(_stukken("a", "1", "٣", "-", ".", "/", " ", "Z/24/", "2024", ",", "\n", "_"))
def test_kenmerken_as_the_pattern_found_them(text: str) -> None:
    assert coverage.kenmerken(text) == OUD_KENMERK.findall(text)


def _oud_portable(content: str, titels: dict[str, str]) -> str:
    """needs_export.portable with the old pattern (the reference)."""
    old, needs_export._DOC_ROLE = needs_export._DOC_ROLE, OUD_DOC_ROLE
    try:
        return needs_export.portable(content, "x", titels, "https://voorbeeld.nl/")
    finally:
        needs_export._DOC_ROLE = old


def test_the_translations_still_read_the_warnings() -> None:
    """Must trigger: each warning in the form sphinx-needs and Pygments write it; must not: a near miss."""
    melding = {"bestand": "docs/x.md", "regelnummer": 3}

    def code(bericht: str) -> str:
        return invoer.build_finding({**melding, "bericht": bericht}, None).code

    assert code(_KOP + "opgave, actie (see the metamodel)") == "verkeerde-soort"
    assert code("'actie': Unknown option key: 'stauts' (allowed: [status, id])") == "blok-optie-onbekend"
    assert code('Lexing literal_block "x = (" as "python" resulted in an error at token') == "code-ongeldig"
    assert code("Need could not be created: bad id [needs.create]") == "item-niet-gemaakt"
    ongedaan = invoer.ONVERTAALD
    assert code(_KOP + "opgave, actie") == ongedaan  # no " (": not this warning
    assert code("'actie': Unknown option key: 'stauts' (allowed: [status, id]") == ongedaan
    assert code('Lexing literal_block "x" as "python" went fine') == ongedaan
    assert code("Need could not be created: \nlater") == ongedaan


#: Text that took quadratic time before: a head repeated without the end it waits for.
VIJANDIG = {
    "verkeerde-soort": lambda n: _KOP * (n // len(_KOP)) + "\n",
    "optie": lambda n: "'i': Unknown option key: 'd' (allowed: [a" * (n // 41),
    "code": lambda n: 'Lexing literal_block  as "_' * (n // 27),
    "niet-gemaakt": lambda n: "Need could not be created: b" * (n // 28) + "\n",
    "soort": lambda n: " [-]" * (n // 4) + "[",
    "doc": lambda n: "{doc}`>" + "\t" * n,
    "kenmerk": lambda n: "-" * n + "\x000",
}


def test_the_warning_scans_run_on_a_megabyte_of_hostile_text() -> None:
    """Each hostile text of 1 MB, then the same with the end it waited for: with the old
    patterns each took hours; now well under a second. No time is asserted (the machine is
    shared): a quadratic scan would not end in the suite's run."""
    n = 1024 * 1024
    tekst = {naam: maak(n) for naam, maak in VIJANDIG.items()}
    assert all(len(t) > n * 0.9 for t in tekst.values())
    assert invoer._verkeerde_soort(tekst["verkeerde-soort"]) is None
    assert invoer._verkeerde_soort(tekst["verkeerde-soort"][:-1] + "x (")["allowed"].endswith("one of x")
    assert invoer._optie_onbekend(tekst["optie"]) is None
    assert invoer._optie_onbekend(tekst["optie"] + "])")["mag"] == tekst["optie"][40:]  # from the first head
    assert invoer._CODE_ONGELDIG(tekst["code"]) is None
    assert invoer._CODE_ONGELDIG(tekst["code"] + '" resulted in an error') == {"taal": "_"}
    assert invoer._NIET_GEMAAKT(tekst["niet-gemaakt"] + "x") is None
    assert invoer._NIET_GEMAAKT(tekst["niet-gemaakt"]) == {"reason": tekst["niet-gemaakt"][27:-1]}
    assert zonder_soort(tekst["soort"]) == tekst["soort"]
    assert zonder_soort(tekst["soort"][:-1]) == ""
    assert needs_export.portable(tekst["doc"], "x", {}, "") == tekst["doc"]
    assert coverage.kenmerken(tekst["kenmerk"]) == ["0"]
    assert coverage.besluit_onvindbaar("Besluit van de raad, kenmerk " + "-" * n) == ["wanneer (de datum) of met welk kenmerk"]
    assert needs_export.portable(tekst["doc"] + "`", "x", {}, "") == "&gt;"  # a bare target
    assert needs_export.portable("{doc}`Zie" + "\t" * n + "<b>`", "x", {"b": "Bee"}, "") == "Zie"

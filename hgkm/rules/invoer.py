"""sphinx-needs' own findings, made located and Dutch (the `invoer` rule).

sphinx-needs checks each need against the metamodel (required fields, allowed
values, link targets, the ID pattern). Its schema messages carry no file:line
(sphinx-needs #1606) and are English; its build warnings are English. This module
turns both into findings a policy writer can act on. It checks nothing itself.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from hgkm.model import declaration
from hgkm.model.corpus import Corpus
from hgkm.model.findings import Finding
from hgkm.model.messages import invoer as m
from hgkm.model.messages import vertrouwen
from hgkm.model.messages.message import Message
from hgkm.rules.schema import schema_findings

# ------------------------------------------------------------ build warnings

# A warning can quote a writer's text (a literal block, a reason, an option), so every scan
# here takes linear time (issue 28; tests/test_lineair.py). A pattern whose open end (`.+?`,
# `.*`, `[^\]]*`) would be retried from every later start is a fixed head (a pattern that
# recheck calls linear) plus a string scan that remembers where a tried start failed.

_WRONG_TYPE_KOP = re.compile(
    r"Need '(?P<need>[^']+)' link '(?P<target>[^']*)' in field '(?P<field>[^']+)': "
    r"target need type '(?P<actual>[^']+)' is not one of "
)
_OPTIE_KOP = re.compile(r"'(?P<naam>[^']+)': Unknown option key: '(?P<option>[^']+)' \(allowed: \[")


def _regeleinde(text: str, i: int) -> int:
    """The index of the first newline at or after i (len(text) when none)."""
    eind = text.find("\n", i)
    return len(text) if eind < 0 else eind


def _verkeerde_soort(text: str) -> dict[str, str] | None:
    """As the pattern `<kop>(?P<allowed>.+?) \\(` searched: the first " (" after the head, on its line."""
    pos, mislukt = 0, (-1, -1)  # a failed head end and its line end: no " (" between them
    while found := _WRONG_TYPE_KOP.search(text, pos):
        pos, e = found.start() + 1, found.end()
        if not mislukt[0] <= e <= mislukt[1]:
            eind = _regeleinde(text, e)
            if (q := text.find(" (", e + 1, eind)) >= 0:
                return {**found.groupdict(), "allowed": text[e:q]}
            mislukt = (e, eind)
    return None


def _optie_onbekend(text: str) -> dict[str, str] | None:
    """As `<kop>(?P<mag>[^\\]]*)\\]\\)` searched: the first "]" after the head, then ")"."""
    pos, mislukt = 0, (-1, -1)  # a failed head end and the first "]" after it (len: none)
    while found := _OPTIE_KOP.search(text, pos):
        pos, e = found.start() + 1, found.end()
        if not mislukt[0] <= e <= mislukt[1]:
            q = text.find("]", e)
            if q >= 0 and text.startswith(")", q + 1):
                return {**found.groupdict(), "mag": text[e:q]}
            mislukt = (e, len(text) if q < 0 else q)
    return None


def _regelgebonden(kop: str, staart: Callable[[str, int, int], dict[str, str] | None]) -> Callable[[str], dict[str, str] | None]:
    """A search for the literal `kop` followed by a part that stays on its line: `staart(text,
    begin, regeleinde)`. When a start fails, every later start on that line fails the same way."""

    def zoek(text: str) -> dict[str, str] | None:
        s, mislukt = text.find(kop), -1
        while s >= 0:
            b = s + len(kop)
            if b > mislukt:
                eind = _regeleinde(text, b)
                if (found := staart(text, b, eind)) is not None:
                    return found
                mislukt = eind
            s = text.find(kop, s + 1)
        return None

    return zoek


def _taal(text: str, b: int, eind: int) -> dict[str, str] | None:
    """` .* as "(?P<taal>[^"]+)" resulted in an error`: the last ` as "` on the line that fits."""
    a = text.rfind(' as "', b, eind)
    while a >= 0:
        begin = a + 5
        sluit = text.find('"', begin)
        if sluit > begin and text.startswith('" resulted in an error', sluit):
            return {"taal": text[begin:sluit]}
        a = text.rfind(' as "', b, a + 4)
    return None


def _reden(text: str, b: int, eind: int) -> dict[str, str] | None:
    """`(?P<reason>.+?)(?: \\[|$)`: up to the first " [" on the line, or to the end of the text."""
    if b == eind:
        return None
    if (q := text.find(" [", b + 1, eind)) >= 0:
        return {"reason": text[b:q]}
    return {"reason": text[b:eind]} if eind >= len(text) - 1 else None


#: As `Lexing literal_block .* as "(?P<taal>[^"]+)" resulted in an error` searched.
_CODE_ONGELDIG = _regelgebonden("Lexing literal_block ", _taal)
#: As `Need could not be created: (?P<reason>.+?)(?: \[|$)` searched.
_NIET_GEMAAKT = _regelgebonden("Need could not be created: ", _reden)

_TRANSLATIONS: list[tuple[re.Pattern[str] | Callable[[str], dict[str, str] | None], Message]] = [
    (re.compile(r"Need '(?P<need>[^']+)' has unknown outgoing link '(?P<target>[^']*)' in field '(?P<field>[^']+)'"), m.DODE_KOPPELING),
    (re.compile(r"Unknown option ''"), m.OPTIE_ZONDER_NAAM),
    (re.compile(r"Unknown option '(?P<option>[^']+)'"), m.OPTIE_ONBEKEND),
    (re.compile(r"Given ID '(?P<need>[^']+)' does not match configured regex"), m.ID_ONGELDIG),
    (re.compile(r"A need with ID '?(?P<need>[^' ]+)'? already exists"), m.ID_DUBBEL),
    (re.compile(r"Unknown directive type:? ''"), m.BLOK_ZONDER_SOORT),
    (re.compile(r"Unknown directive type:? '?(?P<directive>[^'\s.]+)"), m.BLOK_ONBEKEND),
    (re.compile(r"No ID defined, but 'needs_id_required'"), m.ID_ONTBREEKT),
    (re.compile(r"Invalid value for 'id' option: 'id' must not be empty"), m.ID_LEEG),
    (re.compile(r"No title given, but title is required"), m.TITEL_ONTBREEKT),
    (re.compile(r"(?:Field|Link option) '(?P<field>[^']+)' (?:is not nullable|has unknown value|is invalid)"), m.VELD_ONGELDIG),
    (re.compile(r"Field '(?P<field>[^']+)' is not declared on need type '(?P<soort>[^']+)' and cannot be set in need '(?P<need>[^']+)'"), m.VELD_HOORT_ELDERS),
    # mistakes in the plain text around the items (MyST and Sphinx report them in English)
    (re.compile(r"Non-consecutive header level increase; H(?P<van>\d) to H(?P<naar>\d)"), m.KOP_SLAAT_OVER),
    (re.compile(r"Document headings start at H(?P<naar>\d), not H1"), m.EERSTE_KOP),
    (re.compile(r"cross-reference target not found: '(?P<doel>[^']+)'"), m.LINK_WERKT_NIET),
    (re.compile(r"linked need (?P<doel>\S+) not found"), m.VERWIJZING_WERKT_NIET),
    (re.compile(r"image file not readable: (?P<doel>\S+)"), m.AFBEELDING_ONTBREEKT),
    (re.compile(r'Unknown interpreted text role "(?P<rol>[^"]+)"'), m.ROL_ONBEKEND),
    (re.compile(r"""Directive "include": file not found: '(?P<pad>[^']+)'"""), m.INCLUDE_ONTBREEKT),
    (re.compile(r"'(?P<naam>[^']+)': Unknown option key: ''"), m.BLOK_OPTIE_ZONDER_NAAM),
    (_optie_onbekend, m.BLOK_OPTIE_ONBEKEND),
    (re.compile(r"'(?P<naam>[^']+)': Splitting content across first line and body, when an options block is present"), m.BLOK_TEKST_EN_OPTIES),
    # MyST reads the options YAML-like: a value starting with | or > (or an unclosed quote) breaks all of them
    (re.compile(r"'(?P<naam>[^']+)': Invalid options format"), m.OPTIES_KAPOT),
    (re.compile(r"Pygments lexer name '(?P<taal>[^']*)' is not known"), m.CODE_TAAL_ONBEKEND),
    (_CODE_ONGELDIG, m.CODE_ONGELDIG),
    (re.compile(r"'(?P<naam>[^']+)': Has content, but none permitted"), m.BLOK_GEEN_TEKST),
    (re.compile(r"'(?P<naam>[^']+)': Invalid option value for '(?P<option>[^']+)': (?P<waarde>[^:]*):"), m.BLOK_WAARDE_PAST_NIET),
    (re.compile(r"Directive '(?P<naam>[^']+)': (?P<aantal>\d+) argument\(s\) required, 0 supplied"), m.BLOK_ARGUMENT_ONTBREEKT),
    (re.compile(r'(?:Content block expected for the|The) "(?P<naam>[^"]+)" directive'
                   r'(?:; none found| requires content; none supplied)'), m.BLOK_LEEG),
    (re.compile(r"""Directive ["'](?P<naam>[^"']+)["']"""), m.BLOK_ANDERS),
    (_NIET_GEMAAKT, m.ITEM_NIET_GEMAAKT),
]


def _suggestion(word: str, candidates: list[str]) -> tuple[str, str]:
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    if not close:
        return "", ""
    return f" (bedoelt u {close[0]}?)", f", bijvoorbeeld {close[0]}"


def relative(bestand: str, root: Path | None) -> str:
    """A path relative to the project, as policy writers see it in their editor."""
    if root and bestand:
        # the path as named first (a symlink is reported where it stands), then resolved
        for pad, basis in ((Path(os.path.abspath(bestand)), Path(os.path.abspath(root))),
                           (Path(bestand).resolve(), root.resolve())):
            if pad.is_relative_to(basis):
                return str(pad.relative_to(basis))
    return bestand


# Build warnings that need more than a template: another place, or the need itself.
_DEAD_LINK = re.compile(
    r"Need '(?P<need>[^']+)' has unknown outgoing link '(?P<target>[^']*)' in field '(?P<field>[^']+)'"
)
_NO_TITLE = re.compile(r"toctree contains reference to document '(?P<doc>[^']+)' that doesn't have a title")
_NOT_IN_TOCTREE = re.compile(r"document isn't included in any toctree")
_MISSING_DOC = re.compile(r"toctree contains reference to nonexisting document '(?P<doc>[^']+)'")
_RAW_DISABLED = re.compile(r'"raw" directive disabled')


def _special(melding: dict, bestand: str, corpus: Corpus | None) -> Finding | None:
    """Translations that need more than a template (or None)."""
    text = str(melding.get("bericht", ""))
    regel = melding.get("regelnummer")
    if isinstance(bevinding := melding.get("bevinding"), dict):
        # made as a Finding (hgkm.sources.gate.warn): its fields, placed where it was emitted
        return Finding.from_dict({**bevinding, "bestand": bestand, "regelnummer": regel})
    if found := _DEAD_LINK.search(text):
        need_id, target, field = found["need"], found["target"], found["field"]
        if target.startswith("[") or target.endswith("]"):
            need = corpus.needs.get(need_id) if corpus else None
            waarden = [v.strip("[] ") for v in (need.link(field) if need else [target])]
            lijst = ", ".join(v for v in waarden if v)
            return m.YAML_LIJST(bestand, regel, need_id, need=need_id, field=field, lijst=lijst)
        if field == "gemeenten":
            return m.ONBEKENDE_GEMEENTE(bestand, regel, need_id, need=need_id, target=target)
        return None
    if found := _verkeerde_soort(text):
        need_id, target, field, actual = found["need"], found["target"], found["field"], found["actual"]
        allowed = " of ".join(re.findall(r"[\w-]+", found["allowed"]))
        andere = declaration.links_to(actual)
        elders = f" Een {actual} noemt u met  :{andere[0]}: {target}" if andere else ""
        return m.VERKEERDE_SOORT(bestand, regel, need_id, need=need_id, field=field, target=target,
                                 actual=actual, allowed=allowed, elders=elders)
    if found := _NO_TITLE.search(text):
        return m.ZONDER_TITEL(f"{found['doc']}.md", 1)
    if _NOT_IN_TOCTREE.search(text):
        # Sphinx locates this warning by document name, without the suffix.
        bestand = bestand if Path(bestand).suffix else f"{bestand}.md"
        return m.NIET_IN_INHOUD(bestand, regel)
    if found := _MISSING_DOC.search(text):
        return m.INHOUD_VERWIJST_NAAR_NIETS(bestand, regel, doc=found["doc"])
    if _RAW_DISABLED.search(text):
        return vertrouwen.RAUW(bestand, regel)
    return None


#: The message of a build warning this module has no translation for.
ONVERTAALD = m.ONVERTAALD.code


def build_finding(melding: dict, root: Path | None, corpus: Corpus | None = None) -> Finding:
    text = str(melding.get("bericht", ""))
    bestand = relative(str(melding.get("bestand") or ""), root)
    if special := _special(melding, bestand, corpus):
        return special
    for pattern, message in _TRANSLATIONS:
        if isinstance(pattern, re.Pattern):
            values = found.groupdict() if (found := pattern.search(text)) else None
        else:
            values = pattern(text)
        if values is None:
            continue
        word = values.get("option") or values.get("directive") or ""
        pool = declaration.option_names() if "option" in values else declaration.type_names()
        suggestie, suggestie_fix = _suggestion(word, pool) if word else ("", "")
        values.update(suggestie=suggestie, suggestie_fix=suggestie_fix, typen=", ".join(declaration.type_names()))
        if "mag" in values:
            values["mag_kaal"] = ", ".join(f":{o.strip().strip(chr(39))}:" for o in values["mag"].split(","))
        need_id = values.get("need") or ""
        values.setdefault("need", "Een item")
        return message(bestand, melding.get("regelnummer"), need_id, **values)
    return m.ONVERTAALD(bestand, melding.get("regelnummer"), tekst=text)


def build_findings(corpus: Corpus, root: Path | None = None) -> Iterator[Finding]:
    """The warnings the build itself printed, translated where we know them."""
    for melding in corpus.build_meldingen:
        yield build_finding(melding, root, corpus)


def findings(corpus: Corpus) -> Iterator[Finding]:
    yield from schema_findings(corpus)
    yield from build_findings(corpus)

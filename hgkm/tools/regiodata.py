"""Another region's needs.json is data: read and checked here before sphinx-needs sees it.

sphinx-needs evaluates what it finds in the needs it loads, also in external needs: a
dynamic function `[[copy("id", filter="…")]]` in a field (its filter is Python `eval`), a
variant `<<cond: a, b>>` or `<{…}>`, a link with a condition `ID[cond]` or `ID[[cond]]`
(`NeedLink.from_string`, then `filter_single_need`), and Jinja in templates. A region, or
whoever controls its address, would run code on the machine that builds the overview.

So a region's needs.json is checked as data first, with one JSON Schema (made from the
metamodel): its shape (the keys sphinx-needs' needs.json has, each value of the right kind),
every ID and every link value an ID of the metamodel, no text anywhere in a need (or in the
`hgkm` block) that carries evaluation syntax, and the fields sphinx-needs reads as template,
markup or code (template, layout, style, constraints, …) empty. Nothing is rewritten: every
finding is a Dutch message naming the region, the item and the field, and a region with a
finding stays out of the overview (hgkm.tools.landelijk decides that).

What passes goes to sphinx-needs as a copy with only the fields the overview uses
(`kopie`): no content, no parts, no code fields, nothing the metamodel does not declare.

Checked against sphinx-needs 9.1 as installed: an external need keeps id, title, status,
tags, content, constraints, parts, arch, doctype, sections, signature, the links and the
extra fields (`NeedsCoreFields`, `exclude_external`); the dynamic functions and link
conditions of its title, extra fields and links are evaluated (tests/test_landelijk.py shows
a file created through each when this check is off); variants only where a field enables
them. Its `external_url` is not read but made from the `base_url` the overview sets (the
region's checked site address) and the need's docname (checked here); no `target_url`
template is set, so no Jinja runs on a need.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from hgkm.model import declaration
from hgkm.model.corpus import HERKOMST
from hgkm.model.messages import landelijk as M
from hgkm.tools.ophalen import MAX_BYTES, MAX_SECONDEN, Melding, OphaalFout, grootte, melding, ophalen, os_reden

#: Evaluation syntax of sphinx-needs and Jinja; a value that holds one is refused (linear: fixed pairs).
SYNTAX = re.compile(r"\[\[|\]\]|<<|>>|<\{|\}>|\{\{|\{%|\{#")
TEKENS = {
    "[[": "het begin van een dynamische functie van sphinx-needs, met Python erin",
    "]]": "het einde van een dynamische functie van sphinx-needs",
    "<<": "het begin van een variant van sphinx-needs, een voorwaarde in Python",
    ">>": "het einde van een variant van sphinx-needs",
    "<{": "het begin van een variant van sphinx-needs",
    "}>": "het einde van een variant van sphinx-needs",
    "{{": "een Jinja-sjabloon",
    "{%": "een Jinja-opdracht",
    "{#": "Jinja-commentaar",
}
#: Core fields sphinx-needs reads as template, layout, markup or code: empty in every needs.json of hgkm.
CODEVELDEN = ("template", "pre_template", "post_template", "pre_content", "post_content", "layout", "style",
              "constraints", "jinja_content", "arch")
#: Link fields of sphinx-needs itself, beside the metamodel's.
KERNKOPPELINGEN = ("links", "parent_needs")
#: A docname as Sphinx makes it from a file name: segments of letters, digits, _ - . (no ..).
DOCNAME = r"^[\w-][\w.-]*(/[\w-][\w.-]*)*$"
SITE = r"^(https?://[^\s\"'<>`\\]+)?$"
#: Messages per region at most (the rest is counted).
MAX_MELDINGEN = 25


def tekst(value: object, lengte: int = 60) -> str:
    """A value from the file as a message shows it: a string, shortened."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)[:200]
    return text if len(text) <= lengte else text[: lengte - 1] + "…"


# ------------------------------------------------------------------------------ reading

def lees_bytes(bron: str, genoemd: frozenset[str] = frozenset(), *, max_bytes: int = MAX_BYTES,
               seconden: float = MAX_SECONDEN) -> bytes:
    """The bytes of a region's needs.json: a local file, or an https:// address (hgkm.tools.ophalen)."""
    if re.match(r"^https?://", bron, re.IGNORECASE):
        return ophalen(bron, genoemd, max_bytes=max_bytes, seconden=seconden)
    if "://" in bron:
        raise OphaalFout(melding(M.ADRES, regio=bron))
    pad = Path(bron)
    try:
        if not pad.exists():
            raise OphaalFout(melding(M.BESTAAT_NIET, regio=bron))
        if not pad.is_file():
            raise OphaalFout(melding(M.GEEN_BESTAND, regio=bron))
        with pad.open("rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise OphaalFout(melding(M.OPHALEN, regio=bron, reden=os_reden(exc))) from None
    if len(data) > max_bytes:
        raise OphaalFout(melding(M.TE_GROOT, regio=bron, grootte=grootte(max_bytes)))
    return data


def _geen_constante(naam: str) -> float:
    raise ValueError(f"{naam} is geen waarde in JSON")


def parse(bron: str, ruw: bytes) -> Any:
    """The JSON in `ruw`, or OphaalFout (not UTF-8, not JSON, nested too deep)."""
    try:
        text = ruw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise OphaalFout(melding(M.GEEN_UTF8, regio=bron, positie=str(exc.start))) from None
    try:
        return json.loads(text.removeprefix("\ufeff"), parse_constant=_geen_constante)
    except RecursionError:
        raise OphaalFout(melding(M.TE_DIEP, regio=bron)) from None
    except json.JSONDecodeError as exc:
        raise OphaalFout(melding(M.GEEN_JSON, regio=bron, fout=f"regel {exc.lineno}, kolom {exc.colno}")) from None
    except ValueError as exc:  # a NaN, or an integer of thousands of digits
        raise OphaalFout(melding(M.GEEN_JSON, regio=bron, fout=tekst(str(exc), 80))) from None


# ------------------------------------------------------------------------------ the schema

_SCALAR = ["string", "number", "boolean", "null"]


def _einde(patroon: str) -> str:
    """A pattern anchored at the very end: Python's `$` also matches before a final newline."""
    return patroon[:-1] + r"\Z" if patroon.endswith("$") else patroon


def _niet(syntax: bool) -> dict:
    """The check on every text value: no evaluation syntax (left out when the file has none at all)."""
    return {"not": {"type": "string", "pattern": SYNTAX.pattern}} if syntax else {}


@cache
def _need_schema(syntax: bool) -> dict:
    """One need of a needs.json: the JSON Schema, made from the metamodel."""
    id_regex = _einde(declaration.id_regex())
    niet = _niet(syntax)
    tekst_ = {"type": "string", **niet}
    tekst_of_leeg = {"type": ["string", "null"], **niet}
    koppelingen = {"type": ["array", "null"], "items": {"type": "string", "pattern": id_regex, "x-soort": "koppeling"}}
    velden = sorted({v for vs in declaration.type_fields().values() for v in vs})
    links = [*declaration.link_names(), *KERNKOPPELINGEN]
    scalar = {"type": _SCALAR, **niet}
    niveau1 = {"type": [*_SCALAR, "array"], **niet, "items": scalar}
    niveau2 = {"type": [*_SCALAR, "array", "object"], **niet, "items": scalar, "additionalProperties": niveau1}
    niveau3 = {"type": [*_SCALAR, "array", "object"], **niet, "items": scalar, "additionalProperties": niveau2}
    return {
        "type": "object",
        "required": ["id", "type", "title"],
        "properties": {
            "id": {"type": "string", "pattern": id_regex, "x-soort": "id"},
            "type": tekst_,
            "title": tekst_,
            "content": tekst_of_leeg,
            "status": tekst_of_leeg,
            "tags": {"type": ["array", "null"], "items": tekst_},
            "docname": {"type": ["string", "null"], "pattern": _einde(DOCNAME), "x-soort": "docname"},
            "lineno": {"type": ["integer", "null"]},
            **{veld: tekst_of_leeg for veld in velden},
            **{link: koppelingen for link in links},
            **{f"{link}_back": koppelingen for link in links},
            **{veld: {"enum": [None, "", False, [], {}], "x-soort": "codeveld"} for veld in CODEVELDEN},
        },
        # anything else sphinx-needs writes (computed fields, other projects' fields) is not passed
        # on, but may not carry evaluation syntax either, nor be nested deeper than a needs.json is
        "additionalProperties": niveau3,
    }


def _schema(versie: str | None, syntax: bool = True) -> dict:
    """The whole file; without `versie` (current_version not yet known to be a string) its top only:
    current_version and versions, the keys the rest of the schema is made from.

    Without `syntax` the per-value check for evaluation syntax is left out: for a file in
    which one search over all its text found none (`heeft_syntax`).
    """
    if versie is None:
        return {"type": "object", "required": ["current_version", "versions"],
                "properties": {"current_version": {"type": "string"}, "versions": {"type": "object"}}}
    niet = _niet(syntax)
    tekst_ = {"type": "string", **niet}
    versions = {"type": "object", "required": [versie], "properties": {versie: {
        "type": "object", "required": ["needs"], "properties": {"needs": {
            "type": "object",
            "propertyNames": {"pattern": _einde(declaration.id_regex()), "x-soort": "id"},
            "additionalProperties": _need_schema(syntax),
        }},
    }}}
    return {
        "type": "object",
        "required": ["current_version", "versions"],
        "properties": {
            "current_version": {"type": "string"},
            "versions": versions,
            HERKOMST: {"type": "object", "properties": {
                "metamodel": {"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)*\Z"},
                "project": tekst_,
                "site": {"type": "string", "pattern": _einde(SITE), "x-soort": "site", **niet},
                "versie": tekst_,
            }},
        },
    }


# ------------------------------------------------------------------------------ messages

_SOORT = {"string": "tekst", "array": "een lijst", "object": "een object met velden", "null": "niets (null)",
          "boolean": "ja of nee (true/false)", "integer": "een geheel getal", "number": "een getal"}


def _soort_van(value: object) -> str:
    if isinstance(value, bool):
        return _SOORT["boolean"]
    if isinstance(value, int | float):
        return _SOORT["number"]
    return {str: _SOORT["string"], list: _SOORT["array"], dict: _SOORT["object"]}.get(type(value), _SOORT["null"])


def _waar(pad: list) -> str:
    """Where in the file, in words: the item and field, or the path of keys."""
    if len(pad) >= 3 and pad[0] == "versions" and pad[2] == "needs":
        if len(pad) == 3:
            return "de lijst met items"
        plek = f"item {tekst(str(pad[3]), 40)}"
        if len(pad) >= 5:
            veld = str(pad[4]) + "".join(f"[{p}]" if isinstance(p, int) else f" → {tekst(str(p), 30)}" for p in pad[5:])
            plek += f", veld {veld}"
        return plek
    if pad and pad[0] == HERKOMST:
        return " → ".join([HERKOMST, *(tekst(str(p), 30) for p in pad[1:])]) if len(pad) > 1 else f"het veld {HERKOMST}"
    return "het veld " + " → ".join(tekst(str(p), 30) for p in pad) if pad else "het hele bestand"


def _melding(bron: str, fout: ValidationError) -> Melding:
    pad = list(fout.absolute_path)
    waar = _waar(pad)
    soort = fout.schema.get("x-soort") if isinstance(fout.schema, dict) else None
    if fout.validator == "not" and isinstance(fout.instance, str) and (gevonden := SYNTAX.search(fout.instance)):
        return melding(M.REKENCODE, regio=bron, waar=waar, teken=gevonden.group(), wat=TEKENS[gevonden.group()])
    if fout.validator == "pattern":
        if soort == "koppeling":
            return melding(M.KOPPELING, regio=bron, waar=waar, waarde=tekst(fout.instance), vorm="OG-RR24-1")
        if soort == "id":
            return melding(M.ID_VORM, regio=bron, waar=waar, waarde=tekst(fout.instance))
        if soort == "site":
            return melding(M.SITE, regio=bron, waarde=tekst(fout.instance))
        if soort == "docname":
            return melding(M.VORM, regio=bron, waar=waar,
                           wat=f'"{tekst(fout.instance)}" is geen naam van een pagina zoals Sphinx die maakt')
        return melding(M.VORM, regio=bron, waar=waar, wat=f'"{tekst(fout.instance)}" heeft niet de goede vorm')
    if fout.validator == "enum" and soort == "codeveld":
        return melding(M.CODEVELD, regio=bron, waar=waar)
    if fout.validator == "type":
        verwacht = fout.validator_value if isinstance(fout.validator_value, list) else [fout.validator_value]
        namen = [_SOORT[v] for v in verwacht if v != "null"] or [_SOORT["null"]]
        return melding(M.VORM, regio=bron, waar=waar, wat=f"hier hoort {' of '.join(dict.fromkeys(namen))}, maar er "
                                                          f"staat {_soort_van(fout.instance)}")
    if fout.validator == "required":
        ontbreekt = [k for k in fout.validator_value if isinstance(fout.instance, dict) and k not in fout.instance]
        return melding(M.VORM, regio=bron, waar=waar, wat=f"het veld {', '.join(ontbreekt)} ontbreekt")
    return melding(M.VORM, regio=bron, waar=waar, wat="deze waarde past niet bij een needs.json van sphinx-needs")


def _fouten(bron: str, data: Any, schema: dict) -> list[Melding]:
    fouten = sorted(Draft202012Validator(schema).iter_errors(data), key=lambda f: [str(p) for p in f.absolute_path])
    return list(dict.fromkeys(_melding(bron, fout) for fout in fouten))


def _leeg(value: object) -> bool:
    return value is None or value is False or value == "" or value == [] or value == {}


def heeft_syntax(*delen: Any) -> bool:
    """Whether any text in `delen` (a value or a key) holds evaluation syntax: one search over all of it."""
    return any(SYNTAX.search(json.dumps(deel, ensure_ascii=False)) for deel in delen)


class Geweigerd(Exception):
    """A region left out of the overview, with every reason (Dutch messages from the catalogue)."""

    def __init__(self, meldingen: list[Melding]) -> None:
        super().__init__("\n".join(map(str, meldingen)))
        self.meldingen = meldingen


def controleer(bron: str, data: Any) -> dict[str, dict]:
    """The needs of a region's parsed needs.json, each without its empty fields; or Geweigerd.

    Empty values (null, "", false, [], {}) are most of a needs.json and carry nothing, so
    they are left out before the schema is checked (and the schema's check of every text
    runs only when one search found evaluation syntax somewhere in the file: both keep a
    national overview of 35 regions fast).
    """
    try:
        meldingen = _fouten(bron, data, _schema(None, syntax=False))
        if meldingen:
            raise Geweigerd(meldingen)
        versie = data["current_version"]
        gekozen = data["versions"].get(versie)
        needs_ = gekozen.get("needs") if isinstance(gekozen, dict) else None
        if isinstance(needs_, dict):
            needs_ = gekozen["needs"] = {k: {v: w for v, w in n.items() if not _leeg(w)} if isinstance(n, dict) else n
                                         for k, n in needs_.items()}
        # the schema looks at the needs and the hgkm block only: the rest of the file is not read
        meldingen = _fouten(bron, data, _schema(versie, syntax=heeft_syntax(needs_, data.get(HERKOMST))))
    except RecursionError:
        raise Geweigerd([melding(M.TE_DIEP, regio=bron)]) from None
    if meldingen:
        raise Geweigerd(meldingen)
    needs: dict[str, dict] = data["versions"][versie]["needs"]
    for sleutel, need in needs.items():
        if need["id"] != sleutel:
            meldingen.append(melding(M.VORM, regio=bron, waar=_waar(["versions", versie, "needs", sleutel]),
                                     wat=f"het item staat in de lijst als {tekst(sleutel, 40)}, maar zijn ID is "
                                         f"{tekst(need['id'], 40)}"))
    herkomst = data.get(HERKOMST)
    if not (herkomst or {}).get("metamodel"):
        veld = HERKOMST if herkomst is None else f"{HERKOMST} → metamodel"
        meldingen.append(melding(M.METAMODEL_ONBEKEND, regio=bron, veld=veld))
    elif (hun := herkomst["metamodel"]).split(".")[0] != (eigen := declaration.metamodel_versie()).split(".")[0]:
        meldingen.append(melding(M.METAMODEL_ANDERS, regio=bron, hun=hun, eigen=eigen))
    if meldingen:
        raise Geweigerd(meldingen)
    return needs


def lees(bron: str, genoemd: frozenset[str] = frozenset(), *, max_bytes: int = MAX_BYTES,
         seconden: float = MAX_SECONDEN) -> tuple[dict, dict[str, dict]]:
    """A region's needs.json, read and checked: (the whole file, its needs by ID); or Geweigerd."""
    try:
        data = parse(bron, lees_bytes(bron, genoemd, max_bytes=max_bytes, seconden=seconden))
    except OphaalFout as exc:
        raise Geweigerd([exc.melding]) from None
    return data, controleer(bron, data)


def kopie(need: dict) -> dict:
    """What sphinx-needs gets of a checked need: the fields the overview uses, nothing else."""
    velden = ("id", "type", "title", "docname", "status", *declaration.type_fields().get(need["type"], ()),
              *declaration.link_names())
    return {k: need[k] for k in velden if k in need}

"""The metamodel as Sphinx actually loaded it from ubproject.toml.

Everything that needs to know the types, fields and links (the metamodel page, the
plan template, the checks, the tests) reads it from here, never from a copy.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

#: Plain-language explanation of each need type, shown on the metamodel page.
UITLEG_TYPEN: dict[str, str] = {
    "regiovisie": "Een regionaal beleidskader met een looptijd, zoals de Regiovisie HGKM Rotterdam Rijnmond 2024-2027.",
    "taak": "Een wettelijke taak van elke gemeente, of alleen van de centrumgemeente.",
    "principe": "Een leidend principe van een regiovisie: hoe de regio wil werken.",
    "opgave": "Een ontwikkelopgave van een regiovisie: wat de regio de komende jaren wil bereiken.",
    "toetssteen": "Een toetssteen: waaraan de regio ziet of zij op de goede weg is, met indicator en cijfers.",
    "gemeente": "Een gemeente in de regio, met haar rol en haar centrumgemeente.",
    "plan": "Een uitvoeringsplan van één of meer gemeenten onder één regiovisie.",
    "actie": "Een uitvoeringsactie in een plan: wie doet wat, wanneer, voor welke opgave of taak.",
    "uitzondering": "Een vastgelegde uitzondering: een plan pakt een opgave of taak bewust niet op, met motivering, besluit en einddatum.",
    "bron": "Een brondocument (besluit, nota, memo) waarop de kennisbank steunt.",
}


@dataclass
class Veld:
    """A field of a need type."""

    naam: str
    uitleg: str
    schema: dict[str, Any]
    verplicht: bool = False


@dataclass
class Koppeling:
    """A link option and the need types it may point to."""

    naam: str
    uitleg: str
    doeltypen: list[str]
    uitgaand: str = ""
    inkomend: str = ""


@dataclass
class Regel:
    """A per-type rule from the native schema definitions (id, message, schema)."""

    id: str
    type: str
    melding: str
    verplicht: list[str] = field(default_factory=list)
    eigenschappen: dict[str, Any] = field(default_factory=dict)


@dataclass
class NeedType:
    """One need type: its directive, title, prefix and its own fields."""

    directive: str
    titel: str
    prefix: str
    uitleg: str
    velden: list[Veld] = field(default_factory=list)
    koppelingen: list[str] = field(default_factory=list)
    regels: list[Regel] = field(default_factory=list)


@dataclass
class Metamodel:
    """The complete metamodel: need types, link options, ID pattern."""

    id_regex: str
    typen: dict[str, NeedType]
    koppelingen: dict[str, Koppeling]

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> Metamodel:
        data = json.loads(text)
        typen = {
            naam: NeedType(
                **{
                    **t,
                    "velden": [Veld(**v) for v in t["velden"]],
                    "regels": [Regel(**r) for r in t["regels"]],
                }
            )
            for naam, t in data["typen"].items()
        }
        koppelingen = {k: Koppeling(**v) for k, v in data["koppelingen"].items()}
        return cls(id_regex=data["id_regex"], typen=typen, koppelingen=koppelingen)

    @classmethod
    def load(cls, path: Path) -> Metamodel:
        return cls.from_json(path.read_text(encoding="utf-8"))


def _type_rules(config: Any) -> dict[str, list[Regel]]:
    """The native schema definitions, grouped per need type they select."""
    rules: dict[str, list[Regel]] = {}
    definitions = config.needs_schema_definitions or {}
    for schema in definitions.get("schemas", []):
        selected = schema.get("select", {}).get("properties", {}).get("type", {})
        need_type = selected.get("const")
        local = schema.get("validate", {}).get("local", {})
        if need_type:
            rules.setdefault(need_type, []).append(
                Regel(
                    id=schema.get("id", ""),
                    type=need_type,
                    melding=schema.get("message", ""),
                    verplicht=list(local.get("required", [])),
                    eigenschappen=dict(local.get("properties", {})),
                )
            )
    return rules


def from_sphinx(app: Any) -> Metamodel:
    """Read the metamodel from a Sphinx application whose environment is set up."""
    from sphinx_needs.config import NeedsSphinxConfig
    from sphinx_needs.data import SphinxNeedsData

    needs_config = NeedsSphinxConfig(app.config)
    schema = SphinxNeedsData(app.env).get_schema()
    rules = _type_rules(app.config)

    koppelingen: dict[str, Koppeling] = {}
    for link in schema.iter_link_fields():
        if link.name.endswith("_back") or link.name in {"links", "parent_needs"}:
            continue
        koppelingen[link.name] = Koppeling(
            naam=link.name,
            uitleg=link.description,
            doeltypen=sorted(link.target_types.types) if link.target_types else [],
            uitgaand=link.display.outgoing,
            inkomend=link.display.incoming,
        )

    typen: dict[str, NeedType] = {}
    for need_type in needs_config.types:
        directive = need_type["directive"]
        type_rules = rules.get(directive, [])
        velden = []
        for f in schema.iter_extra_fields():
            if not schema.is_project_field(f.name):
                continue
            per_type = schema.type_declarations(f.name)
            if per_type and directive not in per_type:
                continue  # a field declared on other need types alone
            decl = per_type.get(directive, f)
            velden.append(
                Veld(
                    naam=f.name,
                    uitleg=decl.description,
                    schema=dict(decl.schema),
                    verplicht=not decl.nullable
                    or any(f.name in r.verplicht for r in type_rules),
                )
            )
        # Link options are declared for every type; the ones a type really
        # carries are those its schema rules name.
        used = {n for r in type_rules for n in r.verplicht} | {
            n
            for r in type_rules
            for n, prop in r.eigenschappen.items()
            if prop.get("maxItems") != 0  # maxItems 0 forbids the link
        }
        typen[directive] = NeedType(
            directive=directive,
            titel=need_type["title"],
            prefix=need_type["prefix"],
            uitleg=UITLEG_TYPEN.get(directive, ""),
            velden=velden,
            koppelingen=[name for name in koppelingen if name in used or name == "bronnen"],
            regels=type_rules,
        )
    return Metamodel(id_regex=needs_config.id_regex, typen=typen, koppelingen=koppelingen)

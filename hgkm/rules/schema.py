"""sphinx-needs' schema violations as findings with place, cause and cure (rule `invoer`).

sphinx-needs checks each need against the metamodel (required fields, allowed values,
the ID pattern); its messages are English and carry no file:line (sphinx-needs #1606).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hgkm.model import declaration
from hgkm.model.corpus import Corpus, Need
from hgkm.model.findings import Finding

#: An example line for each option, shown in the fix.
VOORBEELD: dict[str, str] = {
    "eigenaar": ":eigenaar: Afdeling Maatschappelijke Ontwikkeling",
    "start": ":start: 2024-01-01",
    "eind": ":eind: 2025-12-31",
    "plan": ":plan: UP-…",
    "regiovisie": ":regiovisie: RV-RR24",
    "gemeenten": ":gemeenten: GM-…",
    "opgaven": ":opgaven: OG-RR24-1",
    "taken": ":taken: WT-GEM-1",
    "principes": ":principes: LP-RR24-1",
    "betreft": ":betreft: OG-RR24-1",
    "bronnen": ":bronnen: BR-RR24",
    "motivering": ":motivering: Waarom het plan dit (nog) niet oppakt",
    "besluit": ":besluit: Collegebesluit van 12 maart 2024, kenmerk …",
    "geldig_tot": ":geldig_tot: 2025-12-31",
    "vastgesteld_op": ":vastgesteld_op: 2024-03-12",
    "regio": ":regio: Rotterdam Rijnmond",
    "organisatie": ":organisatie: Gemeente …",
    "centrumgemeente": ":centrumgemeente: GM-ROTTERDAM",
}

_REQUIRED = re.compile(r'"(?P<field>[^"]+)" is a required property')


def _example(need_type: str, field: str) -> str:
    schema = declaration.field_schema(need_type, field)
    if "enum" in schema:
        return f":{field}: {schema['enum'][0]}   (toegestaan: {', '.join(schema['enum'])})"
    return VOORBEELD.get(field, f":{field}: …")


def _schema_finding(need: Need, details: dict) -> Finding:
    """One schema violation as a finding with place, cause and cure."""
    path = details.get("schema_path", "")
    field = details.get("field") or ""
    msg = details.get("validation_msg", "")
    value = need.fields.get(field)
    wat = f"{need.type} {need.id}"
    if path.endswith("required") and (m := _REQUIRED.search(msg)):
        field = m.group("field")
        melding = f"Bij {wat} ontbreekt het verplichte veld :{field}:."
        oplossing = f"Voeg een regel toe, bijvoorbeeld  {_example(need.type, field)}"
    elif path.endswith("enum"):
        allowed = declaration.field_schema(need.type, field).get("enum", [])
        melding = f'Bij {wat} is :{field}: "{value}" geen toegestane waarde.'
        oplossing = f"Kies een van: {', '.join(allowed)}. Bijvoorbeeld  :{field}: {allowed[0] if allowed else '…'}"
    elif path.endswith("format"):
        melding = f'Bij {wat} is :{field}: "{value}" geen geldige datum.'
        oplossing = f"Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld  {VOORBEELD.get(field, f':{field}: 2024-01-01')}"
    elif path.endswith("maxItems") and field == "id":
        melding, oplossing = f"Bij {wat} is de ID ongeldig.", "Gebruik een ID als UA-GEMEENTE-1."
    elif path.endswith("maxItems"):
        ids = ", ".join(str(v) for v in value or [])
        maximum = declaration.field_schema(need.type, field).get("maxItems")
        if maximum == 0:
            melding = f"Een {need.type} mag geen :{field}: hebben ({wat} noemt {ids})."
            oplossing = f"Haal de regel :{field}: weg."
        else:
            melding = f"Bij {wat} noemt :{field}: meer dan één item ({ids})."
            oplossing = f"Laat één ID staan, bijvoorbeeld  :{field}: {(value or ['…'])[0]}"
    elif path.endswith("minItems") or path.endswith("minLength"):
        melding = f"Bij {wat} is :{field}: leeg."
        oplossing = f"Vul het veld in, bijvoorbeeld  {_example(need.type, field)}"
    elif path.endswith("pattern") and field == "id":
        melding = f"De ID {need.id} past niet bij de soort {need.type}: die begint met {declaration.prefix(need.type)}."
        oplossing = f"Geef het item een ID als {declaration.prefix(need.type)}…, of gebruik de juiste soort."
    elif path.endswith("pattern") and field:
        melding = f'Bij {wat} heeft :{field}: "{value}" niet de vorm die het metamodel vraagt.'
        oplossing = f"Schrijf het zoals de pagina Metamodel beschrijft, bijvoorbeeld  {_example(need.type, field)}"
    else:
        melding = f"Bij {wat} klopt :{field or '?'}: niet: {msg}."
        oplossing = "Vergelijk het item met de pagina Metamodel en met het voorbeeldplan."
    return Finding("invoer", need.id, need.bestand, need.lineno, melding, oplossing)


def schema_findings(corpus: Corpus) -> Iterator[Finding]:
    """The schema violations sphinx-needs reported, one finding each."""
    for need_id, warnings in corpus.schema_violations.items():
        need = corpus.needs.get(need_id)
        if need is None:
            continue
        for warning in warnings:
            yield _schema_finding(need, warning.get("details", {}))

"""sphinx-needs' schema violations as findings with place, cause and cure (rule `invoer`).

sphinx-needs checks each need against the metamodel (required fields, allowed values,
the ID pattern); its messages are English and carry no file:line (sphinx-needs #1606).
One check is this module's own: required means visible. A title or required field that
holds only invisible characters (a zero-width space passes minLength) counts as empty.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from hgkm.model import declaration, escaping
from hgkm.model.corpus import LINK_OPTIONS, Corpus, Need
from hgkm.model.findings import Finding
from hgkm.model.messages import invoer as m
from hgkm.model.messages import onzichtbaar as m_leeg

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
    if path.endswith("required") and (found := _REQUIRED.search(msg)):
        field = found.group("field")
        return m.VERPLICHT_VELD.voor(need, wat=wat, field=field, voorbeeld=_example(need.type, field))
    if path.endswith("enum"):
        allowed = declaration.field_schema(need.type, field).get("enum", [])
        return m.WAARDE_NIET_TOEGESTAAN.voor(need, wat=wat, field=field, value=value, toegestaan=", ".join(allowed),
                                             eerste=allowed[0] if allowed else "…")
    if path.endswith("format"):
        return m.GEEN_DATUM.voor(need, wat=wat, field=field, value=value,
                                 voorbeeld=VOORBEELD.get(field, f":{field}: 2024-01-01"))
    if path.endswith("maxItems") and field == "id":
        return m.ID_LIJST.voor(need, wat=wat)
    if path.endswith("maxItems"):
        ids = ", ".join(str(v) for v in value or [])
        if declaration.field_schema(need.type, field).get("maxItems") == 0:
            return m.VELD_VERBODEN.voor(need, soort=need.type, field=field, wat=wat, ids=ids)
        return m.MEER_DAN_EEN.voor(need, wat=wat, field=field, ids=ids, eerste=(value or ["…"])[0])
    if path.endswith("minItems") or path.endswith("minLength"):
        return m.VELD_LEEG.voor(need, wat=wat, field=field, voorbeeld=_example(need.type, field))
    if path.endswith("pattern") and field == "id":
        return m.ID_VERKEERD_VOORVOEGSEL.voor(need, soort=need.type, voorvoegsel=declaration.prefix(need.type))
    if path.endswith("pattern") and field:
        return m.VERKEERDE_VORM.voor(need, wat=wat, field=field, value=value, voorbeeld=_example(need.type, field))
    return m.SCHEMA_ANDERS.voor(need, wat=wat, field=field or "?", msg=msg)


def schema_findings(corpus: Corpus) -> Iterator[Finding]:
    """The schema violations sphinx-needs reported, one finding each."""
    for need_id, warnings in corpus.schema_violations.items():
        need = corpus.needs.get(need_id)
        if need is None:
            continue
        for warning in warnings:
            yield _schema_finding(need, warning.get("details", {}))
    yield from onzichtbaar_leeg(corpus)


@cache
def _verplicht(need_type: str) -> tuple[str, ...]:
    """The title and the required fields that are text (a link is a dead link when it is invisible)."""
    return ("title", *(naam for naam in declaration.required(need_type) if naam not in LINK_OPTIONS))


def verplicht_leeg(need: Need, corpus: Corpus) -> list[str]:
    """The title and the required text fields of `need` that hold something, but nothing a reader
    sees: only invisible characters or spaces (a zero-width space passes sphinx-needs' minLength).

    A field sphinx-needs refused for another reason (a date, a status) is left to that finding.
    """
    leeg = [naam for naam in _verplicht(need.type)
            if isinstance(waarde := need.fields.get(naam), str) and waarde and escaping.leeg(waarde)]
    if leeg and (fout := corpus.schema_violations.get(need.id)):
        al = {(w.get("details") or {}).get("field") for w in fout}
        leeg = [naam for naam in leeg if naam not in al]
    return leeg


def verplicht_zonder_tekst(need: Need, corpus: Corpus) -> list[str]:
    """The title, the required text fields and an actie's description (its content) of `need` that
    show something, but no letter or digit: only punctuation, dashes, dots or symbols ("-", "...").

    One notion of visible text (hgkm.model.escaping.zonder_tekst); what shows nothing at all is
    `verplicht_leeg`'s. An actie without a description at all is left alone: its title speaks.
    """
    namen = (*_verplicht(need.type), "content") if need.type == "actie" else _verplicht(need.type)
    uit = [naam for naam in namen
           if isinstance(waarde := need.fields.get(naam), str) and waarde.strip()
           and escaping.zonder_tekst(waarde) and not escaping.leeg(waarde)]
    if uit and (fout := corpus.schema_violations.get(need.id)):
        al = {(w.get("details") or {}).get("field") for w in fout}
        uit = [naam for naam in uit if naam not in al]
    return uit


def _waar(naam: str) -> str:
    return {"title": "de titel", "content": "de beschrijving (de tekst onder de velden)"}.get(naam, f":{naam}:")


def _voorbeeld(need: Need, naam: str) -> str:
    if naam == "title":
        return f":::{{{need.type}}} Een titel die zegt wat het item is"
    if naam == "content":
        return "een paar zinnen over wat de actie inhoudt en wat zij moet opleveren"
    return _example(need.type, naam)


def onzichtbaar_leeg(corpus: Corpus) -> Iterator[Finding]:
    """Required means visible: a title or required field of only invisible characters counts as empty,
    and so does one (or an actie's description) of only punctuation, dashes or dots."""
    for need in corpus.needs.values():
        for naam in verplicht_leeg(need, corpus):
            tekens = ", ".join(dict.fromkeys(
                f"U+{ord(c):04X}" for c in need.fields[naam] if c != " ")) or "spaties"
            yield m_leeg.ONZICHTBAAR_LEEG.voor(need, wat=f"{need.type} {need.id}", waar=_waar(naam), tekens=tekens,
                                               voorbeeld=_voorbeeld(need, naam))
        for naam in verplicht_zonder_tekst(need, corpus):
            waarde = " ".join(need.fields[naam].split())
            yield m.ZONDER_TEKST.voor(need, wat=f"{need.type} {need.id}", waar=_waar(naam),
                                      waarde=waarde if len(waarde) <= 40 else waarde[:39] + "…",
                                      voorbeeld=_voorbeeld(need, naam))

"""DCAT-AP-DONL 2.0 metadata of the open data (downloads/dcat.jsonld).

data.overheid.nl harvests catalogues described in DCAT-AP-DONL: per dataset a title,
description, identifier, publisher, contact point, licence, language, theme and its
distributions, each with an access URL, format and licence. The values come from
DONL's value lists (licence, theme, language, file type) where DONL prescribes one.

JSON-LD with an inline context, so any RDF tool reads it without fetching anything.
Without `html_baseurl` the addresses stay relative to this file, which is right
wherever the site is served. tests/test_outside_tools.py validates the file with
pyshacl against tests/fixtures/dcat-ap-donl.shacl.ttl.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hgkm.site.datasets import GEGEVENSSETS, LICENTIE_DONL, pad

#: DONL waardelijsten (https://waardelijsten.dcat-ap-donl.nl/)
TAAL = "http://publications.europa.eu/resource/authority/language/NLD"
THEMAS = [
    "http://standaarden.overheid.nl/owms/terms/Openbare_orde_en_veiligheid",
    "http://standaarden.overheid.nl/owms/terms/Zorg_en_gezondheid",
]
STATUS = "http://data.overheid.nl/status/beschikbaar"
_EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
_IANA = "https://www.iana.org/assignments/media-types/"
#: file extension -> (EU file type, IANA media type)
FORMATEN = {
    "csv": ("CSV", "text/csv"),
    "xlsx": ("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "json": ("JSON", "application/json"),
}

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "adms": "http://www.w3.org/ns/adms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}


def _tekst(waarde: str) -> dict[str, str]:
    return {"@value": waarde, "@language": "nl"}


def _iri(waarde: str) -> dict[str, str]:
    return {"@id": waarde}


def _adres(baseurl: str, pagina: str) -> str:
    """A page or file of the site; relative to downloads/ when the site's address is unknown."""
    return f"{baseurl.rstrip('/')}/{pagina}" if baseurl else f"../{pagina}"


def catalogus(project: str, versie: str, peil: date, baseurl: str, uitgever: dict[str, str]) -> dict[str, Any]:
    """The DCAT catalogue of the downloads: one dataset per data set, one distribution per file."""
    landing = _adres(baseurl, "docs/downloads.html")
    gewijzigd = {"@value": peil.isoformat(), "@type": "xsd:date"}
    agent: dict[str, Any] = {"@type": "foaf:Agent", "foaf:name": _tekst(uitgever["naam"])}
    if uitgever.get("uri"):
        agent["@id"] = uitgever["uri"]
    contact: dict[str, Any] = {"@type": "vcard:Organization", "vcard:fn": _tekst(uitgever.get("contact") or uitgever["naam"])}
    contact["vcard:hasURL"] = _iri(_adres(baseurl, "docs/handleiding.html"))
    datasets = []
    for gegevensset in GEGEVENSSETS:
        if not gegevensset.catalogus:
            continue
        identifier = f"{landing}#{gegevensset.anker}"
        datasets.append({
            "@id": identifier,
            "@type": "dcat:Dataset",
            "dct:identifier": identifier,
            "dct:title": _tekst(gegevensset.titel),
            "dct:description": _tekst(gegevensset.inhoud),
            "dct:publisher": agent,
            "dct:creator": agent,
            "dcat:contactPoint": contact,
            "dct:license": _iri(LICENTIE_DONL),
            "dct:language": _iri(TAAL),
            "dcat:theme": [_iri(t) for t in THEMAS],
            "dcat:keyword": [_tekst(k) for k in ("huiselijk geweld", "kindermishandeling", "regiovisie", "uitvoeringsplan")],
            "dcat:landingPage": _iri(landing),
            "dct:modified": gewijzigd,
            "owl:versionInfo": f"{versie}+{peil.isoformat()}",
            "adms:status": _iri(STATUS),
            "dcat:distribution": [_distributie(baseurl, landing, naam, soort, gewijzigd) for naam, soort in gegevensset.bestanden],
        })
    return {
        "@context": CONTEXT,
        "@id": f"{landing}#catalogus",
        "@type": "dcat:Catalog",
        "dct:title": _tekst(project),
        "dct:description": _tekst(
            "De open data van de kennisbank: de uitvoeringsacties, de dekking van de opgaven en taken "
            f"per gemeente en alle items. Peildatum {peil.isoformat()}."
        ),
        "dct:publisher": agent,
        "dct:license": _iri(LICENTIE_DONL),
        "dct:language": _iri(TAAL),
        "foaf:homepage": _iri(_adres(baseurl, "index.html")),
        "dct:modified": gewijzigd,
        "dcat:dataset": datasets,
    }


def _distributie(baseurl: str, landing: str, naam: str, soort: str, gewijzigd: dict[str, str]) -> dict[str, Any]:
    bestandstype, mediatype = FORMATEN[naam.rsplit(".", 1)[-1]]
    return {
        "@type": "dcat:Distribution",
        "dct:title": _tekst(naam),
        "dct:description": _tekst(soort),
        "dct:license": _iri(LICENTIE_DONL),
        "dcat:accessURL": _iri(landing),
        "dcat:downloadURL": _iri(_adres(baseurl, pad(naam))),
        "dct:format": _iri(_EU_FILE_TYPE + bestandstype),
        "dcat:mediaType": _iri(_IANA + mediatype),
        "dct:modified": gewijzigd,
    }

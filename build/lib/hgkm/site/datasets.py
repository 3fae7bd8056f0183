"""The open data sets: what each holds, its files and its columns, said once.

The downloads (hgkm.site.downloads), the downloads page (hgkm.site.dashboards), the Data Package
and the DCAT catalogue (hgkm.site.dcat) all read these declarations.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAP = "downloads"
LICENTIE = "CC0 1.0 (publiek domein): vrij te gebruiken, ook zonder bronvermelding."
LICENTIE_ID = "CC0-1.0"
LICENTIE_URL = "https://creativecommons.org/publicdomain/zero/1.0/"
#: What each table holds, in the files' own metadata.
TITELS = {
    "acties": "alle uitvoeringsacties van de uitvoeringsplannen",
    "dekking": "de dekking van de opgaven en taken per gemeente",
}
#: The same licence as DONL's value list names it (donl:License).
LICENTIE_DONL = "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"

#: What the downloads page says about formulas (OWASP, CSV injection).
FORMULES = (
    "Een cel die begint met =, +, - of @ (of met een tab) kan in een rekenprogramma als formule "
    "werken. In de CSV-bestanden staat daarom een ' voor zo'n waarde; in de XLSX-bestanden is elke "
    "tekst een tekstcel, nooit een formule. Datums zijn in de XLSX echte datums, aantallen echte getallen."
)
ACTIE_KOLOMMEN = [
    ("id", "De vaste ID van de actie (UA-…)."),
    ("titel", "De titel van de actie."),
    ("plan", "De ID van het uitvoeringsplan waarin de actie staat."),
    ("gemeenten", "De ID's van de gemeenten van dat plan, gescheiden door komma's."),
    ("regiovisie", "De ID van de regiovisie waaronder het plan valt."),
    ("status", "gepland, lopend, afgerond of vervallen."),
    ("voortgang", "Hoe ver de actie is op de peildatum: afgerond, lopend, over tijd, niet gestart, gepland of vervallen."),
    ("eigenaar", "Wie de actie trekt."),
    ("partners", "Met wie de eigenaar de actie uitvoert (kan leeg zijn)."),
    ("budget", "Het budget zoals het plan het noemt (kan leeg zijn)."),
    ("start", "Begindatum (JJJJ-MM-DD)."),
    ("eind", "Einddatum (JJJJ-MM-DD)."),
    ("opgaven", "De ontwikkelopgaven (OG-…) waaraan de actie werkt."),
    ("taken", "De wettelijke taken (WT-…) die de actie uitvoert."),
    ("principes", "De leidende principes (LP-…) die de actie toepast."),
    ("bronbestand", "Het bestand in de kennisbank waarin de actie staat."),
]

DEKKING_KOLOMMEN = [
    ("regiovisie", "De ID van de regiovisie."),
    ("gemeente", "De ID van de gemeente (GM-…)."),
    ("gemeente_naam", "De naam van de gemeente."),
    ("soort", "opgave of taak."),
    ("item", "De ID van de ontwikkelopgave of wettelijke taak."),
    ("item_titel", "De titel van de opgave of taak."),
    ("staat", "gedekt, uitzondering, niet gedekt, geen plan of niet van toepassing."),
    ("aantal_acties", "Het aantal acties (niet vervallen) dat de opgave of taak dekt."),
    ("acties", "De ID's van die acties, gescheiden door komma's."),
    ("uitzondering", "De ID van de geldige uitzondering (UZ-…), als die de cel dekt."),
    ("peildatum", "De datum waartegen de geldigheid van uitzonderingen is bepaald."),
]


@dataclass(frozen=True)
class Gegevensset:
    """One data set on the downloads page: its files, what it holds, its columns."""

    anker: str  # the section's id on the downloads page, and the DCAT dataset's
    titel: str
    inhoud: str
    bestanden: list[tuple[str, str]]
    kolommen: list[tuple[str, str]] = field(default_factory=list)
    kolom_uitleg: str = ""
    #: data (a DCAT dataset), not a description of data
    catalogus: bool = True


def pad(naam: str) -> str:
    """Where a download lands in the site."""
    return naam if naam in ("needs.json", "ubproject.toml") else f"{MAP}/{naam}"


GEGEVENSSETS = [
    Gegevensset(
        "acties", "Acties", "Alle uitvoeringsacties, één per regel. Voorbeelditems zijn weggelaten.",
        [("acties.csv", "CSV, UTF-8, komma's"), ("acties.xlsx", "Excel (XLSX)")], ACTIE_KOLOMMEN,
    ),
    Gegevensset(
        "dekking", "Dekking", "De dekkingsmatrix: per regiovisie, gemeente en opgave of taak één regel. "
        "Voorbeelditems zijn weggelaten.",
        [("dekking.csv", "CSV, UTF-8, komma's"), ("dekking.xlsx", "Excel (XLSX)")], DEKKING_KOLOMMEN,
    ),
    Gegevensset(
        "alle-items", "Alle items (needs.json)",
        "Alle items van de kennisbank met al hun velden en koppelingen, ook de voorbeelditems (met de "
        "tag voorbeeld). Dit is het vaste gegevenscontract.",
        [("needs.json", "JSON, het formaat van sphinx-needs")],
        kolom_uitleg="Per item de velden uit het metamodel (zie de pagina Metamodel); koppelingen als "
        "lijsten van ID's, terugkoppelingen met het achtervoegsel _back.",
    ),
    Gegevensset(
        "datapackage", "Beschrijving van de CSV-bestanden (datapackage.json)",
        "Een Frictionless Data Package (versie 2): per CSV-bestand de kolommen met hun soort (tekst, "
        "datum, getal) en betekenis, de licentie en de peildatum. Programma's als frictionless lezen "
        "en controleren de CSV-bestanden daarmee.",
        [("datapackage.json", "JSON, Frictionless Data Package v2")],
        catalogus=False,
    ),
    Gegevensset(
        "dcat", "Catalogusgegevens voor data.overheid.nl (dcat.jsonld)",
        "De beschrijving van deze gegevenssets volgens DCAT-AP-DONL 2.0, de afspraak van "
        "data.overheid.nl: titel, omschrijving, uitgever, contactpunt, licentie, thema en per bestand het "
        "adres en het formaat. Een dataportaal kan de gegevenssets daarmee opnemen.",
        [("dcat.jsonld", "JSON-LD, DCAT-AP-DONL 2.0")],
        catalogus=False,
    ),
    Gegevensset(
        "metamodel", "Metamodel (ubproject.toml)",
        "De soorten items, hun velden en koppelingen, zoals sphinx-needs ze leest. Een ander "
        "Sphinx-project dat needs.json wil inlezen (met needimport), zet dit bestand naast zijn "
        "conf.py en geeft het op met needs_from_toml.",
        [("ubproject.toml", "TOML, het formaat van sphinx-needs")],
        catalogus=False,
    ),
]


"""Messages of the fast check (`make snel`, the pre-commit hook): short, as a terminal shows them."""

from __future__ import annotations

from hgkm.model.messages.message import Message

GEEN_UTF8 = Message(
    "snel-geen-utf8", "invoer", "snelcontrole",
    "Bestand niet opgeslagen als UTF-8",
    "Dit bestand is geen UTF-8-tekst.",
    "Sla het op als UTF-8 (Unicode) en probeer opnieuw.",
)
PLAATSHOUDER = Message(
    "snel-plaatshouder", "invoer", "snelcontrole",
    "Er staat nog tekst van het sjabloon",
    'Hier staat nog "{plaatshouder}".',
    "Vervang het door uw eigen tekst.",
    {"plaatshouder": "VUL IN"},
)
ONBEKENDE_SOORT = Message(
    "snel-onbekende-soort", "invoer", "snelcontrole",
    "Typfout in de soort van een blok",
    'Onbekende soort "{naam}".',
    "{suggestie}",
    {"naam": "actei", "suggestie": 'Bedoelt u "actie"?'},
)
NIET_GESLOTEN = Message(
    "snel-niet-gesloten", "invoer", "snelcontrole",
    "Blok niet afgesloten",
    'Het blok "{naam}" wordt niet gesloten.',
    "Zet er een regel {fence} onder.",
    {"naam": "actie", "fence": ":::"},
)
ONBEKEND_VELD = Message(
    "snel-onbekend-veld", "invoer", "snelcontrole",
    "Typfout in een veld",
    'Onbekend veld ":{naam}:" bij een {soort}.',
    "{suggestie}",
    {"naam": "opgave", "soort": "actie", "suggestie": 'Bedoelt u "opgaven"?'},
)
ID_VORM = Message(
    "snel-id-vorm", "invoer", "snelcontrole",
    "ID in de verkeerde vorm",
    'De ID "{waarde}" heeft niet de juiste vorm.',
    "Gebruik hoofdletters, cijfers en streepjes, beginnend met {voorvoegsel}.",
    {"waarde": "ua-a-klein", "voorvoegsel": "UA-"},
)
WAARDE = Message(
    "snel-waarde", "invoer", "snelcontrole",
    "Een waarde die niet in de lijst staat (zoals de status)",
    '"{waarde}" mag niet bij :{naam}:.',
    "Kies uit: {toegestaan}.",
    {"waarde": "bezig", "naam": "status", "toegestaan": "gepland, lopend, afgerond, vervallen"},
)
DATUM = Message(
    "snel-datum", "invoer", "snelcontrole",
    "Datum in de verkeerde vorm",
    '"{waarde}" bij :{naam}: is geen datum.',
    "Schrijf JJJJ-MM-DD, bijvoorbeeld 2025-03-01.",
    {"waarde": "1-3-2024", "naam": "start"},
)

"""Messages about what a reader cannot see (hgkm.model.escaping.onzichtbaar): an invisible
character in an ID, title, field or text (rule vertrouwen), and a required value that
holds nothing else (rule invoer)."""

from __future__ import annotations

from hgkm.model.messages.message import Message

ONZICHTBAAR_TEKEN = Message(
    "onzichtbaar-teken", "vertrouwen", "vertrouwen",
    "Een onzichtbaar teken in een ID, titel, veld of tekst (zoals U+202E, dat de leesrichting omdraait, of een "
    "spatie zonder breedte)",
    "In {waar} staat {plek} een onzichtbaar teken: {teken}{meer}. Wie meeleest ziet het niet, maar het "
    "verandert wat er staat of hoe het wordt getoond: zo kan een tekst omgekeerd op het scherm komen, of een "
    "veld ingevuld lijken dat leeg is.",
    "Haal het teken weg: wis de tekst rond die plek en typ hem opnieuw (niet kopiëren uit een ander document). "
    "Gewone spaties, harde spaties en letters met accenten (é, ë, ï) mogen wel.",
    {"waar": "de titel van actie UA-VOORBEELD-1", "plek": "na 'Inzet van '",
     "teken": "U+202E (RIGHT-TO-LEFT OVERRIDE, verandert de leesrichting)", "meer": ""},
)
ONZICHTBAAR_LEEG = Message(
    "onzichtbaar-leeg", "invoer", "items",
    "Een verplicht veld of een titel met alleen onzichtbare tekens of spaties",
    "Bij {wat} lijkt {waar} ingevuld, maar er staan alleen onzichtbare tekens of spaties in ({tekens}). Dat "
    "telt als leeg.",
    "Vul het in met tekst die een lezer ziet, bijvoorbeeld  {voorbeeld}",
    {"wat": "actie UA-VOORBEELD-1", "waar": ":eigenaar:", "tekens": "U+200B",
     "voorbeeld": ":eigenaar: Afdeling Maatschappelijke Ontwikkeling"},
)
TEKEN_IN_BLOKREGEL = Message(
    "teken-in-blokregel", "invoer", "items",
    "Een tab, harde spatie, spatie zonder breedte, byte-order-markering of dubbele punt in volle breedte in de "
    "openingsregel of een veld van een blok",
    "In regel {regel}, kolom {kolom}, staat {teken}. In de webeditor ziet u het niet, of het lijkt een gewone "
    "spatie of dubbele punt, maar de bouw leest deze regel daardoor niet als {wat}.",
    "Wis de tekens rond kolom {kolom} en typ ze opnieuw, met een gewone spatie en een gewone dubbele punt: "
    "{voorbeeld}",
    {"regel": "17", "kolom": "8", "teken": "een tab (U+0009) tussen :start: en de waarde",
     "wat": "een veld van het blok", "voorbeeld": ":start: 2024-03-01"},
)

"""Messages of the rule termijn: deadlines at the peildatum (warnings, never blocking)."""

from __future__ import annotations

from hgkm.model.messages.message import Message

_ACTIE = {"need": "UA-VOORBEELD-1", "titel": "Voorlichting op scholen",
          "eigenaar": " (eigenaar: Afdeling Maatschappelijke Ontwikkeling)", "peildatum": "2025-06-01"}

OVER_TIJD = Message(
    "actie-over-tijd", "termijn", "termijn",
    "De einddatum van een actie is voorbij, de status is nog gepland of lopend",
    'Actie {need} "{titel}"{eigenaar} is over tijd: de einddatum {eind} is voorbij (peildatum {peildatum}), '
    "maar de status is nog {status}.",
    "Is de actie klaar, zet dan  :status: afgerond. Loopt zij door, kies een nieuwe einddatum "
    "(:eind: JJJJ-MM-DD) en zeg in de tekst waarom. Gaat zij niet door, zet  :status: vervallen  "
    "of leg een uitzondering vast.",
    {**_ACTIE, "eind": "2025-03-31", "status": "lopend"},
)
NIET_GESTART = Message(
    "actie-niet-gestart", "termijn", "termijn",
    "De begindatum van een actie is voorbij, de status is nog gepland",
    'Actie {need} "{titel}"{eigenaar} is niet gestart: de begindatum {start} is voorbij (peildatum '
    "{peildatum}), maar de status is nog gepland.",
    "Is de actie begonnen, zet dan  :status: lopend. Begint zij later, kies een nieuwe "
    "begindatum (:start: JJJJ-MM-DD) en zeg in de tekst waarom.",
    {**_ACTIE, "start": "2025-01-01"},
)
VERLOOPT_BINNENKORT = Message(
    "uitzondering-verloopt-binnenkort", "termijn", "termijn",
    "Een uitzondering verloopt binnen 90 dagen",
    "Uitzondering {need} voor {betreft} verloopt binnenkort: zij geldt tot en met {geldig_tot}, over "
    "{dagen} dagen.",
    "Zet op tijd een actie in het plan, of leg een nieuw besluit vast met een nieuwe  "
    ":geldig_tot: JJJJ-MM-DD. Daarna telt de uitzondering niet meer als dekking.",
    {"need": "UZ-VOORBEELD-1", "betreft": "OG-RR24-4", "geldig_tot": "2025-07-31", "dagen": "60"},
)
LANG_CONCEPT = Message(
    "plan-lang-concept", "termijn", "termijn",
    "Een plan is een jaar na de start van de regiovisie nog concept",
    "Plan {need} is nog een concept, terwijl de regiovisie {visie} al meer dan een jaar loopt (sinds {start}).",
    "Laat het plan vaststellen en zet dan  :status: vastgesteld  met  :vastgesteld_op: JJJJ-MM-DD  "
    "en het besluit.",
    {"need": "UP-VOORBEELD", "visie": "RV-RR24", "start": "2024-01-01"},
)
NIET_AFGEROND_BIJ_AFLOOP = Message(
    "actie-niet-afgerond-bij-afloop", "termijn", "termijn",
    "Een actie was niet afgerond toen haar regiovisie afliep",
    'Actie {need} "{titel}"{eigenaar} was niet afgerond bij afloop: de regiovisie {visie} liep af op '
    "{afloop}, en de status is nog {status}.",
    "Dat is de stand van toen, geen termijn van vandaag. Weet u hoe het afliep, zet dan  :status: afgerond  "
    "of  :status: vervallen. Loopt de actie door, neem haar op in het plan onder de nieuwe regiovisie.",
    {**_ACTIE, "visie": "RV-RR20", "afloop": "2023-12-31", "status": "lopend"},
)

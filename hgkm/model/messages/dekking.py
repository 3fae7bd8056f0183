"""Messages of the rules on plans: dekking, integriteit, uitzondering, principes."""

from __future__ import annotations

from hgkm.model.messages.message import Message

_ACTIE = {"need": "UA-VOORBEELD-1"}
_VISIE = {"visie": "RV-RR24", "visie_titel": "Regiovisie HGKM Rotterdam Rijnmond 2024-2027"}

# ------------------------------------------------------------------ dekking

OPGAVE_ONGEDEKT = Message(
    "opgave-ongedekt", "dekking-opgaven", "dekking",
    "Een ontwikkelopgave heeft in het plan geen actie en geen geldige uitzondering",
    'Gemeente {gemeente}: ontwikkelopgave {item} "{titel}" heeft geen uitvoeringsactie.',
    "Voeg in dit plan een actie toe met  :opgaven: {item}  of leg een uitzondering vast.",
    {"gemeente": "Vlaardingen", "item": "OG-RR24-1", "titel": "Sterke lokale teams"},
)
TAAK_ONGEDEKT = Message(
    "taak-ongedekt", "dekking-taken", "dekking",
    "Een wettelijke taak heeft in het plan geen actie en geen geldige uitzondering",
    'Gemeente {gemeente}: wettelijke taak {item} "{titel}" heeft geen uitvoeringsactie.',
    "Voeg in dit plan een actie toe met  :taken: {item}  of leg een uitzondering vast.",
    {"gemeente": "Vlaardingen", "item": "WT-GEM-1",
     "titel": "Opvang voor slachtoffers en hulp aan alle betrokkenen organiseren"},
)
PRINCIPE_ONTBREEKT = Message(
    "principe-ontbreekt", "principes", "dekking",
    "Een actie noemt geen leidend principe (waarschuwing)",
    "Actie {need} noemt geen leidend principe.",
    "Noem het principe dat de actie toepast, bijvoorbeeld  :principes: {principe}",
    {**_ACTIE, "principe": "LP-RR24-1"},
)
PLAN_ZONDER_PRINCIPES = Message(
    "plan-zonder-principes", "principes", "dekking",
    "Geen enkele actie van een plan past een leidend principe toe (waarschuwing)",
    "Plan {need}: geen enkele actie past een leidend principe van {visie_titel} toe.",
    "Koppel de acties aan de principes die zij toepassen met  :principes: LP-…",
    {"need": "UP-VOORBEELD", **_VISIE},
)

# ------------------------------------------------------------------ integriteit

ACTIE_ZONDER_DOEL = Message(
    "actie-zonder-doel", "integriteit", "items",
    "Een actie noemt geen opgave en geen taak",
    "Actie {need} werkt aan geen enkele ontwikkelopgave of wettelijke taak.",
    "Noem minstens één opgave of taak, bijvoorbeeld  :opgaven: {opgave}",
    {**_ACTIE, "opgave": "OG-RR24-1"},
)
EIND_VOOR_START = Message(
    "eind-voor-start", "integriteit", "items",
    "Einddatum voor de begindatum",
    "Actie {need} eindigt ({eind}) voordat zij begint ({start}).",
    "Zet de einddatum na de begindatum, bijvoorbeeld  :eind: {jaar}-12-31",
    {**_ACTIE, "eind": "2024-01-31", "start": "2024-03-01", "jaar": "2024"},
)
BUITEN_LOOPTIJD = Message(
    "buiten-looptijd", "integriteit", "items",
    "Datum buiten de looptijd van de regiovisie",
    "Actie {need}: de {naam}datum {waarde} valt buiten de looptijd van {visie_titel} "
    "({visie_start} tot en met {visie_eind}).",
    "Kies een datum binnen de looptijd, bijvoorbeeld  :{naam}: {grens}",
    {**_ACTIE, **_VISIE, "naam": "start", "waarde": "2023-06-01", "visie_start": "2024-01-01",
     "visie_eind": "2027-12-31", "grens": "2024-01-01"},
)
ITEM_VAN_ANDERE_VISIE = Message(
    "item-van-andere-visie", "integriteit", "items",
    "Een actie noemt een opgave of taak van een andere regiovisie",
    "Actie {need} noemt {item}, maar die {soort} hoort niet bij {visie_titel}, de regiovisie van dit plan.",
    "Noem alleen {link} van {visie}, of zet de actie in een plan onder de juiste regiovisie.",
    {**_ACTIE, **_VISIE, "item": "OG-RR20-1", "soort": "opgave", "link": "opgaven"},
)
VASTGESTELD_ZONDER_DATUM = Message(
    "vastgesteld-zonder-datum", "integriteit", "items",
    "Een vastgesteld plan zonder datum van vaststelling",
    "Plan {need} is vastgesteld, maar de datum van vaststelling ontbreekt.",
    "Voeg de datum van het besluit toe, bijvoorbeeld  :vastgesteld_op: 2024-03-12",
    {"need": "UP-VOORBEELD"},
)
VASTGESTELD_ZONDER_BESLUIT = Message(
    "vastgesteld-zonder-besluit", "integriteit", "items",
    "Een vastgesteld plan zonder het besluit als bron",
    "Plan {need} is vastgesteld, maar het besluit staat er niet bij.",
    "Leg het besluit vast als bron en verwijs ernaar met  :bronnen: BR-…  (of zet de status op concept).",
    {"need": "UP-VOORBEELD"},
)
GEMEENTE_BUITEN_REGIO = Message(
    "gemeente-buiten-regio", "integriteit", "items",
    "Plan voor een gemeente buiten de regio",
    "Plan {need} noemt gemeente {naam}, maar die hoort niet bij de regio van {visie_titel}.",
    "Kies een gemeente van de regio ({aantal} gemeenten, zie de pagina Gemeenten), of zet het plan onder "
    "de regiovisie van die gemeente.",
    {"need": "UP-VOORBEELD", "naam": "Buitendorp", **_VISIE, "aantal": "17"},
)
UITZONDERING_ANDERE_VISIE = Message(
    "uitzondering-andere-visie", "integriteit", "items",
    "Een uitzondering voor een opgave of taak van een andere regiovisie",
    "Uitzondering {need} betreft {item}, maar die {soort} hoort niet bij {visie_titel}, de regiovisie "
    "van dit plan; zij dekt dus niets.",
    "Noem een opgave of taak van {visie} in  :betreft:  of haal de uitzondering weg.",
    {"need": "UZ-VOORBEELD-1", "item": "OG-RR20-1", "soort": "opgave", **_VISIE},
)

# ------------------------------------------------------------------ uitzondering

UITZONDERING_VERLOPEN = Message(
    "uitzondering-verlopen", "uitzondering", "items",
    "Verlopen uitzondering",
    "Uitzondering {need} voor {betreft} is verlopen op {geldig_tot} (peildatum {peildatum}); zij telt "
    "niet meer als dekking.",
    "Voeg een actie toe met  :{link}: {betreft}  of verleng de uitzondering met een nieuw besluit:  "
    ":geldig_tot: JJJJ-MM-DD",
    {"need": "UZ-VOORBEELD-1", "betreft": "OG-RR24-4", "geldig_tot": "2024-12-31",
     "peildatum": "2025-06-01", "link": "opgaven"},
)

# ------------------------------------------------------------------ plaatshouder

PLAATSHOUDER = Message(
    "plaatshouder", "plaatshouder", "items",
    "Een item bevat nog VUL IN uit het sjabloon van een nieuwe kennisbank (waarschuwing)",
    "{soort} {need} bevat nog een plaatshouder (VUL IN) in {waar}.",
    "Vervang elke VUL IN door de tekst uit de bron, bijvoorbeeld de echte titel van de regiovisie.",
    {"soort": "Regiovisie", "need": "RV-KENNEM", "waar": "de titel, de tekst"},
)

# ------------------------------------------------------------------ uitzondering: een besluit dat een lezer kan nagaan

UITZONDERING_BUITEN_LOOPTIJD = Message(
    "uitzondering-buiten-looptijd", "uitzondering", "items",
    "Een uitzondering geldt langer dan de regiovisie (of eindigt ervoor)",
    "Uitzondering {need} geldt tot en met {geldig_tot}, maar de regiovisie {visie} loopt van {visie_start} "
    "tot en met {visie_eind}. Een uitzondering geldt nooit langer dan haar regiovisie; zo telt zij niet "
    "als dekking.",
    "Kies de datum uit het besluit, binnen de looptijd: uiterlijk  :geldig_tot: {visie_eind}  . Na de "
    "regiovisie besluit het college opnieuw, in het plan onder de nieuwe regiovisie.",
    {"need": "UZ-VOORBEELD-1", "geldig_tot": "9999-12-31", "visie": "RV-RR24", "visie_start": "2024-01-01",
     "visie_eind": "2027-12-31"},
)
BESLUIT_ONVINDBAAR = Message(
    "besluit-onvindbaar", "uitzondering", "items",
    "Bij :besluit: staat geen besluit dat een lezer kan vinden",
    'Uitzondering {need}: bij :besluit: staat "{besluit}". Daaruit blijkt niet {ontbreekt}, dus een '
    "lezer kan het besluit niet vinden; zo telt de uitzondering niet als dekking.",
    "Noem wie besloot en wanneer of met welk kenmerk, bijvoorbeeld  :besluit: Collegebesluit 12 maart "
    "2024, kenmerk 2024-123  , of leg het besluit vast als bron en noem die:  :besluit: BR-…",
    {"need": "UZ-VOORBEELD-1", "besluit": "Besluit 1",
     "ontbreekt": "wie besloot (het college, de raad, de burgemeester)"},
)
BESLUIT_BRON_ONBEKEND = Message(
    "besluit-bron-onbekend", "uitzondering", "items",
    "Bij :besluit: staat een bron die niet in de kennisbank staat",
    "Uitzondering {need} noemt bij :besluit: de bron {bron}, maar die bron staat niet in de kennisbank; "
    "zo telt de uitzondering niet als dekking.",
    "Leg het besluit vast als bron (een blok {{bron}} met  :id: {bron}  in requirements/bronnen.md), of "
    "schrijf het besluit uit:  :besluit: Collegebesluit 12 maart 2024, kenmerk 2024-123",
    {"need": "UZ-VOORBEELD-1", "bron": "BR-BESLUIT-2024"},
)
MOTIVERING_TE_KORT = Message(
    "motivering-te-kort", "uitzondering", "items",
    "De motivering van een uitzondering is geen hele zin",
    'Uitzondering {need}: de motivering "{motivering}" is geen hele zin. Een lezer moet kunnen zien '
    "waarom het plan deze opgave of taak niet oppakt; zo telt de uitzondering niet als dekking.",
    "Schrijf de reden uit het besluit in minstens vier woorden (twintig letters of cijfers), bijvoorbeeld  "
    ":motivering: De centrumgemeente voert dit uit voor de hele regio.",
    {"need": "UZ-VOORBEELD-1", "motivering": "Reden"},
)

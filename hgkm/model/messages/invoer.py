"""Messages of the rule invoer: what Sphinx and sphinx-needs found while reading, in Dutch.

hgkm.rules.invoer maps each English build warning to one of these (by pattern),
hgkm.rules.schema each schema violation of sphinx-needs.
"""

from __future__ import annotations

from hgkm.model.messages.message import Message

_TYPEN = "regiovisie, taak, principe, opgave, toetssteen, meting, gemeente, plan, actie, uitzondering, bron"

# ------------------------------------------------------------------ links and ids

DODE_KOPPELING = Message(
    "dode-koppeling", "invoer", "items",
    "Dode koppeling: een ID die niet bestaat",
    "{need} verwijst met :{field}: naar {target}, maar een item met die ID bestaat niet (dode koppeling).",
    "Controleer de spelling van de ID; scheid meerdere ID's met komma's, zonder [ ].",
    {"need": "UA-VOORBEELD-1", "field": "opgaven", "target": "OG-RR24-9"},
)
VERKEERDE_SOORT = Message(
    "verkeerde-soort", "invoer", "items",
    "Koppeling naar de verkeerde soort item",
    "{need} verwijst met :{field}: naar {target}, maar dat is een {actual}; hier hoort een {allowed}.",
    "Verwijs met :{field}: naar een {allowed} (zie de pagina Metamodel).{elders}",
    {"need": "UA-VOORBEELD-1", "field": "opgaven", "target": "WT-GEM-1", "actual": "taak",
     "allowed": "opgave", "elders": " Een taak noemt u met  :taken: WT-GEM-1"},
)
YAML_LIJST = Message(
    "yaml-lijst", "invoer", "items",
    "Lijst geschreven als YAML: [A, B]",
    "{need}: de lijst bij :{field}: staat tussen haken ([...]), zoals in YAML. Dan worden de haken deel "
    "van de ID's en vindt de kennisbank ze niet.",
    "Schrijf {lijst} zonder haken, gescheiden door komma's:  :{field}: {lijst}",
    {"need": "UA-VOORBEELD-1", "field": "opgaven", "lijst": "OG-RR24-1, OG-RR24-2"},
)
ONBEKENDE_GEMEENTE = Message(
    "onbekende-gemeente", "invoer", "items",
    "Onbekende gemeente",
    "{need} noemt gemeente {target}, maar die gemeente staat niet in de kennisbank.",
    "Controleer de ID op de pagina Gemeenten (bijvoorbeeld GM-VLAARDINGEN). Staat de gemeente er echt niet "
    "bij, voeg dan eerst een gemeente-item toe.",
    {"need": "UP-VOORBEELD", "target": "GM-ONBEKEND"},
)
ID_ONGELDIG = Message(
    "id-ongeldig", "invoer", "items",
    "ID past niet in het patroon (kleine letters, spaties, verkeerd voorvoegsel)",
    "De ID {need} is ongeldig: een ID bestaat uit hoofdletters, cijfers en streepjes en begint met het "
    "voorvoegsel van de soort.",
    "Schrijf de ID bijvoorbeeld als UA-GEMEENTE-1. Het item is niet opgenomen tot dit is opgelost.",
    {"need": "ua-a-klein"},
)
ID_DUBBEL = Message(
    "id-dubbel", "invoer", "items",
    "Dezelfde ID twee keer",
    "De ID {need} komt twee keer voor.",
    "Geef één van beide items een andere, unieke ID. Het tweede item is niet opgenomen.",
    {"need": "UA-VOORBEELD-1"},
)
ID_ONTBREEKT = Message(
    "id-ontbreekt", "invoer", "items",
    "ID ontbreekt",
    "Dit item heeft geen ID, dus het is niet opgenomen.",
    "Voeg direct onder de openingsregel een regel toe als  :id: UA-GEMEENTE-1",
)
ID_LEEG = Message(
    "id-leeg", "invoer", "items",
    "ID staat er, maar is leeg",
    "Dit item heeft een lege :id:, dus het is niet opgenomen.",
    "Vul de ID in, bijvoorbeeld  :id: UA-GEMEENTE-1",
)
TITEL_ONTBREEKT = Message(
    "titel-ontbreekt", "invoer", "items",
    "Titel ontbreekt op de openingsregel",
    "Dit item heeft geen titel.",
    "Zet de titel op de openingsregel, achter de soort, bijvoorbeeld  :::{{actie}} Voorlichting op scholen",
)

# ------------------------------------------------------------------ options

OPTIE_ZONDER_NAAM = Message(
    "optie-zonder-naam", "invoer", "items",
    "Een optie zonder naam (:: waarde)",
    "Een regel in dit item begint met :: en heeft dus geen naam van een veld.",
    "Zet de naam tussen de dubbele punten, bijvoorbeeld  :eigenaar: Afdeling Zorg",
)
OPTIE_ONBEKEND = Message(
    "optie-onbekend", "invoer", "items",
    "Typfout in een optie (:opgave:)",
    "De optie :{option}: bestaat niet{suggestie}.",
    "Gebruik een optie uit de pagina Metamodel{suggestie_fix}.",
    {"option": "opgave", "suggestie": " (bedoelt u opgaven?)", "suggestie_fix": ", bijvoorbeeld opgaven"},
)
VELD_ONGELDIG = Message(
    "veld-ongeldig", "invoer", "items",
    "Een veld dat leeg of ongeldig is, zodat het item niet gemaakt kan worden",
    "Het veld :{field}: van dit item is leeg of ongeldig, dus het item is niet opgenomen.",
    "Vul het veld in zoals de pagina Metamodel beschrijft, of haal de regel weg.",
    {"field": "opgaven"},
)
VELD_HOORT_ELDERS = Message(
    "veld-hoort-elders", "invoer", "items",
    "Een veld dat bij een andere soort item hoort (:eigenaar: bij een plan)",
    "{need}: het veld :{field}: hoort niet bij een {soort}, dus de waarde is weggelaten.",
    "Haal de regel weg, of zet het veld bij een item van de soort waar het bij hoort (zie de pagina Metamodel).",
    {"need": "UP-VOORBEELD", "field": "eigenaar", "soort": "plan"},
)
OPTIES_KAPOT = Message(
    "opties-kapot", "invoer", "blokken",
    "Een waarde die met | of > begint, of een aanhalingsteken dat niet sluit",
    "Een waarde in de opties van dit {{{naam}}}-blok begint met | of >, of met een aanhalingsteken dat niet "
    "wordt gesloten; daardoor telt geen enkele optie van dit blok mee, ook de :id: niet.",
    'Begin de waarde met een letter of cijfer, of zet haar helemaal tussen aanhalingstekens, bijvoorbeeld  '
    ':eigenaar: "|Afdeling Zorg|"',
    {"naam": "actie"},
)

# ------------------------------------------------------------------ schema (sphinx-needs' metamodel check)

VERPLICHT_VELD = Message(
    "verplicht-veld", "invoer", "items",
    "Verplicht veld ontbreekt (bijvoorbeeld :eigenaar: of :plan: bij een actie)",
    "Bij {wat} ontbreekt het verplichte veld :{field}:.",
    "Voeg een regel toe, bijvoorbeeld  {voorbeeld}",
    {"wat": "actie UA-VOORBEELD-1", "field": "eigenaar", "voorbeeld": ":eigenaar: Afdeling Maatschappelijke Ontwikkeling"},
)
WAARDE_NIET_TOEGESTAAN = Message(
    "waarde-niet-toegestaan", "invoer", "items",
    "Onbekende status (of een andere waarde die niet in de lijst staat)",
    'Bij {wat} is :{field}: "{value}" geen toegestane waarde.',
    "Kies een van: {toegestaan}. Bijvoorbeeld  :{field}: {eerste}",
    {"wat": "actie UA-VOORBEELD-1", "field": "status", "value": "bezig",
     "toegestaan": "gepland, lopend, afgerond, vervallen", "eerste": "gepland"},
)
GEEN_DATUM = Message(
    "geen-datum", "invoer", "items",
    "Datum in de verkeerde vorm",
    'Bij {wat} is :{field}: "{value}" geen geldige datum.',
    "Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld  {voorbeeld}",
    {"wat": "actie UA-VOORBEELD-1", "field": "start", "value": "1-3-2024", "voorbeeld": ":start: 2024-01-01"},
)
ID_LIJST = Message(
    "id-lijst", "invoer", "items",
    "Meer dan één ID bij één item",
    "Bij {wat} is de ID ongeldig.",
    "Gebruik een ID als UA-GEMEENTE-1.",
    {"wat": "actie UA-VOORBEELD-1"},
)
VELD_VERBODEN = Message(
    "veld-verboden", "invoer", "items",
    "Een koppeling die deze soort item niet mag hebben",
    "Een {soort} mag geen :{field}: hebben ({wat} noemt {ids}).",
    "Haal de regel :{field}: weg.",
    {"soort": "gemeente", "field": "opgaven", "wat": "gemeente GM-VOORBEELD", "ids": "OG-RR24-1"},
)
MEER_DAN_EEN = Message(
    "meer-dan-een", "invoer", "items",
    "Actie in twee plannen (of een ander veld met meer dan één ID)",
    "Bij {wat} noemt :{field}: meer dan één item ({ids}).",
    "Laat één ID staan, bijvoorbeeld  :{field}: {eerste}",
    {"wat": "actie UA-VOORBEELD-1", "field": "plan", "ids": "UP-A, UP-B", "eerste": "UP-A"},
)
VELD_LEEG = Message(
    "veld-leeg", "invoer", "items",
    "Verplicht veld staat er, maar is leeg",
    "Bij {wat} is :{field}: leeg.",
    "Vul het veld in, bijvoorbeeld  {voorbeeld}",
    {"wat": "actie UA-VOORBEELD-1", "field": "eigenaar", "voorbeeld": ":eigenaar: Afdeling Maatschappelijke Ontwikkeling"},
)
ID_VERKEERD_VOORVOEGSEL = Message(
    "id-verkeerd-voorvoegsel", "invoer", "items",
    "ID met het voorvoegsel van een andere soort",
    "De ID {need} past niet bij de soort {soort}: die begint met {voorvoegsel}.",
    "Geef het item een ID als {voorvoegsel}…, of gebruik de juiste soort.",
    {"need": "UP-VOORBEELD-1", "soort": "actie", "voorvoegsel": "UA-"},
)
VERKEERDE_VORM = Message(
    "verkeerde-vorm", "invoer", "items",
    "Veld in de verkeerde vorm (bijvoorbeeld de centrumgemeente als naam in plaats van ID)",
    'Bij {wat} heeft :{field}: "{value}" niet de vorm die het metamodel vraagt.',
    "Schrijf het zoals de pagina Metamodel beschrijft, bijvoorbeeld  {voorbeeld}",
    {"wat": "gemeente GM-VOORBEELD", "field": "centrumgemeente", "value": "Rotterdam",
     "voorbeeld": ":centrumgemeente: GM-ROTTERDAM"},
)
SCHEMA_ANDERS = Message(
    "schema-anders", "invoer", "items",
    "Een ander veld dat niet klopt met het metamodel",
    "Bij {wat} klopt :{field}: niet: {msg}.",
    "Vergelijk het item met de pagina Metamodel en met het voorbeeldplan.",
    {"wat": "actie UA-VOORBEELD-1", "field": "eind", "msg": "…"},
)
ITEM_NIET_GEMAAKT = Message(
    "item-niet-gemaakt", "invoer", "items",
    "Een item dat sphinx-needs om een andere reden niet kon maken",
    "Een item kon niet worden gemaakt: {reason}",
    "Vergelijk het item met de pagina Metamodel en met het voorbeeldplan.",
    {"reason": "…"},
)

# ------------------------------------------------------------------ blocks

BLOK_ZONDER_SOORT = Message(
    "blok-zonder-soort", "invoer", "blokken",
    "Een blok zonder soort (:::{} Titel)",
    "Dit blok heeft tussen {{ }} geen soort.",
    "Schrijf de soort tussen de haakjes, bijvoorbeeld  :::{{actie}} Voorlichting op scholen",
)
BLOK_ONBEKEND = Message(
    "blok-onbekend", "invoer", "blokken",
    "Typfout in de soort van een blok ({actei}) op een pagina in docs/",
    "Het blok {{{directive}}} bestaat niet{suggestie}.",
    "Gebruik een van de soorten: {typen}{suggestie_fix}. De inhoud van dit blok is niet opgenomen.",
    {"directive": "actei", "suggestie": " (bedoelt u actie?)", "suggestie_fix": ", bijvoorbeeld actie",
     "typen": _TYPEN},
)
BLOK_TEKST_EN_OPTIES = Message(
    "blok-tekst-en-opties", "invoer", "blokken",
    "Tekst op de openingsregel van een blok met opties",
    "Bij het blok {{{naam}}} staat tekst op de openingsregel én staan er opties onder; dit blok hoort op de "
    "openingsregel geen tekst te hebben.",
    "Zet de tekst onder de opties, na een lege regel.",
    {"naam": "note"},
)
BLOK_OPTIE_ZONDER_NAAM = Message(
    "blok-optie-zonder-naam", "invoer", "blokken",
    "Een optie zonder naam in een blok (:: waarde)",
    "Een regel in het blok {{{naam}}} begint met :: en heeft dus geen naam van een optie; die regel telt niet mee.",
    "Zet de naam tussen de dubbele punten, of haal de regel weg.",
    {"naam": "note"},
)
BLOK_OPTIE_ONBEKEND = Message(
    "blok-optie-onbekend", "invoer", "blokken",
    "Een optie die het blok niet kent",
    "Het blok {{{naam}}} kent de optie :{option}: niet; die regel telt niet mee.",
    "Gebruik een van deze opties: {mag_kaal}, of haal de regel weg.",
    {"naam": "note", "option": "kleur", "mag_kaal": ":class:, :name:"},
)
BLOK_GEEN_TEKST = Message(
    "blok-geen-tekst", "invoer", "blokken",
    "Tekst in een blok dat geen tekst mag hebben (zoals {include})",
    "In het blok {{{naam}}} mag geen tekst staan; die tekst komt niet op de site.",
    "Zet de tekst buiten het blok, onder de regel die het afsluit.",
    {"naam": "include"},
)
BLOK_WAARDE_PAST_NIET = Message(
    "blok-waarde-past-niet", "invoer", "blokken",
    "Een optie van een blok met een waarde die niet past",
    "De waarde {waarde} past niet bij de optie :{option}: van het blok {{{naam}}}; die regel telt niet mee.",
    "Kijk in het voorbeeld welke waarde er hoort (vaak een getal), of haal de regel weg.",
    {"waarde": "eerste", "option": "start-line", "naam": "include"},
)
BLOK_ARGUMENT_ONTBREEKT = Message(
    "blok-argument-ontbreekt", "invoer", "blokken",
    "Een {include} zonder bestandsnaam",
    "Het blok {{{naam}}} mist wat er achter de openingsregel hoort (bijvoorbeeld een bestandsnaam).",
    "Zet het op de openingsregel achter {{{naam}}}, of haal het blok weg.",
    {"naam": "include"},
)
BLOK_LEEG = Message(
    "blok-leeg", "invoer", "blokken",
    "Een leeg blok (ook een {csv-table} zonder rijen)",
    "Het blok {{{naam}}} is leeg.",
    "Zet tekst tussen de openingsregel en de regel die het blok afsluit, of haal het blok weg.",
    {"naam": "note"},
)
BLOK_ANDERS = Message(
    "blok-anders", "invoer", "blokken",
    "Een ander probleem met een blok",
    "Het blok {{{naam}}} klopt niet en is overgeslagen.",
    "Vergelijk het blok met de voorbeelden op de pagina Meldingen en in het voorbeeldplan; vraag zo nodig een beheerder.",
    {"naam": "…"},
)
INCLUDE_ONTBREEKT = Message(
    "include-ontbreekt", "invoer", "blokken",
    "Een {include} van een bestand dat er niet is (alleen in docs/)",
    "Het bestand {pad} bestaat niet, dus dit blok kan het niet invoegen.",
    "Controleer de naam en de map van het bestand, of haal het blok weg.",
    {"pad": "docs/bestaat-niet.md"},
)
CODE_TAAL_ONBEKEND = Message(
    "code-taal-onbekend", "invoer", "blokken",
    "Een codeblok met een taal die niet bestaat (```planning)",
    "De taal {taal} achter de openingsregel van dit codeblok bestaat niet; de code staat er zonder kleuren.",
    "Schrijf  ```text  voor gewone tekst, of een bekende taal zoals  ```python  of  ```json",
    {"taal": "planning"},
)
CODE_ONGELDIG = Message(
    "code-ongeldig", "invoer", "blokken",
    "Een codeblok dat niet is wat het zegt (```json met iets anders)",
    "De inhoud van dit codeblok is geen geldige {taal}; de code staat er zonder kleuren.",
    "Verbeter de code, of schrijf  ```text  als het gewone tekst is.",
    {"taal": "json"},
)

# ------------------------------------------------------------------ plain text and pages

KOP_SLAAT_OVER = Message(
    "kop-slaat-over", "invoer", "tekst",
    "Een kop slaat een niveau over (# en dan ###)",
    "Deze kop slaat een niveau over: na een kop met {van} #-tekens komt er een met {naar}.",
    "Gebruik steeds één # meer dan de kop erboven: # Plan, ## Onderdeel, ### Deel daarvan.",
    {"van": "1", "naar": "3"},
)
EERSTE_KOP = Message(
    "eerste-kop", "invoer", "tekst",
    "De eerste kop heeft meer dan één #",
    "De eerste kop van dit bestand heeft {naar} #-tekens; een pagina begint met één #.",
    "Begin het bestand met een kop als  # Uitvoeringsplan Gemeentenaam",
    {"naar": "2"},
)
LINK_WERKT_NIET = Message(
    "link-werkt-niet", "invoer", "tekst",
    "Een link naar een pagina die niet bestaat",
    "De link naar {doel} werkt niet: die pagina of kop bestaat niet in de kennisbank.",
    "Controleer de bestandsnaam (met .md) of de kop; een item noemt u met  {{need}}`OG-RR24-1`",
    {"doel": "niet-bestaand.md"},
)
VERWIJZING_WERKT_NIET = Message(
    "verwijzing-werkt-niet", "invoer", "tekst",
    "Een verwijzing naar een item dat niet bestaat",
    "De verwijzing {{need}}`{doel}` werkt niet: een item met die ID bestaat niet.",
    "Controleer de spelling van de ID, bijvoorbeeld  {{need}}`OG-RR24-1`",
    {"doel": "UA-VOORBEELD-9"},
)
AFBEELDING_ONTBREEKT = Message(
    "afbeelding-ontbreekt", "invoer", "tekst",
    "Een afbeelding die niet bestaat",
    "De afbeelding {doel} bestaat niet in de kennisbank.",
    "Zet het bestand in dezelfde map als de pagina en controleer de naam, of haal de afbeelding weg.",
    {"doel": "requirements/uitvoeringsplannen/ontbreekt.png"},
)
ROL_ONBEKEND = Message(
    "rol-onbekend", "invoer", "tekst",
    "Onbekende opmaak met {…}",
    "{{{rol}}}`…` is geen bekende opmaak in de tekst.",
    "Verwijs naar een item met  {{need}}`OG-RR24-1`; schrijf andere tekst zonder {{…}}.",
    {"rol": "onbekend"},
)
ZONDER_TITEL = Message(
    "bestand-zonder-titel", "invoer", "tekst",
    "Leeg bestand (of een bestand zonder titel)",
    "Dit bestand is leeg of heeft geen titel, dus de site kan er niet naar verwijzen.",
    "Begin het bestand met een titelregel, bijvoorbeeld  # Uitvoeringsplan Vlaardingen  en zet het plan "
    "eronder (kopieer het voorbeeldplan), of verwijder het bestand.",
)
NIET_IN_INHOUD = Message(
    "niet-in-inhoudsopgave", "invoer", "tekst",
    "Plan in de verkeerde map",
    "Dit bestand staat in geen enkele inhoudsopgave: lezers van de site vinden het niet.",
    "Zet een uitvoeringsplan in de map requirements/uitvoeringsplannen/ (die map komt vanzelf in de "
    "inhoudsopgave). Een andere pagina neemt u op in een toctree, bijvoorbeeld in index.md.",
)
INHOUD_VERWIJST_NAAR_NIETS = Message(
    "inhoudsopgave-dood", "invoer", "tekst",
    "Een inhoudsopgave (toctree) die een bestand noemt dat er niet is",
    "De inhoudsopgave verwijst naar {doc}, maar dat bestand bestaat niet.",
    "Controleer de naam (zonder .md) of haal de regel uit de toctree weg.",
    {"doc": "requirements/bestaat-niet"},
)
ONVERTAALD = Message(
    "onvertaald", "invoer", "tekst",
    "Een melding van Sphinx die de kennisbank (nog) niet vertaalt",
    "Sphinx meldt: {tekst}",
    "Lees de melding en vergelijk het bestand met het voorbeeldplan; vraag zo nodig een beheerder.",
    {"tekst": "…"},
)
ZONDER_TEKST = Message(
    "zonder-tekst", "invoer", "items",
    "Een titel, verplicht veld of beschrijving met alleen leestekens, streepjes of puntjes",
    'Bij {wat} staat bij {waar} alleen "{waarde}": geen letters of cijfers. Een lezer leest daar niets; het '
    "telt als leeg.",
    "Schrijf het in woorden, bijvoorbeeld  {voorbeeld}",
    {"wat": "actie UA-VOORBEELD-1", "waar": ":eigenaar:", "waarde": "-",
     "voorbeeld": ":eigenaar: Afdeling Maatschappelijke Ontwikkeling"},
)

"""Messages of the rule vertrouwen: what a content file may not use (hgkm.sources.trust decides)."""

from __future__ import annotations

from hgkm.model.messages.message import Message

ANDERS = ("Gebruik in een uitvoeringsplan alleen de blokken plan, actie en uitzondering, kaders als {note} en "
          "{warning}, tabellen en afbeeldingen uit de kennisbank (zie de handleiding).")
_PLAN = {"opening": "{needtable}", "waar": "een uitvoeringsplan"}
_LINK_FIX = "Link naar een pagina van de kennisbank of naar een website met https://."

# ------------------------------------------------------------------ blocks

FILTER_BLOK = Message(
    "filter-blok", "vertrouwen", "vertrouwen",
    "Een overzicht met een filter in een plan ({needtable}, {needlist}, {needflow}, …), of {needextend} / "
    "{needimport}; ook in een bestand van de regiovisie",
    "Het blok {opening} mag niet in {waar}: overzichten met een filter voeren code uit bij het bouwen, en "
    "needextend of needimport veranderen of halen items van anderen.",
    "Haal het blok weg: de kennisbank maakt de overzichten zelf (de pagina van de gemeente, het "
    "dekkingsoverzicht). Een overzicht op maat hoort in docs/, dat de beheerders bijhouden.",
    _PLAN,
)
INVOEG_BLOK = Message(
    "invoeg-blok", "vertrouwen", "vertrouwen",
    "Een {include} of {literalinclude} in een plan",
    "Het blok {opening} mag niet in {waar}: het voegt een ander bestand in, en dat heeft andere eigenaars "
    "dan dit bestand.",
    "Zet de tekst in dit bestand zelf, of verwijs met een link naar de andere pagina.",
    {**_PLAN, "opening": "{include}"},
)
ITEM_IN_PLAN = Message(
    "item-in-plan", "vertrouwen", "vertrouwen",
    "Een item van de regiovisie in een plan ({opgave}, {gemeente}, …)",
    "Het blok {opening} mag niet in {waar}: een uitvoeringsplan bevat alleen een plan, acties en "
    "uitzonderingen. De andere items houdt de centrumgemeente bij in requirements/.",
    "Haal het blok weg en verwijs naar het item met  {{need}}`ID` . Ontbreekt een opgave, taak of gemeente, "
    "vraag de centrumgemeente die in requirements/ op te nemen.",
    {**_PLAN, "opening": "{opgave}"},
)
BLOK_TYPFOUT = Message(
    "blok-typfout", "vertrouwen", "vertrouwen",
    "Typfout in de soort van een blok ({actei}) in een plan",
    "Het blok {opening} mag niet in {waar} (bedoelt u {suggestie}?).",
    "Schrijf {{{suggestie}}}. De inhoud van dit blok is niet opgenomen.",
    {**_PLAN, "opening": "{actei}", "suggestie": "actie"},
)
BLOK_NIET_IN_PLAN = Message(
    "blok-niet-in-plan", "vertrouwen", "vertrouwen",
    "Een ander blok dat niet in een plan hoort",
    "Het blok {opening} mag niet in {waar}.",
    ANDERS.replace("{", "{{").replace("}", "}}"),
    {**_PLAN, "opening": "{video}"},
)
BLOK_NIET_IN_REGIO = Message(
    "blok-niet-in-regio", "vertrouwen", "vertrouwen",
    "Een blok dat niet in een bestand van de regiovisie hoort",
    "Het blok {opening} mag niet in {waar}.",
    "Gebruik de blokken van het metamodel, kaders, tabellen en afbeeldingen; vraag de beheerders om iets anders.",
    {"opening": "{video}", "waar": "een bestand van de regiovisie"},
)
NIET_UITGEVOERD = Message(
    "blok-niet-uitgevoerd", "vertrouwen", "vertrouwen",
    "Een blok op een plek die de eerste controle niet ziet (in een definitielijst of voetnoot)",
    "Het blok {{{naam}}} mag niet in dit bestand en is niet uitgevoerd.",
    ANDERS.replace("{", "{{").replace("}", "}}"),
    {"naam": "needtable"},
)
TE_DIEP = Message(
    "te-diep", "vertrouwen", "vertrouwen",
    "Meer dan 20 blokken in elkaar",
    "Hier staan meer dan {maximum} blokken in elkaar (het buitenste begint op regel {buitenste}). Zo diep kan "
    "de site ze niet lezen.",
    "Zet de blokken naast elkaar in plaats van in elkaar; een plan heeft er nooit meer dan een paar in "
    "elkaar nodig.",
    {"maximum": "20", "buitenste": "3"},
)
RAUW = Message(
    "rauw", "vertrouwen", "vertrouwen",
    "Een raw-blok of een {eval-rst}-blok (ook in docs/)",
    "Een raw- of eval-rst-blok zet HTML of scripts rechtstreeks in de pagina; dat mag niet op deze openbare site.",
    "Haal het blok weg en schrijf de inhoud als gewone tekst (zie de pagina Meldingen).",
)
INVOEG_LAGER = Message(
    "invoeg-lager", "vertrouwen", "vertrouwen",
    "Een plan of een bestand van de regiovisie ingevoegd in een pagina van docs/",
    "Het blok {{include}} voegt {doel} in. Dat bestand beheren de gemeenten of de centrumgemeente; in een "
    "pagina van docs/ zou zijn inhoud draaien met de rechten van de beheerders.",
    "Verwijs met een link naar de pagina van dat bestand in plaats van het in te voegen.",
    {"doel": "../requirements/uitvoeringsplannen/vlaardingen-2022.md"},
)
BLOK_ANDERE_SITE = Message(
    "blok-andere-site", "vertrouwen", "vertrouwen",
    "Een afbeelding van een andere website",
    "Het blok {opening} laadt een afbeelding van een andere website ({doel}). Die site ziet dan elke "
    "bezoeker van deze site.",
    "Zet de afbeelding in de kennisbank, in dezelfde map als de pagina, en verwijs ernaar met de bestandsnaam.",
    {"opening": "{image}", "doel": "https://example.org/logo.png"},
)
BLOK_BUITEN = Message(
    "blok-buiten", "vertrouwen", "vertrouwen",
    "Een bestand van buiten de kennisbank (ook in docs/)",
    "Het blok {opening} haalt een bestand van buiten de kennisbank op ({doel}). Dat mag niet: zo kunnen "
    "gegevens van de bouwmachine op de openbare site komen.",
    "Verwijs alleen naar een bestand in de kennisbank, bijvoorbeeld een afbeelding in dezelfde map als de pagina.",
    {"opening": "{include}", "doel": "../../etc/passwd"},
)
TABEL_ELDERS = Message(
    "tabel-elders", "vertrouwen", "vertrouwen",
    "Een tabel uit een ander bestand of van een website",
    "De optie :{optie}: van {{csv-table}} haalt de tabel uit een ander bestand of van een andere website. "
    "Dat mag niet: de tabel hoort in de pagina zelf.",
    "Zet de rijen van de tabel in het blok zelf, of gebruik {{list-table}}.",
    {"optie": "file"},
)

# ------------------------------------------------------------------ need options

TITEL_REKENT = Message(
    "titel-rekent", "vertrouwen", "vertrouwen",
    "[[ … ]] of << … >> in de titel van een item",
    "In de titel staat [[ of << >>: zo rekent sphinx-needs een waarde uit met code. Dat mag niet in een planbestand.",
    "Schrijf de titel als gewone tekst, zonder [[ ]] en << >>.",
)
SPHINX_NEEDS_OPTIE = Message(
    "sphinx-needs-optie", "vertrouwen", "vertrouwen",
    "Een optie die sphinx-needs kent, maar het metamodel niet (:layout:, :jinja_content:, :template:, :delete:, …)",
    "De optie :{optie}: mag niet in een planbestand: zij verandert hoe sphinx-needs het item maakt of toont, "
    "buiten het metamodel om.",
    "Haal de regel weg. Welke velden een item heeft staat op de pagina Metamodel.",
    {"optie": "layout"},
)
WAARDE_REKENT = Message(
    "waarde-rekent", "vertrouwen", "vertrouwen",
    "[[ … ]] of << … >> in een waarde",
    "In de waarde van :{optie}: staat [[ of << >>: zo rekent sphinx-needs een waarde uit met code. Dat mag "
    "niet in een planbestand.",
    "Schrijf de waarde als gewone tekst, bijvoorbeeld  :{optie}: OG-RR24-1",
    {"optie": "opgaven"},
)
TEKST_REKENT = Message(
    "tekst-rekent", "vertrouwen", "vertrouwen",
    "[[ … ]] of << … >> in de tekst van een item",
    "In de tekst van dit item staat [[ of <<: zo rekent sphinx-needs een waarde uit met code. Dat mag niet in "
    "dit bestand; het item is niet opgenomen.",
    "Schrijf de tekst zonder [[ en <<, bijvoorbeeld met gewone haakjes: ( ).",
)
KOPPELING_VOORWAARDE = Message(
    "koppeling-voorwaarde", "vertrouwen", "vertrouwen",
    "Een koppeling met iets anders dan ID's (OG-RR24-1[…])",
    "In :{optie}: staat {waarde}. Een koppeling noemt alleen ID's: wat tussen [ ] staat, voert sphinx-needs "
    "uit als code. Het item is niet opgenomen.",
    "Schrijf alleen de ID's, gescheiden door komma's, bijvoorbeeld  :{optie}: OG-RR24-1, OG-RR24-3",
    {"optie": "opgaven", "waarde": "OG-RR24-1[status == 'x']"},
)
YAML_OPTIES = Message(
    "yaml-opties", "vertrouwen", "vertrouwen",
    "Opties als YAML tussen --- en --- in een blok",
    "Dit item geeft zijn opties als YAML tussen --- en ---. Die vorm controleert de kennisbank niet, dus hij "
    "mag niet in een planbestand.",
    "Schrijf elke optie op een eigen regel als  :naam: waarde  direct onder de openingsregel.",
)
INSTELLINGEN = Message(
    "instellingen", "vertrouwen", "vertrouwen",
    "Instellingen bovenaan het bestand (--- … ---)",
    "Dit bestand begint met instellingen tussen --- en ---. Daarmee kan een bestand de controles van de "
    "kennisbank uitzetten; dat mag alleen in docs/.",
    "Haal de regels tot en met de tweede --- weg; begin het bestand met de titel (# …).",
)

# ------------------------------------------------------------------ text: roles and links

ROL_VERBODEN = Message(
    "rol-verboden", "vertrouwen", "vertrouwen",
    "Een rol die een plan niet mag gebruiken ({download}`…`, {need_count}`…`)",
    "De opmaak {{{rol}}}`…` mag niet in dit bestand (alleen {{need}}, {{doc}} en {{ref}}).",
    "Verwijs naar een item met  {{need}}`OG-RR24-1`  en naar een pagina met een gewone link.",
    {"rol": "download"},
)
ROL_NIET_UITGEVOERD = Message(
    "rol-niet-uitgevoerd", "vertrouwen", "vertrouwen",
    "Een rol op een plek die de eerste controle niet ziet",
    "De opmaak {{{rol}}}`…` mag niet in dit bestand; alleen de tekst is overgenomen.",
    "Verwijs naar een item met  {{need}}`OG-RR24-1`  en naar een pagina met een gewone link.",
    {"rol": "download"},
)
AFBEELDING_VERBODEN = Message(
    "afbeelding-verboden", "vertrouwen", "vertrouwen",
    "Een Markdown-afbeelding van buiten de kennisbank of van een andere website",
    "Deze afbeelding wijst naar {reden}. Dat mag niet op deze openbare site.",
    "Zet de afbeelding in de kennisbank, in dezelfde map als de pagina.",
    {"reden": "een afbeelding van een andere website (die site ziet dan elke bezoeker)"},
)
LINK_VERBODEN = Message(
    "link-verboden", "vertrouwen", "vertrouwen",
    "Een link naar een bestand buiten de kennisbank, in een verborgen map, of (in een plan) naar een los bestand",
    "Deze link wijst naar {reden}. Dat mag niet op deze openbare site.",
    _LINK_FIX,
    {"reden": "een bestand buiten de kennisbank (../../.git/config)"},
)
LINK_VOLGENDE_REGEL = Message(
    "link-volgende-regel", "vertrouwen", "vertrouwen",
    "Hetzelfde, met het doel van de link op de volgende regel",
    "Deze {soort} (met het doel op de volgende regel) wijst naar {reden}. Dat mag niet op deze openbare site.",
    _LINK_FIX,
    {"soort": "link", "reden": "een bestand buiten de kennisbank (../../.git/config)"},
)
LINKDEFINITIE_VERBODEN = Message(
    "linkdefinitie-verboden", "vertrouwen", "vertrouwen",
    "Een linkdefinitie ([naam]: doel) naar een bestand buiten de kennisbank",
    "Deze linkdefinitie wijst naar {reden}. Dat mag niet op deze openbare site.",
    _LINK_FIX,
    {"reden": "een bestand buiten de kennisbank (../../.git/config)"},
)

# ------------------------------------------------------------------ files and needs

SNELKOPPELING = Message(
    "snelkoppeling", "vertrouwen", "vertrouwen",
    "Een snelkoppeling (symlink) als bronbestand",
    "Dit bestand is een snelkoppeling (symlink) naar een ander bestand. De kennisbank leest het niet: zo zou "
    "een bestand van buiten de kennisbank op de site komen.",
    "Zet de tekst zelf in dit bestand in plaats van een snelkoppeling.",
)
ANDERE_EXTENSIE = Message(
    "andere-extensie", "vertrouwen", "vertrouwen",
    "Een planbestand met een andere extensie (.MD, .markdown, .txt)",
    "Dit bestand heet {naam}: de kennisbank leest alleen bestanden die eindigen op .md (kleine letters), dus "
    "de inhoud staat niet op de site.",
    "Geef het bestand de naam {stam}.md, of haal het weg.",
    {"naam": "PLAN.MD", "stam": "PLAN"},
)
ID_IN_ANDER_BESTAND = Message(
    "id-in-ander-bestand", "vertrouwen", "vertrouwen",
    "Dezelfde ID in twee bestanden",
    "De ID {need} staat ook in {ander} (regel {regel}). Een ID hoort bij één bestand: anders vervangt het "
    "item uit het ene bestand dat van het andere, en keurt de verkeerde gemeente het goed.",
    "Geef het item in het bestand dat niet van u is een eigen ID, of haal het daar weg.",
    {"need": "UA-VLA-2022-1", "ander": "requirements/uitvoeringsplannen/00-kopie.md", "regel": "10"},
)
ANDER_BESTAND = Message(
    "ander-bestand", "vertrouwen", "vertrouwen",
    "Een actie of uitzondering bij het plan van een ander bestand",
    "{Soort} {need} hoort bij plan {plan}, maar dat plan staat in een ander bestand ({plan_bestand}). Een "
    "{soort} staat altijd in het bestand van haar plan: wie dat bestand beheert, keurt haar goed.",
    "Verplaats het blok naar {plan_bestand}, of noem het plan uit dit bestand bij  :plan:",
    {"Soort": "Actie", "soort": "actie", "need": "UA-VOORBEELD-1", "plan": "UP-VLA-2022",
     "plan_bestand": "requirements/uitvoeringsplannen/vlaardingen-2022.md"},
)

# ------------------------------------------------------------------ files beside the plans

BEELD_SVG = Message(
    "beeld-svg", "vertrouwen", "vertrouwen",
    "Een SVG-afbeelding in de map met plannen",
    "Dit bestand is een SVG-afbeelding ({naam}). Een SVG kan een script bevatten, dat dan op het adres van de "
    "kennisbank draait bij elke lezer die de afbeelding opent. Daarom zet de kennisbank geen SVG uit de map met "
    "plannen op de site.",
    "Sla de afbeelding op als PNG (in uw tekenprogramma: Exporteren als PNG), zet {stam}.png in de plaats van "
    "{naam} en verwijs in het plan naar {stam}.png.",
    {"naam": "kaart.svg", "stam": "kaart"},
)
BEELD_TE_GROOT = Message(
    "beeld-te-groot", "vertrouwen", "vertrouwen",
    "Een te grote afbeelding naast een plan",
    "De afbeelding {naam} is {grootte} MB. Een afbeelding naast een plan mag hoogstens {max} MB zijn: zo blijft de "
    "site snel, ook op een telefoon. De kennisbank zet haar niet op de site.",
    "Maak de afbeelding kleiner (minder pixels, of bewaar een foto als JPG) en vervang het bestand.",
    {"naam": "foto.png", "grootte": "12,4", "max": "5"},
)
BEELD_KLOPT_NIET = Message(
    "beeld-klopt-niet", "vertrouwen", "vertrouwen",
    "Een bestand dat eindigt op .png, .jpg, .gif of .webp maar geen afbeelding van die soort is",
    "Dit bestand heet {naam}, maar de inhoud is geen {soort}-afbeelding{wat}. Een bestand dat zich voordoet als "
    "afbeelding kan een script bevatten; de kennisbank zet het niet op de site.",
    "Open de afbeelding in een tekenprogramma en sla haar opnieuw op als PNG of JPG, onder dezelfde naam.",
    {"naam": "kaart.png", "soort": "PNG", "wat": " (het is een SVG- of HTML-bestand)"},
)
LOS_BESTAND = Message(
    "los-bestand", "vertrouwen", "vertrouwen",
    "Een ander bestand in de map met plannen (.pdf, .docx, .html, .zip, …)",
    "Dit bestand ({naam}) is geen plan (.md) en geen afbeelding (.png, .jpg, .gif of .webp). De kennisbank zet "
    "het niet op de site.",
    "Haal het bestand weg. Staat er iets in dat lezers moeten weten, zet dat dan in de tekst van het plan, of "
    "link naar de website waar het document staat.",
    {"naam": "begroting.pdf"},
)
BEELD_GEWEIGERD = Message(
    "beeld-geweigerd", "vertrouwen", "vertrouwen",
    "Een afbeelding of link naar een bestand uit de map met plannen dat niet op de site mag",
    "Deze {soort} wijst naar {doel}, en dat bestand mag niet op de site (zie de melding bij dat bestand). De "
    "kennisbank heeft de {soort} weggelaten.",
    "Los de melding bij {doel} op, bijvoorbeeld door er een PNG van te maken; dan verschijnt de {soort} weer.",
    {"soort": "afbeelding", "doel": "kaart.svg"},
)

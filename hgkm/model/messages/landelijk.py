"""Messages of the national overview (`make landelijk`) and of `make nieuwe-regio`.

A region's needs.json is another region's data: each message names the region (the
path or address given in REGIOS) and, where there is one, the item and field. Values
from the file are shown between quotes, shortened, with invisible characters marked.
"""

from __future__ import annotations

from hgkm.model.messages.message import Message

_REGIO = "https://kennemerland.example.nl/needs.json"
_OPNIEUW = ("Deze regio staat niet in het overzicht. Een needs.json die hgkm bij de bouw van een regio maakt, "
            "heeft zo'n waarde nooit: vraag de regio wie het bestand veranderde en laat haar de site opnieuw bouwen.")

GEEN_REGIOS = Message(
    "landelijk-geen-regios", "invoer", "landelijk",
    "make landelijk zonder REGIOS",
    "Er is geen needs.json van een regio genoemd.",
    'Noem de needs.json van de regio\'s, bijvoorbeeld  make landelijk REGIOS="{voorbeeld}"',
    {"voorbeeld": "_build/html/needs.json ../kennemerland/_build/html/needs.json"},
)
BESTAAT_NIET = Message(
    "landelijk-bestaat-niet", "invoer", "landelijk",
    "Een needs.json die niet bestaat",
    "{regio}: dit bestand bestaat niet.",
    "Geef het pad naar de needs.json van een regio; de bouw van een regio zet die in _build/html/needs.json.",
    {"regio": "../kennemerland/_build/html/needs.json"},
)
GEEN_BESTAND = Message(
    "landelijk-geen-bestand", "invoer", "landelijk",
    "Een map of ander pad in plaats van een needs.json",
    "{regio}: dit is geen gewoon bestand (maar bijvoorbeeld een map).",
    "Geef het pad naar het bestand needs.json zelf, bijvoorbeeld {regio}/_build/html/needs.json.",
    {"regio": "../kennemerland"},
)
ADRES = Message(
    "landelijk-adres", "invoer", "landelijk",
    "Een adres dat niet met https:// begint (ftp://, file://, …)",
    "{regio}: dit is geen bestand en geen adres dat begint met https://.",
    "Geef het pad naar een needs.json op deze computer, of het adres op de site van de regio, beginnend met https://.",
    {"regio": "file:///etc/passwd"},
)
HTTP = Message(
    "landelijk-http", "vertrouwen", "landelijk",
    "Een adres met http:// op internet",
    "{regio}: dit adres gebruikt http://, zonder versleuteling: onderweg kan iemand de gegevens veranderen.",
    "Gebruik het adres met https://. Alleen een adres op deze computer of in het eigen netwerk mag met http://.",
    {"regio": "http://kennemerland.example.nl/needs.json"},
)
OPHALEN = Message(
    "landelijk-ophalen", "invoer", "landelijk",
    "Een adres dat niet bereikbaar is (of een foutcode geeft)",
    "{regio}: het bestand kon niet worden opgehaald ({reden}).",
    "Open het adres in een browser om te zien of het klopt, en probeer het opnieuw.",
    {"regio": _REGIO, "reden": "de server antwoordde 404 Not Found"},
)
OMLEIDING_HTTP = Message(
    "landelijk-omleiding-http", "vertrouwen", "landelijk",
    "Een doorverwijzing naar een adres zonder https://",
    "{regio}: de server stuurt door naar {adres}, een adres zonder https://. Zo'n doorverwijzing wordt niet gevolgd.",
    "Geef zelf het adres waar het bestand echt staat, beginnend met https://.",
    {"regio": _REGIO, "adres": "http://kennemerland.example.nl/needs.json"},
)
OMLEIDING_INTERN = Message(
    "landelijk-omleiding-intern", "vertrouwen", "landelijk",
    "Een doorverwijzing naar deze computer of naar het eigen netwerk",
    "{regio}: de server stuurt door naar {adres}, en dat is {ip}: een adres op deze computer of in een eigen "
    "netwerk. Zo kan een server op internet de computer die het overzicht bouwt iets laten ophalen dat niet "
    "openbaar is; de doorverwijzing wordt niet gevolgd.",
    "Staat de needs.json echt op zo'n adres, noem dat adres dan zelf in REGIOS.",
    {"regio": _REGIO, "adres": "https://127.0.0.1/geheim", "ip": "127.0.0.1"},
)
TE_GROOT = Message(
    "landelijk-te-groot", "invoer", "landelijk",
    "Een needs.json die te groot is",
    "{regio}: het bestand is groter dan {grootte}.",
    "Een needs.json van een regio is veel kleiner (enkele MB); controleer of dit het goede bestand is.",
    {"regio": _REGIO, "grootte": "50 MB"},
)
TE_TRAAG = Message(
    "landelijk-te-traag", "invoer", "landelijk",
    "Een server die te lang doet over het bestand",
    "{regio}: het ophalen duurde langer dan {seconden} seconden en is afgebroken.",
    "Probeer het later opnieuw, of download het bestand zelf en geef het pad ernaar.",
    {"regio": _REGIO, "seconden": "60"},
)
GEEN_UTF8 = Message(
    "landelijk-geen-utf8", "invoer", "landelijk",
    "Een needs.json die geen UTF-8-tekst is",
    "{regio}: dit bestand is geen UTF-8-tekst (onleesbaar teken op positie {positie}).",
    "Geef de needs.json die de bouw van de regio maakt; die is altijd UTF-8.",
    {"regio": _REGIO, "positie": "1"},
)
GEEN_JSON = Message(
    "landelijk-geen-json", "invoer", "landelijk",
    "Een bestand dat geen JSON is (bijvoorbeeld een webpagina)",
    "{regio}: dit is geen JSON ({fout}).",
    "Geef de needs.json die de bouw van de regio maakt (_build/html/needs.json), niet een pagina van de site.",
    {"regio": _REGIO, "fout": "regel 1, kolom 1"},
)
TE_DIEP = Message(
    "landelijk-te-diep", "invoer", "landelijk",
    "JSON die te diep genest is",
    "{regio}: de JSON is dieper genest dan een needs.json ooit is.",
    "Geef de needs.json die de bouw van de regio maakt; dit bestand komt daar niet van.",
    {"regio": _REGIO},
)
VORM = Message(
    "landelijk-vorm", "invoer", "landelijk",
    "Een needs.json met een veld van de verkeerde soort, of zonder een veld dat nodig is",
    "{regio}: {waar}: {wat}.",
    "Geef de needs.json die hgkm bij de bouw van de regio maakt; bouw de regio zo nodig opnieuw.",
    {"regio": _REGIO, "waar": "item OG-KEN-1, veld title", "wat": "hier hoort tekst, maar er staat een getal"},
)
REKENCODE = Message(
    "landelijk-rekencode", "vertrouwen", "landelijk",
    "Een waarde die sphinx-needs als code zou uitvoeren ([[ ]], << >>, {{ }}, {% %})",
    "{regio}: {waar}: de waarde bevat {teken} ({wat}). sphinx-needs zou dat uitvoeren op de computer die het "
    "overzicht bouwt.",
    _OPNIEUW,
    {"regio": _REGIO, "waar": "item OG-KEN-1, veld title", "teken": "[[",
     "wat": "het begin van een dynamische functie van sphinx-needs"},
)
KOPPELING = Message(
    "landelijk-koppeling", "vertrouwen", "landelijk",
    "Een koppeling die geen ID is (bijvoorbeeld met een voorwaarde tussen [ ])",
    '{regio}: {waar}: de koppeling "{waarde}" is geen ID van de vorm {vorm}. Een voorwaarde tussen [ ] achter '
    "een ID zou sphinx-needs als code uitvoeren.",
    _OPNIEUW,
    {"regio": _REGIO, "waar": "item OG-KEN-1, veld regiovisie", "waarde": "RV-KEN[…]", "vorm": "RV-KEN"},
)
CODEVELD = Message(
    "landelijk-codeveld", "vertrouwen", "landelijk",
    "Een item met een sjabloon, opmaak of voorwaarden (template, layout, style, constraints, …)",
    "{regio}: {waar}: dit veld is niet leeg. sphinx-needs leest het als sjabloon, opmaak of code.",
    _OPNIEUW,
    {"regio": _REGIO, "waar": "item OG-KEN-1, veld template"},
)
ID_VORM = Message(
    "landelijk-id", "invoer", "landelijk",
    "Een item met een ID die niet bij het metamodel past",
    '{regio}: {waar}: "{waarde}" is geen ID die past bij het metamodel.',
    "Elke ID heeft de vorm uit het metamodel, bijvoorbeeld OG-RR24-1: hoofdletters, cijfers en streepjes, met een "
    "vast voorvoegsel.",
    {"regio": _REGIO, "waar": "de lijst met items", "waarde": "og-ken-1"},
)
SITE = Message(
    "landelijk-site", "vertrouwen", "landelijk",
    "Een adres van de site van de regio dat geen webadres is (javascript:, …)",
    '{regio}: het adres van de site van de regio ("{waarde}") begint niet met https:// of http://.',
    "Zet in conf.py van de regio het adres van haar site (beginnend met https://), of laat het leeg, en bouw "
    "de site opnieuw.",
    {"regio": _REGIO, "waarde": "javascript:alert(1)"},
)
METAMODEL_ONBEKEND = Message(
    "landelijk-metamodel-onbekend", "invoer", "landelijk",
    "Een needs.json zonder de versie van het metamodel",
    '{regio}: in dit bestand staat niet met welk metamodel het is gemaakt (het veld "{veld}" ontbreekt).',
    "Bouw de site van de regio opnieuw met hgkm; die zet de versie erin.",
    {"regio": _REGIO, "veld": "hgkm"},
)
METAMODEL_ANDERS = Message(
    "landelijk-metamodel-anders", "invoer", "landelijk",
    "Een needs.json van een andere hoofdversie van het metamodel",
    "{regio}: gemaakt met metamodel {hun}, dit overzicht gebruikt metamodel {eigen}. Die passen niet bij elkaar.",
    "Werk de regio bij naar dezelfde hoofdversie van hgkm en bouw haar site opnieuw.",
    {"regio": _REGIO, "hun": "2.0", "eigen": "1.0"},
)
DUBBEL = Message(
    "landelijk-dubbel", "invoer", "landelijk",
    "Dezelfde needs.json twee keer in REGIOS",
    "{regio}: dit bestand staat twee keer in REGIOS.",
    "Noem elke regio één keer.",
    {"regio": "../kennemerland/_build/html/needs.json"},
)
BOTSING = Message(
    "landelijk-botsing", "integriteit", "landelijk",
    "Twee regio's met dezelfde ID's",
    "Deze ID's komen in meer dan één regio voor: {lijst}.",
    "Geef de items van elke regio een eigen voorvoegsel (bijvoorbeeld OG-RR24-1 voor Rotterdam Rijnmond); alleen "
    "de landelijke wettelijke taken (WT-) zijn overal hetzelfde.",
    {"lijst": "OG-KEN-1 staat in Kennemerland (a/needs.json) en in Zaanstreek (b/needs.json)"},
)
UITVOER = Message(
    "landelijk-uitvoer", "invoer", "landelijk",
    "Een map voor het overzicht die niet gebruikt kan worden",
    "{map}: {reden}.",
    "Kies met --uit een andere map voor het overzicht (standaard _build/landelijk).",
    {"map": "_build/landelijk-bron", "reden": "deze map bestaat al en is niet door make landelijk gemaakt; "
                                              "er is niets verwijderd"},
)

NIET_OPGENOMEN = Message(
    "landelijk-niet-opgenomen", "invoer", "landelijk",
    "Een of meer regio's niet in het overzicht",
    "{aantal} van de {totaal} regio's staan niet in het overzicht: {bronnen}. De meldingen hierboven zeggen waarom.",
    "Het overzicht toont de andere regio's. Los de meldingen op (of laat de regio haar site opnieuw bouwen) en "
    "draai make landelijk opnieuw.",
    {"aantal": "1", "totaal": "3", "bronnen": _REGIO},
)
GEEN_ENKELE = Message(
    "landelijk-geen-enkele", "invoer", "landelijk",
    "Geen enkele regio kon worden gelezen",
    "Geen van de {totaal} regio's kon in het overzicht worden opgenomen; de meldingen hierboven zeggen waarom.",
    "Er is geen overzicht gemaakt. Los de meldingen op en draai make landelijk opnieuw.",
    {"totaal": "2"},
)

# ------------------------------------------------------------------ make nieuwe-regio

REGIO_NAAM = Message(
    "regio-naam", "invoer", "landelijk",
    "make nieuwe-regio: een naam met andere tekens dan letters en cijfers",
    'De naam "{naam}" mag alleen letters, cijfers, spaties en - . , \' ( ) bevatten.',
    'Noem de regio bij naam, bijvoorbeeld REGIO="Kennemerland".',
    {"naam": "Regio $(shell ls)"},
)
REGIO_GEEN_LETTERS = Message(
    "regio-geen-letters", "invoer", "landelijk",
    "make nieuwe-regio: een naam zonder letters",
    'De naam "{naam}" heeft geen letters of cijfers; daar kan geen voorvoegsel voor de ID\'s uit komen.',
    'Noem de regio bij naam, bijvoorbeeld REGIO="Kennemerland".',
    {"naam": "---"},
)
REGIO_NIET_LEEG = Message(
    "regio-niet-leeg", "invoer", "landelijk",
    "make nieuwe-regio: een map die al bestaat en niet leeg is",
    "De map {doel} bestaat al en is niet leeg. Er is niets overschreven.",
    "Kies een nieuwe map, bijvoorbeeld DOEL=../kennemerland.",
    {"doel": "../kennemerland"},
)
REGIO_DOEL_BESTAND = Message(
    "regio-doel-bestand", "invoer", "landelijk",
    "make nieuwe-regio: DOEL is een bestand",
    "{doel} is een bestand, geen map. Er is niets overschreven.",
    "Kies een nieuwe map, bijvoorbeeld DOEL=../kennemerland.",
    {"doel": "../kennemerland.md"},
)
REGIO_DOEL_BINNEN = Message(
    "regio-doel-binnen", "invoer", "landelijk",
    "make nieuwe-regio: DOEL ligt in deze kennisbank",
    "De map {doel} ligt in deze kennisbank ({bron}): haar bestanden zouden op deze site komen.",
    "Kies een map naast deze kennisbank, bijvoorbeeld DOEL=../kennemerland.",
    {"doel": "kennemerland", "bron": "/home/beheer/hgkm"},
)
REGIO_SCHRIJVEN = Message(
    "regio-schrijven", "invoer", "landelijk",
    "make nieuwe-regio: de map kan niet worden gemaakt",
    "De map {doel} kon niet worden gemaakt of beschreven ({reden}).",
    "Kies een map waar u mag schrijven, bijvoorbeeld DOEL=../kennemerland.",
    {"doel": "/kennemerland", "reden": "geen toestemming"},
)

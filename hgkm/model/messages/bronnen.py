"""Messages of the source scan (rule invoer): what the file itself gets wrong before Sphinx reads it."""

from __future__ import annotations

from hgkm.model.messages.message import Message

MARKDOWN = "Schrijf gewone Markdown: **vet**, *schuin*, [tekst](https://…), lijsten met - (zie de pagina Meldingen)."

OPTIE_TWEE_KEER = Message(
    "optie-twee-keer", "invoer", "items",
    "Dezelfde optie twee keer",
    "De optie :{naam}: staat twee keer in dit item (ook op regel {eerste}); alleen de laatste telt.",
    "Houd één regel :{naam}: over. Meerdere waarden zet u op één regel, gescheiden door komma's.",
    {"naam": "eigenaar", "eerste": "10"},
)
WAARDE_TUSSEN_HAKEN = Message(
    "waarde-tussen-haken", "invoer", "items",
    "Tags of een ander veld als YAML-lijst",
    "De waarde van :{naam}: staat tussen haken ([...]), zoals in YAML; de haken worden dan deel van de tekst.",
    "Schrijf de waarde zonder haken:  :{naam}: {lijst}",
    {"naam": "tags", "lijst": "jeugd, preventie"},
)
NIET_AFGESLOTEN = Message(
    "niet-afgesloten", "invoer", "items",
    "Blok niet afgesloten",
    "Het blok dat hier begint ({opening}) wordt nergens afgesloten: alles tot het einde van het bestand valt "
    "er nu onder.",
    "Sluit het blok af met een regel met alleen  {fence}  (evenveel tekens als de openingsregel), direct na "
    "de laatste regel die erbij hoort.",
    {"opening": ":::{actie}", "fence": ":::"},
)
ITEM_VERDWENEN = Message(
    "item-verdwenen", "invoer", "items",
    "Item verdwenen, bijvoorbeeld omdat het blok is ingesprongen en dus als code wordt gelezen",
    "Dit item staat niet in de kennisbank: {wat} (regel {regel}) is niet opgenomen.",
    "Controleer of het blok goed is geopend en afgesloten en niet in een ander blok of codeblok staat; "
    "vergelijk het met het voorbeeldplan.",
    {"wat": "actie UA-VOORBEELD-1", "regel": "5"},
)
GEEN_UTF8 = Message(
    "geen-utf8", "invoer", "items",
    "Bestand niet opgeslagen als UTF-8",
    "Dit bestand is geen UTF-8-tekst (het teken met code 0x{byte} op regel {regel} is onleesbaar) en is "
    "daarom niet in de kennisbank opgenomen.",
    "Sla het bestand op als UTF-8 (in de meeste editors: Opslaan als, codering UTF-8) en typ letters als é, "
    "ë en ï opnieuw.",
    {"byte": "e9", "regel": "5"},
)
HTML_COMMENTAAR = Message(
    "html-commentaar", "invoer", "tekst",
    "HTML-commentaar <!-- -->",
    "Hier staat HTML-commentaar (<!-- … -->). HTML wordt niet verwerkt: de tekst komt gewoon op de pagina.",
    "Zet voor een regel die niet op de site mag een % aan het begin van de regel.",
)
HTML = Message(
    "html", "invoer", "tekst",
    "HTML in de tekst, ook een HTML-attribuut dat een script start (onerror=, onclick=)",
    "Hier staat HTML{script} ({tag}…). HTML wordt om veiligheidsredenen niet op de site gezet.",
    "Haal de HTML weg. " + MARKDOWN,
    {"script": " met een script", "tag": "<script"},
)
SCRIPT_LINK = Message(
    "script-link", "invoer", "tekst",
    "Link die een script start",
    "Hier staat een link die een script start (javascript:, vbscript: of data:). Zulke links zijn niet toegestaan.",
    "Gebruik alleen links die beginnen met https://, http:// of mailto:, bijvoorbeeld  "
    "[Veilig Thuis](https://veiligthuis.nl)",
)
REGEL_TE_LANG = Message(
    "regel-te-lang", "invoer", "tekst",
    "Regel langer dan het maximum",
    "Deze regel is {lengte} tekens lang; het maximum is {maximum}. Zo'n lange regel is in een wijziging "
    "moeilijk na te lezen en maakt de controle trager.",
    "Breek de alinea op in kortere regels: druk na elke zin op Enter. Eén Enter verandert niets aan de "
    "pagina; een lege regel begint een nieuwe alinea.",
    {"lengte": "12.345", "maximum": "5.000"},
)

"""Messages about what is public (issue 32): personal data in a content file (rule
persoonsgegevens), an owner that looks like a person's name (rule persoonsnaam, a warning),
and the settings a region fills in before its site is published (security.txt, the
accessibility statement)."""

from __future__ import annotations

from hgkm.model.messages.message import Message

PERSOONSGEGEVEN = Message(
    "persoonsgegeven", "persoonsgegevens", "tekst",
    "Een persoonsgegeven in de tekst: e-mailadres, telefoonnummer, BSN, IBAN, straat met huisnummer, "
    "geboortedatum of mailto-link naar een persoonlijk adres",
    "Op regel {regel}, vanaf kolom {kolom}, staat wat lijkt op {soort} ({gemaskeerd}). Alles wat hier wordt "
    "samengevoegd is openbaar: op de website en in de geschiedenis van git. Over huiselijk geweld kan zo'n "
    "gegeven naar een persoon of gezin wijzen.",
    "{advies} Is het al samengevoegd? Meld het dan bij de beheerders: zij halen het ook uit de geschiedenis "
    "(zie de pagina Privacy).",
    {"regel": "12", "kolom": "14", "soort": "een e-mailadres", "gemaskeerd": "j.…nl",
     "advies": "Noem een team of functie zonder adres, of een functioneel adres van de organisatie (zoals "
               "info@…) dat de beheerders in conf.py zetten (hgkm_functionele_adressen)."},
)
PERSOONSNAAM = Message(
    "persoonsnaam", "persoonsnaam", "items",
    "Een eigenaar die op de naam van een persoon lijkt (waarschuwing)",
    "Bij {need} lijkt :eigenaar: de naam van een persoon: '{waarde}'. De eigenaar is een team of een functie; "
    "een naam staat op de openbare site en blijft in de geschiedenis staan, ook als de persoon vertrekt.",
    "Noem het team of de functie, bijvoorbeeld  :eigenaar: Afdeling Zorg  of  :eigenaar: Beleidsadviseur "
    "huiselijk geweld",
    {"need": "UA-VOORBEELD-1", "waarde": "J. de Vries"},
)
PUBLICATIE_PLAATSHOUDER = Message(
    "publicatie-plaatshouder", "invoer", "landelijk",
    "Een instelling voor de publicatie die nog VUL IN of [invullen] bevat (security.txt, "
    "toegankelijkheidsverklaring)",
    "{waar} is nog niet ingevuld: '{waarde}'. Een site die zo gepubliceerd wordt, noemt geen echt contact {doel}.",
    "{oplossing} Zolang dit niet is ingevuld, stopt de bouw van de site voor publicatie (met HGKM_SITE_URL); "
    "een gewone bouw en make check waarschuwen alleen.",
    {"waar": "hgkm_security_contact in conf.py", "waarde": "VUL IN",
     "doel": "voor wie een beveiligingslek wil melden (/.well-known/security.txt)",
     "oplossing": "Zet in conf.py het adres of de pagina waar een lek gemeld kan worden, bijvoorbeeld  "
                  "hgkm_security_contact = \"mailto:security@gemeente.example.nl\""},
)
SECURITY_VERLOPEN = Message(
    "security-verlopen", "invoer", "landelijk",
    "De vervaldatum van security.txt is voorbij of geen datum",
    "hgkm_security_verloopt in conf.py is '{waarde}': {reden}. Na die datum geldt security.txt niet meer "
    "(RFC 9116).",
    "Zet een datum binnen een jaar, bijvoorbeeld  hgkm_security_verloopt = \"{voorbeeld}\"",
    {"waarde": "2025-01-31", "reden": "die datum is voorbij", "voorbeeld": "2026-12-31"},
)

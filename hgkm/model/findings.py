"""Findings: what a rule reports, and how serious each rule is (set in one place)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum


class Ernst(StrEnum):
    """Severity: a blocking finding fails make check, make html and CI."""

    BLOKKEREND = "blokkerend"
    WAARSCHUWING = "waarschuwing"


#: Every rule id and its severity. Add a rule here first.
ERNST: dict[str, Ernst] = {
    "dekking-opgaven": Ernst.BLOKKEREND,
    "dekking-taken": Ernst.BLOKKEREND,
    "integriteit": Ernst.BLOKKEREND,
    "uitzondering": Ernst.BLOKKEREND,
    "invoer": Ernst.BLOKKEREND,
    "vertrouwen": Ernst.BLOKKEREND,
    "principes": Ernst.WAARSCHUWING,
    "termijn": Ernst.WAARSCHUWING,
    "herbeoordeling": Ernst.WAARSCHUWING,
    "plaatshouder": Ernst.WAARSCHUWING,
    "persoonsgegevens": Ernst.BLOKKEREND,
    "persoonsnaam": Ernst.WAARSCHUWING,
    "instemming": Ernst.BLOKKEREND,
}

#: One line per rule, for reports and the guide.
UITLEG: dict[str, str] = {
    "dekking-opgaven": "Elke ontwikkelopgave van de regiovisie heeft per gemeente een actie of een geldige uitzondering.",
    "dekking-taken": "Elke wettelijke taak die de regiovisie noemt heeft per gemeente een actie of een geldige uitzondering (taken van de centrumgemeente alleen bij centrumgemeenten).",
    "integriteit": "Acties en plannen zijn volledig en kloppen met de regiovisie: data, looptijd, gemeenten, besluit.",
    "uitzondering": "Een uitzondering is een besluit dat een lezer kan nagaan: wie besloot en wanneer of met welk kenmerk (of een bron), een motivering van minstens een zin, geldig tot een datum binnen de looptijd van de regiovisie; daarna telt zij niet meer.",
    "invoer": "Wat Sphinx en sphinx-needs bij het lezen van de bestanden vonden: ontbrekende of foute velden, dode koppelingen, onbekende opties.",
    "vertrouwen": "Een bestand gebruikt alleen wat zijn eigenaar mag gebruiken: een uitvoeringsplan beschrijft een plan, het voert geen code uit, leest geen andere bestanden en verandert geen ander plan.",
    "principes": "Acties laten zien welk leidend principe zij toepassen (waarschuwing, blokkeert niet).",
    "herbeoordeling": "Een actie of uitzondering is geschreven tegen een oudere tekst van een opgave, taak of principe; de eigenaar kijkt haar opnieuw na en bevestigt dat met make bevestig (waarschuwing, blokkeert niet).",
    "plaatshouder": "Een item bevat nog een plaatshouder (VUL IN) uit een sjabloon, zoals in een nieuwe kennisbank (waarschuwing, blokkeert niet).",
    "persoonsgegevens": "Geen persoonsgegevens in de tekst: geen e-mailadres (behalve de functionele adressen uit conf.py), telefoonnummer, BSN, IBAN, straat met huisnummer of geboortedatum.",
    "persoonsnaam": "De eigenaar van een actie is een team of functie, geen persoon (waarschuwing, blokkeert niet).",
    "instemming": "Een plan telt alleen voor gemeenten die met het plan instemmen: de eigenaren van elke gemeente die het noemt (.github/eigenaren.toml) zijn eigenaar van het bestand van het plan in CODEOWNERS.",
    "termijn": "Acties die over tijd zijn of niet gestart, uitzonderingen die binnenkort verlopen en plannen die lang concept blijven (waarschuwing, blokkeert niet).",
}


@dataclass(frozen=True)
class Finding:
    """One thing a policy writer must (or should) fix, with place, cause and cure."""

    regel: str
    need_id: str
    bestand: str
    regelnummer: int | None
    melding: str
    oplossing: str
    gemeente: str = ""
    regiovisie: str = ""
    #: the message it was made by (hgkm.model.messages.CATALOGUS)
    code: str = ""

    @property
    def ernst(self) -> Ernst:
        return ERNST[self.regel]

    @property
    def blokkerend(self) -> bool:
        return self.ernst is Ernst.BLOKKEREND

    @property
    def plaats(self) -> str:
        """`file:line` as editors and CI annotations understand it."""
        return f"{self.bestand}:{self.regelnummer or 1}" if self.bestand else "(onbekend bestand)"

    def to_dict(self) -> dict:
        return {**asdict(self), "ernst": str(self.ernst), "plaats": self.plaats}

    @classmethod
    def from_dict(cls, data: dict) -> Finding:
        """Back from to_dict (or from build_meldingen.json): the fields, not the text."""
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})

    def __str__(self) -> str:
        """One line for a terminal or a pre-commit hook: place, cause, fix."""
        return f"{self.plaats}: {self.melding} {self.oplossing}".rstrip()

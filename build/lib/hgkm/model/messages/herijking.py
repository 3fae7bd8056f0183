"""Messages of the rule herbeoordeling: the regiovisie changed under an actie (warnings)."""

from __future__ import annotations

from hgkm.model.messages.message import Message

HERBEOORDELEN = Message(
    "herbeoordelen", "herbeoordeling", "herijking",
    "De tekst van een opgave, taak of principe is veranderd sinds de eigenaar de actie bekeek",
    '{Soort} {need} "{titel}" is geschreven tegen een oudere tekst van {item} "{item_titel}". {wat}',
    "Lees de nieuwe tekst van {item} en pas de {soort} zo nodig aan. Leg daarna vast dat u haar hebt "
    "bekeken:  make bevestig ACTIE={need}  (of zet in het blok de regel  :beoordeeld: {waarde} )",
    {"Soort": "Actie", "soort": "actie", "need": "UA-VOORBEELD-1", "titel": "Voorlichting op scholen",
     "item": "OG-RR24-1", "item_titel": "Sterke lokale teams",
     "wat": 'Wat veranderde: "integraal" werd "integraal en systeemgericht".',
     "waarde": "LP-RR24-1@c1de8a9408, OG-RR24-1@425ed74ef7"},
)

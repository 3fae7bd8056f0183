"""The `{meldingen}` directive: one table of the guide (docs/meldingen.md), from the catalogue.

The guide shows each message as the writer gets it, filled in with the message's
example values, so the guide cannot drift from the text the checks print.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from hgkm.model.findings import ERNST, Ernst
from hgkm.model.messages import GROEPEN, Message, per_groep

KOPPEN = ("Fout", "Melding (wat er mis is)", "Oplossing")


def _cel(*inhoud: nodes.Node, letterlijk: bool = False) -> nodes.entry:
    entry = nodes.entry()
    # a message shows as printed: no curly quotes or ellipsis from smartquotes, so it can be copied
    entry += nodes.paragraph("", "", *inhoud, support_smartquotes=not letterlijk)
    return entry


def _rij(message: Message) -> nodes.row:
    oorzaak, oplossing = message.voorbeeld_teksten()
    titel: list[nodes.Node] = [nodes.Text(message.titel)]
    if ERNST[message.regel] is Ernst.WAARSCHUWING:
        titel.append(nodes.emphasis("", " (waarschuwing)"))
    row = nodes.row(ids=[f"melding-{message.code}"])
    row += _cel(*titel, nodes.Text(" "), nodes.literal("", message.code, classes=["melding-code"]))
    row += _cel(nodes.Text(oorzaak), letterlijk=True)
    row += _cel(nodes.Text(oplossing), letterlijk=True)
    return row


def tabel(messages: list[Message]) -> nodes.table:
    table = nodes.table(classes=["meldingen"])
    group = nodes.tgroup(cols=len(KOPPEN))
    table += group
    for breedte in (30, 40, 30):
        group += nodes.colspec(colwidth=breedte)
    head = nodes.thead()
    kop = nodes.row()
    for tekst in KOPPEN:
        kop += _cel(nodes.Text(tekst))
    head += kop
    body = nodes.tbody()
    for message in messages:
        body += _rij(message)
    group += head
    group += body
    return table


class MeldingenDirective(SphinxDirective):
    """```{meldingen} items```: the messages of one group of the catalogue, as a table."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        groep = self.arguments[0]
        if groep not in GROEPEN:
            raise self.error(f"Onbekende groep {groep}; kies uit: {', '.join(GROEPEN)}.")
        return [tabel(per_groep(groep))]

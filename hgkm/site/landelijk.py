"""The pages of the national overview (hgkm.tools.landelijk writes the project that uses them).

`{landelijke-matrix}` shows the regions side by side, `{regio-overzicht} N` one region.
Both read regios.json beside conf.py and build document trees directly: every text
comes from another region's needs.json, so it is shown as text, never parsed as markup.
"""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

DATA = "regios.json"


def _cel(*inhoud: nodes.Node | str) -> nodes.entry:
    entry = nodes.entry()
    entry += nodes.paragraph("", "", *(nodes.Text(i) if isinstance(i, str) else i for i in inhoud))
    return entry


def tabel(titel: str, koppen: list[str], rijen: list[list[nodes.Node | str]]) -> nodes.table:
    table = nodes.table()
    table += nodes.title("", titel)
    group = nodes.tgroup(cols=len(koppen))
    table += group
    for _ in koppen:
        group += nodes.colspec(colwidth=1)
    head, body = nodes.thead(), nodes.tbody()
    kop = nodes.row()
    for k in koppen:
        kop += _cel(k)
    head += kop
    for rij in rijen:
        row = nodes.row()
        for cel in rij:
            row += _cel(cel)
        body += row
    group += head
    group += body
    return table


def deel(teller: int, noemer: int) -> str:
    return f"{teller} van {noemer} ({round(100 * teller / noemer)} %)" if noemer else "0 van 0"


def _link(tekst: str, adres: str) -> nodes.Node:
    return nodes.reference("", tekst, refuri=adres) if adres else nodes.Text(tekst)


class _Directive(SphinxDirective):
    def data(self) -> dict:
        pad = Path(self.env.srcdir, DATA)
        self.env.note_dependency(str(pad))
        return json.loads(pad.read_text(encoding="utf-8"))


class LandelijkeMatrix(_Directive):
    """Regions x (share of gemeenten with a plan, opgaven covered everywhere, acties over tijd)."""

    def run(self) -> list[nodes.Node]:
        data = self.data()
        rijen: list[list[nodes.Node | str]] = []
        for regio in data["regios"]:
            pagina = nodes.reference("", regio["naam"], internal=True,
                                     refuri=self.env.app.builder.get_relative_uri(self.env.docname, f"regio-{regio['nummer']}"))
            for visie in regio["regiovisies"] or [None]:
                if visie is None:
                    rijen.append([pagina, "(geen regiovisie met gemeenten)", "", "", "", _link("site", regio["site"])])
                    continue
                rijen.append([pagina.deepcopy(), f"{visie['titel']} ({visie['start'][:4]}-{visie['eind'][:4]})",
                              deel(visie["met_plan"], visie["gemeenten"]),
                              f"{visie['overal_gedekt']} van {visie['opgaven']}", str(visie["over_tijd"]),
                              _link("eigen site", regio["site"])])
        uit: list[nodes.Node] = [tabel(f"De regio's naast elkaar (peildatum {data['peildatum']})",
                                       ["Regio", "Regiovisie", "Gemeenten met een plan", "Opgaven overal gedekt",
                                        "Acties over tijd", "Site van de regio"], rijen)]
        if geweigerd := data.get("geweigerd"):
            # the sources as given to make landelijk; why each was left out, it printed
            uit.append(nodes.paragraph("", "Niet in dit overzicht, omdat hun gegevens niet konden worden gelezen of "
                                           "niet veilig waren: " + ", ".join(geweigerd) + "."))
        return uit


class RegioOverzicht(_Directive):
    """One region: its regiovisies and, per gemeente, plan and coverage at a glance."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        regio = next(r for r in self.data()["regios"] if str(r["nummer"]) == self.arguments[0])
        uit: list[nodes.Node] = [nodes.paragraph(
            "", "", nodes.Text("De eigen site van deze regio: "), _link(regio["site"] or "niet bekend", regio["site"]),
            nodes.Text(f". Gegevens uit {regio['bron']}, gemaakt met hgkm {regio['hgkm']}, metamodel "
                       f"{regio['metamodel']}."))]
        for visie in regio["regiovisies"]:
            rijen: list[list[nodes.Node | str]] = [
                [g["naam"], "ja" if g["plan"] else "nee", f"{g['gedekt']} van {g['opgaven']}" if g["plan"] else "-"]
                for g in visie["per_gemeente"]
            ]
            uit.append(tabel(f"{visie['titel']}: gemeenten met een plan {deel(visie['met_plan'], visie['gemeenten'])}, "
                             f"{visie['over_tijd']} acties over tijd",
                             ["Gemeente", "Uitvoeringsplan", "Opgaven gedekt"], rijen))
        if not regio["regiovisies"]:
            uit.append(nodes.paragraph("", "Deze regio heeft nog geen regiovisie met gemeenten."))
        return uit


def setup(app: Sphinx) -> dict:
    app.add_directive("landelijke-matrix", LandelijkeMatrix)
    app.add_directive("regio-overzicht", RegioOverzicht)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

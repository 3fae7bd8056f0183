"""Dashboards as HTML for one page: tables with captions and `<th scope>`, links relative
to the page, a cell's state always in words (WCAG 1.4.1; the colour in hgkm.css only
repeats it). Which method renders which dashboard is a table (RENDERERS), as
sphinx-needs maps its node types to their processors.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from html import escape, unescape

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from hgkm.model.corpus import Need
from hgkm.model.coverage import Dekking, Staat, cel_tekst, overal_gedekt
from hgkm.model.voortgang import voortgang
from hgkm.site import datasets, herijking, item_pages, pdf, render_meting, render_voortgang
from hgkm.site.stand import Stand, gedekt, items_van, toegepast


DEKKING_PAGINA = "docs/dekking"


def _plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


class Renderer:
    """Renders dashboards as HTML for one page, with links relative to it."""

    def __init__(self, app: Sphinx, docname: str, stand: Stand | None = None) -> None:
        self.app = app
        self.docname = docname
        self.stand = stand or Stand.van(app)
        self.corpus = self.stand.corpus

    # links
    def _uri(self, docname: str) -> str:
        return self.app.builder.get_relative_uri(self.docname, docname)

    def need_url(self, need: Need) -> str:
        return f"{self._uri(need.docname)}#{need.id}"

    def pagina_url(self, need: Need) -> str:
        """The generated page of an item if there is one, else the item itself."""
        if need.type in item_pages.PER_TYPE:
            docname = item_pages.pagina(need.type, need.id)
            if docname in self.app.env.all_docs:
                return self._uri(docname)
        return self.need_url(need)

    def link(self, need: Need, text: str | None = None, pagina: bool = False) -> str:
        href = self.pagina_url(need) if pagina else self.need_url(need)
        return f'<a href="{escape(href)}">{escape(text if text is not None else need.id)}</a>'

    def item_link(self, need: Need) -> str:
        return self.link(need, f"{need.id} {need.title}", pagina=True)

    def links(self, needs: Iterable[Need], pagina: bool = False) -> str:
        return ", ".join(self.link(n, pagina=pagina) for n in needs)

    def dekking_anker(self, gemeente: Need, item: Need) -> str:
        return f"{self.pagina_url(gemeente)}#dekking-{item.id.lower()}"

    # building blocks
    @staticmethod
    def tabel(caption: str, kop: list[str], rijen: list[tuple[str, list[str]]], voet: list[tuple[str, list[str]]] = (),
              klasse: str = "", rij_ids: list[str] | None = None) -> str:
        """A table with a caption, column headers and a row header per row (all HTML)."""
        head = "".join(f'<th scope="col">{k}</th>' for k in kop)
        body = "".join(
            f'<tr{f" id={chr(34)}{rij_ids[n]}{chr(34)}" if rij_ids else ""}><th scope="row">{h}</th>'
            + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
            for n, (h, cells) in enumerate(rijen)
        )
        foot = "".join(
            f'<tr><th scope="row">{h}</th>' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>" for h, cells in voet
        )
        return (
            f'<div class="hgkm-tabel" role="region" aria-label="{escape(unescape(_plain(caption)))}" tabindex="0">'
            f'<table class="hgkm {klasse}"><caption>{caption}</caption><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody>{f'<tfoot>{foot}</tfoot>' if foot else ''}</table></div>"
        )

    def cel(self, matrix: Dekking, gemeente: Need, item: Need) -> str:
        cel = matrix.cel(gemeente.id, item.id)
        tekst = escape(cel_tekst(cel.staat, len(cel.acties)))
        if cel.staat is Staat.NVT:
            tekst = '<abbr title="niet van toepassing">n.v.t.</abbr>'
        klasse = f"hgkm-staat hgkm-{cel.staat.name.lower()}"
        if cel.staat is Staat.GEDEKT:
            tekst = f'<a href="{escape(self.dekking_anker(gemeente, item))}">{tekst}</a>'
        elif cel.staat is Staat.UITZONDERING and cel.uitzondering:
            tekst = self.link(cel.uitzondering, "uitzondering")
        return f'<span class="{klasse}">{tekst}</span>'

    # dashboards
    def matrix(self, items_soort: str, regiovisie: str = "") -> str:
        matrices = [m for m in self.stand.matrices if not regiovisie or m.regiovisie.id == regiovisie]
        if not matrices:
            return "<p>Er zijn nog geen gemeenten met een regiovisie vastgelegd.</p>"
        return "".join(self._matrix(m, items_soort) for m in matrices)

    def _matrix(self, m: Dekking, soort: str) -> str:
        items = items_van(m, soort)
        wat = "ontwikkelopgaven" if soort == "opgaven" else "wettelijke taken"
        if not items:
            return f"<p>{escape(m.regiovisie.title)} noemt geen {wat}.</p>"
        kop = ["Gemeente"] + [self.link(i, i.id, pagina=True) for i in items] + ["Totaal gedekt"]
        legenda = ('<dl class="hgkm-legenda" aria-label="Kolommen van de tabel">'
                   + "".join(f"<dt>{self.link(i, i.id, pagina=True)}</dt><dd>{escape(i.title)}</dd>" for i in items)
                   + "</dl>")
        rijen = []
        for g in m.gemeenten:
            van_toepassing = toegepast(m, g, items)
            if m.heeft_plan(g.id):
                totaal = f"{sum(gedekt(m.cel(g.id, i.id).staat) for i in van_toepassing)} van {len(van_toepassing)}"
            else:
                totaal = "geen plan"
            rijen.append((self.link(g, g.title, pagina=True), [self.cel(m, g, i) for i in items] + [totaal]))
        met_plan = [g for g in m.gemeenten if m.heeft_plan(g.id)]
        kolommen = []
        for i in items:
            relevant = [g for g in met_plan if m.cel(g.id, i.id).staat is not Staat.NVT]
            kolommen.append(f"{sum(gedekt(m.cel(g.id, i.id).staat) for g in relevant)} van {len(relevant)}")
        overal, alle = overal_gedekt(m, soort)
        voet = [("Gemeenten met een plan die dit dekken", kolommen + [f"{overal} van {alle} overal gedekt"])]
        caption = (f"Dekking van de {wat} van de {escape(m.regiovisie.title)} per gemeente "
                   f"(peildatum {self.stand.peildatum.isoformat()})")
        return legenda + self.tabel(caption, kop, rijen, voet, klasse="hgkm-matrix")

    def stand_van_zaken(self) -> str:
        if not self.stand.matrices:
            return "<p>Er zijn nog geen gemeenten met een regiovisie vastgelegd.</p>"
        delen = []
        for m in self.stand.matrices:
            met_plan = sum(m.heeft_plan(g.id) for g in m.gemeenten)
            og, og_alle = overal_gedekt(m, "opgaven")
            wt, wt_alle = overal_gedekt(m, "taken")
            open_plekken = sum(c.staat is Staat.ONGEDEKT for c in m.cellen.values())
            zonder = [g for g in m.gemeenten if not m.heeft_plan(g.id)]
            regels = [
                # "1 van de 14 gemeenten heeft": the verb agrees with the number in front
                f"<strong>{met_plan} van de {len(m.gemeenten)}</strong> gemeenten "
                f"{'heeft' if met_plan == 1 else 'hebben'} een uitvoeringsplan.",
                f"<strong>{og} van de {og_alle}</strong> ontwikkelopgaven {'is' if og == 1 else 'zijn'} "
                "gedekt in elke gemeente met een plan.",
            ]
            if wt_alle:  # older regiovisies name no wettelijke taken
                regels.append(
                    f"<strong>{wt} van de {wt_alle}</strong> wettelijke taken {'is' if wt == 1 else 'zijn'} "
                    "gedekt in elke gemeente met een plan."
                )
            regels.append(
                f"<strong>{open_plekken}</strong> open plekken: een opgave of taak zonder actie of uitzondering."
            )
            if zonder:
                regels.append("Nog geen plan: " + ", ".join(self.link(g, g.title, pagina=True) for g in zonder) + ".")
            meer = ""
            if DEKKING_PAGINA in self.app.env.all_docs:
                meer = f'<p><a href="{escape(self._uri(DEKKING_PAGINA))}">Bekijk het dekkingsoverzicht per gemeente</a></p>'
            delen.append(
                f'<section class="hgkm-stand" aria-label="Stand van zaken {escape(m.regiovisie.title)}">'
                f"<p>{self.link(m.regiovisie, m.regiovisie.title)} "
                f"(peildatum {self.stand.peildatum.isoformat()}):</p>"
                "<ul>" + "".join(f"<li>{r}</li>" for r in regels) + f"</ul>{meer}</section>"
            )
        return "".join(delen)

    def gemeente(self, gemeente_id: str) -> str:
        g = self.corpus.needs.get(gemeente_id)
        if g is None or g.type != "gemeente":
            return f"<p>Gemeente {escape(gemeente_id)} staat niet (meer) in de kennisbank.</p>"
        delen = [f"<p>Zie ook het item {self.link(g)} met de bron.</p>"]
        rol = g.get("rol") or "onbekend"
        centrum = self.corpus.first([g.get("centrumgemeente") or ""], "gemeente")
        feiten = [("Rol", escape(str(rol)))]
        if centrum and centrum.id == g.id:
            # no link to the page itself (an empty href, which pa11y rejects)
            feiten.append(("Centrumgemeente", f"{escape(centrum.title)} (deze gemeente)"))
        elif centrum:
            feiten.append(("Centrumgemeente", self.link(centrum, centrum.title, pagina=True)))
        delen.append("<dl class=\"hgkm-feiten\">" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in feiten) + "</dl>")
        matrices = [m for m in self.stand.matrices if any(x.id == g.id for x in m.gemeenten)]
        if not matrices:
            delen.append("<p>Deze gemeente valt (nog) onder geen regiovisie in de kennisbank.</p>")
        for m in matrices:
            delen.append(self._gemeente_onder(m, g))
        return "".join(delen)

    def _gemeente_onder(self, m: Dekking, g: Need) -> str:
        rv = m.regiovisie
        delen = [f"<h2>{escape(rv.title)}</h2>"]
        plannen = m.plannen.get(g.id, [])
        if not plannen:
            delen.append(
                f"<p><strong>Geen plan.</strong> {escape(g.title)} heeft nog geen uitvoeringsplan onder "
                f"{self.link(rv, rv.title)}. Daarom is geen enkele opgave of taak gedekt.</p>"
            )
            return "".join(delen)
        delen.append("<h3>Uitvoeringsplannen</h3><ul>")
        for p in plannen:
            anderen = [x for x in self.corpus.gemeenten_of(p) if x.id != g.id]
            samen = (" Samen met " + ", ".join(self.link(x, x.title, pagina=True) for x in anderen) + " (subregionaal plan)."
                     if anderen else " Eigen plan.")
            delen.append(f"<li>{self.link(p, p.title)} (status: {escape(p.status or 'onbekend')}).{samen}</li>")
        delen.append("</ul>")
        plan_ids = {p.id for p in plannen}
        per_plan_ = self.stand.acties_per_plan
        acties = sorted({a.id: a for p in plan_ids for a in per_plan_.get(p, [])}.values(), key=lambda a: a.id)
        delen.append("<h3>Acties</h3>")
        if acties:
            verdacht = self.stand.te_herbeoordelen
            rijen = [
                (self.link(a, f"{a.id} {a.title}") + (' <span class="hgkm-herbeoordelen">(te herbeoordelen)</span>'
                                                       if a.id in verdacht else ""),
                 [escape(a.status or ""), escape(str(voortgang(a, self.stand.peildatum, self.stand.corpus))),
                  escape(str(a.get("eigenaar") or "")),
                  f"{escape(str(a.get('start') or '?'))} t/m {escape(str(a.get('eind') or '?'))}",
                  self.links(self.corpus.resolve([*a.link("opgaven"), *a.link("taken"), *a.link("principes")]),
                             pagina=True)])
                for a in acties
            ]
            delen.append(self.tabel(f"Acties van {escape(g.title)} (voortgang op de peildatum "
                                    f"{self.stand.peildatum.isoformat()})",
                                    ["Actie", "Status", "Voortgang", "Eigenaar", "Planning", "Dient"], rijen))
            delen.append(render_voortgang.gemeente(self, m, g))
        else:
            delen.append("<p>De plannen noemen nog geen acties.</p>")
        eigen = {n.id for p in plan_ids for n in self.stand.needs_per_plan.get(p, [])}
        delen.append(herijking.gemeente(self, eigen))
        delen.append("<h3>Dekking</h3>")
        items = toegepast(m, g, [*m.opgaven, *m.taken])
        rijen, ids, gaten = [], [], []
        for i in items:
            cel = m.cel(g.id, i.id)
            door = self.links(cel.acties) if cel.acties else (self.link(cel.uitzondering) if cel.uitzondering else "")
            rijen.append((self.item_link(i), [f'<span class="hgkm-staat hgkm-{cel.staat.name.lower()}">'
                                               f"{escape(cel_tekst(cel.staat, len(cel.acties)))}</span>", door]))
            ids.append(f"dekking-{i.id.lower()}")
            if cel.staat is Staat.ONGEDEKT:
                gaten.append(i)
        delen.append(self.tabel(f"Dekking van {escape(g.title)} onder {escape(rv.title)}", ["Opgave of taak", "Staat", "Door"],
                                rijen, rij_ids=ids))
        delen.append("<h3>Open plekken</h3>")
        if gaten:
            delen.append("<p>Hier ontbreekt nog een actie of een geldige uitzondering:</p><ul>"
                         + "".join(f"<li>{self.item_link(i)}</li>" for i in gaten) + "</ul>")
        else:
            delen.append("<p>Geen: elke opgave en taak is gedekt door een actie of een uitzondering.</p>")
        return "".join(delen)

    def item(self, item_id: str) -> str:
        i = self.corpus.needs.get(item_id)
        if i is None:
            return f"<p>Item {escape(item_id)} staat niet (meer) in de kennisbank.</p>"
        delen = [f"<p>Bron en context: zie het item {self.link(i)}.</p>"]
        if i.type in ("opgave", "taak"):
            delen.append("<h2>Wie werkt hieraan</h2>")
            matrices = [m for m in self.stand.matrices if any(x.id == i.id for x in [*m.opgaven, *m.taken])]
            for m in matrices:
                rijen = []
                for g in m.gemeenten:
                    cel = m.cel(g.id, i.id)
                    if cel.staat is Staat.NVT:
                        continue
                    door = self.links(cel.acties) if cel.acties else (self.link(cel.uitzondering) if cel.uitzondering else "")
                    rijen.append((self.link(g, g.title, pagina=True), [self.cel(m, g, i), door]))
                delen.append(self.tabel(f"Gemeenten en hun acties voor {escape(i.id)} onder {escape(m.regiovisie.title)}",
                                        ["Gemeente", "Staat", "Acties of uitzondering"], rijen))
            if not matrices:
                delen.append("<p>Geen regiovisie met gemeenten noemt dit item.</p>")
            if i.type == "opgave":
                delen.append(herijking.voortzetting(self, i))
        elif i.type == "principe":
            acties = sorted((a for a in self.corpus.of_type("actie") if i.id in a.link("principes")), key=lambda a: a.id)
            delen.append("<h2>Acties die dit principe toepassen</h2>")
            if acties:
                rijen = []
                for a in acties:
                    gemeenten = self.corpus.gemeenten_of(self.corpus.plan_of(a))
                    rijen.append((self.link(a, f"{a.id} {a.title}"),
                                  [", ".join(self.link(g, g.title, pagina=True) for g in gemeenten), escape(a.status or "")]))
                delen.append(self.tabel(f"Acties die {escape(i.id)} toepassen", ["Actie", "Gemeenten", "Status"], rijen))
            else:
                delen.append("<p>Nog geen actie noemt dit principe.</p>")
        else:
            rv = self.corpus.first(i.link("regiovisie"), "regiovisie")
            if rv:
                delen.append(f"<p>Deze toetssteen meet de voortgang van {self.link(rv, rv.title)} als geheel; "
                             "acties verwijzen er niet naar.</p>")
            delen.append(render_meting.sectie(self, i))
        return "".join(delen)

    def lijst(self, need_type: str) -> str:
        items = sorted((n for n in self.corpus.of_type(need_type)), key=lambda n: n.id)
        if not items:
            return "<p>Nog geen items.</p>"
        soort = item_pages.PER_TYPE.get(need_type)
        titel = soort.kop if soort else need_type
        if need_type == "gemeente":
            rijen = []
            for g in sorted(items, key=lambda n: n.title):
                plannen = [p for m in self.stand.matrices for p in m.plannen.get(g.id, [])]
                open_ = sum(c.staat is Staat.ONGEDEKT for m in self.stand.matrices for (gid, _), c in m.cellen.items()
                            if gid == g.id)
                rijen.append((self.link(g, g.title, pagina=True),
                              [escape(str(g.get("rol") or "")), self.links(plannen) or "geen plan", str(open_)]))
            return self.tabel(titel, ["Gemeente", "Rol", "Plannen", "Open plekken"], rijen)
        rijen = [(self.link(n, n.id, pagina=True),
                  [escape(n.title), self.links(self.corpus.resolve(n.link("regiovisie"), "regiovisie"))]) for n in items]
        return self.tabel(titel, ["ID", "Titel", "Regiovisie"], rijen)

    def downloads(self) -> str:
        target = self.app.builder.get_target_uri(self.docname)
        delen = []
        for g in datasets.GEGEVENSSETS:
            bestanden = "".join(
                f'<li><a href="{escape(relative_uri(target, datasets.pad(naam)))}">{escape(naam)}</a> '
                f"({escape(formaat)})</li>"
                for naam, formaat in g.bestanden
            )
            delen.append(f'<section class="hgkm-download" id="{g.anker}"><h2>{escape(g.titel)}</h2><p>{escape(g.inhoud)}</p>'
                         f"<ul>{bestanden}</ul><p>Licentie: {escape(datasets.LICENTIE)}</p>")
            if g.kolommen:
                delen.append(f"<p>{escape(datasets.FORMULES)}</p>")
            if g.kolommen:
                rijen = [(f"<code>{escape(k)}</code>", [escape(u)]) for k, u in g.kolommen]
                delen.append(self.tabel(f"Kolommen van {escape(g.titel.lower())}", ["Kolom", "Betekenis"], rijen))
            else:
                delen.append(f"<p>{escape(g.kolom_uitleg)}</p>")
            delen.append("</section>")
        if rapporten := pdf.listed(self.app):
            lijst = "".join(f'<li><a href="{escape(relative_uri(target, pad))}">{escape(titel)}</a> (PDF)</li>'
                            for pad, titel in rapporten)
            delen.append('<section class="hgkm-download" id="rapporten"><h2>Voortgangsrapportages (PDF)</h2>'
                         "<p>Per gemeente met een plan en per regio: wat de gemeente per opgave en taak doet en hoe "
                         "ver zij is, de acties over tijd, de open plekken, de uitzonderingen met hun besluit en de "
                         "bronnen. Voor de gemeenteraad; A4, doorzoekbaar en toegankelijk (PDF/UA).</p>"
                         f"<ul>{lijst}</ul></section>")
        return "".join(delen)

    def render(self, node: nodes.Element) -> str:
        return RENDERERS[node["soort"]](self, node)


#: Per kind of dashboard (the directive's `soort`), how it is rendered.
RENDERERS: dict[str, Callable[[Renderer, nodes.Element], str]] = {
    "matrix": lambda r, node: r.matrix(node["items"], node.get("regiovisie", "")),
    "stand": lambda r, node: r.stand_van_zaken(),
    "gemeente": lambda r, node: r.gemeente(node["argument"]),
    "item": lambda r, node: r.item(node["argument"]),
    "lijst": lambda r, node: r.lijst(node["argument"]),
    "downloads": lambda r, node: r.downloads(),
    "voortgang": lambda r, node: render_voortgang.regio(r, over_tijd=node.get("over_tijd", True)),
}

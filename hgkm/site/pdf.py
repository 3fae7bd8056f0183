"""Voortgangsrapportages as PDF: what a raad receives, one per gemeente and one per region.

In the spirit of the Vlaardingen raadsmemo (source 002): a cover with the gemeente, the
regiovisie and the peildatum; per opgave and taak what the gemeente does and how far it
is; the acties over tijd; the open plekken; the uitzonderingen with their besluit; the
sources. HTML made for print (escaped, nothing loaded from anywhere: the url_fetcher
refuses every fetch), turned into tagged PDF/UA by WeasyPrint, A4, searchable.

Written at the end of a build with `hgkm_pdf = True` (`make pdf`: HGKM_PDF=1) into
downloads/pdf/; the downloads page then lists them.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from hgkm.model.corpus import Need
from hgkm.model.coverage import Dekking, Staat, cel_tekst
from hgkm.model.voortgang import Voortgang, samenvatting, telling, voortgang
from hgkm.site.datasets import MAP
from hgkm.site.stand import Stand, toegepast

PDF_MAP = f"{MAP}/pdf"

_CSS = """
@page { size: A4; margin: 20mm 18mm 22mm 18mm;
  @bottom-left { content: string(kop); font-size: 8pt; color: #444; }
  @bottom-right { content: "pagina " counter(page) " van " counter(pages); font-size: 8pt; color: #444; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.4; color: #000; }
h1 { font-size: 22pt; margin: 0 0 4mm; string-set: kop content(); }
h2 { font-size: 14pt; margin: 8mm 0 2mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 5mm 0 1mm; break-after: avoid; }
.omslag { break-after: page; padding-top: 50mm; }
.omslag .soort { font-size: 12pt; text-transform: uppercase; letter-spacing: 0.05em; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; font-size: 9pt; }
caption { text-align: left; font-weight: bold; margin-bottom: 1mm; break-after: avoid; }
th, td { border: 0.5pt solid #777; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
a { color: #0b3a8c; }
td.planning { white-space: nowrap; }
"""


def _refuse(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise ValueError(f"een rapport laadt niets van elders ({url})")


class _Report:
    """One report's HTML: links to the published site when its address is known."""

    def __init__(self, stand: Stand, baseurl: str, project: str) -> None:
        self.stand, self.baseurl, self.project = stand, baseurl.rstrip("/"), project

    def link(self, need: Need, text: str) -> str:
        if not self.baseurl or not need.docname:
            return escape(text)
        return f'<a href="{escape(f"{self.baseurl}/{need.docname}.html#{need.id}")}">{escape(text)}</a>'

    def page(self, title: str, body: str) -> str:
        peil = self.stand.peildatum.isoformat()
        return (f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{escape(title)}</title>'
                f'<meta name="author" content="{escape(self.project)}">'
                f'<meta name="dcterms.created" content="{peil}"><meta name="dcterms.modified" content="{peil}">'
                f"<style>{_CSS}</style></head><body>{body}</body></html>")

    def omslag(self, wie: str, visies: list[Need]) -> str:
        return ('<section class="omslag"><p class="soort">Voortgangsrapportage</p>'
                f"<h1>{escape(wie)}</h1>"
                + "".join(f"<p>{escape(v.title)}</p>" for v in visies)
                + f"<p>Peildatum {self.stand.peildatum.isoformat()}</p>"
                f"<p>Gemaakt uit de kennisbank {escape(self.project)}, met dezelfde berekening als "
                "het dekkingsoverzicht en de controle <code>make check</code>.</p></section>")

    def acties_tabel(self, caption: str, acties: list[Need]) -> str:
        rijen = "".join(
            f"<tr><th scope=\"row\">{self.link(a, f'{a.id} {a.title}')}</th><td>{escape(a.status or '')}</td>"
            f"<td>{escape(str(voortgang(a, self.stand.peildatum, self.stand.corpus)))}</td><td>{escape(str(a.get('eigenaar') or ''))}</td>"
            f"<td class=\"planning\">{escape(str(a.get('start') or '?'))}<br>t/m {escape(str(a.get('eind') or '?'))}</td></tr>"
            for a in acties)
        return (f"<table><caption>{caption}</caption><thead><tr><th scope=\"col\">Actie</th><th scope=\"col\">Status"
                "</th><th scope=\"col\">Voortgang</th><th scope=\"col\">Eigenaar</th><th scope=\"col\">Planning</th>"
                f"</tr></thead><tbody>{rijen}</tbody></table>")

    def gemeente_onder(self, m: Dekking, g: Need, kop: str = "") -> str:
        """One gemeente under one regiovisie; `kop` is the heading (default: the regiovisie)."""
        plannen = m.plannen.get(g.id, [])
        acties = sorted({a.id: a for p in plannen for a in self.stand.acties_per_plan.get(p.id, [])}.values(),
                        key=lambda a: a.id)
        items = toegepast(m, g, [*m.opgaven, *m.taken])
        delen = [f"<h2>{escape(kop or m.regiovisie.title)}</h2>",
                 "<p>Uitvoeringsplan: " + ", ".join(f"{self.link(p, p.title)} (status {escape(p.status or '?')})"
                                                   for p in plannen) + ".</p>",
                 f"<p>De acties op de peildatum: {escape(samenvatting(telling(acties, self.stand.peildatum, self.stand.corpus)))}.</p>",
                 "<h3>Per opgave en taak</h3>"]
        for item in items:
            cel = m.cel(g.id, item.id)
            delen.append(f"<h3>{escape(item.id)} {escape(item.title)}: {escape(cel_tekst(cel.staat, len(cel.acties)))}</h3>")
            if cel.acties:
                delen.append(self.acties_tabel(f"Acties voor {escape(item.id)}", sorted(cel.acties, key=lambda a: a.id)))
            elif cel.uitzondering is not None:
                delen.append(f"<p>Uitzondering {self.link(cel.uitzondering, cel.uitzondering.id)}: "
                             f"{escape(str(cel.uitzondering.get('motivering') or ''))}</p>")
            else:
                delen.append("<p>Hier ontbreekt nog een actie of een uitzondering.</p>")
        laat = [a for a in acties if voortgang(a, self.stand.peildatum, self.stand.corpus) is Voortgang.OVER_TIJD]
        delen.append("<h2>Acties over tijd</h2>")
        delen.append(self.acties_tabel("Acties over tijd", laat) if laat else "<p>Geen enkele actie is over tijd.</p>")
        open_ = [i for i in items if m.cel(g.id, i.id).staat is Staat.ONGEDEKT]
        delen.append("<h2>Open plekken</h2>")
        delen.append("<ul>" + "".join(f"<li>{escape(i.id)} {escape(i.title)}</li>" for i in open_) + "</ul>"
                     if open_ else "<p>Geen: elke opgave en taak is gedekt.</p>")
        delen.append("<h2>Uitzonderingen</h2>" + self.uitzonderingen(plannen))
        delen.append("<h2>Bronnen</h2>" + self.bronnen([m.regiovisie, *plannen]))
        return "".join(delen)

    def uitzonderingen(self, plannen: list[Need]) -> str:
        ids = {p.id for p in plannen}
        uz = [u for u in self.stand.corpus.of_type("uitzondering") if set(u.link("plan")) & ids]
        if not uz:
            return "<p>Dit plan legt geen uitzondering vast.</p>"
        return "<ul>" + "".join(
            f"<li>{self.link(u, f'{u.id} {u.title}')} (voor {escape(', '.join(u.link('betreft')))}): "
            f"{escape(str(u.get('motivering') or ''))} Besluit: {escape(str(u.get('besluit') or 'ontbreekt'))}. "
            f"Geldig tot en met {escape(str(u.get('geldig_tot') or '?'))}.</li>" for u in uz) + "</ul>"

    def bronnen(self, needs: list[Need]) -> str:
        ids = sorted({b for n in needs for b in n.link("bronnen")})
        found = self.stand.corpus.resolve(ids, "bron")
        if not found:
            return "<p>Geen bronnen genoemd.</p>"
        return "<ul>" + "".join(f"<li>{self.link(b, f'{b.id} {b.title}')}{_van(b)}</li>" for b in found) + "</ul>"


def _van(bron: Need) -> str:
    organisatie = str(bron.get("organisatie") or "")
    return f" ({escape(organisatie)})" if organisatie else ""


def _bestand(need: Need) -> str:
    """The file of a gemeente's or a regiovisie's report (the same for writing and listing)."""
    return f"voortgang-{need.id.lower()}.pdf"


def reports(stand: Stand, baseurl: str, project: str) -> dict[str, tuple[str, str]]:
    """file name -> (title, HTML): one per gemeente with a plan, one per regiovisie with plans."""
    r = _Report(stand, baseurl, project)
    result: dict[str, tuple[str, str]] = {}
    gemeenten: dict[str, tuple[Need, list[Dekking]]] = {}
    for m in stand.matrices:
        met_plan = [g for g in m.gemeenten if m.heeft_plan(g.id)]
        for g in met_plan:
            gemeenten.setdefault(g.id, (g, []))[1].append(m)
        if met_plan:
            title = f"Voortgangsrapportage {m.regiovisie.title}"
            body = r.omslag(str(m.regiovisie.get("regio") or m.regiovisie.title), [m.regiovisie]) + "".join(
                r.gemeente_onder(m, g, kop=g.title) for g in met_plan)
            result[_bestand(m.regiovisie)] = (title, r.page(title, body))
    for g, matrices in gemeenten.values():
        title = f"Voortgangsrapportage {g.title}"
        body = r.omslag(g.title, [m.regiovisie for m in matrices]) + "".join(r.gemeente_onder(m, g) for m in matrices)
        result[_bestand(g)] = (title, r.page(title, body))
    return dict(sorted(result.items()))


def write(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html" or not app.config.hgkm_pdf:
        return
    from weasyprint import HTML

    folder = Path(app.outdir, PDF_MAP)
    folder.mkdir(parents=True, exist_ok=True)
    for naam, (_, html) in reports(Stand.van(app), app.config.html_baseurl or "", app.config.project).items():
        HTML(string=html, url_fetcher=_refuse).write_pdf(folder / naam, pdf_variant="pdf/ua-1")


def listed(app: Sphinx) -> list[tuple[str, str]]:
    """(path in the site, title) of the reports a build with hgkm_pdf writes."""
    if not app.config.hgkm_pdf:
        return []
    return [(f"{PDF_MAP}/{naam}", title) for naam, title in _names(Stand.van(app)).items()]


def _names(stand: Stand) -> dict[str, str]:
    names = {}
    for m in stand.matrices:
        met_plan = [g for g in m.gemeenten if m.heeft_plan(g.id)]
        if met_plan:
            names[_bestand(m.regiovisie)] = f"Voortgangsrapportage {m.regiovisie.title}"
        for g in met_plan:
            names[_bestand(g)] = f"Voortgangsrapportage {g.title}"
    return dict(sorted(names.items()))


def setup(app: Sphinx) -> None:
    app.add_config_value("hgkm_pdf", False, "html", types=(bool,))
    app.connect("build-finished", write)

"""Herijking on the site: a mark under each actie written against an older text, and the
"te herbeoordelen" list on each gemeente page (hgkm.model.herijking finds them).

The mark is put beside the need node before sphinx-needs renders it. A plan page is
rewritten when the text of an item its acties serve changes: the incremental build
signs each page with the fingerprints of the needs it links to (hgkm.hooks.incremental).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from html import escape

from docutils import nodes
from sphinx.application import Sphinx

from hgkm.model.corpus import Need
from hgkm.model.herijking import Verdacht
from hgkm.site.stand import Stand

#: The page renderer (hgkm.site.render.Renderer, which calls this module): its links.
Renderer = Any

KOP = "Te herbeoordelen"


def _items(gevallen: Iterable[Verdacht]) -> str:
    return ", ".join(f'{g.item.id} "{g.item.title}"' for g in gevallen)


def _markeer(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    from sphinx_needs.nodes import Need as NeedNode

    needs = [n for n in doctree.findall(NeedNode) if n.get("ids")]
    if not needs:
        return
    gevallen = Stand.van(app).te_herbeoordelen  # once per build, not per page
    for node in needs:
        eigen = gevallen.get(node["ids"][0])
        if not eigen or node.parent is None:
            continue
        soort = eigen[0].need.type
        tekst = (f"De tekst van {_items(eigen)} is veranderd sinds de eigenaar deze {soort} het laatst bekeek. "
                 f"Bekijk de {soort} opnieuw en leg dat vast met  make bevestig ACTIE={eigen[0].need.id}")
        mark = nodes.admonition("", nodes.title("", KOP), nodes.paragraph("", tekst),
                                classes=["attention", "hgkm-herbeoordelen"])
        node.parent.insert(node.parent.index(node) + 1, mark)


def gemeente(r: Renderer, acties_ids: set[str]) -> str:
    """The "te herbeoordelen" section of a gemeente page, for the acties and uitzonderingen of its plans."""
    gevallen = {k: v for k, v in r.stand.te_herbeoordelen.items() if k in acties_ids}
    delen = [f"<h3>{KOP}</h3>"]
    if not gevallen:
        delen.append("<p>Geen: elke actie is bekeken tegen de tekst van nu (of is nog niet vastgelegd).</p>")
        return "".join(delen)
    delen.append("<p>De regiovisie is veranderd sinds de eigenaar deze acties bekeek. Bekijk ze opnieuw en "
                 "leg dat vast met <code>make bevestig ACTIE=…</code>.</p><ul>")
    for need_id in sorted(gevallen):
        eigen = gevallen[need_id]
        need = eigen[0].need
        delen.append(f"<li>{r.link(need, f'{need.id} {need.title}')}: de tekst van "
                     f"{r.links([g.item for g in eigen], pagina=True)} is veranderd.</li>")
    delen.append("</ul>")
    return "".join(delen)


def setup(app: Sphinx) -> None:
    # before sphinx-needs renders the need nodes (process_need_nodes, priority 500)
    app.connect("doctree-resolved", _markeer, priority=450)



def voortzetting(r: Renderer, opgave: Need) -> str:
    """For an opgave that continues one of an earlier regiovisie (`:opvolger_van:`): the old
    opgave and the acties that served it, per gemeente, so a gemeente moving its plan sees
    which of its acties carry over to this opgave. And the other way round."""
    delen = []
    for oud in r.corpus.resolve(opgave.link("opvolger_van"), "opgave"):
        visie = r.corpus.first(oud.link("regiovisie"), "regiovisie")
        onder = f" van {r.link(visie, visie.title)}" if visie else ""
        acties = sorted((a for a in r.corpus.of_type("actie") if oud.id in a.link("opgaven")), key=lambda a: a.id)
        delen.append(f"<h2>Voortzetting van {escape(oud.id)}</h2><p>Deze opgave zet {r.link(oud, oud.title, pagina=True)}"
                     f"{onder} voort.</p>")
        if acties:
            rijen = [(r.link(a, f"{a.id} {a.title}"),
                      [", ".join(r.link(g, g.title, pagina=True) for g in r.corpus.gemeenten_of(r.corpus.plan_of(a))),
                       escape(a.status or "")]) for a in acties]
            delen.append(r.tabel(f"Acties die aan {escape(oud.id)} werkten: kandidaten voor {escape(opgave.id)}",
                                 ["Actie", "Gemeenten", "Status"], rijen))
        else:
            delen.append(f"<p>Geen actie werkte aan {escape(oud.id)}.</p>")
    opvolgers = [n for n in r.corpus.of_type("opgave") if opgave.id in n.link("opvolger_van")]
    if opvolgers:
        delen.append(f"<h2>Voortgezet in</h2><p>Deze opgave wordt voortgezet in {r.links(opvolgers, pagina=True)}.</p>")
    return "".join(delen)

"""Dashboards on the site, computed from the live needs by the code of `make check`.

Directives (each leaves a placeholder that is filled in at `doctree-resolved`,
when every need of the build is read and resolved, as sphinx-needs does for its
needtable and needflow):

- `{dekkingsmatrix}`: gemeenten × opgaven (`:soort: opgaven`) or × wettelijke taken
  (`:soort: taken`), every cell a word, with totals;
- `{stand-van-zaken}`: the state at a glance, for the home page;
- `{gemeente-overzicht} GM-…`: role, plans, acties, coverage and gaps of a gemeente;
- `{item-overzicht} OG-…`: which acties of which gemeenten serve an item;
- `{item-lijst} <type>`: every item of a type, with a link to its page;
- `{downloads}`: the downloads of hgkm.site.downloads with their columns and licence;
- `{voortgang}`: the acties' voortgang at the peildatum (hgkm.site.render_voortgang).

The figures come from hgkm.site.stand (without voorbeeld items), the HTML from
hgkm.site.render; this module holds the directives and their Sphinx glue.
"""

from __future__ import annotations

import hashlib
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from hgkm.hooks import incremental
from hgkm.hooks.state import kept, run
from hgkm.model.corpus import Corpus, peildatum
from hgkm.site.render import Renderer, _plain
from hgkm.model.corpus import zonder_voorbeelden
from hgkm.site.stand import Stand



class dashboard(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """Placeholder, replaced at doctree-resolved by the rendered dashboard."""


class _Dashboard(SphinxDirective):
    soort = ""
    has_content = False

    def node(self, **attrs: Any) -> list[nodes.Node]:
        node = dashboard(soort=self.soort, **attrs)
        self.set_source_info(node)
        if self.soort == "gemeente":
            # A gemeente page shows only its own gemeente: rewritten when what it shows
            # changed (_gewijzigde_gemeentepaginas), not whenever any need changed.
            kept(self.env).gemeentepaginas[self.env.docname] = attrs["argument"]
            return [node]
        # A dashboard depends on every need: hgkm.hooks.incremental rewrites the page
        # whenever any need changed, as it does for sphinx-needs' own overviews.
        incremental.depends_on_all_needs(self.env, self.env.docname)
        return [node]


class DekkingsmatrixDirective(_Dashboard):
    soort = "matrix"
    option_spec = {
        "soort": lambda v: directives.choice(v, ("opgaven", "taken")),
        "regiovisie": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        return self.node(items=self.options.get("soort", "opgaven"), regiovisie=self.options.get("regiovisie", ""))


class StandVanZakenDirective(_Dashboard):
    soort = "stand"

    def run(self) -> list[nodes.Node]:
        return self.node()


class _OneArgument(_Dashboard):
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        return self.node(argument=self.arguments[0].strip())


class GemeenteOverzichtDirective(_OneArgument):
    soort = "gemeente"


class ItemOverzichtDirective(_OneArgument):
    soort = "item"


class ItemLijstDirective(_OneArgument):
    soort = "lijst"


class DownloadsDirective(_Dashboard):
    soort = "downloads"

    def run(self) -> list[nodes.Node]:
        return self.node()


class VoortgangDirective(_Dashboard):
    """`{voortgang}`: the acties' voortgang per gemeente and per opgave; `:over-tijd: nee`
    leaves out the list of acties over tijd (for the dekkingsoverzicht)."""

    soort = "voortgang"
    option_spec = {"over-tijd": lambda v: directives.choice(v, ("ja", "nee"))}

    def run(self) -> list[nodes.Node]:
        return self.node(over_tijd=self.options.get("over-tijd", "ja") == "ja")


# ------------------------------------------------------------------ Sphinx glue


def _vervang(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    found = list(doctree.findall(dashboard))
    if not found:
        return
    renderer = Renderer(app, docname)
    for node in found:
        html = renderer.render(node)
        if app.builder.format == "html":
            node.replace_self(nodes.raw("", html, format="html"))
        else:
            node.replace_self(nodes.paragraph(text=_plain(html)))


def _gewijzigde_gemeentepaginas(app: Sphinx, env: Any) -> list[str]:
    """At env-get-updated: the gemeente pages whose content changed although not re-read.

    Each page is rendered from the needs as read (before sphinx-needs post-processes
    them, which the coverage does not need) and compared with the previous build's.
    """
    from sphinx_needs.data import SphinxNeedsData

    state = kept(env)
    paginas_ = {d: g for d, g in state.gemeentepaginas.items() if d in env.found_docs}
    if not paginas_:
        return []
    needs = SphinxNeedsData(env).get_needs_mutable()
    corpus = Corpus.from_sphinx(needs)
    stand = Stand(zonder_voorbeelden(corpus), peildatum(app.config.hgkm_peildatum or None))
    nieuw = {}
    for docname, gemeente_id in paginas_.items():
        html = Renderer(app, docname, stand).gemeente(gemeente_id)
        nieuw[docname] = hashlib.sha1(html.encode("utf-8")).hexdigest()
    oud, state.gemeente_handtekeningen = state.gemeente_handtekeningen, nieuw
    return sorted(d for d in nieuw if oud and oud.get(d) != nieuw[d])


def _vergeet(app: Sphinx, builder: Any = None) -> None:
    """A new write phase computes the dashboards anew from the needs of this build."""
    run(app).stand = None


def setup(app: Sphinx) -> None:
    app.add_node(dashboard)
    app.add_directive("dekkingsmatrix", DekkingsmatrixDirective)
    app.add_directive("stand-van-zaken", StandVanZakenDirective)
    app.add_directive("gemeente-overzicht", GemeenteOverzichtDirective)
    app.add_directive("item-overzicht", ItemOverzichtDirective)
    app.add_directive("item-lijst", ItemLijstDirective)
    app.add_directive("downloads", DownloadsDirective)
    app.add_directive("voortgang", VoortgangDirective)
    app.connect("env-get-updated", _gewijzigde_gemeentepaginas)
    app.connect("write-started", _vergeet)
    app.connect("doctree-resolved", _vervang)

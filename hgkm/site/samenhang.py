"""A needflow only where it can be read: at most `hgkm_tekening_max` acties in one diagram.

The page of an opgave, principe or taak draws the acties that link to it (a needflow with
`:root_id:` and `:root_depth: 1`). In a region that is a dozen boxes. At national scale an
opgave has 1,710 acties and a principe 3,078: a diagram nobody can read, and the slowest
part of the build (placing and drawing it). Above the limit the diagram gives way to a
sentence that says how many acties there are and where they are listed: the table on the
same page, per gemeente, with links to the gemeente pages.

This runs at doctree-resolved before sphinx-needs draws the needflows (its handler has the
default priority, 500), on the live needs, so the count is exact.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from hgkm.model.corpus import VOORBEELD

#: a diagram with more acties than this is replaced by a sentence (conf.py: hgkm_tekening_max)
TEKENING_MAX = 60


def _incoming(needs: object, root_id: str) -> int:
    """The number of needs (voorbeeld items left out, as the item pages' filter does) linking to root_id."""
    root = needs.get(root_id)  # type: ignore[attr-defined]
    if root is None:
        return 0
    sources = {str(source) for _, links in root.iter_backlinks_items() for source in links}
    return sum(1 for s in sources if s in needs and VOORBEELD not in (needs[s].get("tags") or []))  # type: ignore[operator,index]


def _zin(root_id: str, aantal: int) -> nodes.paragraph:
    return nodes.paragraph(
        "",
        f"Er verwijzen {aantal} acties naar {root_id}. Dat zijn er te veel voor een leesbare tekening. "
        "De tabel hierboven noemt ze allemaal, per gemeente.",
        classes=["hgkm-geen-tekening"],
    )


def beperk(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    from sphinx_needs.data import SphinxNeedsData
    from sphinx_needs.directives.needflow._directive import NeedflowGraphiz

    flows = [n for n in doctree.findall(NeedflowGraphiz) if n.get("root_id") and n.get("root_depth") == 1]
    if not flows:
        return
    needs = SphinxNeedsData(app.env).get_needs_view()
    for flow in flows:
        aantal = _incoming(needs, flow["root_id"])
        if aantal <= app.config.hgkm_tekening_max:
            continue
        # the figure around the diagram goes too, with its target id (nothing links to it)
        figure = flow.parent if isinstance(flow.parent, nodes.figure) else flow
        figure.replace_self(_zin(flow["root_id"], aantal))


def setup(app: Sphinx) -> None:
    app.add_config_value("hgkm_tekening_max", TEKENING_MAX, "env", types=(int,))
    app.connect("doctree-resolved", beperk, priority=450)

"""How links to other items read on a rendered page.

sphinx-needs renders a link as the bare ID of its target. Two readings it cannot
give on its own are added here, after sphinx-needs rendered the page:

- a link to a fictitious `voorbeeld` item gets "(fictief voorbeeld)" behind it on
  every page but the voorbeeld's own, so a reader of a real opgave never takes the
  worked example for a real actie;
- on a taak, the regiovisie that names the taak (it lists it with `:taken:`) is
  shown as "genoemd in", apart from the acties that carry the taak out: the
  incoming label of `taken` is "uitgevoerd door", which is true of acties only.

Only the presentation changes: needs.json keeps every link as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes
from sphinx.application import Sphinx

from hgkm.hooks.state import run
from hgkm.model.corpus import VOORBEELD

FICTIEF = " (fictief voorbeeld)"
GENOEMD_IN = "genoemd in: "
TAKEN_LINK = "taken"


@dataclass(frozen=True)
class _Soorten:
    voorbeelden: frozenset[str]
    voorbeeld_pagina: frozenset[str]
    regiovisies: frozenset[str]


def _soorten(app: Sphinx) -> _Soorten:
    """Which needs are voorbeeld items and regiovisies (once per write phase)."""
    if (cached := run(app).link_kinds) is not None:
        return cached
    from sphinx_needs.data import SphinxNeedsData

    needs = SphinxNeedsData(app.env).get_needs_view()
    voorbeelden = {i for i, n in needs.items() if VOORBEELD in (n.get("tags") or [])}
    soorten = _Soorten(
        voorbeelden=frozenset(voorbeelden),
        # the page of a voorbeeld plan is fictitious as a whole (it says so on top); a page
        # that only holds a voorbeeld item among real ones (Gemeenten) marks its links
        voorbeeld_pagina=frozenset(needs[i]["docname"] for i in voorbeelden
                                   if needs[i].get("docname") and needs[i].get("type") == "plan"),
        regiovisies=frozenset(i for i, n in needs.items() if n.get("type") == "regiovisie"),
    )
    run(app).link_kinds = soorten
    return soorten


def _doel(ref: nodes.reference) -> str:
    return str(ref.get("refuri") or ref.get("refid") or "").rpartition("#")[2]


def _markeer_voorbeelden(doctree: nodes.document, voorbeelden: frozenset[str]) -> None:
    for ref in list(doctree.findall(nodes.reference)):
        if _doel(ref) in voorbeelden and ref.astext().strip() in voorbeelden:
            ref.parent.insert(ref.parent.index(ref) + 1, nodes.inline(FICTIEF, FICTIEF, classes=["hgkm-fictief"]))


def _scheid_genoemd_in(doctree: nodes.document, regiovisies: frozenset[str]) -> None:
    """Move regiovisie links out of a taak's "uitgevoerd door" line onto a line of their own.

    The links are moved, not copied: at national scale such a line holds a link for
    every actie that carries the taak out.
    """
    for container in list(doctree.findall(nodes.inline)):
        if TAKEN_LINK not in container.get("classes", []):
            continue
        lijst = container.children[0] if container.children and isinstance(container[0], nodes.inline) else None
        line = container.parent
        if lijst is None or not isinstance(line, nodes.line):
            continue
        # an outgoing `taken` line (on a regiovisie or actie) links to taken, never to a regiovisie
        genoemd = [c for c in lijst.children if isinstance(c, nodes.reference) and _doel(c) in regiovisies]
        if not genoemd:
            continue
        for ref in genoemd:
            _haal_uit_lijst(lijst, ref)
        nieuw = nodes.line("", GENOEMD_IN, nodes.inline("", "", *_met_komma(genoemd), classes=[TAKEN_LINK]))
        line.parent.insert(line.parent.index(line), nieuw)
        if not any(isinstance(c, nodes.reference) for c in lijst.children):
            line.parent.remove(line)


def _haal_uit_lijst(lijst: nodes.Element, ref: nodes.reference) -> None:
    """Take `ref` and one ", " beside it out of a comma-separated list of links."""
    i = lijst.index(ref)
    naast = i + 1 if i + 1 < len(lijst) and isinstance(lijst[i + 1], nodes.Text) else i - 1
    weg = sorted({i, naast} if naast >= 0 and isinstance(lijst[naast], nodes.Text) else {i}, reverse=True)
    for j in weg:
        del lijst[j]


def _met_komma(refs: list[nodes.reference]) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for i, ref in enumerate(refs):
        if i:
            out.append(nodes.Text(", "))
        out.append(ref)
    return out


def _doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    soorten = _soorten(app)
    _scheid_genoemd_in(doctree, soorten.regiovisies)
    if soorten.voorbeelden and docname not in soorten.voorbeeld_pagina:
        _markeer_voorbeelden(doctree, soorten.voorbeelden)


def _vergeet(app: Sphinx, *args: object) -> None:
    run(app).link_kinds = None


def setup(app: Sphinx) -> None:
    # after sphinx-needs rendered the needs (process_need_nodes, priority 500)
    app.connect("doctree-resolved", _doctree_resolved, priority=800)
    app.connect("write-started", _vergeet)

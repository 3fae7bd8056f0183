"""Back links in linear time: sphinx-needs' NeedItem.add_backlink is quadratic.

sphinx-needs (9.1) adds each back link after checking `backlink not in list`: for a need
that many needs link to, that is one comparison per existing back link. At national scale
the bron of a regiovisie is cited by every actie (9,000+ back links on one need) and
building the back links took 30 s of every build, also of `make check` after `make html`
(docs/prestaties.md). This module replaces the check by a set kept beside each back link
list, with exactly the same result: the same links in the same order, no duplicates.
It belongs upstream; until then hgkm.sphinx_ext installs it.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

#: id(list) -> (the list itself, the links in it). Holding the list keeps its id unique.
_SEEN: dict[int, tuple[list[Any], set[Any]]] = {}
#: Below this length a list scan is as cheap as keeping a set.
_SHORT = 32


def _add_backlink(self: Any, link_type: str, backlink: Any) -> None:
    """NeedItem.add_backlink with a set instead of a list scan (same behaviour)."""
    from sphinx_needs.need_item import NeedLink

    if link_type not in self._backlinks:
        raise KeyError(f"Link type {link_type!r} does not exist in backlinks.")
    backlink = NeedLink.from_string(backlink) if isinstance(backlink, str) else backlink
    links = self._backlinks[link_type]
    if len(links) < _SHORT:
        if backlink not in links:
            links.append(backlink)
        return
    entry = _SEEN.get(id(links))
    if entry is None or entry[0] is not links or len(entry[1]) != len(links):
        entry = (links, set(links))  # new list, or changed behind our back: start over
        _SEEN[id(links)] = entry
    if backlink not in entry[1]:
        entry[1].add(backlink)
        links.append(backlink)


def _forget(*_args: Any) -> None:
    _SEEN.clear()


def setup(app: Sphinx) -> None:
    """Install the linear add_backlink (called by hgkm.sphinx_ext.setup)."""
    from sphinx_needs.need_item import NeedItem

    NeedItem.add_backlink = _add_backlink  # type: ignore[method-assign]
    # the back links are complete before the needs are sealed; free the sets then
    app.connect("needs-before-sealing", _forget)
    app.connect("build-finished", _forget)

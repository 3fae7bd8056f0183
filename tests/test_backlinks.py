"""hgkm.hooks.backlinks: the linear add_backlink keeps sphinx-needs' behaviour exactly."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sphinx_needs.need_item import NeedLink

from hgkm.hooks.backlinks import _add_backlink, _forget


def _reference(links: list[NeedLink], backlink: NeedLink) -> None:
    """sphinx-needs' own rule: append unless already present."""
    if backlink not in links:
        links.append(backlink)


def test_same_links_in_same_order_as_sphinx_needs() -> None:
    need = SimpleNamespace(_backlinks={"bronnen": []})
    expected: list[NeedLink] = []
    # many links to one need, with repeats and parts, past the short-list threshold
    stream = [NeedLink(id=f"UA-{i % 150}", part="a" if i % 7 == 0 else None) for i in range(600)]
    stream += [NeedLink.from_string("UA-3"), NeedLink.from_string("UA-3.a")]
    for link in stream:
        _add_backlink(need, "bronnen", link)
        _reference(expected, link)
    assert need._backlinks["bronnen"] == expected
    assert len(expected) == len(set(expected)) < len(stream)
    _forget()


def test_a_new_list_after_a_reset_starts_empty() -> None:
    need = SimpleNamespace(_backlinks={"plan": []})
    for i in range(40):
        _add_backlink(need, "plan", f"UA-{i}")
    need._backlinks["plan"] = []  # what NeedItem.reset_backlinks does
    _add_backlink(need, "plan", "UA-1")
    assert need._backlinks["plan"] == [NeedLink(id="UA-1")]
    _forget()


def test_unknown_link_type_is_refused_like_sphinx_needs() -> None:
    with pytest.raises(KeyError):
        _add_backlink(SimpleNamespace(_backlinks={}), "opgaven", "UA-1")

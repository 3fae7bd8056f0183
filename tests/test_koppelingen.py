"""hgkm.site.link_labels on a doctree as sphinx-needs renders a taak's links."""

from __future__ import annotations

from docutils import nodes

from hgkm.site import link_labels


def _taak_regel(*ids: str) -> tuple[nodes.line_block, nodes.inline]:
    refs: list[nodes.Node] = []
    for i, need_id in enumerate(ids):
        if i:
            refs.append(nodes.Text(", "))
        refs.append(nodes.reference(need_id, need_id, refuri=f"pagina.html#{need_id}"))
    lijst = nodes.inline("", "", *refs)
    blok = nodes.line_block("", nodes.line("", "uitgevoerd door: ", nodes.inline("", "", lijst, classes=["taken"])))
    return blok, lijst


def test_regiovisie_moves_to_its_own_line_and_the_commas_stay_right() -> None:
    blok, lijst = _taak_regel("UA-1", "RV-X", "UA-2", "RV-Y")
    doc = nodes.document(None, None)
    doc += blok
    link_labels._scheid_genoemd_in(doc, frozenset({"RV-X", "RV-Y"}))
    assert [line.astext() for line in blok.children] == ["genoemd in: RV-X, RV-Y", "uitgevoerd door: UA-1, UA-2"]


def test_a_line_with_only_the_regiovisie_is_replaced() -> None:
    blok, _ = _taak_regel("RV-X")
    doc = nodes.document(None, None)
    doc += blok
    link_labels._scheid_genoemd_in(doc, frozenset({"RV-X"}))
    assert [line.astext() for line in blok.children] == ["genoemd in: RV-X"]


def test_links_to_a_voorbeeld_say_fictief() -> None:
    blok, _ = _taak_regel("UA-VOORBEELD-1", "UA-2")
    doc = nodes.document(None, None)
    doc += blok
    link_labels._markeer_voorbeelden(doc, frozenset({"UA-VOORBEELD-1"}))
    assert blok.astext() == "uitgevoerd door: UA-VOORBEELD-1 (fictief voorbeeld), UA-2"

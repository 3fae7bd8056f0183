"""The lighter need layouts (hgkm/settings.py) still show everything a need sets.

Each need type has its own layout that skips the fields of other types. This test reads
the built site fixture: for every need in needs.json, every field it sets and every link
and back link it has must appear in its rendered table, with the field's label.
"""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from hgkm.model import declaration
from hgkm.settings import need_layouts
from hgkm.tools.build import BuildResult

def _tables(outdir) -> dict[str, tuple[str, str]]:
    tables = {}
    for page in outdir.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for table in soup.select("table.need"):
            layout = next((c.removeprefix("needs_layout_") for c in table["class"] if c.startswith("needs_layout_")), "")
            tables.setdefault(table["id"], (layout, " ".join(table.get_text(" ").split())))
    return tables


def test_every_type_has_a_layout() -> None:
    assert set(need_layouts()) == {f"hgkm-{soort}" for soort in declaration.type_names()}


def test_every_set_field_and_link_is_shown(site: BuildResult) -> None:
    data = json.loads((site.outdir / "needs.json").read_text(encoding="utf-8"))
    needs = data["versions"][data["current_version"]]["needs"]
    tables = _tables(site.outdir)
    velden = {veld for lijst in declaration.type_fields().values() for veld in lijst} | {"status"}
    gecontroleerd = 0
    for need_id, need in needs.items():
        layout, text = tables[need_id]
        assert layout == f"hgkm-{need['type']}", need_id
        assert "layout" not in need, "needs.json names a layout only this site has"
        for veld in velden:
            waarde = need.get(veld)
            if waarde:
                assert f"{veld}: {waarde}" in text, (need_id, veld)
                gecontroleerd += 1
        for key, waarde in need.items():
            if isinstance(waarde, list) and waarde and (key.endswith("_back") or key in declaration.option_names()):
                for doel in waarde:
                    if isinstance(doel, str) and doel[:3].isupper():
                        assert doel in text, (need_id, key, doel)
                        gecontroleerd += 1
    assert gecontroleerd > len(needs)

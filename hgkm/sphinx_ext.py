"""Sphinx extension of the knowledge base: directives and build-time outputs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from hgkm.metamodel import from_sphinx
from hgkm.metamodel_page import MetamodelDirective

#: Written next to needs.json so tools outside Sphinx know the metamodel too.
METAMODEL_JSON = "metamodel.json"


def _write_metamodel(app: Sphinx, exception: Exception | None) -> None:
    if exception is None:
        Path(app.outdir, METAMODEL_JSON).write_text(from_sphinx(app).to_json(), encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("metamodel", MetamodelDirective)
    app.connect("build-finished", _write_metamodel)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}

"""The policy checks run over a fresh build of the current sources.

The build runs once per test session (incremental into _build/html, so it is
cheap after `make html`), and its needs feed every check.
"""

from __future__ import annotations

from functools import cache

from hgkm import ROOT
from hgkm.build import build
from hgkm.model import Corpus, peildatum
from hgkm.report import Uitkomst


@cache
def uitkomst() -> Uitkomst:
    """Build the knowledge base and evaluate all rules (once per session)."""
    result = build(ROOT, ROOT / "_build" / "html", hergebruik=True)
    if not result.needs_json.exists():
        raise RuntimeError("De kennisbank kon niet worden gebouwd:\n" + result.log[-3000:])
    return Uitkomst.van(Corpus.from_outdir(result.outdir), peildatum())

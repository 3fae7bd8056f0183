"""The policy checks run over a fresh build of the current sources.

The build runs once per test session (incremental into _build/html, so it is
cheap after `make html`), and its needs feed every check.
"""

from __future__ import annotations

from functools import cache

from hgkm import ROOT
from hgkm.build import corpus_van
from hgkm.model import peildatum
from hgkm.report import Uitkomst


@cache
def uitkomst() -> Uitkomst:
    """Build the knowledge base and evaluate all rules (once per session)."""
    corpus = corpus_van(ROOT, ROOT / "_build" / "html", "kunnen de controles niet draaien", hergebruik=True)
    return Uitkomst.van(corpus, peildatum())

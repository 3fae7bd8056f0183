"""The policy checks run over a fresh build of the current sources.

The build runs once per test session (incremental into _build/html, so it is
cheap after `make html`), and its needs feed every check.
"""

from __future__ import annotations

from functools import cache

import pytest

from hgkm import ROOT
from hgkm.tools.build import BouwFout, corpus_van
from hgkm.model.corpus import peildatum
from hgkm.tools.report import Uitkomst


@cache
def uitkomst_of_fout() -> Uitkomst | str:
    """Build the knowledge base and evaluate all rules (once per session), or say why not."""
    try:
        corpus = corpus_van(ROOT, ROOT / "_build" / "html", "kunnen de controles niet draaien", hergebruik=True)
        return Uitkomst.van(corpus, peildatum())
    except (BouwFout, ValueError) as exc:  # a broken build or a malformed $HGKM_PEILDATUM
        return str(exc)


def uitkomst() -> Uitkomst:
    """The outcome of the build; a test that needs it fails with the Dutch reason if there is none."""
    result = uitkomst_of_fout()
    if isinstance(result, str):
        pytest.fail(result, pytrace=False)
    return result

"""Write each page from its pickled doctree, not from a copy kept in memory since reading.

Sphinx keeps the doctree of every page it read in memory until that page is written
(`env._write_doc_doctree_cache`), to save unpickling it. At national scale that is
every doctree of some 700 pages at once, at the start of the write phase: the peak of
the build. Reading each back from the pickle Sphinx already wrote costs little time.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx


def _drop(app: Sphinx, env: Any) -> None:
    cache = getattr(env, "_write_doc_doctree_cache", None)
    if isinstance(cache, dict):
        cache.clear()


def setup(app: Sphinx) -> None:
    app.connect("env-updated", _drop)

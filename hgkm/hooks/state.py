"""The one owner of hgkm's build state, as sphinx-needs has `SphinxNeedsData(env)`.

Two lifetimes, each one typed object instead of loose attributes on the app or env:

- `Run` lives for one build process (on the app): the live corpus, the dashboards'
  figures, the collector of warnings, what the sources looked like when reading began.
- `Kept` survives between incremental builds (in the pickled environment). Its
  per-document parts are purged when Sphinx re-reads a document and merged back from
  parallel readers, here in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from hgkm.model.corpus import Corpus


@dataclass
class Run:
    """This build only."""

    #: the needs after resolving (set when the rules run, at write-started)
    corpus: Corpus | None = None
    #: the dashboards' figures (hgkm.site.stand.Stand), made once per build
    stand: Any = None
    #: per link option, how it reads on a page (hgkm.site.link_labels)
    link_kinds: Any = None
    #: every warning of the build (hgkm.hooks.collector.Collector)
    collector: Any = None
    #: the sources when reading began (hgkm.sources.fingerprint)
    fingerprint: dict[str, str] | None = None
    #: bytes that are no UTF-8: (file, line, byte as hex)
    encoding: list[tuple[str, int, str]] = field(default_factory=list)
    #: findings about the files themselves (names, folders), from config-inited
    file_findings: list[Any] = field(default_factory=list)


@dataclass
class Kept:
    """Kept in the environment between incremental builds; per document where it can change."""

    #: per document: its warnings from reading (hgkm.hooks.collector)
    meldingen: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    #: per document: the IDs of the needs its {need} roles name (hgkm.hooks.incremental)
    verwijzingen: dict[str, set[str]] = field(default_factory=dict)
    #: documents with overviews over many needs, rewritten when any need changes
    overzichten: set[str] = field(default_factory=set)
    #: per document: its signature in the previous build
    handtekeningen: dict[str, str] = field(default_factory=dict)
    #: the peildatum of the previous build
    peildatum: str | None = None
    #: per gemeente page: the gemeente it shows (hgkm.site.dashboards)
    gemeentepaginas: dict[str, str] = field(default_factory=dict)
    #: per gemeente: the signature of its figures in the previous build
    gemeente_handtekeningen: dict[str, str] = field(default_factory=dict)


#: the per-document parts of Kept (purged on re-read, merged from parallel readers)
_PER_DOCUMENT = ("meldingen", "verwijzingen", "gemeentepaginas")


def run(app: Sphinx) -> Run:
    state = app.__dict__.get("_hgkm_run")
    if state is None:
        state = app.__dict__["_hgkm_run"] = Run()
    return state


def kept(env: BuildEnvironment) -> Kept:
    state = getattr(env, "hgkm_state", None)
    if not isinstance(state, Kept):
        state = Kept()
        env.hgkm_state = state  # type: ignore[attr-defined]
    return state


def live_corpus(app: Sphinx) -> Corpus:
    """The needs as sphinx-needs holds them now, as a Corpus."""
    from sphinx_needs.data import SphinxNeedsData

    return Corpus.from_sphinx(SphinxNeedsData(app.env).get_needs_view(), Path(app.outdir))


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    state = kept(env)
    for name in _PER_DOCUMENT:
        getattr(state, name).pop(docname, None)
    state.overzichten.discard(docname)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    state, theirs = kept(env), kept(other)
    for docname in docnames:
        for name in _PER_DOCUMENT:
            if docname in getattr(theirs, name):
                getattr(state, name)[docname] = getattr(theirs, name)[docname]
        if docname in theirs.overzichten:
            state.overzichten.add(docname)


def setup(app: Sphinx) -> None:
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)

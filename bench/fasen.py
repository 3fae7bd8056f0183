"""Time a Sphinx build by phase and by page kind: `python bench/fasen.py UIT.json <sphinx-build args>`.

Wraps the methods Sphinx runs for each phase (no profiler, so code with many small calls
is not slowed down more than other code) and every event listener, runs sphinx-build,
and writes the seconds per phase, per page kind and per listener to UIT.json. Used by
bench/landelijk.py (`--fasen`), for this knowledge base and the plain baseline alike.
Run it without -j: work in parallel writers is not seen here.
"""

from __future__ import annotations

import cProfile
import gc
import json
import os
import pstats
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from functools import wraps
from typing import Any

#: seconds per (phase, page kind)
TIJD: dict[tuple[str, str], float] = defaultdict(float)
#: pages read per page kind
PAGINAS: dict[str, int] = defaultdict(int)
#: seconds per event listener
LUISTERAARS: dict[str, float] = defaultdict(float)

#: the peak memory (MB) when each event was first emitted: how memory grows by phase
GEHEUGEN: dict[str, int] = {}
#: how much each listener raised the peak memory (MB)
GROEI: dict[str, int] = defaultdict(int)
#: HGKM_PROFIEL=<part of a listener's name>: profile that listener (cProfile), printed at the end
PROFIEL = os.environ.get("HGKM_PROFIEL", "")
PROFILER = cProfile.Profile()

#: page kinds by docname prefix; the first that matches wins
SOORTEN = (
    ("uitvoeringsplannen/", "plan"),
    ("requirements/uitvoeringsplannen/", "plan"),
    ("docs/gemeenten/", "gemeente"),
    ("docs/opgaven/", "opgave, principe, taak"),
    ("docs/principes/", "opgave, principe, taak"),
    ("docs/taken/", "opgave, principe, taak"),
    ("docs/toetsstenen/", "toetssteen"),
)


def soort(docname: str) -> str:
    if docname.endswith("/index"):
        return "overig"
    return next((kind for prefix, kind in SOORTEN if docname.startswith(prefix)), "overig")


def _timed(fase: str, original: Callable[..., Any], per_doc: bool = True) -> Callable[..., Any]:
    @wraps(original)
    def wrapper(self: Any, docname: Any = None, *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(self, docname, *args, **kwargs) if docname is not None else original(self, *args, **kwargs)
        finally:
            kind = soort(docname) if per_doc and isinstance(docname, str) else ""
            TIJD[(fase, kind)] += time.perf_counter() - start
            if fase == "lezen":
                PAGINAS[kind] += 1

    return wrapper


def _timed_function(fase: str, original: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            TIJD[(fase, "")] += time.perf_counter() - start

    return wrapper


def _gc_tijd(phase: str, info: dict[str, int]) -> None:
    """Time spent in Python's cyclic garbage collector, per generation."""
    if phase == "start":
        _GC_START[0] = time.perf_counter()
    else:
        duur = time.perf_counter() - _GC_START[0]
        TIJD[("garbage collector", f"generatie {info['generation']}")] += duur
        TIJD[("garbage collector na", _LAATSTE_EVENT[0])] += duur


_GC_START = [0.0]
#: the event emitted last: where in the build a collection happened
_LAATSTE_EVENT = [""]


def installeer() -> None:
    """Wrap Sphinx's phase methods and every listener connected from now on."""
    gc.callbacks.append(_gc_tijd)
    import sphinx.ext.graphviz as graphviz
    from sphinx.builders import Builder
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment
    from sphinx.events import EventManager
    from sphinx.search import IndexBuilder

    Builder.read_doc = _timed("lezen", Builder.read_doc)
    BuildEnvironment.get_and_resolve_doctree = _timed("oplossen", BuildEnvironment.get_and_resolve_doctree)
    StandaloneHTMLBuilder.write_doc = _timed("schrijven", StandaloneHTMLBuilder.write_doc)
    IndexBuilder.feed = _timed("zoekindex", IndexBuilder.feed)
    StandaloneHTMLBuilder.dump_search_index = _timed("zoekindex", StandaloneHTMLBuilder.dump_search_index, False)
    StandaloneHTMLBuilder.finish = _timed("afronden door Sphinx", StandaloneHTMLBuilder.finish, False)
    graphviz.render_dot = _timed_function("graphviz", graphviz.render_dot)
    try:  # sphinx-needs imports render_dot by name
        import sphinx_needs.directives.needflow._graphviz as needflow

        needflow.render_dot = graphviz.render_dot
    except ImportError:  # a project without sphinx-needs: only Sphinx's own graphviz is timed
        pass

    connect = EventManager.connect

    def timed_connect(self: Any, name: str, callback: Callable[..., Any], priority: int) -> int:
        label = f"{name}: {getattr(callback, '__module__', '?')}.{getattr(callback, '__qualname__', '?')}"

        @wraps(callback)
        def listener(*args: Any, **kwargs: Any) -> Any:
            _LAATSTE_EVENT[0] = name
            voor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            GEHEUGEN.setdefault(name, voor)
            start = time.perf_counter()
            try:
                if PROFIEL and PROFIEL in label:
                    return PROFILER.runcall(callback, *args, **kwargs)
                return callback(*args, **kwargs)
            finally:
                LUISTERAARS[label] += time.perf_counter() - start
                if (groei := resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024 - voor) > 0:
                    GROEI[label] += groei

        return connect(self, name, listener, priority)

    EventManager.connect = timed_connect  # type: ignore[method-assign]


#: the rows of the phase table: (label, phases of TIJD, events whose listeners count here)
RIJEN = (
    ("Lezen: Markdown en directives", ("lezen",), ()),
    ("Na het lezen: items verwerken en koppelen", (), ("env-updated", "env-get-updated", "env-check-consistency")),
    ("Begin van het schrijven: controles, schema", (), ("write-started",)),
    ("Oplossen per pagina: overzichten, needflow, verwijzingen", ("oplossen",), ()),
    ("HTML en thema per pagina (zonder graphviz)", ("schrijven",), ()),
    ("Graphviz (dot)", ("graphviz",), ()),
    ("Zoekindex", ("zoekindex",), ()),
    ("Na de bouw: downloads, needs.json, PDF, kopieën", ("afronden door Sphinx",), ("build-finished",)),
)


def rijen(meting: dict[str, Any]) -> dict[str, float]:
    """Seconds per row of RIJEN, plus the rest of the total (start-up, pickling the environment)."""
    fasen, luisteraars = meting["fasen"], meting["luisteraars"]
    uit: dict[str, float] = {}
    for label, namen, events in RIJEN:
        uit[label] = sum(sum(fasen.get(n, {}).values()) for n in namen) + sum(
            s for naam, s in luisteraars.items() if naam.split(":", 1)[0] in events)
    graphviz = uit["Graphviz (dot)"]
    uit["HTML en thema per pagina (zonder graphviz)"] -= graphviz  # render_dot runs inside write_doc
    uit["Overig: opstarten, omgeving opslaan"] = meting["totaal"] - sum(uit.values())
    return uit


def per_soort(meting: dict[str, Any]) -> dict[str, tuple[int, float]]:
    """Per page kind: pages, and seconds to read, resolve, write and index them."""
    uit = {}
    for kind, paginas in sorted(meting["paginas"].items()):
        seconden = sum(meting["fasen"].get(f, {}).get(kind, 0.0) for f in ("lezen", "oplossen", "schrijven", "zoekindex"))
        uit[kind] = (paginas, seconden)
    return uit


def print_tabellen(basis: Any, kennisbank: Any) -> None:
    """Print the phase table and the table per page kind as Markdown (for docs/prestaties.md)."""
    from pathlib import Path

    metingen = {"kennisbank": json.loads(Path(kennisbank).read_text(encoding="utf-8"))}
    if basis:
        metingen = {"baseline": json.loads(Path(basis).read_text(encoding="utf-8")), **metingen}
    per_rij = {naam: rijen(m) for naam, m in metingen.items()}
    print("\n| Fase | " + " | ".join(f"{n} (s)" for n in metingen) + " |")
    print("| --- |" + " ---: |" * len(metingen))
    for label in per_rij["kennisbank"]:
        print(f"| {label} | " + " | ".join(f"{per_rij[n][label]:.1f}" for n in metingen) + " |")
    print("| **Totaal** | " + " | ".join(f"**{m['totaal']:.1f}**" for m in metingen.values()) + " |")
    print("\n| Soort pagina | " + " | ".join(f"{n}: pagina's, s" for n in metingen) + " |")
    print("| --- |" + " ---: |" * len(metingen))
    soorten = {naam: per_soort(m) for naam, m in metingen.items()}
    for kind in sorted({k for s in soorten.values() for k in s}):
        cellen = [f"{soorten[n][kind][0]}, {soorten[n][kind][1]:.1f}" if kind in soorten[n] else "" for n in metingen]
        print(f"| {kind} | " + " | ".join(cellen) + " |")
    top = list(metingen["kennisbank"]["luisteraars"].items())[:12]
    print("\nDuurste luisteraars (kennisbank): " + "; ".join(f"{naam} {s:.1f} s" for naam, s in top))


def main(argv: list[str]) -> int:
    uit, sphinx_args = argv[0], argv[1:]
    installeer()
    from sphinx.cmd.build import main as sphinx_build

    start = time.perf_counter()
    code = sphinx_build(sphinx_args)
    totaal = time.perf_counter() - start
    GEHEUGEN["einde"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    if PROFIEL:
        pstats.Stats(PROFILER, stream=sys.stderr).sort_stats("cumulative").print_stats(40)
    fasen: dict[str, dict[str, float]] = defaultdict(dict)
    for (fase, kind), seconden in TIJD.items():
        fasen[fase][kind or "alle"] = round(seconden, 3)
    with open(uit, "w", encoding="utf-8") as f:
        json.dump({"totaal": round(totaal, 3), "fasen": fasen, "paginas": PAGINAS, "geheugen_mb": GEHEUGEN, "groei_mb": GROEI,
                   "luisteraars": {k: round(v, 3) for k, v in sorted(LUISTERAARS.items(), key=lambda kv: -kv[1])}},
                  f, indent=1, ensure_ascii=False)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Every warning of a build, located, kept for `make check` (build_meldingen.json).

Sphinx prints a warning only while it reads or writes the document it is about. An
incremental build that neither reads nor writes a document would forget that
document's warnings: `make html -W` right after a `make check` that found them would
pass. So the warnings of documents this build left alone are carried over (reading
warnings from the environment, the others from the previous build_meldingen.json)
and printed again: the same build, clean or incremental, gives the same warnings.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging as sphinx_logging
from sphinx.util.build_phase import BuildPhase

from hgkm.hooks.state import kept, run
from hgkm.rules import invoer
from hgkm.sources import gate

BUILD_MELDINGEN_JSON = "build_meldingen.json"
#: Warning type of the findings hgkm.sphinx_ext emits itself (not captured again).
WARNING_TYPE = "hgkm"
BRON_TYPE = gate.BRON_TYPE
#: Marks a warning printed again from an earlier build (already kept).
HERHAALD = "hgkm_herhaald"

logger = sphinx_logging.getLogger(__name__)


class Collector(logging.Handler):
    """Keeps every warning of the build with its location.

    Warnings of the reading phase are kept per document in the environment, so an
    incremental build (which reads only changed documents) still reports them all;
    the others are emitted anew by every build.
    """

    def __init__(self, app: Sphinx) -> None:
        super().__init__(logging.WARNING)
        self.app = app
        self.meldingen: list[dict[str, Any]] = []
        #: the documents this build read, and those it resolved to write
        self.gelezen: set[str] = set()
        self.geschreven: set[str] = set()
        #: whether Sphinx checked consistency (it does only when it read something)
        self.gecontroleerd = False

    @staticmethod
    def _skipped(record: logging.LogRecord) -> bool:
        # our own findings, and schema violations read from their json
        return getattr(record, "type", None) in (WARNING_TYPE, "sn_schema_violation")

    def melding(self, record: logging.LogRecord) -> dict[str, Any]:
        """The warning as the invoer rule reads it; kept on the record once made."""
        if (made := getattr(record, "hgkm_melding", None)) is not None:
            return made
        path, line = self._location(getattr(record, "location", None))
        # Sphinx's own handler may already have appended " [type.subtype]" to msg.
        message = zonder_soort(str(record.msg) % record.args if record.args else str(record.msg))
        # paths inside the text as the writer knows them: relative to the project
        message = message.replace(f"{Path(self.app.srcdir).resolve()}/", "")
        melding = {
            "bericht": message,
            "bestand": invoer.relative(path, Path(self.app.srcdir)),
            "regelnummer": int(line) if line else None,
            "type": getattr(record, "type", None),
            "subtype": getattr(record, "subtype", None),
            "fase": self.app.phase.name.lower(),
            "pad": path,
        }
        if (finding := getattr(record, gate.FINDING, None)) is not None:
            # the finding as data, not as text to split again (its place is the record's)
            melding["bevinding"] = {k: v for k, v in finding.to_dict().items()
                                    if k not in ("bestand", "regelnummer", "ernst", "plaats")}
        record.hgkm_melding = melding
        return melding

    def filter(self, record: logging.LogRecord) -> bool:
        """Put on Sphinx's own handlers: print what we can translate in Dutch too."""
        already_dutch = getattr(record, "type", None) == BRON_TYPE
        if record.levelno >= logging.WARNING and not (self._skipped(record) or already_dutch or hasattr(record, "hgkm_melding")):
            melding = self.melding(record)
            finding = invoer.build_finding(dict(melding), Path(self.app.srcdir))
            if finding.code != invoer.ONVERTAALD:
                record.msg, record.args = f"[invoer] {finding.melding} {finding.oplossing}", ()
                if finding.bestand and finding.bestand != melding["bestand"]:
                    # the place the writer must go to (e.g. the empty file, not the toctree naming it)
                    record.location = f"{Path(self.app.srcdir, finding.bestand)}:{finding.regelnummer or 1}"
        return True

    def emit(self, record: logging.LogRecord) -> None:
        if self._skipped(record) or getattr(record, HERHAALD, False):
            return
        melding = dict(self.melding(record))
        path = melding.pop("pad")
        env = self.app.env
        docname = env.path2doc(path) if path else None
        if self.app.phase == BuildPhase.READING and docname:
            kept(env).meldingen.setdefault(docname, []).append(melding)
        else:
            self.meldingen.append(melding)

    def _location(self, location: Any) -> tuple[str, str]:
        """(path, line) from a record's location in any of the forms Sphinx uses."""
        if isinstance(location, tuple):
            docname, lineno = location
            return (str(self.app.env.doc2path(docname)) if docname else "", str(lineno or ""))
        if isinstance(location, nodes.Node):
            location = sphinx_logging.get_node_location(location) or ""
        text = str(location or "")
        path, _, line = text.rpartition(":")
        return (path, line) if line.isdigit() else (text, "")

    def all(self) -> list[dict[str, Any]]:
        """Each warning once (MyST and Sphinx's docutils bridge may log the same one twice)."""
        per_doc = kept(self.app.env).meldingen
        return _once([m for doc in sorted(per_doc) for m in per_doc[doc]] + self.meldingen)


_SOORT = re.compile(r"[\w.-]+")


def zonder_soort(message: str) -> str:
    """The message without the " [type.subtype]" parts at its end (before a final newline),
    as `re.sub(r"( \\[[\\w.-]+\\])+$", "", message)` made it, read from the end in linear time."""
    tail = "\n" if message.endswith("\n") else ""
    eind = len(message) - len(tail)
    while message.endswith("]", 0, eind):
        begin = message.rfind("[", 0, eind - 1)
        if begin < 1 or message[begin - 1] != " " or not _SOORT.fullmatch(message, begin + 1, eind - 1):
            break
        eind = begin - 1
    return message[:eind] + tail if eind < len(message) - len(tail) else message


def start(app: Sphinx) -> None:
    collector = Collector(app)
    sphinx_logger = logging.getLogger(sphinx_logging.NAMESPACE)
    for handler in sphinx_logger.handlers:
        handler.filters.insert(0, collector)  # translate before Sphinx prints
    sphinx_logger.addHandler(collector)
    run(app).collector = collector


def _once(meldingen: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    result = []
    for melding in meldingen:
        key = json.dumps(melding, sort_keys=True, default=str)
        if key not in seen:
            seen.add(key)
            result.append(melding)
    return result


def collected(app: Sphinx) -> list[dict[str, Any]]:
    """The warnings of this build so far (all of them, once the build has finished)."""
    collector: Collector | None = run(app).collector
    return collector.all() if collector else []


def _read(app: Sphinx, env: Any, docnames: list[str]) -> None:
    run(app).collector.gelezen.update(docnames)


def _resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    run(app).collector.geschreven.add(docname)


def _checked(app: Sphinx, env: Any) -> None:
    run(app).collector.gecontroleerd = True


def _docname(env: Any, srcdir: Path, bestand: str) -> str | None:
    """The document a warning is about: Sphinx locates some by file, some by docname."""
    return bestand if bestand in env.found_docs else env.path2doc(str(srcdir / bestand))


def _again(melding: dict[str, Any], srcdir: Path, env: Any) -> None:
    bestand, regel = melding["bestand"], melding.get("regelnummer")
    if bestand in env.found_docs:
        location: Any = (bestand, regel or 1)  # as the first build printed it
    else:
        location = f"{srcdir / bestand}{f':{regel}' if regel else ''}"
    logger.warning(melding["bericht"], location=location,
                   type=melding.get("type"), subtype=melding.get("subtype"), extra={HERHAALD: True})


def _carry_over(app: Sphinx, exception: Exception | None) -> None:
    """Before build_meldingen.json is written: the warnings of documents left alone."""
    collector: Collector | None = run(app).collector
    if exception is not None or collector is None:
        return
    env, srcdir = app.env, Path(app.srcdir)
    meldingen = kept(env).meldingen
    for docname in sorted(set(meldingen) - collector.gelezen):
        for melding in _once(meldingen[docname]):
            _again(melding, srcdir, env)
    vorige = Path(app.outdir, BUILD_MELDINGEN_JSON)
    try:
        eerder = json.loads(vorige.read_text(encoding="utf-8")) if vorige.exists() else []
    except ValueError:
        eerder = []  # a killed build's half file: nothing to carry
    nu = collector.all()
    for melding in eerder:
        if isinstance(melding, dict) and melding.get("bestand") and melding not in nu and _stale(collector, melding):
            collector.meldingen.append(melding)
            _again(melding, srcdir, env)


def _stale(collector: Collector, melding: dict[str, Any]) -> bool:
    """Whether an earlier warning still stands because this build did not redo its step.

    Reading warnings come from the environment; the consistency check (a page in no
    toctree) runs only when something was read; the rest comes with writing a page.
    """
    env = collector.app.env
    docname = _docname(env, Path(collector.app.srcdir), melding["bestand"])
    if docname is None or docname not in env.found_docs or docname in collector.gelezen:
        return False
    fase = melding.get("fase")
    if fase == BuildPhase.CONSISTENCY_CHECK.name.lower():
        return not collector.gecontroleerd
    return fase in (BuildPhase.RESOLVING.name.lower(), BuildPhase.WRITING.name.lower()) \
        and docname not in collector.geschreven


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", start)
    app.connect("env-before-read-docs", _read)
    app.connect("doctree-resolved", _resolved)
    app.connect("env-check-consistency", _checked)
    # before hgkm.sphinx_ext writes build_meldingen.json (priority 400)
    app.connect("build-finished", _carry_over, priority=390)

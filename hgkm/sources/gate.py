"""The trust boundary where the parser hands over (hgkm.sources.judge decides, this enforces).

A text scan (hgkm.sources.trust) disarms the source before MyST reads it: a fast early
warning for writers. It is not what keeps code out: a scan of text will always miss a
spelling the parser reads differently. What keeps code out is here:

- every directive of a plan or regio file is judged at the moment it runs, on what the
  parser produced (name, arguments, options, content), at whatever depth it stands;
  a refused one runs nothing and says so, located, in Dutch;
- every role is judged on its name;
- file settings at the top of a plan or regio file (MyST's front matter, which can turn
  raw HTML or Jinja back on for that file) are taken out before MyST reads them.

Sphinx dispatches directives and roles through `sphinx_domains` (its patch of docutils'
lookup); we wrap that lookup, and register MyST's parser with a guard in front of it.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
from myst_parser.parsers.mdit import create_md_parser
from myst_parser.parsers.sphinx_ import MystParser
from sphinx.application import Sphinx
from sphinx.util import logging as sphinx_logging
from sphinx.util.docutils import SphinxDirective, sphinx_domains

from hgkm.model.findings import Finding
from hgkm.model.messages import vertrouwen
from hgkm.sources import access, judge, trust
from hgkm.sources.trust import Laag

logger = sphinx_logging.getLogger(__name__)
#: The warning type of source findings (read back by hgkm.rules.invoer).
BRON_TYPE = "hgkm_bron"
#: On the warning record: the Finding itself, kept as data by hgkm.hooks.collector.
FINDING = "hgkm_finding"


def warn(finding: Finding, location: Any) -> None:
    """A source finding as a located warning: printed as cause and fix, carried as the object."""
    rule = "" if finding.regel == "invoer" else f"[{finding.regel}] "  # invoer: Sphinx's own, in Dutch
    logger.warning(f"{rule}{finding.melding} Oplossing: {finding.oplossing}", location=location,
                   type=BRON_TYPE, subtype=finding.regel, extra={FINDING: finding})


def _refused(finding: Finding, location: Any) -> None:
    warn(finding, location)


class _AlleOpties(dict):
    """An option spec that accepts every option (the refused block reads none of them)."""

    def __missing__(self, key: str) -> Any:
        return directives.unchanged


class Geweigerd(SphinxDirective):
    """Stands in for a refused directive: runs nothing, reads nothing, says why."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = _AlleOpties(class_=directives.unchanged)

    def run(self) -> list[nodes.Node]:
        _refused(vertrouwen.NIET_UITGEVOERD("", None, naam=self.name), self.get_location())
        return []


def _bestand(dispatcher: Any, source: Any) -> str | None:
    """The project-relative file being read, or None outside a document."""
    if not source:
        return None
    return access.bestand_van(str(source), Path(dispatcher.domains.standard_domain.env.srcdir))


_directive = sphinx_domains.directive
_role = sphinx_domains.role


#: Refusals already reported in this build (a need inside a need sees its text twice).
_gemeld: set[tuple[str, int, str]] = set()


def _judged_init(self: Any, *args: Any, **kwargs: Any) -> None:
    """`__init__` of a guarded directive: the parser hands over here; judge what it produced.

    Judged on construction, not by overriding `run`: MyST picks how to run a directive by
    identity of its class's `run` (tables), which a wrapper must leave as it is. A refused
    directive gets a `run` of its own that runs nothing and says why.
    """
    super(type(self), self).__init__(*args, **kwargs)
    source = self.state.document.get("source")
    env = self.state.document.settings.env  # docutils' own directives have no self.env
    srcdir = Path(env.srcdir)
    bestand = access.bestand_van(str(source), srcdir)
    offset = max(self.content_offset + 1 - self.lineno, 0)
    bezwaren = judge.directive(self.name, trust.laag(bestand), bestand, srcdir, self.arguments, self.options,
                               self.content, offset, self.block_text)
    if bezwaren:
        self.run = functools.partial(_weiger, bezwaren, bestand, env.docname, self.lineno)
    else:  # on the instance: the class's `run` stays what MyST compares
        self.run = functools.partial(_genest, self.run, bestand, env.docname, self.lineno)


#: The lines of the guarded directives running now, outermost first (a block inside a block
#: runs inside its parent's `run`).
_open: list[int] = []


def _genest(run: Any, bestand: str, docname: str, lineno: int) -> list[nodes.Node]:
    """Run a guarded directive, unless it stands deeper than trust.MAX_DIEPTE blocks: the
    parser would recurse until Python stops it, whatever the text scan counted."""
    if len(_open) >= trust.MAX_DIEPTE:
        return _weiger([judge.Bezwaar(vertrouwen.TE_DIEP, {"maximum": trust.MAX_DIEPTE, "buitenste": _open[0]})],
                       bestand, docname, lineno)
    _open.append(lineno)
    try:
        return run()
    finally:
        _open.pop()


def _weiger(bezwaren: list[judge.Bezwaar], bestand: str, docname: str, lineno: int) -> list[nodes.Node]:
    for b in bezwaren:
        regel = lineno + b.regel
        if (bestand, regel, b.message.code) not in _gemeld:
            _gemeld.add((bestand, regel, b.message.code))
            _refused(b.message("", None, **b.values), (docname, regel))
    return []


_BEWAAKT: dict[type, type] = {}


def _bewaakt(cls: type) -> type:
    """`cls` behind the judge (one subclass per directive class)."""
    if cls not in _BEWAAKT:
        _BEWAAKT[cls] = type(f"Bewaakt{cls.__name__}", (cls,), {"__init__": _judged_init, "__module__": __name__})
    return _BEWAAKT[cls]


def _guarded_directive(self: Any, directive_name: str, language_module: Any, document: nodes.document) -> Any:
    found, messages = _directive(self, directive_name, language_module, document)
    bestand = _bestand(self, document.get("source"))
    if found is None or bestand is None:
        return found, messages
    if not access.poort(directive_name, bestand):
        return Geweigerd, messages  # runs nothing, parses no option of the refused block
    if trust.laag(bestand) is Laag.BEHEER and directive_name.lower() not in judge.PADLEZERS:
        return found, messages  # maintainers: anything, but what reads a file is judged too
    if not isinstance(found, type):
        return Geweigerd, messages  # an old-style function directive: nothing to judge it by
    return _bewaakt(found), messages


def _weiger_rol(name: str, rawtext: str, text: str, lineno: int, inliner: Any, options: Any = None,
                content: Any = None) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    _refused(vertrouwen.ROL_NIET_UITGEVOERD("", None, rol=name), (inliner.document.settings.env.docname, lineno))
    return [nodes.Text(text)], []


def _guarded_role(self: Any, role_name: str, language_module: Any, lineno: int, reporter: Any) -> Any:
    found, messages = _role(self, role_name, language_module, lineno, reporter)
    bestand = _bestand(self, getattr(reporter, "source", None))
    if found is not None and bestand is not None and not access.rol_poort(role_name, bestand):
        return _weiger_rol, messages
    return found, messages


class _BewaakteRenderer(SphinxRenderer):
    """MyST's renderer for a plan or regio file: a ```` ```{eval-rst} ```` fence refused.

    MyST renders that fence straight into reStructuredText (`render_restructuredtext`),
    without looking up a directive, so the gate would never see it; here it says why.
    """

    def render_restructuredtext(self, token: Any) -> None:
        regel = (token.map[0] + 1) if token.map else 1
        _refused(vertrouwen.RAUW("", None), (self.sphinx_env.docname, regel))


class BewaakteMystParser(MystParser):
    """MyST's parser, without file settings in a plan or regio file.

    MyST lets a file's front matter change the parser for that file (`myst:
    enable_extensions`, `disable_syntax`, `substitutions`, `html_meta`): raw HTML and
    Jinja would be back. In a plan or regio file the parser runs with the project's own
    settings only (what MyST's `parse` does, minus the file's settings), with a renderer
    that refuses reStructuredText; the lines MyST would read as settings are blanked (line
    numbers kept) and reported, by MyST's own rule (`trust.topmatter_regels`).
    """

    def parse(self, inputstring: str, document: nodes.document) -> None:
        bestand = access.bestand_van(str(document.get("source")), Path(document.settings.env.srcdir))
        if trust.laag(bestand) is Laag.BEHEER:
            return super().parse(inputstring, document)
        if n := trust.topmatter_regels(inputstring):
            lines = inputstring.splitlines()
            inputstring = "\n" * n + "\n".join(lines[n:])
            _refused(vertrouwen.INSTELLINGEN("", None), (document.settings.env.docname, 1))
        parser = create_md_parser(document.settings.env.myst_config, _BewaakteRenderer)
        parser.options["document"] = document
        parser.render(inputstring)


def _invoeging(app: Sphinx, path: Any, docname: str, content: list[str]) -> None:
    """`include-read`: the one hand-over of an include, whoever runs it.

    MyST does not run a docutils include through its directive class (it uses its own
    MockIncludeDirective), so the judge never sees it; this event it does emit, with the
    file's path relative to the source folder, before the text is parsed. A file outside
    the project (or in a hidden folder) is not inserted; nor is a plan or regio file into
    a maintainers' page, where it would run with the maintainers' rights.
    """
    srcdir = Path(app.srcdir)
    doel = Path(path).as_posix()
    bestand = access.bestand_van(str(app.env.doc2path(app.env.docname)), srcdir)
    if trust.buiten("", doel, srcdir):
        finding = vertrouwen.BLOK_BUITEN("", None, opening="{include}", doel=doel)
    elif trust.laag(doel) is not Laag.BEHEER and trust.laag(bestand) is Laag.BEHEER:
        finding = vertrouwen.INVOEG_LAGER("", None, doel=doel)
    else:
        return
    content[0] = ""
    _refused(finding, (app.env.docname, _regel_van_invoeging(app, doel)))


def _regel_van_invoeging(app: Sphinx, doel: str) -> int:
    """The line of the include that names `doel` in the page being read (only to locate the finding)."""
    naam = Path(doel).name
    try:
        lines = Path(app.env.doc2path(app.env.docname)).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((nr for nr, line in enumerate(lines, 1) if "include" in line.lower() and naam in line), 1)


def _vergeet(app: Sphinx) -> None:
    access.vergeet()
    _gemeld.clear()
    _open.clear()


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _vergeet)
    app.connect("include-read", _invoeging, priority=100)  # before the text scan of the inserted text
    app.add_source_parser(BewaakteMystParser, override=True)
    sphinx_domains.directive = _guarded_directive  # type: ignore[method-assign]
    sphinx_domains.role = _guarded_role  # type: ignore[method-assign]

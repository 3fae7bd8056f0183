"""The trust boundary in the build itself (hgkm.sources.trust decides, this enforces).

The source of every document is disarmed before MyST reads it (`source-read`):
whatever crosses the boundary is blanked, so it never runs. As a last guard, in
case a spelling slips past the scan, every directive and role is also checked at
the moment Sphinx looks it up: a refused one is replaced by a directive that runs
nothing and says so, located, in Dutch. Sphinx itself dispatches directives and
roles through `sphinx_domains` (a patch of docutils' lookup); we wrap that lookup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging as sphinx_logging
from sphinx.util.docutils import SphinxDirective, sphinx_domains

from hgkm.model.findings import Finding
from hgkm.model.messages import vertrouwen
from hgkm.sources import access

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


def _guarded_directive(self: Any, directive_name: str, language_module: Any, document: nodes.document) -> Any:
    found, messages = _directive(self, directive_name, language_module, document)
    bestand = _bestand(self, document.get("source"))
    if found is not None and bestand is not None and not access.poort(directive_name, bestand):
        return Geweigerd, messages
    return found, messages


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


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", lambda app: access.vergeet())
    sphinx_domains.directive = _guarded_directive  # type: ignore[method-assign]
    sphinx_domains.role = _guarded_role  # type: ignore[method-assign]

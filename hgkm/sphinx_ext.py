"""Sphinx extension of the knowledge base.

- the `{metamodel}` directive (the metamodel page);
- metamodel.json beside needs.json, so tools outside Sphinx know the metamodel;
- build_meldingen.json: every warning of the build, located, for `make check` (hgkm.hooks.collector);
- the rules of hgkm.rules.registry run inside the build: blocking findings become located
  warnings, so `make html -W` fails on an incomplete plan too.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging as sphinx_logging
from sphinx.util.matching import get_matching_files

from hgkm import settings
from hgkm.hooks import backlinks, build_guard, collector, heap, incremental, speedups, state, versies
from hgkm.hooks.state import live_corpus, run
from hgkm.hooks.collector import BUILD_MELDINGEN_JSON, WARNING_TYPE, collected
from hgkm import __version__
from hgkm.model import declaration
from hgkm.model.corpus import peildatum
from hgkm.model.messages import bronnen
from hgkm.model.metamodel import from_sphinx
from hgkm.rules import invoer, registry
from hgkm.site import (dashboards, downloads, herijking, item_pages, link_labels, needs_export, pdf, reproducible,
                       samenhang, security_txt, theme, valid_html)
from hgkm.site.messages_page import MeldingenDirective
from hgkm.site.metamodel_page import MetamodelDirective
from hgkm.sources import access, gate, item_count, onzichtbaar, openbaar, persoonsgegevens, sanitize, trust
from hgkm.sources.fingerprint import code_version, schrijf_stempel, vingerafdruk

METAMODEL_JSON = "metamodel.json"

logger = sphinx_logging.getLogger(__name__)


def _check_metamodel(app: Sphinx, config: Any) -> None:
    """A region's knowledge base says which metamodel it was written for; the engine's must match."""
    verwacht = declaration.verwachte_versie(Path(app.confdir, "ubproject.toml"))
    eigen = declaration.metamodel_versie()
    if verwacht and verwacht.split(".")[0] != eigen.split(".")[0]:
        logger.warning(f"Deze kennisbank is geschreven voor metamodel {verwacht}, maar de machinerie (hgkm "
                       f"{__version__}) heeft metamodel {eigen}. Zet in requirements.txt een versie van de machinerie "
                       "met dezelfde hoofdversie, of werk de kennisbank bij (zie de handleiding).",
                       type=WARNING_TYPE, subtype="metamodel")


def _report_findings(app: Sphinx, builder: Any = None) -> None:
    """Run the rules on the live needs; blocking findings fail a -W build."""
    corpus = run(app).corpus = live_corpus(app)  # the dashboards read it too (Stand.van)
    for finding in registry.evaluate(corpus, peildatum(app.config.hgkm_peildatum or None), Path(app.srcdir)):
        need = corpus.needs.get(finding.need_id)
        location = (need.docname, need.lineno) if need and need.docname else None
        text = f"[{finding.regel}] {finding.melding} {finding.oplossing}"
        if finding.blokkerend:
            logger.warning(text, location=location, type=WARNING_TYPE, subtype=finding.regel)
        else:
            logger.info(f"waarschuwing: {text}", location=location)


def _write_outputs(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None:
        return
    Path(app.outdir, METAMODEL_JSON).write_text(from_sphinx(app).to_json(), encoding="utf-8")
    meldingen = collected(app)
    Path(app.outdir, BUILD_MELDINGEN_JSON).write_text(
        json.dumps(meldingen, ensure_ascii=False, indent=1), encoding="utf-8"
    )


def _take_vingerafdruk(app: Sphinx, env: Any, docnames: list[str]) -> None:
    """Before reading (generated pages are written by then): what this build reads."""
    run(app).fingerprint = vingerafdruk(Path(app.srcdir))


def _write_stempel(app: Sphinx, exception: Exception | None) -> None:
    """Last of all (after needs.json): record the sources this build was made from."""
    afdruk = run(app).fingerprint
    if exception is None and afdruk is not None:
        schrijf_stempel(Path(app.outdir), afdruk)


# ------------------------------------------------- checks on the sources

# Findings from reading the sources themselves are emitted by hgkm.sources.gate.warn:
# printed in Dutch, and kept as data in build_meldingen.json (hgkm.rules.invoer).


def _bron_warning(path: str, finding: Any) -> None:
    gate.warn(finding, f"{path}:{finding.regelnummer or 1}")


def _check_peildatum(app: Sphinx, config: Any) -> None:
    """A malformed peildatum is a Dutch warning (an error under -W), not a traceback.

    Sphinx prints a traceback for every exception, ConfigError included; so the build
    goes on with today's date, and says so.
    """
    try:
        peildatum(config.hgkm_peildatum or None)
    except ValueError as exc:
        vandaag = date.today().isoformat()
        config.hgkm_peildatum = vandaag
        logger.warning(f"De kennisbank bouwt met de peildatum van vandaag ({vandaag}): {exc}.",
                       type=WARNING_TYPE, subtype="peildatum")


def _undecodable(app: Sphinx, config: Any) -> None:
    """Leave out sources that are not UTF-8 (Sphinx would abort with a traceback), and
    symlinked ones (their text lives outside the project: hgkm.sources.trust)."""
    namen = list(get_matching_files(app.srcdir, exclude_patterns=config.exclude_patterns))
    found, weg = access.bestanden(Path(app.srcdir), [n for n in namen if n.endswith(".md")])
    config.exclude_patterns.extend(weg)
    if concepten := openbaar.weglaten(Path(app.srcdir), config.html_baseurl, config.hgkm_concepten_openbaar):
        config.exclude_patterns.extend(concepten)
        logger.info(f"Niet op de openbare site (plan nog niet vastgesteld): {', '.join(concepten)}")
    run(app).file_findings = found
    for name in namen:
        if name in weg:
            continue
        if not name.endswith(".md"):
            continue
        data = Path(app.srcdir, name).read_bytes()
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            config.exclude_patterns.append(name)
            regel = data[: err.start].count(b"\n") + 1
            run(app).encoding.append((name, regel, data[err.start : err.start + 1].hex()))


def _report_encoding(app: Sphinx) -> None:
    app.env.settings["raw_enabled"] = False  # no `raw` directive, not even inside eval-rst
    for finding in run(app).file_findings:
        _bron_warning(str(Path(app.srcdir, finding.bestand)), finding)
    for name, regel, byte in run(app).encoding:
        gate.warn(bronnen.GEEN_UTF8(name, regel, byte=byte, regel=regel), f"{Path(app.srcdir, name)}:{regel}")


def _ontsmet_tekst(app: Sphinx, path: str, text: str) -> str:
    if not app.config.hgkm_tekstscan:
        return text
    bestand = invoer.relative(path, Path(app.srcdir))
    return sanitize.ontsmet(trust.ontsmet(text, bestand, Path(app.srcdir)))


def _ontsmet(app: Sphinx, docname: str, source: list[str]) -> None:
    source[0] = _ontsmet_tekst(app, str(app.env.doc2path(docname)), source[0])


def _ontsmet_include(app: Sphinx, path: Any, docname: str, content: list[str]) -> None:
    if str(path).endswith(".md"):
        content[0] = _ontsmet_tekst(app, str(path), content[0])


def _ontsmet_doctree(app: Sphinx, doctree: nodes.document) -> None:
    """Before Sphinx copies images and downloads (its collectors run later): nothing from
    outside the project, nothing from another site. The located findings come from the
    source checks; this only makes sure nothing slips through."""
    docname = app.env.docname
    bestand = invoer.relative(str(app.env.doc2path(docname)), Path(app.srcdir))

    def meld(node: nodes.Node, finding: Any) -> None:
        gate.warn(finding, (docname, sanitize.regel_van(node) or 1))

    # files of the plans folder that may not be published (SVG, disguised, too large)
    access.laat_geweigerde_weg(doctree, bestand, Path(app.srcdir), meld)
    sanitize.ontsmet_doctree(doctree, lambda pad: trust.buiten(bestand, pad, Path(app.srcdir)), meld,
                             downloads=trust.laag(bestand) is trust.Laag.BEHEER)


def _check_sources(app: Sphinx, builder: Any = None) -> None:
    """Count need blocks against the needs made; find unclosed fences and HTML."""
    from sphinx_needs.data import SphinxNeedsData

    env = app.env
    bronnen: dict[str, str] = {}
    for docname in sorted(env.found_docs):
        path = Path(env.doc2path(docname))
        if path.suffix == ".md" and path.is_file():
            bronnen[invoer.relative(str(path), Path(app.srcdir))] = path.read_text(encoding="utf-8-sig")
    items = [
        item_count.Item(str(need["id"]), f"{need['docname']}{need.get('doctype') or '.md'}", need.get("lineno"))
        for need in SphinxNeedsData(env).get_needs_view().values()
        if need.get("docname")
    ]
    meldingen = collected(app)
    geweigerd: list[Any] = []
    tekstscan = app.config.hgkm_tekstscan
    for bestand, text in bronnen.items() if tekstscan else ():
        geweigerd += trust.findings(bestand, text, Path(app.srcdir))
    # a block the trust boundary took out is not also "missing"
    weg = {(f.bestand, f.regelnummer) for f in geweigerd}
    found = [f for f in item_count.findings(bronnen, items, meldingen) if (f.bestand, f.regelnummer) not in weg]
    found += geweigerd
    found += item_count.dubbele_ids(bronnen)
    for bestand, text in bronnen.items() if tekstscan else ():
        found += sanitize.findings(bestand, text)
    # invisible characters in the text (the needs' own values are the rule's: hgkm.rules.onzichtbaar)
    found += onzichtbaar.per_bestand(bronnen, SphinxNeedsData(env).get_needs_view().values())
    # personal data in every written file (the generated item pages repeat what is reported where it was written)
    gegenereerd = tuple(f"{item_pages.MAP}/{soort.map}/" for soort in item_pages.SOORTEN)
    for bestand, text in bronnen.items():
        if not bestand.startswith(gegenereerd):
            found += persoonsgegevens.findings(bestand, text, app.config.hgkm_functionele_adressen)
    for finding in sorted(set(found), key=lambda f: (f.bestand, f.regelnummer or 0, f.melding)):
        _bron_warning(str(Path(app.srcdir, finding.bestand)), finding)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("hgkm_peildatum", "", "env", types=(str,))
    # The text scan of the sources (hgkm.sources.trust, .sanitize): an early warning for
    # writers. Only tests turn it off, to show that the parser-level gate holds on its own.
    app.add_config_value("hgkm_tekstscan", True, "env", types=(bool,))
    # Plans that are not vastgesteld on the published site? A new region starts with False
    # (hgkm/templates/regio/conf.py.jinja); every other build shows them (hgkm.sources.openbaar).
    app.add_config_value("hgkm_concepten_openbaar", True, "env", types=(bool,))
    # e-mail addresses of the organisation, not of a person, that content may name (hgkm.sources.persoonsgegevens)
    app.add_config_value("hgkm_functionele_adressen", [], "env", types=(list, tuple))
    app.add_directive("metamodel", MetamodelDirective)
    app.add_directive("meldingen", MeldingenDirective)
    app.connect("config-inited", _check_peildatum)
    app.connect("config-inited", _check_metamodel)
    app.connect("config-inited", settings.add_layout_field, priority=20)  # after needs_from_toml (10)
    app.connect("config-inited", _undecodable)
    build_guard.setup(app)
    state.setup(app)
    collector.setup(app)
    app.connect("builder-inited", _report_encoding, priority=600)
    app.connect("source-read", _ontsmet)
    app.connect("include-read", _ontsmet_include)
    app.connect("doctree-read", _ontsmet_doctree, priority=100)
    app.connect("doctree-resolved", lambda app, doctree, docname: sanitize.laatste_wacht(doctree), priority=900)
    app.connect("write-started", _check_sources, priority=800)
    # after sphinx-needs' own process_schemas (priority 500) wrote schema_violations.json
    app.connect("write-started", _report_findings, priority=900)
    app.connect("build-finished", _write_outputs, priority=400)
    app.connect("env-before-read-docs", _take_vingerafdruk, priority=999)
    app.connect("build-finished", _write_stempel, priority=990)
    gate.setup(app)
    incremental.setup(app)
    # speed-ups that replace private names: only on the upstream versions they were verified against
    if anders := versies.afwijkend():
        app.connect("builder-inited", lambda app: logger.info(versies.melding(anders)))
    else:
        backlinks.setup(app)
        heap.setup(app)
    link_labels.setup(app)
    herijking.setup(app)
    if not anders:
        speedups.setup(app)
    valid_html.setup(app)
    reproducible.setup(app)
    needs_export.setup(app)
    # the site for readers: dashboards, pages per item, downloads, theme
    dashboards.setup(app)
    item_pages.setup(app)
    samenhang.setup(app)
    downloads.setup(app)
    pdf.setup(app)
    theme.setup(app)
    security_txt.setup(app)
    return {"version": "0.1", "env_version": code_version(), "parallel_read_safe": True, "parallel_write_safe": True}

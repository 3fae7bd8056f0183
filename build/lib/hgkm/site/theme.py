"""Look of the site: the theme's extras, the stylesheets, and two accessibility fixes.

The theme (pydata-sphinx-theme) was chosen by measurement against alabaster, furo and
sphinx-book-theme: axe-core WCAG 2.1 A/AA violations, body text size, line length,
reflow at 375 px and build time at national scale (furo's full navigation tree on every
page cost 1.8x pydata's CPU time with 100 gemeenten). The browser tests in
tests/test_browser.py keep the site at 0 violations, in light and dark mode.

The fixes: an aria-level on toctree captions (Translator), and the Dutch text of the
search's closing status message, which Sphinx's own Dutch catalog breaks (_zoekmelding).
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

from hgkm import PACKAGE, __version__
from hgkm.model import declaration
from hgkm.model.corpus import peildatum

STATIC = PACKAGE / "static"
#: Theme components of this site, in place of the theme's own of the same name. The theme
#: includes them as "../components/<name>", relative to each folder Sphinx searches: the
#: folder itself is searched, so that path leads back into it.
COMPONENTS = PACKAGE / "templates" / "theme" / "components"


class Translator(HTML5Translator):
    """Sphinx's HTML translator, with an aria-level on the captions of toctrees.

    Sphinx writes a toctree caption as `<p role="heading">` without `aria-level`,
    which WCAG 4.1.2 (axe rule aria-required-attr) rejects.
    """

    def visit_title(self, node: nodes.title) -> None:
        if isinstance(node.parent, addnodes.compact_paragraph) and node.parent.get("toctree"):
            self.body.append(self.starttag(node, "p", "", CLASS="caption", ROLE="heading", **{"aria-level": "2"}))
            self.body.append('<span class="caption-text">')
            self.context.append("</span></p>\n")
        else:
            super().visit_title(node)


LOCALE = PACKAGE / "locale"


def _dutch_catalog() -> Path:
    """Compile locale/nl.po into the .mo file gettext reads; return the locale folder."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    po = LOCALE / "nl.po"
    mo = LOCALE / "nl" / "LC_MESSAGES" / "sphinx.mo"
    if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as source:
            catalog = read_po(source, locale="nl")
        with mo.open("wb") as target:
            write_mo(target, catalog)
    return LOCALE


#: Sphinx's Dutch catalog has this message with empty translations, and its plural rule
#: `(n != 1)` gives a boolean, which does not index the pair of translations: the search
#: then stopped with a TypeError before it said how many pages it found.
_ZOEKEN_KLAAR = "Search finished, found one page matching the search query."
_ZOEKEN_KLAAR_NL = [
    "Zoeken klaar: één pagina gevonden die past bij de zoekvraag.",
    "Zoeken klaar: ${resultCount} pagina's gevonden die passen bij de zoekvraag.",
]


def _zoekmelding(app: Sphinx, exception: Exception | None) -> None:
    """Repair the search's closing status message in _static/translations.js (Dutch only).

    Fills the message when Sphinx left it empty, and makes the plural rule a number
    (`+(n != 1)`), so that `Documentation.ngettext` picks a translation.
    """
    if exception or app.builder.format != "html" or not (app.config.language or "").startswith("nl"):
        return
    js = Path(app.outdir) / "_static" / "translations.js"
    if not js.exists():
        return
    text = js.read_text(encoding="utf-8")
    start, end = text.find("{"), text.rfind("}")
    catalog = json.loads(text[start : end + 1])
    messages = catalog.setdefault("messages", {})
    if not (messages.get(_ZOEKEN_KLAAR) and all(messages[_ZOEKEN_KLAAR])):
        messages[_ZOEKEN_KLAAR] = _ZOEKEN_KLAAR_NL
    rule = catalog.get("plural_expr") or "(n != 1)"
    if not rule.startswith("+("):
        catalog["plural_expr"] = f"+({rule})"
    js.write_text(text[:start] + json.dumps(catalog, ensure_ascii=False, indent=4) + text[end + 1 :], encoding="utf-8")


#: sphinx-needs' permalink page (it forwards ?id=UA-… to the need's page) is English.
_PERMALINK_NL = {
    '<html lang="en">': '<html lang="nl">',
    "<title>sphinx-needs permalink</title>": "<title>Vaste link naar een item</title>",
    "<h1>Searching, Please Wait...</h1>": "<h1>Het item wordt gezocht, een ogenblik ...</h1>",
}


def _permalink_in_dutch(app: Sphinx, exception: Exception | None) -> None:
    """The permalink page in Dutch; it is written at env-updated, so it exists by now."""
    if exception or app.builder.format != "html":
        return
    pad = Path(app.outdir) / Path(app.config.needs_permalink_file).name
    if pad.exists():
        text = pad.read_text(encoding="utf-8")
        for en, nl in _PERMALINK_NL.items():
            text = text.replace(en, nl)
        pad.write_text(text, encoding="utf-8")


def _afdruk(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """A printed page says where it comes from and at which peildatum (shown in print only)."""
    context["hgkm_versie"], context["hgkm_metamodel"] = __version__, declaration.metamodel_versie()
    if doctree is None or "body" not in context:
        return
    doel = app.builder.get_target_uri(pagename)
    baseurl = app.config.html_baseurl or ""
    adres = f"{baseurl.rstrip('/')}/{doel}" if baseurl else doel
    datum = peildatum(app.config.hgkm_peildatum or None).isoformat()
    context["body"] = (f'<p class="hgkm-afdruk">Afgedrukt uit de kennisbank: {escape(adres)}, '
                       f"peildatum {datum}.</p>") + context["body"]


def _static(app: Sphinx, config: Any) -> None:
    config.html_static_path.append(str(STATIC))
    config.templates_path.insert(0, str(COMPONENTS))


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _static)
    # Falls back after Sphinx's own Dutch catalog: only the texts it lacks come from here.
    app.add_message_catalog("sphinx", str(_dutch_catalog()))
    app.add_css_file("hgkm.css")
    app.add_css_file("hgkm-print.css", media="print")
    app.connect("build-finished", _zoekmelding)
    app.connect("build-finished", _permalink_in_dutch)
    app.connect("html-page-context", _afdruk)
    for builder in ("html", "dirhtml"):
        app.set_translator(builder, Translator, override=True)

"""Sphinx settings shared by the site (conf.py) and the test fixture corpora.

The fixture corpora in tests/fixtures are tiny Sphinx projects; they must build
with exactly the metamodel and extensions of the real site, so both read them here.
"""

from __future__ import annotations

import os
from typing import Any

from sphinx_needs.config import NeedsSphinxConfig

from hgkm import METAMODEL_TOML

#: Fields sphinx-needs shows in a layout that no need of this knowledge base sets
from hgkm.model import declaration
#: (the layout name, diagram style, external links, Gantt data, ...).
_NOOIT_GEZET = ["layout", "style", "external_url", "signature", "duration", "completion", "constraints"]


def need_layouts() -> dict[str, dict[str, Any]]:
    """One need layout per need type: sphinx-needs' `clean` layout, lighter.

    `clean` runs every one of ~30 fields through the layout for every need, parsing a
    label even for the empty ones (the most expensive part of rendering at national
    scale). Each type's layout leaves out the fields only other types have and the
    fields nothing sets; what the need sets is still shown, as in `clean`, and so is
    every link and back link (`meta_links_all`). Which layout a need gets:
    `LAYOUT_FIELD` below. The collapse button of `clean` is left
    out: an icon without a name that a keyboard cannot reach, and a reader needs the
    fields shown.
    """
    per_type = declaration.type_fields()
    alle = sorted({veld for velden in per_type.values() for veld in velden})
    layouts = {}
    for soort, velden in per_type.items():
        weg = [veld for veld in alle if veld not in velden] + _NOOIT_GEZET
        layouts[f"hgkm-{soort}"] = {
            "grid": "simple",
            "layout": {
                "head": ['<<meta("type_name")>>: **<<meta("title")>>** <<meta_id()>>'],
                "meta": [f"<<meta_all(no_links=True, exclude={weg!r})>>", "<<meta_links_all()>>"],
            },
        }
    return layouts


#: Which layout a need gets, most frequent types first (sphinx-needs evaluates each
#: predicate until one matches). Presentation of this site, so not in ubproject.toml: a
#: project that imports needs.json with that metamodel has no such layouts.
LAYOUT_FIELD = {
    "predicates": [
        [f"type == '{soort}'", f"hgkm-{soort}"]
        for soort in ("actie", "gemeente", "plan", "uitzondering", "opgave", "taak", "principe",
                      "toetssteen", "meting", "regiovisie", "bron")
    ],
}


def add_layout_field(app: Any, config: Any) -> None:
    """Give every need its type's layout (config-inited, after needs_from_toml is read)."""
    config.needs_fields = {**config.needs_fields, "layout": LAYOUT_FIELD}


def sphinx_settings() -> dict[str, Any]:
    """The configuration values every project of this knowledge base uses."""
    return {
        "language": "nl",
        "extensions": [
            "myst_parser",
            "sphinx_needs",
            "sphinx.ext.graphviz",
            "hgkm.sphinx_ext",
        ],
        "source_suffix": {".md": "markdown"},
        "myst_enable_extensions": ["colon_fence", "deflist"],
        "myst_heading_anchors": 3,
        # The site is public and writers are not programmers: no raw HTML in content
        # (it would pass straight into the published pages), and links only to the web
        # and to e-mail addresses. hgkm.sources.sanitize tells the writer where and why.
        "myst_disable_syntax": ["html_block", "html_inline"],
        "myst_url_schemes": ["http", "https", "mailto"],
        # The metamodel lives in one place; sphinx-needs reads it from there.
        "needs_from_toml": str(METAMODEL_TOML),
        "needs_layouts": need_layouts(),
        # A {need} reference in running text shows the whole title, never "ervaringsde...".
        "needs_role_need_max_title_length": -1,
        # needs.json is read by other projects: the layout names only this site defines stay out.
        "needs_json_exclude_fields": [*NeedsSphinxConfig.get_default("json_exclude_fields"), "layout"],
        # needs.json carries the version key downstream tools rely on.
        "version": "2024-2027",
        "release": "2024-2027",
        "graphviz_output_format": "svg",
        # Where the site is published (site.yml sets it from GitHub Pages): canonical links,
        # and the links that needs.json, the open-data metadata and the PDFs give to pages.
        "html_baseurl": os.environ.get("HGKM_SITE_URL", ""),
        # The voortgangsrapportages as PDF (hgkm.site.pdf): `make pdf` sets HGKM_PDF=1.
        "hgkm_pdf": os.environ.get("HGKM_PDF") == "1",
        # Chosen by measurement (axe, font size, line length, small screens, build time):
        # see hgkm/site/theme.py.
        "html_theme": "pydata_sphinx_theme",
        "html_theme_options": {
            "navigation_with_keys": False,
            "show_toc_level": 2,
            "secondary_sidebar_items": ["page-toc"],
            "footer_start": ["copyright"],
            "footer_end": ["hgkm-versie.html"],
            "search_bar_text": "Zoek in de kennisbank ...",
            "header_dropdown_text": "Meer",
            # The side navigation opens only the branch of the current page: its cost
            # then does not grow with every plan and item of the site.
            "collapse_navigation": True,
            "navigation_depth": 2,
            # No (empty) advertisement slot of Read the Docs under the side navigation.
            "primary_sidebar_end": [],
        },
        # A plan page has no pages below it: the side navigation would be an empty
        # "Navigatie in dit deel" on each of the hundreds of plan pages. The plans are
        # reached from the home page, the gemeente pages and the top navigation (which
        # stays, also on small screens).
        "html_sidebars": {"requirements/uitvoeringsplannen/*": []},
        "exclude_patterns": [
            "_build",
            ".venv",
            "hgkm",  # the engine (its templates hold pages of a new region, not of this site)
            "README.md",
            "CONTRIBUTING.md",
            "checks",
            "tests",
            ".github",
            ".ci",
            ".pytest_cache",
            "**/.pytest_cache",
        ],
        # sphinx-needs prints schema violations without file:line; hgkm.sphinx_ext
        # re-emits each one located and in Dutch (rule `invoer`).
        "suppress_warnings": ["sn_schema_violation"],
    }

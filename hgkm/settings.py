"""Sphinx settings shared by the site (conf.py) and the test fixture corpora.

The fixture corpora in tests/fixtures are tiny Sphinx projects; they must build
with exactly the metamodel and extensions of the real site, so both read them here.
"""

from __future__ import annotations

from typing import Any

from hgkm import METAMODEL_TOML


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
        # and to e-mail addresses. hgkm.veiligheid tells the writer where and why.
        "myst_disable_syntax": ["html_block", "html_inline"],
        "myst_url_schemes": ["http", "https", "mailto"],
        # The metamodel lives in one place; sphinx-needs reads it from there.
        "needs_from_toml": str(METAMODEL_TOML),
        # needs.json carries the version key downstream tools rely on.
        "version": "2024-2027",
        "release": "2024-2027",
        "graphviz_output_format": "svg",
        # Chosen by measurement (axe, font size, line length, small screens, build time):
        # see hgkm/thema.py.
        "html_theme": "pydata_sphinx_theme",
        "html_theme_options": {
            "navigation_with_keys": False,
            "show_toc_level": 2,
            "secondary_sidebar_items": ["page-toc"],
            "footer_start": ["copyright"],
            "footer_end": [],
            "search_bar_text": "Zoek in de kennisbank ...",
            "header_dropdown_text": "Meer",
        },
        "exclude_patterns": [
            "_build",
            ".venv",
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

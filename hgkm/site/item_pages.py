"""Generated pages: one per gemeente, opgave, principe, taak and toetssteen.

Sphinx needs a source file for every page that is searchable and in the navigation,
so at `builder-inited` this module writes a small MyST file per item into
docs/<soort>/ (git-ignored). A file holds only a title and directives; what the
page shows is computed at `doctree-resolved` from the live needs (hgkm.site.dashboards),
by the same code as `make check`.

Which items exist is known only after reading; the files must exist before it.
So the source is scanned for the opening lines of the need directives (the
`:::{gemeente} Titel` line and its `:id:` and `:tags:` options), the one syntax
the templates and the handleiding prescribe. A file is rewritten only when its
text changes, and a file of an item that no longer exists is removed, so an
incremental build reads exactly the pages that changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.project import Project
from sphinx.util import logging as sphinx_logging

from hgkm.model import declaration
from hgkm.model.corpus import VOORBEELD
from hgkm.sources import item_count, trust

logger = sphinx_logging.getLogger(__name__)

#: Folder under the source folder that holds the generated pages.
MAP = "docs"


@dataclass(frozen=True)
class Soort:
    """A need type that gets a page per item."""

    type: str
    map: str
    kop: str
    uitleg: str


SOORTEN = (
    Soort("gemeente", "gemeenten", "Gemeenten",
          "Per gemeente: haar rol, haar uitvoeringsplannen, haar acties en wat nog ontbreekt."),
    Soort("opgave", "opgaven", "Ontwikkelopgaven",
          "Per ontwikkelopgave: de tekst, de bron en welke acties van welke gemeenten eraan werken."),
    Soort("principe", "principes", "Leidende principes",
          "Per leidend principe: de tekst, de bron en welke acties het toepassen."),
    Soort("taak", "taken", "Wettelijke taken",
          "Per wettelijke taak: de tekst, de bron en welke acties van welke gemeenten haar uitvoeren."),
    Soort("toetssteen", "toetsstenen", "Toetsstenen",
          "Per toetssteen: de tekst, de indicator en de bron."),
)
PER_TYPE = {s.type: s for s in SOORTEN}



@dataclass(frozen=True)
class Item:
    """An item found by the scan: enough to write its page."""

    type: str
    id: str
    titel: str

    @property
    def docname(self) -> str:
        return pagina(self.type, self.id)


def pagina(need_type: str, need_id: str) -> str:
    """The docname of the generated page of an item."""
    return f"{MAP}/{PER_TYPE[need_type].map}/{need_id.lower()}"


def scan(text: str) -> list[Item]:
    """The items declared in one MyST file (voorbeeld items left out).

    Blocks are found by hgkm.sources.item_count, the scanner that counts items for the build,
    so an example inside a code block gets no page.
    """
    found: list[Item] = []
    for blok in item_count.blokken(item_count.regels(text)):
        if blok.naam not in PER_TYPE or not blok.need_id:
            continue
        tags = next((waarde for optie, _, waarde in blok.opties if optie == "tags"), "")
        if VOORBEELD not in (t.strip() for t in re.split(r"[,;]", tags)):
            found.append(Item(blok.naam, blok.need_id.strip(), blok.titel))
    return found


def _sources(app: Sphinx) -> list[Path]:
    """The source files Sphinx will read, except the generated pages themselves."""
    project = Project(app.srcdir, app.config.source_suffix)
    generated = tuple(f"{MAP}/{s.map}/" for s in SOORTEN)
    docnames = project.discover(app.config.exclude_patterns, app.config.include_patterns)
    return [Path(project.doc2path(d, absolute=True)) for d in sorted(docnames) if not d.startswith(generated)]


def _myst_text(text: str) -> str:
    """A title as plain MyST text (no markup characters interpreted)."""
    return re.sub(r"([\\`*_{}\[\]<>#|])", r"\\\1", text)


def _pagina_tekst(item: Item) -> str:
    if item.type == "gemeente":
        titel = f"Gemeente {_myst_text(item.titel)}"
        body = f"```{{gemeente-overzicht}} {item.id}\n```\n"
    else:
        titel = f"{item.id} {_myst_text(item.titel)}"
        body = (
            f"```{{needextract}}\n:filter: id == \"{item.id}\"\n```\n\n"
            f"```{{item-overzicht}} {item.id}\n```\n"
        )
        if item.type != "toetssteen":
            body += (
                f"\n## Samenhang\n\nDe acties die naar {item.id} verwijzen.\n\n"
                f"```{{needflow}}\n:root_id: {item.id}\n:root_direction: incoming\n:root_depth: 1\n"
                f":filter: not \"{VOORBEELD}\" in tags\n:alt: Acties die verwijzen naar {item.id}\n```\n"
            )
    # An orphan: reached from its index page and from the dashboards, not from the
    # global navigation, which would otherwise grow with every gemeente on every page.
    kop = f"---\norphan: true\n---\n\n% Gegenereerd door hgkm/site/item_pages.py uit {item.id}; niet met de hand wijzigen.\n\n"
    return f"{kop}# {titel}\n\n{body}"


def _index_tekst(soort: Soort) -> str:
    return (
        "% Gegenereerd door hgkm/site/item_pages.py; niet met de hand wijzigen.\n\n"
        f"# {soort.kop}\n\n{soort.uitleg}\n\n"
        f"```{{item-lijst}} {soort.type}\n```\n"
    )


def _schrijf(path: Path, text: str) -> None:
    """Write only when the text changes, so Sphinx rereads only changed pages."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def genereer(app: Sphinx) -> None:
    """Write the page of every item and the index per soort; remove stale pages."""
    if not app.config.hgkm_itempaginas:
        return
    items: dict[str, Item] = {}
    id_patroon = re.compile(declaration.id_regex())
    for source in _sources(app):
        toegestaan = trust.blokken_van(trust.laag(source.relative_to(app.srcdir).as_posix()))
        for item in scan(source.read_text(encoding="utf-8")):
            # The page is Markdown of the maintainers' tier, with the ID inside a filter: only an
            # ID that is an ID, from a file that may declare this item (the build refuses the rest).
            if id_patroon.fullmatch(item.id) and (toegestaan is None or item.type in toegestaan):
                items.setdefault(item.id, item)
    root = Path(app.srcdir, MAP)
    for soort in SOORTEN:
        folder = root / soort.map
        wanted = {"index.md": _index_tekst(soort)}
        for item in sorted(items.values(), key=lambda i: i.id):
            if item.type == soort.type:
                wanted[f"{item.id.lower()}.md"] = _pagina_tekst(item)
        for name, text in wanted.items():
            _schrijf(folder / name, text)
        for stale in folder.glob("*.md"):
            if stale.name not in wanted:
                stale.unlink()


def setup(app: Sphinx) -> None:
    app.add_config_value("hgkm_itempaginas", False, "env", types=(bool,))
    # before sphinx-needs and Sphinx look for source files
    app.connect("builder-inited", genereer, priority=100)

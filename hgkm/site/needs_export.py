"""needs.json as another project reads it.

Another Sphinx project imports needs.json with `needimport` and the published metamodel
(`ubproject.toml`, offered beside it). Two things in the file only work on this site:

- the layout names (`hgkm-actie`, ...): left out of the file (settings.py,
  `needs_json_exclude_fields`);
- `{doc}` references in a need's text, to pages the other project does not have. They
  become ordinary links to the page on the published site (`html_baseurl`), or, when
  the build does not know where the site is published, the page's title as text.

tests/test_outside_tools.py builds such a client project with -W: no warning.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sphinx.application import Sphinx

from hgkm import METAMODEL_TOML, __version__
from hgkm.model import declaration
from hgkm.model.corpus import HERKOMST, VINGERAFDRUKKEN_JSON
from hgkm.model.escaping import markdown
from hgkm.model.herijking import vingerafdruk_van

#: {doc}`target` or {doc}`text <target>`
#: (text keeps the spaces before `<`, which `[^`<]*?\s*<` left out; portable strips them)
_DOC_ROLE = re.compile(r"\{doc\}`(?:(?P<text>[^`<]*)<(?P<target>[^`>]+)>|(?P<bare>[^`]+))`")


def _docname(target: str, from_docname: str) -> str:
    """A {doc} target as a docname: absolute from the source folder, or relative to the page."""
    target = target.strip().removesuffix(".md")
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_docname), target))


def portable(content: str, from_docname: str, titles: dict[str, str], baseurl: str) -> str:
    """The need's text with each {doc} reference made readable outside this site."""

    def replace(m: re.Match[str]) -> str:
        docname = _docname(m["target"] or m["bare"], from_docname)
        # the writer chose the text and the target: escaped as Markdown (and HTML, which
        # a client may allow), and only a page this site has becomes a link
        text = markdown((m["text"] or "").strip() or titles.get(docname, docname))
        if not baseurl or docname not in titles:
            return text
        return f"[{text}]({baseurl.rstrip('/')}/{quote(docname)}.html)"

    return _DOC_ROLE.sub(replace, content)


#: a need's text in needs.json as sphinx-needs writes it (json.dumps: `"key": value`); inside
#: a JSON string a quote is escaped, so this matches only the key itself
_CONTENT = re.compile(rb'"content": ("(?:[^"\\]|\\.)*")')
_CURRENT_VERSION = re.compile(rb'^\{"current_version": "(?:[^"\\]|\\.)*"')
#: needs.json is written back in pieces of this size, not joined into one copy first
STUK = 1 << 20


def rewrite(app: Sphinx, exception: Exception | None) -> None:
    """After sphinx-needs wrote needs.json (build-finished, priority 500).

    The file is edited as text: loading it whole (19 MB at national scale) raised the
    build's peak memory by some 55 MB. Only the strings that hold a {doc} reference are
    decoded and encoded again; the fingerprints come from the needs in memory, which
    needs.json was written from.
    """
    path = Path(app.outdir, "needs.json")
    if exception is not None or app.builder.format != "html" or not path.exists():
        return
    from sphinx_needs.config import NeedsSphinxConfig
    from sphinx_needs.data import SphinxNeedsData
    from sphinx_needs.filter_common import filter_needs_view

    data = path.read_bytes()  # ASCII (json's default); bytes take a quarter of the memory of text
    titles = {docname: title.astext() for docname, title in app.env.titles.items()}
    baseurl = app.config.html_baseurl or ""
    config = NeedsSphinxConfig(app.config)
    # the needs sphinx-needs wrote into the file, chosen as it chooses them; its default
    # filter directly (evaluating the expression per need cost 80 MB at national scale)
    alle = SphinxNeedsData(app.env).get_needs_view()
    if config.builder_filter.replace(" ", "") == "is_external==False":
        needs = {i: n for i, n in alle.items() if not n["is_external"]}
    else:
        needs = {n["id"]: n for n in filter_needs_view(alle, config, config.builder_filter)}

    # who made the file, with which metamodel, and where its site is: what a national overview
    # reads (hgkm.tools.landelijk); other readers ignore the key. Keys sorted as sphinx-needs
    # writes them: "hgkm" comes right after "current_version", the first key.
    eerste = _CURRENT_VERSION.search(data).end()  # type: ignore[union-attr]
    vervang = {(eerste, eerste): f', "{HERKOMST}": {json.dumps(herkomst(app), sort_keys=True)}'.encode()}
    # the few needs whose text has a {doc} reference: each one's own "content" is the first
    # after its key (keys are sorted, and no field before "content" holds that key)
    for need_id, need in needs.items():
        content = need.get("content") or ""
        start = data.find(f'"{need_id}": {{'.encode()) if "{doc}" in content else -1
        if start < 0 or not (m := _CONTENT.search(data, start)):
            continue
        nieuw = json.dumps(portable(content, need.get("docname") or "", titles, baseurl))
        vervang[m.start(1), m.end(1)] = nieuw.encode()
    vingerafdrukken = {
        need_id: vingerafdruk_van(need.get("title") or "", need.get("content") or "")
        for need_id, need in needs.items()
    }
    Path(app.outdir, VINGERAFDRUKKEN_JSON).write_text(json.dumps(vingerafdrukken, sort_keys=True), encoding="utf-8")
    with path.open("wb") as uit:
        positie = 0
        for (begin, eind), nieuw in sorted(vervang.items()):
            _schrijf(uit, data, positie, begin)
            uit.write(nieuw)
            positie = eind
        _schrijf(uit, data, positie, len(data))


def _schrijf(uit: Any, data: bytes, begin: int, eind: int) -> None:
    view = memoryview(data)
    for i in range(begin, eind, STUK):
        uit.write(view[i:min(i + STUK, eind)])


def herkomst(app: Sphinx) -> dict[str, str]:
    return {
        "versie": __version__,
        "metamodel": declaration.metamodel_versie(),
        "site": app.config.html_baseurl or "",
        "project": app.config.project,
    }


def publish_metamodel(app: Sphinx, exception: Exception | None) -> None:
    """ubproject.toml beside needs.json: the one declaration, as the site was built with it."""
    if exception is None and app.builder.format == "html":
        shutil.copyfile(METAMODEL_TOML, Path(app.outdir, METAMODEL_TOML.name))


def setup(app: Sphinx) -> None:
    app.connect("build-finished", rewrite, priority=600)
    app.connect("build-finished", publish_metamodel)

"""A correct incremental build: rewrite the pages whose needs' links changed elsewhere.

Sphinx rewrites only the documents it re-read. A need's page also shows what other pages
decide: its back links ("uitgevoerd door: UA-..."), and the titles and places of the needs
it links to or names with {need}. When one plan is edited, those parts of unedited pages
change too, and sphinx-needs alone leaves them stale.

After reading, this module computes for every document a signature of exactly those
parts, stores it in the environment and compares it with the previous build's; every
document whose signature changed is rewritten (`env-get-updated`). Pages with needtables,
needflows and other overviews depend on all needs: they are rewritten whenever any need
changed. The computation uses the needs as read, before sphinx-needs post-processes them
(the environment is pickled in between, and must be pickled unlocked).
"""

from __future__ import annotations

import filecmp
import hashlib
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from hgkm.hooks.state import kept
from hgkm.model.corpus import peildatum
from hgkm.model.herijking import vingerafdruk_van

def _overview_node_types() -> tuple[type[nodes.Element], ...]:
    """sphinx-needs' node types whose rendering depends on needs of other pages."""
    from sphinx_needs.needs import NODE_TYPES, NODE_TYPES_PRIO
    from sphinx_needs.roles.need_incoming import NeedIncoming
    from sphinx_needs.roles.need_outgoing import NeedOutgoing
    from sphinx_needs.roles.need_part import NeedPart
    from sphinx_needs.roles.need_ref import NeedRef

    per_need = {NeedRef, NeedPart, NeedIncoming, NeedOutgoing}
    return tuple(t for t in (*NODE_TYPES_PRIO, *NODE_TYPES) if t not in per_need)


def depends_on_all_needs(env: BuildEnvironment, docname: str) -> None:
    """Mark a document as an overview: rewritten whenever any need changed.

    For directives of this package that render many needs (dashboards, matrices):
    call it from the directive's run() with `self.env, self.env.docname`.
    """
    kept(env).overzichten.add(docname)


def _collect(app: Sphinx, doctree: nodes.document) -> None:
    """At doctree-read: which needs the document names, and whether it has overviews."""
    from sphinx_needs.roles.need_ref import NeedRef

    env = app.env
    docname = env.docname
    named = {str(node["reftarget"]).split(".", 1)[0] for node in doctree.findall(NeedRef)}
    if named:
        kept(env).verwijzingen[docname] = named
    overview_types = _overview_node_types()
    if any(True for _ in doctree.findall(lambda n: isinstance(n, overview_types))):
        kept(env).overzichten.add(docname)


def signatures(env: BuildEnvironment) -> dict[str, str]:
    """Per document: a hash of what its pages show of needs on other pages."""
    from sphinx_needs.data import SphinxNeedsData

    needs = SphinxNeedsData(env).get_needs_mutable()
    incoming: dict[str, list[tuple[str, str]]] = defaultdict(list)
    outgoing: dict[str, list[tuple[str, str, str | None]]] = {}
    per_doc: dict[str, list[str]] = defaultdict(list)
    for key, need in needs.items():
        links = [
            (link_type, ref.id, ref.part)
            for link_type, refs in need.iter_links_items(as_str=False)
            for ref in refs
        ]
        outgoing[key] = links
        for link_type, target, _ in links:
            incoming[target].append((link_type, key))
        if need["docname"]:
            per_doc[need["docname"]].append(key)

    labels: dict[str, Any] = {}

    def label(need_id: str) -> Any:
        """What another page shows of a need, once per need (a bron is related to thousands of pages)."""
        if need_id not in labels:
            need = needs.get(need_id)
            # the fingerprint of its text: a page marks the acties written against an older one (herijking)
            labels[need_id] = None if need is None else [
                need["title"], need["docname"], need["type"], need["status"], sorted(need["parts"] or {}),
                vingerafdruk_van(need["title"], need["content"] or "")]
        return labels[need_id]

    named = kept(env).verwijzingen
    result = {}
    for docname in set(per_doc) | set(named):
        parts: list[Any] = []
        for key in sorted(per_doc.get(docname, [])):
            back = sorted(incoming.get(key, []))
            related = {target for _, target, _ in outgoing[key]} | {source for _, source in back}
            parts.append([key, back, {other: label(other) for other in sorted(related)}])
        parts.append({other: label(other) for other in sorted(named.get(docname, ()))})
        text = json.dumps(parts, sort_keys=True, default=str)
        result[docname] = hashlib.sha1(text.encode("utf-8")).hexdigest()
    return result


def _outdated_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """At env-get-updated: the documents to rewrite although they were not re-read."""
    state = kept(env)
    new = signatures(env)
    old, state.handtekeningen = state.handtekeningen, new
    # Every page prints its peildatum (today by default; hgkm.site.theme), and the dashboards
    # show coverage on it: on another day an uitzondering may have expired although
    # no source changed. So a new peildatum rewrites every page.
    vandaag = str(peildatum(app.config.hgkm_peildatum or None))
    nieuwe_dag = (state.peildatum or vandaag) != vandaag
    state.peildatum = vandaag
    if not old:
        return []  # a first build writes every page anyway
    if nieuwe_dag:
        return sorted(env.found_docs)
    changed = {doc for doc in set(new) | set(old) if new.get(doc) != old.get(doc)}
    if changed:
        changed |= state.overzichten
    return sorted(doc for doc in changed if doc in env.found_docs)


def setup(app: Sphinx) -> None:
    """Hook the rewrite of stale pages into the build (called by hgkm.sphinx_ext.setup)."""
    app.connect("doctree-read", _collect)  # purge and merge: hgkm.hooks.state
    app.connect("env-get-updated", _outdated_pages)


# ---------------------------------------------------------------- comparing builds

#: sphinx-needs gives every rendered need container a random ID (uuid4), so two clean
#: builds differ there too; nothing links to it.
_RANDOM = re.compile(r'SNCB-[0-9a-f]{8}')


def _normalised(path: Path) -> str:
    return _RANDOM.sub("SNCB-x", path.read_text(encoding="utf-8"))


def differing_pages(one: Path, other: Path) -> list[str]:
    """The HTML pages (relative paths) that differ between two builds' output folders.

    Only the random container IDs of sphinx-needs are normalised away.
    """
    pages_one = {p.relative_to(one) for p in one.rglob("*.html")}
    pages_other = {p.relative_to(other) for p in other.rglob("*.html")}
    differ = sorted(str(p) for p in pages_one ^ pages_other)
    for page in sorted(pages_one & pages_other):
        if not filecmp.cmp(one / page, other / page, shallow=False) and _normalised(one / page) != _normalised(
            other / page
        ):
            differ.append(str(page))
    return differ

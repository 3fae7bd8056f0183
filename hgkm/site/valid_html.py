"""Valid HTML: repairs of the markup sphinx-needs makes.

The W3C Nu validator (tests/test_outside_tools.py) rejected two things on every page with a
need or a needflow:

- a need layout line holding `<<meta_all()>>` or `<<meta_links_all()>>` gets more lines
  inside it: a `<div class="line">` in a `<span>`, which HTML does not allow. The inner
  lines take the place of the outer one (same text, same order).
- a needflow as SVG is written as `<img ...></img>`: `</img>` is a stray end tag.

Each belongs upstream in sphinx-needs; until then hgkm.sphinx_ext installs them.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx


def _lines_in(line: nodes.Element) -> list[nodes.line]:
    """The lines inside `line`, in document order: line.findall(nodes.line) without `line`
    itself, walked with a stack (every line of every need passes here)."""
    found = []
    stack = list(reversed(line.children))
    while stack:
        node = stack.pop()
        if isinstance(node, nodes.line):
            found.append(node)
        if node.children:
            stack.extend(reversed(node.children))
    return found


_ELEMENT_ASTEXT = nodes.Element.astext


def _text(node: nodes.Node, lines: dict[int, str]) -> str:
    """node.astext(), noting the text of every line inside it on the way (by id)."""
    if isinstance(node, nodes.Text) or type(node).astext is not _ELEMENT_ASTEXT:
        return node.astext()
    text = node.child_text_separator.join([_text(child, lines) for child in node.children])
    if isinstance(node, nodes.line):
        lines[id(node)] = text
    return text


def _alleen_regels(line: nodes.Element, inner: list[nodes.line]) -> bool:
    """Whether `line` holds nothing but the lines `inner`, in the shape sphinx-needs makes
    (line > inline > inline > lines): each joins its children's text with "", so the text
    of `line` is the text of its inner lines without comparing them."""
    if type(line) is not nodes.line or len(line.children) != 1:
        return False
    wrapper = line.children[0]
    if type(wrapper) is not nodes.inline or len(wrapper.children) != 1:
        return False
    lijst = wrapper.children[0]
    return type(lijst) is nodes.inline and len(lijst.children) == len(inner) and all(
        a is b for a, b in zip(lijst.children, inner))


def _flatten_lines(block: nodes.line_block) -> None:
    for line in list(block.children):
        inner = _lines_in(line)
        if not inner:
            continue
        teksten: dict[int, str] = {}
        # only when the inner lines are all the outer one says: nothing is lost
        if _alleen_regels(line, inner) or (
                _text(line, teksten) == "".join(teksten.get(id(n)) or n.astext() for n in inner)):
            block.replace(line, inner)


def repair(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """After sphinx-needs rendered the needs of the page (doctree-resolved, priority 500)."""
    for container in doctree.findall(nodes.container):
        if "need_container" not in container["classes"]:
            continue
        for block in container.findall(nodes.line_block):
            if any(c.startswith("needs_") for c in block["classes"]):
                _flatten_lines(block)


def _needflow_visitor(original: Any) -> Any:
    def visit(self: Any, node: nodes.Element) -> None:
        start = len(self.body)
        try:
            original(self, node)
        finally:
            self.body[start:] = [part.replace("></img>", " />") for part in self.body[start:]]

    return visit


def setup(app: Sphinx) -> None:
    from sphinx_needs.directives.needflow._graphviz import html_visit_needflow_graphviz
    from sphinx_needs.directives.needflow._directive import NeedflowGraphiz

    app.connect("doctree-resolved", repair, priority=600)
    app.add_node(NeedflowGraphiz, override=True, html=(_needflow_visitor(html_visit_needflow_graphviz), None))

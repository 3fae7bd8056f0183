"""Faster versions of a few sphinx-needs and Sphinx internals, with exactly the same output.

Profiled at national scale (342 gemeenten x 25 acties, docs/prestaties.md), these were
the costs that grow faster than the corpus, or repeat the same work for every need:

- needflow's `get_root_needs` compares every drawn need with every other one when a
  need's `parent_need` is None instead of "" (every need here): quadratic in the size of
  the flow. The needflow of an opgave draws every actie that serves it (1,700 at national
  scale). Replaced by a set lookup: the same roots in the same order.
- `{need}` roles convert the whole target need to strings for every reference
  (`transform_need_to_dict`), back links included: every actie names its opgave, and an
  opgave has 1,700 back links, so this was quadratic too. The strings of a need are now
  made once per build; every reference still gets its own copy of the dict.
- need layouts parse the same few function strings (`<<meta_all(...)>>`) with `ast.parse`
  for every need. Parsed once; each call gets fresh copies of list arguments, since
  sphinx-needs' `meta_all` extends its `exclude` argument in place; the copies answer
  `in` from a set (`_Lijst`).
- the search index stems each word again on every page (Sphinx caches per page only).
  The stem of a word is now kept for the build.
- every link asks the HTML builder for the relative address between two pages, which
  Sphinx computes anew each time (sphinx-needs' links, the overviews): at national scale
  hundreds of thousands of times for far fewer pairs. Kept per build (`_cache_relative_uris`).
- every new need deep-copies the default of each of its fields and links (a string, None,
  a list of strings), through the copy module's generic machinery. The same copies, made
  directly (`copy_default`).
- every page asks Sphinx for the checksum of each stylesheet and script, resolving its
  path each time: kept per build (`_install_checksum_cache`).
- Sphinx writes the arguments of every event it emits to its debug log, and makes that
  text (`repr`) even when the log is off: the context of every page, twice all needs.
  Now only when the debug log is on (`sphinx -vvv`).
- before reading a document, sphinx-needs forgets its needs by testing every need
  (`SphinxNeedsData.remove_doc`): quadratic on a clean build, where no document read
  before has needs. A document Sphinx never read (not in `env.all_docs`) is skipped.

Each belongs upstream; until then hgkm.sphinx_ext installs them (tests/test_speedups.py).
"""

from __future__ import annotations

import builtins
import copy
import functools
import logging
from typing import Any

from sphinx.application import Sphinx

#: id(need) -> (the need itself, its strings). Holding the need keeps its id unique.
_NEED_STRINGS: dict[int, tuple[Any, dict[str, str]]] = {}


def get_root_needs(found_needs: list[Any]) -> list[Any]:
    """sphinx-needs' needflow get_root_needs in linear time (same roots, same order)."""
    from sphinx_needs.need_item import NeedItem

    ids = None
    return_list = []
    for current_need in found_needs:
        if current_need["is_need"] and isinstance(current_need, NeedItem):
            if "parent_need" not in current_need or current_need["parent_need"] == "":
                return_list.append(current_need)
            else:
                if ids is None:
                    ids = {element["id"] for element in found_needs}
                if current_need["parent_need"] not in ids:
                    return_list.append(current_need)
    return return_list


def transform_need_to_dict(need: Any) -> dict[str, str]:
    """sphinx-needs' need_ref.transform_need_to_dict, computed once per need and build."""
    from sphinx_needs.roles.need_ref import value_to_string

    entry = _NEED_STRINGS.get(id(need))
    if entry is None or entry[0] is not need:
        entry = (need, {element: value_to_string(value) for element, value in need.items()})
        _NEED_STRINGS[id(need)] = entry
    return dict(entry[1])


class _Lijst(list):  # type: ignore[type-arg]
    """A list whose `in` looks in a set: `meta_all(exclude=[...])` tests each of a need's
    ~100 fields against its ~100 exclusions. Every change of the list forgets the set."""

    _set: frozenset[Any] | None = None

    def __contains__(self, item: Any) -> bool:
        if self._set is None:
            try:
                self._set = frozenset(self)
            except TypeError:  # an unhashable element: look as a list looks
                return list.__contains__(self, item)
        try:
            return item in self._set
        except TypeError:
            return list.__contains__(self, item)


def _forgets_set(name: str) -> Any:
    method = getattr(list, name)

    def changed(self: _Lijst, *args: Any) -> Any:
        self._set = None
        return method(self, *args)

    return changed


for _name in ("__iadd__", "__imul__", "__setitem__", "__delitem__", "append", "extend", "insert", "remove",
              "pop", "clear"):
    setattr(_Lijst, _name, _forgets_set(_name))


def _fresh(value: Any) -> Any:
    return _Lijst(value) if isinstance(value, list) else value


def _install_parse_cache() -> None:
    from sphinx_needs.functions.functions import DynamicFunctionParsed

    if getattr(DynamicFunctionParsed.from_string, "_hgkm", False):
        return
    original = DynamicFunctionParsed.from_string.__func__  # type: ignore[attr-defined]

    @functools.lru_cache(maxsize=1024)
    def parsed(func_string: str, allow_need: bool) -> Any:
        return original(DynamicFunctionParsed, func_string, allow_need=allow_need)

    def from_string(cls: type, func_string: str, *, allow_need: bool = False) -> Any:
        if cls is not DynamicFunctionParsed:
            return original(cls, func_string, allow_need=allow_need)
        df = parsed(func_string, allow_need)
        return DynamicFunctionParsed(
            df.name,
            tuple(_fresh(a) for a in df.args),
            tuple((k, _fresh(v)) for k, v in df.kwargs),
        )

    from_string._hgkm = True  # type: ignore[attr-defined]
    DynamicFunctionParsed.from_string = classmethod(from_string)  # type: ignore[method-assign,assignment]


#: what a cached layout line may hold: inline markup, no references, targets or messages
_PLAIN = ("Text", "strong", "emphasis", "literal", "inline")


def _install_layout_parse_cache() -> None:
    from sphinx_needs.layout import LayoutHandler

    original = LayoutHandler._parse
    if getattr(original, "_hgkm", False):
        return
    parsed: dict[str, list[Any] | None] = {}

    def _parse(self: Any, line: str) -> list[Any]:
        template = parsed.get(line)
        if template is None:
            result = original(self, line)
            if line not in parsed:
                plain = all(
                    type(n).__name__ in _PLAIN for top in result for n in top.findall()
                )
                parsed[line] = [n.deepcopy() for n in result] if plain else None
            return result
        return [n.deepcopy() for n in template]

    _parse._hgkm = True  # type: ignore[attr-defined]
    _parse.original = original  # type: ignore[attr-defined]
    LayoutHandler._parse = _parse  # type: ignore[method-assign]


def node_match(node_types: Any) -> Any:
    """sphinx-needs' utils.node_match with one isinstance call per node, not a generator."""
    types = tuple(node_types) if isinstance(node_types, list) else (node_types,)

    def condition(node: Any) -> bool:
        return isinstance(node, types)

    return condition


#: the select schemas whose outcome depends on these fields only are checked on them only
_SELECT_FIELDS = frozenset({"id", "type"})
_SELECT_KEYWORDS = frozenset({"$schema", "type", "properties", "required"})


def _install_select_projection() -> None:
    from sphinx_needs.schema import core

    original = core._check_select_match
    if getattr(original, "_hgkm", False):
        return

    def check_select_match(need: Any, validator: Any, *, select_field_names: Any, config: Any, **kwargs: Any) -> bool:
        raw = validator.raw
        fields = set(raw.get("properties", {})) | set(raw.get("required", []))
        if config.schema_debug_active or not raw.keys() <= _SELECT_KEYWORDS or not fields <= _SELECT_FIELDS:
            return original(need, validator, select_field_names=select_field_names, config=config, **kwargs)
        # `properties` and `required` look at the fields they name, nothing else
        projection = {k: need[k] for k in fields if k in select_field_names and need.get(k) is not None}
        return bool(validator.compiled.is_valid(instance=projection))

    check_select_match._hgkm = True  # type: ignore[attr-defined]
    check_select_match.original = original  # type: ignore[attr-defined]
    core._check_select_match = check_select_match


def _install_remove_doc() -> None:
    from sphinx_needs.data import SphinxNeedsData

    original = SphinxNeedsData.remove_doc
    if getattr(original, "_hgkm", False):
        return

    def remove_doc(self: Any, docname: str) -> None:
        # env-purge-doc comes before env.clear_doc: a document read before is still listed
        if docname in self.env.all_docs:
            original(self, docname)

    remove_doc._hgkm = True  # type: ignore[attr-defined]
    SphinxNeedsData.remove_doc = remove_doc  # type: ignore[method-assign]


_ATOMS = (str, int, float, bool, type(None))


def copy_default(value: Any, memo: Any = None) -> Any:
    """copy.deepcopy, with the result made directly for atoms and lists of strings."""
    kind = type(value)
    if kind in _ATOMS:
        return value  # deepcopy returns atoms themselves
    if kind is list and all(type(v) is str for v in value):
        return list(value)
    return copy.deepcopy(value, memo)


#: pairs of pages kept: a page links to few others many times (its plan, opgaven, gemeenten)
URI_PAREN = 8192


def _cache_relative_uris(app: Sphinx) -> None:
    from sphinx.builders.html import StandaloneHTMLBuilder

    builder = app.builder
    # the plain HTML builder only: its addresses depend on the two docnames alone
    if type(builder) is StandaloneHTMLBuilder:
        builder.get_relative_uri = functools.lru_cache(maxsize=URI_PAREN)(builder.get_relative_uri)  # type: ignore[method-assign]


def _install_checksum_cache() -> None:
    from sphinx.builders import html as html_builder

    original = html_builder._file_checksum
    if not getattr(original, "_hgkm", False):
        cached = functools.lru_cache(maxsize=256)(original)
        cached._hgkm = True  # type: ignore[attr-defined]
        html_builder._file_checksum = cached


def _install_event_repr() -> None:
    from sphinx import events

    if getattr(getattr(events, "repr", None), "_hgkm", False):
        return

    def event_repr(obj: Any) -> str:
        # only the debug line `[app] emitting event: ...` reads it
        if events.logger.isEnabledFor(logging.DEBUG):
            return builtins.repr(obj)
        return "(...)"

    event_repr._hgkm = True  # type: ignore[attr-defined]
    events.repr = event_repr  # type: ignore[attr-defined]


def _cache_stems(app: Sphinx, *_args: Any) -> None:
    """Keep each word's stem for the whole build, not one page.

    The HTML builder makes its search indexer after write-started; the first page is
    fed to it after its doctree-resolved.
    """
    indexer = getattr(app.builder, "indexer", None)
    lang = getattr(indexer, "lang", None)
    if lang is None or getattr(lang.stem, "_hgkm", False):
        return
    cached = functools.lru_cache(maxsize=None)(lang.stem)
    cached._hgkm = True  # type: ignore[attr-defined]
    lang.stem = cached


def _forget(*_args: Any) -> None:
    _NEED_STRINGS.clear()


def setup(app: Sphinx) -> None:
    """Install the faster internals (called by hgkm.sphinx_ext.setup)."""
    from sphinx_needs.directives.needflow import _model
    from sphinx_needs import needs as needs_module
    from sphinx_needs.api import need as need_api
    from sphinx_needs.roles import need_ref

    _model.get_root_needs = get_root_needs
    needs_module.node_match = node_match
    need_api.deepcopy = copy_default
    need_ref.transform_need_to_dict = transform_need_to_dict
    _install_parse_cache()
    _install_remove_doc()
    _install_select_projection()
    _install_checksum_cache()
    _install_event_repr()
    app.connect("builder-inited", _cache_relative_uris)
    _install_layout_parse_cache()
    # the needs change while reading; their strings are made during writing
    app.connect("env-updated", _forget)
    app.connect("build-finished", _forget)
    app.connect("doctree-resolved", _cache_stems)

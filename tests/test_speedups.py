"""hgkm.hooks.speedups and hgkm.hooks.heap: faster builds, exactly the same results."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sphinx_needs.directives.needflow import _model
from sphinx_needs.functions.functions import DynamicFunctionParsed
from sphinx_needs.roles import need_ref

from hgkm.hooks import speedups
from tests.conftest import FIXTURES

ORIGINAL_ROOTS = _model.get_root_needs
ORIGINAL_TO_DICT = need_ref.transform_need_to_dict


class _Need(dict):
    """Stands in for NeedItem in get_root_needs (it checks isinstance NeedItem)."""


def test_root_needs_same_as_sphinx_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    from sphinx_needs import need_item

    monkeypatch.setattr(need_item, "NeedItem", _Need)
    needs = [
        _Need(id="A", is_need=True, parent_need=None),
        _Need(id="B", is_need=True, parent_need=""),
        _Need(id="C", is_need=True, parent_need="A"),  # parent drawn: not a root
        _Need(id="D", is_need=True, parent_need="X"),  # parent not drawn: a root
        _Need(id="E", is_need=False, parent_need=None),  # a part: never a root
        _Need(id="F", is_need=True),
    ]
    monkeypatch.setattr(_model, "NeedItem", _Need)
    expected = ORIGINAL_ROOTS(needs)
    assert [n["id"] for n in speedups.get_root_needs(needs)] == [n["id"] for n in expected]
    assert [n["id"] for n in expected] == ["A", "B", "D", "F"]


def test_need_strings_are_a_fresh_copy_per_reference() -> None:
    class Need(dict):
        pass

    need = Need(id="OG-1", title="Opgave", links_back=["UA-1", "UA-2"], parts={})
    first = speedups.transform_need_to_dict(need)
    assert first == ORIGINAL_TO_DICT(need)
    first["title"] = "changed by a reference"
    assert speedups.transform_need_to_dict(need) == ORIGINAL_TO_DICT(need)
    speedups._forget()


def test_parsed_layout_function_gives_fresh_list_arguments() -> None:
    speedups._install_parse_cache()
    text = "meta_all(no_links=True, exclude=['a', 'b'])"
    one = DynamicFunctionParsed.from_string(text)
    dict(one.kwargs)["exclude"].append("grown")  # what sphinx-needs' meta_all does
    two = DynamicFunctionParsed.from_string(text)
    assert dict(two.kwargs)["exclude"] == ["a", "b"]
    assert two.name == "meta_all" and dict(two.kwargs)["no_links"] is True
    with pytest.raises(Exception):
        DynamicFunctionParsed.from_string("not a call(")


@pytest.mark.skipif(shutil.which("dot") is None, reason="graphviz dot missing")
def test_site_html_and_images_equal_to_a_build_without_them(tmp_path: Path) -> None:
    """Build the site fixture with and without the speedups and the heap hooks: the same pages and diagrams."""
    from hgkm.hooks.incremental import differing_pages

    src = tmp_path / "site"
    shutil.copytree(FIXTURES / "site", src, ignore=shutil.ignore_patterns("_build"))
    script = (
        "import sys, sphinx.cmd.build as b\n"
        "if sys.argv[1] == 'zonder':\n"
        "    import hgkm.hooks.speedups as s, hgkm.hooks.heap as h\n"
        "    s.setup = h.setup = lambda app: None\n"
        "sys.exit(b.main(['-b', 'html', '-q', sys.argv[2], sys.argv[3]]))\n"
    )
    env = {"HGKM_PEILDATUM": "2025-06-01", "PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin"}
    for variant in ("met", "zonder"):
        subprocess.run([sys.executable, "-c", script, variant, str(src), str(tmp_path / variant)],
                       check=True, env=env, capture_output=True)
    assert differing_pages(tmp_path / "met", tmp_path / "zonder") == []
    images = sorted(p.name for p in (tmp_path / "met" / "_images").glob("needflow-*"))
    assert images and images == sorted(p.name for p in (tmp_path / "zonder" / "_images").glob("needflow-*"))
    for name in images:
        assert filecmp.cmp(tmp_path / "met" / "_images" / name, tmp_path / "zonder" / "_images" / name, shallow=False)


def test_a_page_taken_apart_is_freed_without_the_garbage_collector() -> None:
    import gc
    import weakref

    from docutils import nodes
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser
    from docutils.utils import new_document

    from hgkm.hooks import heap

    doctree = new_document("pagina", get_default_settings(Parser))
    paragraph = nodes.paragraph("", "", nodes.Text("tekst"), nodes.strong("", "vet"))
    doctree += nodes.section("", nodes.title("", "Kop"), paragraph)
    doctree.note_explicit_target(doctree[0])
    alive = weakref.ref(paragraph)
    gc.disable()
    try:
        heap._take_apart(None, "pagina", "page.html", {}, doctree)  # type: ignore[arg-type]
        del paragraph
        assert alive() is None  # freed by reference counting: no cycle was left
        assert doctree.children == []
    finally:
        gc.enable()


def test_the_garbage_collector_is_as_before_after_the_build() -> None:
    import gc

    from hgkm.hooks import heap

    before = gc.get_threshold()
    heap._start(None)  # type: ignore[arg-type]
    assert gc.get_threshold()[2] > before[2]  # no automatic full collection while building
    heap._done(None)  # type: ignore[arg-type]
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_layout_lines_parsed_once_give_fresh_nodes_equal_to_a_parse() -> None:
    from docutils.parsers.rst.states import Struct
    from docutils.utils import new_document
    from sphinx_needs.layout import LayoutHandler, _generate_inline_parser

    speedups._install_layout_parse_cache()
    cached = LayoutHandler._parse
    handler = LayoutHandler.__new__(LayoutHandler)  # only what _parse uses
    handler.doc_settings, handler.inline_parser = _generate_inline_parser()
    handler.dummy_doc = new_document("dummy", handler.doc_settings)
    handler.doc_memo = Struct(document=handler.dummy_doc, reporter=handler.dummy_doc.reporter, language=None,
                              title_styles=[], section_level=0, section_bubble_up_kludge=False, inliner=None)
    for line in ("**status**: ", "<<meta('status')>>", "zie https://example.org/x", "*a* ``b``"):
        expected = [n.pformat() for n in cached.original(handler, line)]
        first, again = cached(handler, line), cached(handler, line)
        assert [n.pformat() for n in first] == [n.pformat() for n in again] == expected
        assert all(a is not b for a, b in zip(first, again))  # changing one need's nodes changes no other


def test_node_match_matches_what_sphinx_needs_matches() -> None:
    from docutils import nodes
    from sphinx_needs.utils import node_match as original

    tree = nodes.section("", nodes.title("", "Kop"), nodes.paragraph("", "", nodes.strong("", "vet")))
    for types in ([nodes.paragraph, nodes.strong], nodes.title, [nodes.table]):
        assert list(tree.findall(speedups.node_match(types))) == list(tree.findall(original(types)))


def test_select_on_type_gives_what_the_full_projection_gives() -> None:
    from types import SimpleNamespace

    from sphinx_needs.schema import core

    speedups._install_select_projection()
    patched = core._check_select_match
    original = patched.original
    config = SimpleNamespace(schema_debug_active=False)
    fields = frozenset({"id", "type", "status", "links"})
    selects = [
        {"properties": {"type": {"const": "actie"}}},
        {"properties": {"type": {"const": "actie"}}, "required": ["type"]},
        {"allOf": [{"properties": {"status": {"const": "open"}}}]},  # not on type: the full projection
    ]
    needs = [
        {"id": "UA-1", "type": "actie", "status": "open", "links": ["OG-1"]},
        {"id": "OG-1", "type": "opgave", "status": None, "links": []},
        {"id": "X", "type": None, "status": "open"},
    ]
    for select in selects:
        validator = core.compile_validator(select)  # type: ignore[arg-type]
        for need in needs:
            kwargs = dict(select_field_names=fields, config=config, schema_path=["s"], need_path=[need["id"]])
            assert patched(need, validator, **kwargs) == original(need, validator, **kwargs), (select, need)


def test_defaults_copied_as_deepcopy_copies_them() -> None:
    import copy

    nested = [["a"], {"b": [1]}]
    for value in ("tekst", 3, 1.5, True, None, [], ["a", "b"], ("a",), nested, ["a", 1]):
        made = speedups.copy_default(value)
        assert made == copy.deepcopy(value) and type(made) is type(value)
        if isinstance(value, list):
            assert made is not value  # a need that changes its list changes no default
    assert speedups.copy_default(nested)[0] is not nested[0]


def test_lines_in_a_line_found_as_findall_finds_them() -> None:
    from docutils import nodes

    from hgkm.site import valid_html

    inner = nodes.line("", "", nodes.inline("", "b"), nodes.line("", "c"))
    line = nodes.line("", "", nodes.Text("a"), nodes.inline("", "", inner, nodes.line("", "d")))
    assert valid_html._lines_in(line) == [n for n in line.findall(nodes.line) if n is not line]
    assert [n.astext() for n in valid_html._lines_in(line)] == ["bc", "c", "d"]


def _blokken_zoals_eerst(lines: list[str], offset: int = 0):  # type: ignore[no-untyped-def]
    """hgkm.sources.item_count.blokken before it found the closing lines once (the reference)."""
    from hgkm.sources.item_count import _DIRECTIVE, _OPEN, _OPTION, LETTERLIJK, Blok

    def closes(line: str, char: str, length: int) -> bool:
        stripped = line.strip()
        return len(stripped) >= length and set(stripped) == {char}

    i = 0
    while i < len(lines):
        m = _OPEN.match(lines[i])
        if not m or (m["fence"][0] == "`" and "`" in m["info"]):
            i += 1
            continue
        fence, info = m["fence"], m["info"].rstrip()  # the groups keep trailing spaces (issue 28)
        close = next((j for j in range(i + 1, len(lines)) if closes(lines[j], fence[0], len(fence))), None)
        end = close if close is not None else len(lines)
        body = lines[i + 1 : end]
        d = _DIRECTIVE.match(info)
        naam = d["naam"] if d else ""
        opties = []
        for nr, line in enumerate(body, start=offset + i + 2):
            opt = _OPTION.match(line)
            if not opt:
                break
            opties.append((opt["naam"], nr, opt["waarde"].rstrip()))
        need_id = next((waarde for optie, _, waarde in opties if optie == "id"), "")
        yield Blok(naam, offset + i + 1, None if close is None else offset + close + 1, fence,
                   d["titel"] if d else "", need_id, tuple(opties))
        if d and naam not in LETTERLIJK:
            yield from _blokken_zoals_eerst(body, offset + i + 1)
        i = end + 1


_REGELS = st.lists(st.sampled_from([
    ":::{actie} Titel", "::::{plan} Plan", ":::", "::::", " ::: ", "```{code-block}", "```", "````",
    "~~~", "~~~{note}", ":id: UA-1", ":status: open", "tekst", "", "```python `x`", "::: :::",
    ":::{eval-rst}", "`````", "\t:::", ":::{actie}", ":opgaven: OG-1", ":::{actie} Titel  ", ":id: UA-2 \t",
]), max_size=40)


@given(_REGELS, st.integers(min_value=0, max_value=5))
def test_source_blocks_found_as_before(lines: list[str], offset: int) -> None:
    from hgkm.sources.item_count import blokken

    assert list(blokken(lines, offset)) == list(_blokken_zoals_eerst(lines, offset))


def test_line_texts_noted_as_astext_gives_them() -> None:
    from docutils import nodes

    from hgkm.site import valid_html

    inner = nodes.line("", "", nodes.inline("", "b"), nodes.image(alt="plaatje"), nodes.line("", "c"))
    line = nodes.line("", "", nodes.Text("a"), nodes.inline("", "", inner, nodes.paragraph("", "d")))
    teksten: dict[int, str] = {}
    assert valid_html._text(line, teksten) == line.astext()
    assert all(teksten[id(n)] == n.astext() for n in valid_html._lines_in(line))


def test_layout_list_arguments_answer_in_as_a_list() -> None:
    lijst = speedups._fresh(["a", "b"])
    assert "a" in lijst and "c" not in lijst
    lijst += ["c"]  # what meta_all does with its exclude argument
    assert "c" in lijst and lijst == ["a", "b", "c"]
    lijst.remove("a")
    lijst.append("d")
    assert "a" not in lijst and "d" in lijst
    lijst[0] = "x"
    assert "x" in lijst and "b" not in lijst
    met_lijst = speedups._fresh([["a"], "b"])  # unhashable elements: searched as a list
    assert ["a"] in met_lijst and "b" in met_lijst and "z" not in met_lijst


def test_the_shape_sphinx_needs_makes_is_flattened_without_comparing_texts() -> None:
    from docutils import nodes

    from hgkm.site import valid_html

    regels = [nodes.line("", "", nodes.inline("", "status: open")), nodes.line("", "eind: 2026")]
    line = nodes.line("", "", nodes.inline("", "", nodes.inline("", "", *regels)))
    assert valid_html._alleen_regels(line, valid_html._lines_in(line))
    assert line.astext() == "".join(r.astext() for r in regels)  # what the shortcut relies on
    met_tekst = nodes.line("", "", nodes.inline("", "", nodes.inline("", "", nodes.Text("x"), *regels)))
    assert not valid_html._alleen_regels(met_tekst, valid_html._lines_in(met_tekst))
    block = nodes.line_block("", met_tekst)
    valid_html._flatten_lines(block)
    assert block.children == [met_tekst]  # text outside the lines: kept as it is


def test_event_arguments_are_only_written_out_for_the_debug_log() -> None:
    import logging

    from sphinx import events

    speedups._install_event_repr()

    class Groot:
        def __repr__(self) -> str:
            raise AssertionError("written out without a debug log")

    logger = events.logger.logger
    before = logger.level
    logger.setLevel(logging.INFO)
    try:
        assert events.repr((Groot(),)) == "(...)"
        logger.setLevel(logging.DEBUG)  # sphinx -vvv: the debug line gets the arguments
        assert events.repr((1, "a")) == repr((1, "a"))
    finally:
        logger.setLevel(before)


def test_the_heap_is_frozen_at_exit_so_finalization_does_not_collect_it() -> None:
    import gc
    import subprocess as sp

    from hgkm.hooks import heap

    # in a process of its own: the exit handler runs, and the process still exits as it should
    script = ("import gc, atexit, sys\n"
              "from hgkm.hooks import heap\n"
              "heap.setup(type('App', (), {'connect': lambda *a, **k: None})())\n"
              "heap.setup(type('App', (), {'connect': lambda *a, **k: None})())\n"
              "assert heap._EXIT_HANDLER == [heap._at_exit]\n"
              "print('uit', flush=True)\n"
              "sys.exit(3)\n")
    proc = sp.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.returncode == 3 and proc.stdout == "uit\n", proc.stderr
    heap._at_exit()
    try:
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_document_paths_are_resolved_anew_for_each_build(tmp_path: Path) -> None:
    from hgkm.sources import access

    (tmp_path / "a.md").write_text("a", encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "c.md").write_text("c", encoding="utf-8")
    link = tmp_path / "l.md"
    link.symlink_to(tmp_path / "a.md")
    assert access.bestand_van(str(link), tmp_path) == "a.md"
    link.unlink()
    link.symlink_to(tmp_path / "b" / "c.md")  # between two builds of `make serve`
    access.vergeet()  # what gate does at builder-inited
    assert access.bestand_van(str(link), tmp_path) == "b/c.md"


def test_on_an_unverified_upstream_version_the_speedups_step_aside(tmp_path: Path) -> None:
    """A sphinx-needs release the speed-ups were never checked against: they are not installed,
    one info line says so, `-W` stays green and the needs are the same (hgkm.hooks.versies)."""
    import json

    script = (
        "import sys, sphinx.cmd.build as b\n"
        "import hgkm.hooks.versies as v\n"
        "from importlib.metadata import version\n"
        "# bekend: the installed versions count as verified; onbekend: sphinx-needs is a release never seen\n"
        "v.GEVERIFIEERD = {naam: (version(naam),) for naam in v.GEVERIFIEERD}\n"
        "if sys.argv[1] == 'onbekend':\n"
        "    v.GEVERIFIEERD['sphinx-needs'] = ('0.0.1',)\n"
        "sys.exit(b.main(['-b', 'html', '-W', '--keep-going', sys.argv[2], sys.argv[3]]))\n"
    )
    env = {"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin"}
    uit = {}
    for variant in ("bekend", "onbekend"):
        proc = subprocess.run([sys.executable, "-c", script, variant, str(FIXTURES / "minimaal"), str(tmp_path / variant)],
                              env=env, capture_output=True, text=True, check=False)
        assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
        uit[variant] = proc.stdout + proc.stderr
    regel = "De versnellingen van de machinerie staan uit: sphinx-needs"
    assert uit["onbekend"].count(regel) == 1 and regel not in uit["bekend"]

    def needs(variant: str) -> dict:
        data = json.loads((tmp_path / variant / "needs.json").read_text(encoding="utf-8"))
        return data["versions"][data["current_version"]]["needs"]

    assert needs("onbekend") == needs("bekend")

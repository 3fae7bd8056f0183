"""The build's heap: what stays in memory, and what the garbage collector looks at.

Python's cyclic garbage collector scans every object it tracks in a full collection, and
starts one whenever the objects that survived grew by a quarter. A build keeps growing
(every need, title and toc stays), and every page leaves a doctree behind whose nodes
point to their parents, so only a full collection frees it. At national scale full
collections took 63 of the 125 seconds of a plain sphinx-needs build. Here:

- automatic full collections are off for the build;
- while reading, every `LEES_STAP` documents (between two documents, when no doctree is
  alive) and after reading, what is garbage is collected and all that is left is frozen
  (`gc.freeze`): later collections look only at what is newer;
- while writing, a page's doctree is taken apart once its HTML is made (the last
  html-page-context listener; the template only reads the context): without parent
  links its nodes are freed at once by reference counting, and the full collection
  every `SCHRIJF_STAP` pages has little left to do; what survives it is frozen too, so
  each collection looks only at the objects of the last pages, not at all the build made.

When the process ends, Python's finalization runs one more full collection over the whole
heap (at national scale 4 of the 55 seconds of `make html`, after the build was done). An
exit handler freezes the heap first: the operating system takes the memory back anyway. A
process that goes on after the build (a test, `make check`) collects as usual until then.

And Sphinx keeps the doctree of every page it read in memory until the page is written
(`env._write_doc_doctree_cache`): at national scale some 700 at once at the start of the
write phase, the peak of the build. The pages are read back from the pickles Sphinx
wrote anyway, and those doctrees are never frozen.
"""

from __future__ import annotations

import atexit
import gc
from typing import Any

from sphinx.application import Sphinx

#: documents read, and pages written, between two collections. While writing, the garbage
#: of sphinx-needs' layouts (cyclic, some 7,000 objects per plan page) waits for the next one.
LEES_STAP = 25
SCHRIJF_STAP = 10
_DEFAULT: list[int] = []
_EXIT_HANDLER: list[Any] = []
_TELLER = [0]


def _drop_doctrees(env: Any) -> None:
    cache = getattr(env, "_write_doc_doctree_cache", None)
    if isinstance(cache, dict):
        for doctree in cache.values():
            uit_elkaar(doctree)  # pickled already; written from the pickle
        cache.clear()


def _collect_and_freeze(env: Any) -> None:
    _drop_doctrees(env)
    gc.collect()
    gc.freeze()


def _start(app: Sphinx) -> None:
    _DEFAULT[:] = gc.get_threshold()
    gc.set_threshold(_DEFAULT[0], _DEFAULT[1], 2**30)  # no automatic full collection


def _between_documents(app: Sphinx, env: Any, docname: str) -> None:
    _drop_doctrees(env)  # the document read before this one: freed now, not by a collection
    _TELLER[0] += 1
    if _TELLER[0] % LEES_STAP == 0:
        _collect_and_freeze(env)


def _after_reading(app: Sphinx, env: Any) -> None:
    _collect_and_freeze(env)


def _write_started(app: Sphinx, builder: Any = None) -> None:
    # sphinx-needs and the rules made their data (write-started, priorities up to 900)
    _collect_and_freeze(app.env)


def _page_written(app: Sphinx, doctree: Any, docname: str) -> None:
    _TELLER[0] += 1
    if _TELLER[0] % SCHRIJF_STAP == 0:
        gc.collect()
        gc.freeze()


def _take_apart(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if doctree is not None:
        uit_elkaar(doctree)


def uit_elkaar(doctree: Any) -> None:
    """Take a doctree apart so that reference counting frees it (no cycle left)."""
    # the links back (to the parent, to the document) are what makes the tree cyclic;
    # a stack, not findall: this visits every node of every page
    stack = list(doctree.children)
    doctree.children = []
    pop, push = stack.pop, stack.extend
    while stack:
        node = pop()
        node.parent = None
        node._document = None
        children = node.children
        if children:
            push(children)
            node.children = []
    doctree.ids.clear()
    doctree.nameids.clear()


def _done(app: Sphinx, *_args: Any) -> None:
    # the process may go on (a test, `make check` in the same process): collect as usual
    gc.unfreeze()
    if _DEFAULT:
        gc.set_threshold(*_DEFAULT)


def _at_exit() -> None:
    gc.freeze()  # nothing needs collecting any more: skip the full collection of finalization


def setup(app: Sphinx) -> None:
    if not _EXIT_HANDLER:
        atexit.register(_at_exit)
        _EXIT_HANDLER.append(_at_exit)
    app.connect("builder-inited", _start)
    # each after every other listener of its event
    for event, listener in (
        ("env-purge-doc", _between_documents), ("env-updated", _after_reading),
        ("write-started", _write_started), ("doctree-resolved", _page_written),
        ("html-page-context", _take_apart), ("build-finished", _done),
    ):
        app.connect(event, listener, priority=999)

"""A Sphinx build (or any `python -m` program) with spies on every place sphinx-needs evaluates.

Run as `python tests/spion.py <record.json> -m <module> <args...>`: the spies are installed,
the module runs as `python -m <module>` would, and every call is written to record.json:

- `eval`: what sphinx-needs hands to Python's eval (filters, variants, link conditions,
  `needif`), patched as the module global each of its modules looks `eval` up in;
- `functie`: dynamic functions (`[[...]]`) it executes;
- `filter`: filter strings it applies to a need;
- `jinja`: templates it renders;
- `poort`: every directive hgkm.sources.gate judged (file, line, name) and every one it
  refused by name, so a test can tell a need the gate never saw.

A test then asserts on values that came from untrusted files (they carry a marker).
"""

from __future__ import annotations

import builtins
import importlib
import json
import pkgutil
import runpy
import sys
from typing import Any

CALLS: list[dict[str, Any]] = []


def _note(kind: str, value: Any) -> None:
    CALLS.append({"soort": kind, "waarde": str(value)[:4000]})


def _wrap(kind: str, original: Any, pick: Any) -> Any:
    def spy(*args: Any, **kwargs: Any) -> Any:
        _note(kind, pick(args, kwargs))
        return original(*args, **kwargs)

    spy.__wrapped__ = original  # type: ignore[attr-defined]
    return spy


def _replace_everywhere(original: Any, replacement: Any) -> None:
    """Replace `original` in every loaded sphinx_needs module (names imported with `from`)."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("sphinx_needs") or module is None:
            continue
        for attr, value in list(vars(module).items()):
            if value is original:
                setattr(module, attr, replacement)


def install() -> None:
    import sphinx_needs

    for info in pkgutil.walk_packages(sphinx_needs.__path__, "sphinx_needs."):
        try:
            importlib.import_module(info.name)
        except Exception:  # noqa: BLE001 - optional parts (e.g. a missing extra) are not evaluated either
            continue
    spy_eval = _wrap("eval", builtins.eval, lambda a, k: a[0] if a else k)
    for name, module in list(sys.modules.items()):
        if name.startswith("sphinx_needs") and module is not None and "eval(" in _source(module):
            module.eval = spy_eval  # type: ignore[attr-defined]
    from sphinx_needs import _jinja, filter_common
    from sphinx_needs.functions import functions

    targets = [
        ("functie", functions, "_execute_dynamic_func", lambda a, k: a[3] if len(a) > 3 else k.get("df")),
        ("functie", functions, "execute_func", lambda a, k: a[3] if len(a) > 3 else k.get("df")),
        ("filter", filter_common, "filter_single_need", lambda a, k: a[2] if len(a) > 2 else k.get("filter_string")),
        ("jinja", _jinja, "render_template_string", lambda a, k: a[0] if a else k),
    ]
    for kind, module, attr, pick in targets:
        original = getattr(module, attr)
        _replace_everywhere(original, _wrap(kind, original, pick))

    from hgkm.sources import gate

    judged_init = gate._judged_init

    def judged(self: Any, *args: Any, **kwargs: Any) -> None:
        judged_init(self, *args, **kwargs)
        _note("poort", json.dumps([str(self.state.document.get("source")), self.lineno, self.name]))

    gate._judged_init = judged
    refused_run = gate.Geweigerd.run

    def refused(self: Any) -> Any:
        _note("poort", json.dumps([str(self.state.document.get("source")), self.lineno, self.name]))
        return refused_run(self)

    gate.Geweigerd.run = refused  # type: ignore[method-assign]


def _source(module: Any) -> str:
    try:
        with open(module.__file__, encoding="utf-8") as f:
            return f.read()
    except (OSError, TypeError):
        return ""


def main() -> None:
    record, flag, module, *args = sys.argv[1:]
    assert flag == "-m", "usage: spion.py <record.json> -m <module> <args...>"
    install()
    sys.argv = [module, *args]
    code: Any = 0
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    except SystemExit as exit_:
        code = exit_.code
    finally:
        with open(record, "w", encoding="utf-8") as f:
            json.dump(CALLS, f)
    sys.exit(code)


if __name__ == "__main__":
    main()

"""The layout of hgkm/ is its architecture (docs/architectuur.md): each layer imports only
the layers below it, no circle, and no module much over 400 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from hgkm import PACKAGE

#: Layer of each subpackage; a module may import its own layer's package only where said.
LAGEN = {"model": 1, "sources": 2, "rules": 3, "hooks": 4, "site": 5, "tools": 5}
#: The wiring on top: may import every layer.
BOVEN = {"sphinx_ext", "settings", "__main__", "__init__"}
MAX_REGELS = 410


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _layer(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _imports(path: Path) -> set[str]:
    """The hgkm subpackages and top modules this module imports (also inside functions)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "hgkm":
            parts = node.module.split(".")
            if len(parts) > 1:
                found.add(parts[1])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("hgkm."))
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_module_imports_only_layers_below_it(path: Path) -> None:
    layer = _layer(path)
    if layer in BOVEN:
        return
    rank = LAGEN[layer]
    for target in _imports(path) - {layer, "ROOT", "PACKAGE", "METAMODEL_TOML", "__version__"}:
        assert target in LAGEN, f"{path.relative_to(PACKAGE)} imports hgkm.{target}, which is wiring above every layer"
        assert LAGEN[target] < rank, f"{path.relative_to(PACKAGE)} ({layer}) imports {target}: not a layer below it"


def test_every_subpackage_is_a_known_layer() -> None:
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert packages == set(LAGEN)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_stay_small(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_REGELS


def test_state_lives_in_one_place() -> None:
    """No loose app._hgkm_* or env.hgkm_* attributes: hgkm.hooks.state owns the build state."""
    owner = PACKAGE / "hooks" / "state.py"
    for path in _modules():
        if path != owner:
            text = path.read_text(encoding="utf-8")
            assert "app._hgkm_" not in text and "env.hgkm_" not in text, path


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    return ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)


def _module_imports(path: Path, modules: set[str]) -> set[str]:
    """The hgkm modules one module imports, anywhere in it (also under TYPE_CHECKING)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("hgkm"):
            for alias in node.names:
                target = f"{node.module}.{alias.name}"
                found.add(target if target in modules else node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in modules)
    return found & modules


def test_no_module_imports_itself_through_others() -> None:
    paths = {_module_name(p): p for p in _modules()}
    graph = {name: _module_imports(path, set(paths)) - {name} for name, path in paths.items()}
    packages = {n for n, p in paths.items() if p.name == "__init__.py"}
    state: dict[str, int] = {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name] - packages):
            assert state.get(target) != 1, "import circle: " + " -> ".join([*trail, name, target])
            if target not in state:
                visit(target, [*trail, name])
        state[name] = 2

    for name in sorted(paths):
        if name not in state:
            visit(name, [])

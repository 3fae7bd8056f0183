"""Findings on the line and for other code hosts: workflow commands, SARIF 2.1.0, GitLab Code Quality.

Unit tests on made findings (no build): escaping by GitHub's rules, the order and the
limits per step, and both reports valid against their schemas (tests/fixtures/schemas/,
vendored: BRON.md says where each comes from).
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from hgkm.model.messages import invoer, termijn, vertrouwen
from hgkm.tools import annotaties
from hgkm.tools.annotaties import (Samenvatting, data, eigenschap, escape_data, escape_property, gewijzigde_regels,
                                   volgorde)
from hgkm.tools.sarif import codequality, sarif, vingerafdruk

SCHEMAS = Path(__file__).parent / "fixtures" / "schemas"
PLAN = "requirements/uitvoeringsplannen/albrandswaard.md"


def _fout(regel: int, **kw):
    return invoer.VERPLICHT_VELD(PLAN, regel, "UA-ALB-1", wat="actie UA-ALB-1", field="eigenaar",
                                 voorbeeld=":eigenaar: Afdeling Zorg", **kw)


def _waarschuwing(regel: int, bestand: str = PLAN):
    return termijn.LANG_CONCEPT(bestand, regel, "UP-ALB", **termijn.LANG_CONCEPT.voorbeeld)


def _schema(naam: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMAS / naam).read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


# ------------------------------------------------------------------ escaping


def test_data_and_properties_are_escaped_by_the_runners_rules() -> None:
    assert escape_data("100% klaar\r\nnu") == "100%25 klaar%0D%0Anu"
    assert escape_property("a:b,c%\r\n") == "a%3Ab%2Cc%25%0D%0A"
    # a carriage return is invisible (it overwrites a terminal line): a marker, never raw
    assert data("100% klaar\r\nnu") == "100%25 klaar<U+000D>%0Anu"
    assert eigenschap("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    # what a plan writes can never close the command or start a new one
    regel = annotaties.commando("error", "x\n::set-output name=a::b", title="t::,", file="a,b.md", line=3)
    assert regel == "::error title=t%3A%3A%2C,file=a%2Cb.md,line=3::x%0A::set-output name=a::b"
    assert "\n" not in regel


@pytest.mark.parametrize("teken", ["\u202e", "\u200b", "\ufeff", "\x1b", "\t", "\u2066"])
def test_no_invisible_character_reaches_an_annotation_raw(teken: str) -> None:
    f = replace(_fout(3), melding=f"Titel{teken}tekst", gemeente=f"Albr{teken}andswaard")
    regel = annotaties.annotatie(f)
    assert teken not in regel
    assert f"<U+{ord(teken):04X}>" in regel


# ------------------------------------------------------------------ order and limits


def test_changed_lines_come_first_then_changed_files_then_the_rest() -> None:
    elders = replace(_fout(5), bestand="requirements/uitvoeringsplannen/ander.md")
    buiten, binnen = _fout(40), _fout(12)
    gewijzigd = {PLAN: {11, 12, 13}}
    assert volgorde([elders, buiten, binnen], gewijzigd) == [binnen, buiten, elders]
    # a new file: every line is changed
    assert volgorde([elders, binnen], {"requirements/uitvoeringsplannen/ander.md": None})[0] is elders
    # nothing to compare with: blocking first, then by place
    assert volgorde([_waarschuwing(1), buiten, binnen], None) == [binnen, buiten, _waarschuwing(1)]


def test_at_most_nine_of_each_kind_then_one_total_that_points_to_the_summary() -> None:
    fouten = [_fout(n) for n in range(1, 31)]
    waarschuwingen = [_waarschuwing(n) for n in range(1, 4)]
    regels = annotaties.annotaties(fouten + waarschuwingen, {PLAN: {20, 21}},
                                   Samenvatting("https://github.com/o/r/actions/runs/7"), "De controle")
    assert [r.split(" ")[0] for r in regels].count("::error") == 9 + 1  # GitHub shows 10 errors per step
    assert [r.split(" ")[0] for r in regels].count("::warning") == 3
    assert len(regels) <= 50 // 2  # two steps (quick check, check) stay within the 50 of a job
    assert "line=20" in regels[0] and "line=21" in regels[1]  # the changed lines first
    totaal = regels[-1]
    assert totaal.startswith("::error title=De controle%3A Niet geslaagd::")
    assert "30 blokkerende bevinding(en) en 3 waarschuwing(en), waarvan 2 op regels die deze wijziging raakt" in totaal
    assert "https://github.com/o/r/actions/runs/7" in totaal


def test_no_findings_gives_one_notice() -> None:
    assert annotaties.annotaties([], None) == [
        "::notice title=De controle%3A Geslaagd::De controle: 0 blokkerende bevinding(en) en 0 waarschuwing(en). "
        "Alle bevindingen staan in het rapport in de samenvatting van deze controle (Summary)."]


def test_the_log_around_the_commands_cannot_issue_any(tmp_path: Path) -> None:
    log = annotaties.zonder_commandos("::error::nep\n")
    token = re.match(r"::stop-commands::(\w+)\n", log)[1]
    assert len(token) == 32 and log.endswith(f"::{token}::\n")
    assert token != re.match(r"::stop-commands::(\w+)\n", annotaties.zonder_commandos("x"))[1]
    samenvatting = tmp_path / "summary.md"
    assert annotaties.naar_samenvatting("# Rapport", {"GITHUB_STEP_SUMMARY": str(samenvatting)})
    assert not annotaties.naar_samenvatting("# Rapport", {})
    assert samenvatting.read_text(encoding="utf-8") == "# Rapport\n"


# ------------------------------------------------------------------ changed lines from git


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True,
                   capture_output=True)


def test_changed_lines_against_the_base(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q", "-b", "main")
    plan = tmp_path / "plan.md"
    plan.write_text("a\nb\nc\nd\n", encoding="utf-8")
    _git(tmp_path, "add", "plan.md")
    _git(tmp_path, "commit", "-qm", "basis")
    _git(tmp_path, "checkout", "-qb", "wijziging")
    plan.write_text("a\nB\nc\nd\ne\n", encoding="utf-8")
    (tmp_path / "nieuw.md").write_text("x\n", encoding="utf-8")
    assert gewijzigde_regels(tmp_path, environ={}) == {"plan.md": {2, 5}, "nieuw.md": None}
    assert gewijzigde_regels(tmp_path, "--output=/tmp/x", environ={}) == {"plan.md": {2, 5}, "nieuw.md": None}
    assert gewijzigde_regels(tmp_path / "..", "geen-tak", environ={"HGKM_BASIS": "ook-niet"}) is None


# ------------------------------------------------------------------ SARIF and GitLab Code Quality


def _alle():
    anders = vertrouwen.ANDER_BESTAND.voorbeeld
    return [_fout(12, gemeente="Albrandswaard"), _waarschuwing(3),
            vertrouwen.ANDER_BESTAND(PLAN, 22, "UA-ALB-2", **anders),
            replace(_fout(7), melding="Titel \u202emet omkering", bestand="")]


def test_sarif_validates_against_the_oasis_schema() -> None:
    log = json.loads(sarif(_alle(), "2025-06-01"))
    _schema("sarif-schema-2.1.0.json").validate(log)
    run = log["runs"][0]
    assert [r["level"] for r in run["results"]] == ["error", "warning", "error", "error"]
    assert run["results"][0]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": PLAN, "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 12}}
    assert "locations" not in run["results"][3]  # no file: no location, never a made-up one
    assert "\u202e" not in json.dumps(log, ensure_ascii=False) and "<U+202E>" in run["results"][3]["message"]["text"]
    regels = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in regels] == ["verplicht-veld", "plan-lang-concept", "ander-bestand"]
    assert all(run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"] for r in run["results"])


def test_the_schema_check_refuses_a_broken_sarif_log() -> None:
    log = json.loads(sarif(_alle()))
    log["runs"][0]["results"][0]["level"] = "blokkerend"
    with pytest.raises(jsonschema.ValidationError):
        _schema("sarif-schema-2.1.0.json").validate(log)


def test_codequality_validates_against_the_gitlab_format() -> None:
    issues = json.loads(codequality(_alle()))
    _schema("gitlab-codequality.schema.json").validate(issues)
    assert [i["severity"] for i in issues] == ["blocker", "minor", "blocker", "blocker"]
    assert issues[0]["location"] == {"path": PLAN, "lines": {"begin": 12}}
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert not codequality(_alle()).startswith("\ufeff")  # GitLab refuses a byte-order mark
    kapot = [{**issues[0], "severity": "blokkerend"}]
    with pytest.raises(jsonschema.ValidationError):
        _schema("gitlab-codequality.schema.json").validate(kapot)


def test_a_fingerprint_survives_a_moved_line() -> None:
    assert vingerafdruk(_fout(12)) == vingerafdruk(_fout(40))
    assert vingerafdruk(_fout(12)) != vingerafdruk(_waarschuwing(12))

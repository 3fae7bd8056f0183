"""`make check` and the quick check as a GitHub step: a writer's mistakes on their lines.

One real build (a copy of tests/fixtures/minimaal in its own git repository, with a new
plan for Beedorp on a branch that holds the mistakes real writers make): the
annotations, the job summary, SARIF and Code Quality beside the report, each finding
under the plan of its own file, and the report leading with the gemeente the change
touches.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from hgkm import ROOT

FIXTURES = Path(__file__).parent / "fixtures"
PLAN = "requirements/uitvoeringsplannen/beedorp.md"
#: A plan for Beedorp: a tab after :start:, an actie of Aadorp's plan, an actie without :plan:.
BEEDORP = """# Uitvoeringsplan Beedorp

:::{plan} Uitvoeringsplan Beedorp
:id: UP-B
:regiovisie: RV-TEST
:gemeenten: GM-B
:status: concept
:::

:::{actie} Preventie
:id: UA-B-1
:plan: UP-B
:opgaven: OG-TEST-1
:taken: WT-TEST-2
:principes: LP-TEST-1
:eigenaar: Afdeling Zorg
:start:\t2024-03-01
:eind: 2025-12-31
:status: lopend
:::

:::{actie} Verdwaald
:id: UA-B-2
:plan: UP-A
:opgaven: OG-TEST-2
:taken: WT-TEST-2
:principes: LP-TEST-1
:eigenaar: Afdeling Zorg
:start: 2024-03-01
:eind: 2025-12-31
:status: lopend
:::

:::{actie} Zonder plan
:id: UA-B-3
:opgaven: OG-TEST-2
:taken: WT-TEST-2
:principes: LP-TEST-1
:eigenaar: Afdeling Zorg
:start: 2024-03-01
:eind: 2025-12-31
:status: lopend
:::
"""


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True,
                   capture_output=True)


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The knowledge base on a branch `wijziging` that adds Beedorp's plan (main holds only Aadorp's)."""
    kb = tmp_path_factory.mktemp("kb") / "kb"
    shutil.copytree(FIXTURES / "minimaal", kb, ignore=shutil.ignore_patterns("_build"))
    _git(kb, "init", "-q", "-b", "main")
    _git(kb, "add", "-A")
    _git(kb, "commit", "-qm", "basis")
    _git(kb, "checkout", "-qb", "wijziging")
    (kb / PLAN).write_text(BEEDORP, encoding="utf-8")
    _git(kb, "add", "-A")
    _git(kb, "commit", "-qm", "plan van Beedorp")
    return kb


def _env(kb: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "HGKM_"))}
    return {**env, "GITHUB_ACTIONS": "true", "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_REPOSITORY": "gemeente/kennisbank", "GITHUB_RUN_ID": "7", **extra}


@pytest.fixture(scope="module")
def run(kb: Path) -> dict:
    uit = kb.parent / "uit"
    uit.mkdir()
    env = _env(kb, GITHUB_STEP_SUMMARY=str(uit / "summary.md"), HGKM_SARIF=str(uit / "check.sarif"),
               HGKM_CODEQUALITY=str(uit / "gl-code-quality-report.json"))
    cmd = [sys.executable, "-m", "hgkm", "check", "--bron", str(kb), "--uit", str(kb / "_build" / "html"),
           "--peildatum", "2025-06-01"]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, check=False)
    return {"proc": proc, "uit": uit, "cmd": cmd}


def test_blocking_findings_are_errors_on_their_lines_and_a_total_points_to_the_summary(run) -> None:
    proc = run["proc"]
    assert proc.returncode == 1, proc.stderr
    commands = [r for r in proc.stdout.splitlines() if re.match(r"::(error|warning|notice) ", r)]
    errors = [c for c in commands if c.startswith("::error ")]
    assert errors and all(f"file={PLAN}" in c for c in errors[:-1])  # the new file: every line is changed
    assert "line=22::Actie UA-B-2 hoort bij plan UP-A" in proc.stdout
    # Aadorp's warning is not about this change: after Beedorp's
    warnings = [c for c in commands if c.startswith("::warning ")]
    assert "aadorp.md" in warnings[-1] and f"file={PLAN}" in warnings[0]
    totaal = commands[-1]
    assert totaal.startswith("::error title=De controle%3A Niet geslaagd::De controle: ")
    assert "https://github.com/gemeente/kennisbank/actions/runs/7" in totaal
    # the report around the commands cannot issue any
    token = re.search(r"^::stop-commands::(\w+)$", proc.stdout, re.M)[1]
    assert proc.stdout.index(f"::{token}::") < proc.stdout.index(commands[0])
    summary = (run["uit"] / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("## Controle van de uitvoeringsplannen") and "UA-B-2" in summary


def test_each_finding_is_filed_under_the_plan_of_its_own_file(run) -> None:
    out = run["proc"].stdout
    beedorp = out.split("Gemeente Beedorp ─")[1]
    assert "beedorp.md:22  [vertrouwen]" in beedorp  # the stray actie, under the file it stands in
    assert "Bij actie UA-B-3 ontbreekt het verplichte veld :plan:.\nVoeg een regel toe, bijvoorbeeld  :plan: UP-B" in beedorp
    assert "Algemeen" not in out


def test_the_report_leads_with_the_touched_gemeente_and_folds_the_rest(run) -> None:
    out = run["proc"].stdout
    assert "Deze wijziging raakt: Beedorp." in out
    assert "Gemeente Aadorp ─" not in out
    assert re.search(r"Andere gemeenten, niet geraakt door deze wijziging .*: Aadorp: 1 waarschuwing\(en\)\.", out)
    assert "│ Aadorp" not in out  # nor its rows in the tables
    alles = subprocess.run([*run["cmd"], "--alles"], capture_output=True, text=True, cwd=ROOT,
                           env={k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}, check=False)
    assert "Gemeente Aadorp ─" in alles.stdout and "│ Aadorp" in alles.stdout and "::error" not in alles.stdout


def test_sarif_and_code_quality_beside_the_report_validate(run) -> None:
    for naam, schema_naam in (("check.sarif", "sarif-schema-2.1.0.json"),
                              ("gl-code-quality-report.json", "gitlab-codequality.schema.json")):
        schema = json.loads((FIXTURES / "schemas" / schema_naam).read_text(encoding="utf-8"))
        rapport = json.loads((run["uit"] / naam).read_text(encoding="utf-8"))
        jsonschema.validators.validator_for(schema)(schema).validate(rapport)
    issues = json.loads((run["uit"] / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert {"path": PLAN, "lines": {"begin": 22}} in [i["location"] for i in issues]


def test_the_quick_check_annotates_too(kb: Path, tmp_path: Path) -> None:
    plan = kb / "requirements" / "uitvoeringsplannen" / "ceedorp.md"
    plan.write_text(":::{actie} Iets\n:id: UA-C-1\n:eigenaar: VUL IN\n", encoding="utf-8")
    try:
        proc = subprocess.run([sys.executable, "-m", "hgkm", "snelcontrole", str(plan.relative_to(kb))],
                              capture_output=True, text=True, cwd=kb,
                              env={**_env(kb, GITHUB_STEP_SUMMARY=str(tmp_path / "s.md")),
                                   "PYTHONPATH": str(ROOT)}, check=False)
    finally:
        plan.unlink()
    assert proc.returncode == 1, proc.stderr
    errors = [r for r in proc.stdout.splitlines() if r.startswith("::error ")]
    assert any("file=requirements/uitvoeringsplannen/ceedorp.md,line=3" in e for e in errors)
    assert errors[-1].startswith("::error title=De snelle controle%3A Niet geslaagd::")
    assert "ceedorp.md" in (tmp_path / "s.md").read_text(encoding="utf-8")


def test_the_tab_after_start_is_named_instead_of_its_consequences(run) -> None:
    out = run["proc"].stdout
    assert "In regel 17, kolom 8, staat een tab (U+0009) tussen :start: en de waarde." in out
    assert "Dit item heeft geen ID" not in out and "begint met | of >" not in out
    assert re.search(r"^::error title=Gemeente Beedorp · Een tab.*line=17::In regel 17%2C|line=17::In regel 17,", out, re.M)

"""The GitHub workflows, pre-commit configuration and CODEOWNERS: valid and coherent."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from hgkm import ROOT
from hgkm.model.findings import UITLEG

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def check_jsonschema(*files: Path) -> subprocess.CompletedProcess:
    """Validate against the GitHub workflow schema that check-jsonschema ships (no network)."""
    cmd = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, files)]
    return subprocess.run(cmd, capture_output=True, text=True, check=False)


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def runs(workflow: dict) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


def uses(workflow: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(workflow) if "uses" in step]


def test_workflows_match_the_github_schema() -> None:
    assert [w.name for w in WORKFLOWS] == ["bevestig.yml", "controle.yml", "nieuw-plan.yml", "site.yml"]
    result = check_jsonschema(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.yml"
    broken.write_text("on: pull_request\njobs:\n  test:\n    steps:\n      - run: make test\n", encoding="utf-8")
    result = check_jsonschema(broken)
    assert result.returncode == 1
    assert "runs-on" in result.stdout + result.stderr


def test_pull_request_workflow_tests_and_reports() -> None:
    workflow = load(ROOT / ".github/workflows/controle.yml")
    assert "pull_request" in workflow["on"]
    commands = runs(workflow)
    assert re.search(r"apt-get install .*\bgraphviz\b.*\bchromium\b", commands)
    assert "bash .ci/run" in commands  # the same entry point as CI on a fresh machine (it runs make test)
    assert workflow["jobs"]["controle"]["container"].endswith("bookworm")  # Debian's real chromium
    assert re.search(r"make rapport BASIS=\$\{\{ github\.event\.pull_request\.base\.sha \}\} UITVOER=rapport\.md", commands)
    assert 'cat rapport.md >> "$GITHUB_STEP_SUMMARY"' in commands
    assert "actions/upload-artifact" in uses(workflow)
    screenshots = [s for s in steps(workflow) if s.get("with", {}).get("path") == "test-results/"]
    assert screenshots and screenshots[0]["if"] == "${{ failure() }}"
    checkout = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # the base commit must be there to compare


def test_main_workflow_publishes_the_site() -> None:
    workflow = load(ROOT / ".github/workflows/site.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert "make pdf" in runs(workflow)  # the site and, on its downloads page, the PDF reports
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses(workflow))
    upload = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "_build/html"


def test_every_make_target_the_workflows_call_exists() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([\w.-]+):", makefile, flags=re.MULTILINE))
    called = {t for w in WORKFLOWS for t in re.findall(r"\bmake ([\w-]+)", runs(load(w)))}
    assert called and called <= targets


def test_pre_commit_local_hook_runs_on_the_plans() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook_ids = [h["id"] for repo in config["repos"] for h in repo["hooks"]]
    assert {"trailing-whitespace", "end-of-file-fixer", "check-yaml", "check-toml", "check-github-workflows"} <= set(hook_ids)
    (local,) = [h for repo in config["repos"] if repo["repo"] == "local" for h in repo["hooks"]]
    plannen = [p for p in (ROOT / "requirements/uitvoeringsplannen").glob("*.md") if re.search(local["files"], str(p.relative_to(ROOT)))]
    assert plannen
    entry = local["entry"].split()
    assert entry[0] == ".venv/bin/python"
    result = subprocess.run([sys.executable, *entry[1:], *map(str, plannen)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("regel", [r for r in (ROOT / ".github/CODEOWNERS").read_text(encoding="utf-8").splitlines() if r.startswith("/")])
def test_codeowners_paths_exist_and_name_example_teams(regel: str) -> None:
    pad, *eigenaars = regel.split()
    assert any(ROOT.glob(pad.lstrip("/").rstrip("/") or ".")), f"{pad} bestaat niet"
    assert eigenaars and all(e.startswith("@regio-rotterdam-rijnmond/") for e in eigenaars)


def test_new_plan_workflow_passes_the_name_safely() -> None:
    workflow = load(ROOT / ".github/workflows/nieuw-plan.yml")
    assert workflow["on"]["workflow_dispatch"]["inputs"]["gemeente"]["required"] is True
    commands = runs(workflow)
    assert 'make nieuw-plan GEMEENTE="$GEMEENTE"' in commands
    assert "gh pr create --draft" in commands
    # The typed name reaches the shell only as an environment variable, never as code.
    assert "${{ inputs" not in commands and "github.event.inputs" not in commands


def test_guide_explains_every_kind_of_finding() -> None:
    gids = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    koppen = set(re.findall(r"^### (\S+)$", gids, flags=re.MULTILINE))
    assert set(UITLEG) <= koppen


def test_guide_links_resolve_on_github_and_on_the_site() -> None:
    gids = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\((\./[^)#]+)", gids)
    assert "./requirements/uitvoeringsplannen/voorbeeld.md" in links and "./docs/metamodel.md" in links
    assert [link for link in links if not (ROOT / link).exists()] == []
    # The site page includes the same text, rewriting the ./ links relative to docs/.
    pagina = (ROOT / "docs/handleiding.md").read_text(encoding="utf-8")
    assert "{include} ../CONTRIBUTING.md" in pagina and ":relative-docs: ./" in pagina


def test_guide_names_every_field_a_writer_fills_in() -> None:
    """Each option of a plan, actie and uitzondering is explained in the guide."""
    from hgkm.model import declaration
    from hgkm.sources import item_count

    voorbeeld = (ROOT / "requirements/uitvoeringsplannen/voorbeeld.md").read_text(encoding="utf-8")
    gebruikt = {
        naam
        for blok in item_count.blokken(item_count.regels(voorbeeld))
        if blok.naam in ("plan", "actie")
        for naam, _, _ in blok.opties
    }
    velden = (gebruikt - {"tags"}) | set(declaration.type_fields()["uitzondering"]) | {"betreft"}
    gids = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert sorted(v for v in velden if f":{v}:" not in gids) == []


def test_every_plan_has_its_reviewers_in_codeowners() -> None:
    regels = (ROOT / ".github/CODEOWNERS").read_text(encoding="utf-8").splitlines()
    paden = {r.split()[0] for r in regels if r.startswith("/")}
    plannen = sorted((ROOT / "requirements/uitvoeringsplannen").glob("*.md"))
    assert plannen
    assert [p.name for p in plannen if f"/{p.relative_to(ROOT).as_posix()}" not in paden] == []


def test_pull_request_keeps_the_build_folder_between_runs() -> None:
    # a writer's pull request is checked incrementally from the last build (docs/prestaties.md)
    workflow = load(ROOT / ".github/workflows/controle.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]  # main fills the cache a new PR starts from
    cache = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/cache"))
    assert cache["with"]["path"] == "_build/html"
    engine = "hashFiles('hgkm/**', 'pyproject.toml', 'conf.py')"
    assert engine in cache["with"]["key"] and cache["with"]["restore-keys"].endswith(f"{engine} }}}}-")
    namen = [s.get("name", "") for s in steps(workflow)]
    assert namen.index(cache["name"]) < next(i for i, n in enumerate(namen) if "make check" in n)
    rapport = next(s for s in steps(workflow) if "make rapport" in s.get("run", ""))
    assert "github.event_name == 'pull_request'" in rapport["if"]

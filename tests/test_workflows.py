"""The GitHub workflows, pre-commit configuration and CODEOWNERS: valid and coherent."""

from __future__ import annotations

import os
import re
import shutil
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


def test_the_region_template_workflows_match_the_github_schema() -> None:
    templates = sorted((ROOT / "hgkm" / "templates" / "regio" / ".github" / "workflows").glob("*.yml"))
    assert [w.name for w in templates] == ["controle.yml"]
    result = check_jsonschema(*templates)
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
    assert all(job["container"].endswith("bookworm") for job in workflow["jobs"].values())  # Debian's real chromium
    assert re.search(r"make rapport BASIS=\$\{\{ github\.event\.pull_request\.base\.sha \}\} UITVOER=rapport\.md", commands)
    assert 'cat rapport.md >> "$GITHUB_STEP_SUMMARY"' in commands
    assert "actions/upload-artifact" in uses(workflow)
    screenshots = [s for s in steps(workflow) if s.get("with", {}).get("path") == "test-results/"]
    assert screenshots and screenshots[0]["if"].startswith("${{ failure() &&")
    checkout = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # the base commit must be there to compare


def test_main_workflow_publishes_the_site() -> None:
    workflow = load(ROOT / ".github/workflows/site.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {}
    # the build reads the plans and may not publish; only the deploy job may (and runs no build)
    assert workflow["jobs"]["bouwen"]["permissions"] == {"contents": "read", "pages": "read"}
    assert workflow["jobs"]["publiceren"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert [s["uses"].split("@")[0] for s in workflow["jobs"]["publiceren"]["steps"]] == ["actions/deploy-pages"]
    assert workflow["jobs"]["publiceren"]["environment"]["name"] == "github-pages"
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


# ------------------------------------------------------------------ what CI may (docs/veiligheid.md)
#
# Checked on the structure of every workflow, the region template's too: a job that can
# write runs nothing of a branch a user chose, every checkout keeps the token out of
# .git/config, a job that can write restores no cache, the site is published from main only.

TEMPLATE_WORKFLOWS = sorted((ROOT / "hgkm" / "templates" / "regio" / ".github" / "workflows").glob("*.yml"))
ALL_WORKFLOWS = WORKFLOWS + TEMPLATE_WORKFLOWS
#: Refs that are main's own code (reviewed): a checkout of anything else is of a branch someone chose.
MAIN_REFS = {"${{ github.event.repository.default_branch }}", "main", "refs/heads/main"}
ONLY_MAIN = ("github.ref == format('refs/heads/{0}', github.event.repository.default_branch)",
             "github.ref == 'refs/heads/main'")
#: Commands that run code from the working tree (or install it): never after a chosen checkout in a job that can write.
RUNS_CODE = {"make", "pip", "pip3", "python", "python3", "pytest", "sphinx-build", "npm", "npx", "node", "bash", "sh",
             "source", ".", "tox", "nox", "uv", "poetry"}
_SPLIT = re.compile(r";|&&|\|\||\||\$\(|(?<!\\)`|\b(?:then|do|else)\b")
_PREFIX = {"sudo", "env", "exec", "time", "!", "if", "while", "until", "elif", "command", "nohup"}


def permissions(workflow: dict, job: dict) -> object:
    return job.get("permissions", workflow.get("permissions"))


def can_write(workflow: dict, job: dict) -> bool:
    """Whether the job's token can write anything (no declaration: the repository default, maybe write)."""
    perms = permissions(workflow, job)
    if isinstance(perms, dict):
        return "write" in perms.values()
    return perms != "read-all"


def only_main(workflow: dict, job: dict) -> bool:
    """Whether the job runs only for main's own commit (so github.sha is reviewed code)."""
    if any(cond in str(job.get("if", "")) for cond in ONLY_MAIN):
        return True
    on = workflow["on"]
    return isinstance(on, dict) and set(on) == {"push"} and (on["push"] or {}).get("branches") == ["main"]


def checkouts(job: dict) -> list[tuple[int, dict]]:
    return [(i, s) for i, s in enumerate(job.get("steps", [])) if s.get("uses", "").startswith("actions/checkout@")]


def chosen(workflow: dict, job: dict, step: dict) -> bool:
    """Whether a checkout fetches a ref a user chose (a branch, a pull request), not main's own commit."""
    ref = (step.get("with") or {}).get("ref")
    return not only_main(workflow, job) if ref is None else str(ref) not in MAIN_REFS


def commands(run: str) -> list[str]:
    """The first word of every command in a shell script (roughly, as a reviewer reads it)."""
    found = []
    for line in run.splitlines():
        if line.lstrip().startswith("#"):
            continue
        for part in _SPLIT.split(line):
            words = [w for w in part.strip().split() if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=\S*", w)]
            while words and words[0] in _PREFIX:
                words = words[1:]
            if words:
                found.append(words[0])
    return found


def runs_code(step: dict) -> bool:
    if step.get("uses", "").startswith("./"):
        return True  # an action from the checkout
    return any(c in RUNS_CODE or c.startswith(("./", ".venv/")) for c in commands(step.get("run", "")))


def uses_cache(step: dict) -> bool:
    return step.get("uses", "").startswith("actions/cache") or bool((step.get("with") or {}).get("cache"))


def bezwaren(workflow: dict) -> list[str]:
    """Everything in `workflow` that breaks the rules of docs/veiligheid.md ("Wat CI mag")."""
    found = []
    if "permissions" not in workflow and any("permissions" not in j for j in workflow["jobs"].values()):
        found.append("permissions: not declared (the repository default may be write)")
    triggered_by_pr = any(t in workflow["on"] for t in ("pull_request", "pull_request_target"))
    for name, job in workflow["jobs"].items():
        steps = job.get("steps", [])
        first_chosen = min((i for i, s in checkouts(job) if chosen(workflow, job, s)), default=None)
        for i, step in checkouts(job):
            if (step.get("with") or {}).get("persist-credentials") is not False:
                found.append(f"{name}: checkout without persist-credentials: false")
        for i, step in enumerate(steps):
            text = yaml.safe_dump(step)
            if ("github.token" in text or "secrets.GITHUB_TOKEN" in text) and runs_code(step):
                found.append(f"{name}: the token is handed to a step that runs code")
            if can_write(workflow, job) and uses_cache(step):
                found.append(f"{name}: a job that can write restores a cache")
            if first_chosen is not None and i > first_chosen:
                if can_write(workflow, job) and runs_code(step):
                    found.append(f"{name}: a job that can write runs code after checking out a chosen branch")
                # a run on main (dispatched, pushed) would save its cache where main's jobs restore it
                if uses_cache(step) and not triggered_by_pr:
                    found.append(f"{name}: a run that can be main's saves a cache after reading a chosen branch")
        if "pull_request_target" in workflow["on"] and first_chosen is not None:
            found.append(f"{name}: pull_request_target with a checkout of the pull request")
    return found


@pytest.mark.parametrize("pad", ALL_WORKFLOWS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_workflow_keeps_write_rights_away_from_a_chosen_branch(pad: Path) -> None:
    assert bezwaren(load(pad)) == []


def test_the_workflow_checks_catch_the_old_bevestig() -> None:
    """bevestig.yml as it was: a write token beside the branch's Makefile, with a pip cache."""
    oud = yaml.safe_load("""
on: {workflow_dispatch: {inputs: {tak: {type: string, required: true}}}}
permissions: {contents: write}
jobs:
  bevestig:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v6
        with: {ref: "${{ inputs.tak }}"}
      - uses: actions/setup-python@v6
        with: {python-version: "3.11", cache: pip}
      - run: make bevestig ACTIE="$ACTIE" PLAN="$PLAN"
      - run: |
          git add requirements
          git push origin "HEAD:$TAK"
""")
    oud["on"] = oud.pop(True, oud.get("on"))
    assert bezwaren(oud) == [
        "bevestig: checkout without persist-credentials: false",
        "bevestig: a job that can write restores a cache",
        "bevestig: a run that can be main's saves a cache after reading a chosen branch",
        "bevestig: a job that can write runs code after checking out a chosen branch",
    ]
    # without a declaration the token has the repository's default rights, which may be write
    del oud["permissions"]
    assert "permissions: not declared (the repository default may be write)" in bezwaren(oud)


@pytest.mark.parametrize(
    ("run", "code"),
    [
        ('make bevestig ACTIE="$ACTIE"', True),
        ("sudo apt-get update -q && .venv/bin/python -m hgkm x", True),
        ('out=$(python3 -c "print(1)")', True),
        ("bash .ci/run", True),
        ("ACTIE=1 pip install -e .", True),
        ("./scripts/systeempakket.sh dot", True),
        ('git commit -m "Opnieuw bekeken (make bevestig)"', False),
        ('git apply "$PATCH" && git add -u -- requirements', False),
        ('gh pr create --draft --title "make python"', False),
    ],
)
def test_what_counts_as_running_code(run: str, code: bool) -> None:
    assert runs_code({"run": run}) is code


def test_a_pull_request_target_workflow_that_checks_out_the_pull_request_is_refused() -> None:
    workflow = {"on": {"pull_request_target": None}, "permissions": {"contents": "read"}, "jobs": {"a": {"steps": [
        {"uses": "actions/checkout@v6", "with": {"ref": "${{ github.event.pull_request.head.sha }}",
                                                "persist-credentials": False}}]}}}
    assert bezwaren(workflow) == ["a: pull_request_target with a checkout of the pull request"]


def test_bevestig_computes_read_only_and_pushes_without_running_the_branch() -> None:
    workflow = load(ROOT / ".github/workflows/bevestig.yml")
    assert workflow["permissions"] == {}
    berekenen, vastleggen = workflow["jobs"]["berekenen"], workflow["jobs"]["vastleggen"]
    assert berekenen["permissions"] == {"contents": "read"}
    assert vastleggen["permissions"] == {"contents": "write"} and vastleggen["needs"] == "berekenen"
    # the computing job runs main's code over the branch's requirements/ only
    (_, code), (_, tak) = checkouts(berekenen)
    assert code["with"]["ref"] in MAIN_REFS and tak["with"]["sparse-checkout"] == "requirements"
    make = next(s for s in berekenen["steps"] if "make bevestig" in s.get("run", ""))
    assert make["working-directory"] == "code" and "cp -R ../tak/requirements requirements" in make["run"]
    assert "'requirements/uitvoeringsplannen/*.md'" in make["run"]
    assert not any(uses_cache(s) for s in berekenen["steps"])
    # the pushing job runs git and shell only, and gets the token in its last step only
    assert not any(runs_code(s) for s in vastleggen["steps"])
    assert [s.get("name") for s in vastleggen["steps"] if "github.token" in yaml.safe_dump(s)] == ["Op de tak zetten"]
    assert "git -c \"http.$GITHUB_SERVER_URL/.extraheader=" in vastleggen["steps"][-1]["run"]


def test_new_plan_runs_mains_code_and_pushes_with_the_token_in_one_step() -> None:
    workflow = load(ROOT / ".github/workflows/nieuw-plan.yml")
    ((_, checkout),) = checkouts(workflow["jobs"]["nieuw-plan"])
    assert checkout["with"]["ref"] in MAIN_REFS
    getoond = [s for s in steps(workflow) if "github.token" in yaml.safe_dump(s)]
    assert len(getoond) == 1 and "make" not in commands(getoond[0]["run"])


def test_the_site_is_published_from_main_only() -> None:
    workflow = load(ROOT / ".github/workflows/site.yml")
    assert set(workflow["on"]) == {"push", "workflow_dispatch"} and workflow["on"]["push"]["branches"] == ["main"]
    for job in workflow["jobs"].values():
        assert job["if"] == ONLY_MAIN[0]  # a run started by hand from another branch publishes nothing
        assert not any(uses_cache(s) for s in job["steps"])


# -------------------------------------------- the check of the patch in bevestig.yml, run for real

def _controle_script() -> str:
    workflow = load(ROOT / ".github/workflows/bevestig.yml")
    return next(s for s in workflow["jobs"]["vastleggen"]["steps"] if s.get("id") == "controle")["run"]


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def tak(tmp_path: Path) -> Path:
    """A branch with one real plan, as the pushing job checks it out."""
    repo = tmp_path / "tak"
    plannen = repo / "requirements" / "uitvoeringsplannen"
    plannen.mkdir(parents=True)
    shutil.copy(ROOT / "requirements" / "uitvoeringsplannen" / "vlaardingen-2022.md", plannen)
    (repo / "hgkm").mkdir()
    (repo / "hgkm" / "x.py").write_text("x = 1\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "tak")
    return repo


def _controle(repo: Path, wijzig, daarna=None) -> subprocess.CompletedProcess:
    """Make a change in `repo`, hand it over as the computing job does, undo it, run the check.

    `daarna(repo)` moves the branch on after the change was computed.
    """
    wijzig(repo)
    _git(repo, "add", "-A")
    patch = repo.parent / "bevestig.patch"
    patch.write_text(_git(repo, "diff", "--cached", "--no-color", "--no-ext-diff"), encoding="utf-8")
    _git(repo, "reset", "-q", "--hard")
    _git(repo, "clean", "-qfd")
    if daarna is not None:
        daarna(repo)
        _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "verder")
    script = repo.parent / "controle.sh"
    script.write_text(_controle_script(), encoding="utf-8")
    env = {"PATH": os.environ["PATH"], "PATCH": str(patch), "GITHUB_OUTPUT": str(repo.parent / "output")}
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=repo, env=env,
                          capture_output=True, text=True, check=False)


PLAN = "requirements/uitvoeringsplannen/vlaardingen-2022.md"


def _bevestigd(repo: Path) -> None:
    from hgkm.tools.bevestig import herschrijf

    pad = repo / PLAN
    tekst = herschrijf(pad.read_text(encoding="utf-8"), "UA-VLA-2022-1", "LP-RR20-1@0123456789, OG-RR20-1@abcdef0123")
    pad.write_text(herschrijf(tekst, "UA-VLA-2022-3", "OG-RR20-2@ffffffffff"), encoding="utf-8")


def test_the_patch_check_accepts_what_make_bevestig_changes(tak: Path) -> None:
    result = _controle(tak, _bevestigd)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "alleen regels :beoordeeld: in 1 plan(nen)" in result.stdout


def test_the_patch_check_accepts_an_empty_patch(tak: Path) -> None:
    result = _controle(tak, lambda repo: None)
    assert result.returncode == 0 and "niets nieuw" in result.stdout
    assert (tak.parent / "output").read_text() == "leeg=ja\n"


def _ook(extra):
    def wijzig(repo: Path) -> None:
        _bevestigd(repo)
        extra(repo)
    return wijzig


def _vervang(rel: str, oud: str, nieuw: str):
    def wijzig(repo: Path) -> None:
        pad = repo / rel
        pad.write_text(pad.read_text(encoding="utf-8").replace(oud, nieuw, 1), encoding="utf-8")
    return wijzig


@pytest.mark.parametrize(
    ("wijzig", "reden"),
    [
        (_ook(_vervang("hgkm/x.py", "x = 1", "import os")), "een ander bestand dan een plan: hgkm/x.py"),
        (_ook(_vervang(PLAN, ":status:", ":status: klaar\n:oud-status:")), "meer dan een regel :beoordeeld:"),
        (_vervang(PLAN, ":beoordeeld: LP-RR20-1@d17c15c184", ":beoordeeld: [[copy('x')]]"), "meer dan een regel :beoordeeld:"),
        (_ook(lambda r: (r / PLAN).rename(r / "requirements/uitvoeringsplannen/ander.md")), "andere naam"),
        (_ook(lambda r: (r / "requirements/uitvoeringsplannen/nieuw.md").write_text("# x\n")), "nieuw.md is geen gewoon bestand op de tak"),
        (_ook(lambda r: (r / PLAN).chmod(0o755)), "ongewoon: old mode"),
        (lambda r: (r / "requirements/uitvoeringsplannen/nieuw.md").symlink_to("/etc/passwd"), "nieuw.md is geen gewoon bestand op de tak"),
    ],
    ids=["ander bestand", "andere regel", "dynamische functie", "hernoemd", "nieuw bestand", "uitvoerbaar", "symlink"],
)
def test_the_patch_check_refuses_anything_else(tak: Path, wijzig, reden: str) -> None:
    result = _controle(tak, wijzig)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "::error::De wijziging is geweigerd: " in result.stdout and reden in result.stdout, result.stdout


def test_the_patch_check_refuses_a_patch_that_no_longer_fits(tak: Path) -> None:
    # the branch moved on meanwhile: the same :beoordeeld: line was changed by hand
    result = _controle(tak, _bevestigd, _vervang(PLAN, "LP-RR20-1@d17c15c184, OG-RR20-1@c9a0d4e921", "OG-RR20-1@c9a0d4e921"))
    assert result.returncode == 1 and "zij past niet meer op de tak" in result.stdout, result.stdout + result.stderr


# ------------------------------------------------------------------ content first (issue 31)

#: What the engine's test suite must run for: the engine, its tests, the build files, the workflows.
MACHINERIE = ("hgkm", "tests", "checks", "pyproject.toml", "Makefile", ".ci", ".github/workflows")


def test_the_content_job_reaches_make_check_without_the_engine_suite() -> None:
    workflow = load(ROOT / ".github/workflows/controle.yml")
    inhoud = workflow["jobs"]["inhoud"]
    assert "needs" not in inhoud and "if" not in inhoud  # starts at once, always
    commands = "\n".join(s.get("run", "") for s in inhoud["steps"])
    assert ".ci/run" not in commands and "make test" not in commands and "chromium" not in commands
    namen = [s.get("name", "") for s in inhoud["steps"]]
    check = next(i for i, s in enumerate(inhoud["steps"]) if s.get("run", "").strip() == "make check")
    assert namen.index("Snelle controle van de plannen") < check < next(
        i for i, s in enumerate(inhoud["steps"]) if "make rapport" in s.get("run", ""))
    # the changed lines first: make check compares with the pull request's base
    assert inhoud["steps"][check]["env"]["HGKM_BASIS"] == "${{ github.event.pull_request.base.sha }}"


def test_the_engine_job_always_runs_and_decides_inside() -> None:
    workflow = load(ROOT / ".github/workflows/controle.yml")
    job = workflow["jobs"]["machinerie"]
    assert "if" not in job and "needs" not in job  # a required check never waits on a skipped job
    beslissing = next(s for s in job["steps"] if s.get("id") == "wat")
    assert all(pad in beslissing["run"] for pad in MACHINERIE)
    assert '"$GITHUB_EVENT_NAME" != "pull_request"' in beslissing["run"]  # pushes to main: always the suite
    suite = next(s for s in job["steps"] if "bash .ci/run" in s.get("run", ""))
    assert suite["if"] == "${{ steps.wat.outputs.nodig == 'true' }}"


def _beslis(tmp_path: Path, gewijzigd: str, event: str = "pull_request") -> str:
    """Run the decision step of the engine job in a small repository, with `gewijzigd` changed."""
    job = load(ROOT / ".github/workflows/controle.yml")["jobs"]["machinerie"]
    script = next(s for s in job["steps"] if s.get("id") == "wat")["run"]
    repo = tmp_path / "repo"
    (repo / "requirements").mkdir(parents=True)
    (repo / "hgkm").mkdir()
    for pad in ("requirements/plan.md", "hgkm/x.py"):
        (repo / pad).write_text("a\n", encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "basis"], cwd=repo, check=True)
    basis = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True, check=True).stdout.strip()
    (repo / gewijzigd).write_text("b\n", encoding="utf-8")
    subprocess.run([*git, "commit", "-qam", "wijziging"], cwd=repo, check=True)
    uit = tmp_path / "output"
    env = {"PATH": os.environ["PATH"], "BASIS": basis, "GITHUB_EVENT_NAME": event, "GITHUB_OUTPUT": str(uit)}
    subprocess.run(["bash", "-e", "-c", script], cwd=repo, env=env, check=True, capture_output=True)
    return uit.read_text(encoding="utf-8").strip()


@pytest.mark.parametrize(("gewijzigd", "event", "nodig"), [
    ("requirements/plan.md", "pull_request", "false"),
    ("hgkm/x.py", "pull_request", "true"),
    ("requirements/plan.md", "push", "true"),
])
def test_the_engine_suite_runs_for_engine_changes_and_pushes_only(tmp_path: Path, gewijzigd: str, event: str,
                                                                  nodig: str) -> None:
    assert _beslis(tmp_path, gewijzigd, event) == f"nodig={nodig}"


#: The first major of each action that runs on node24 (node20 is removed from the runners).
NODE24 = {"actions/checkout": 5, "actions/setup-python": 6, "actions/cache": 5, "actions/upload-artifact": 6,
          "actions/download-artifact": 5, "actions/configure-pages": 6, "actions/upload-pages-artifact": 5,
          "actions/deploy-pages": 5}


@pytest.mark.parametrize("pad", ALL_WORKFLOWS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_action_runs_on_node24(pad: Path) -> None:
    for step in steps(load(pad)):
        if "uses" not in step:
            continue
        naam, _, versie = step["uses"].partition("@")
        assert naam in NODE24, f"{naam}: unknown action, add its first node24 major to NODE24"
        assert int(versie.removeprefix("v").split(".")[0]) >= NODE24[naam], step["uses"]


def test_dependabot_keeps_the_actions_and_python_packages_current() -> None:
    pad = ROOT / ".github" / "dependabot.yml"
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.dependabot", str(pad)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    ecosystems = {u["package-ecosystem"] for u in yaml.safe_load(pad.read_text(encoding="utf-8"))["updates"]}
    assert {"github-actions", "pip"} <= ecosystems


def test_the_region_template_runs_on_gitlab_with_a_code_quality_report() -> None:
    pad = ROOT / "hgkm" / "templates" / "regio" / ".gitlab-ci.yml"
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.gitlab-ci", str(pad)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    job = yaml.safe_load(pad.read_text(encoding="utf-8"))["controle"]
    assert job["script"] == ["bash .ci/run"]  # the same entry point as the GitHub workflow
    rapport = job["variables"]["HGKM_CODEQUALITY"]
    assert job["artifacts"]["reports"]["codequality"] == rapport and job["artifacts"]["when"] == "always"
    assert job["variables"]["GIT_DEPTH"] == "0"  # the merge request's base is there: changed lines first
    assert "cache" not in job


def test_the_region_template_compares_with_the_pull_requests_base() -> None:
    workflow = load(ROOT / "hgkm" / "templates" / "regio" / ".github" / "workflows" / "controle.yml")
    checkout = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    assert any(s.get("env", {}).get("HGKM_BASIS") == "${{ github.event.pull_request.base.sha }}" for s in steps(workflow))

"""`make rapport`: the comparison against a base, on a temporary git repository."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from hgkm.tools.cli import main
from tests.conftest import copy_fixture

PEIL = "2025-06-30"

BEEDORP = """# Uitvoeringsplan Beedorp

:::{plan} Uitvoeringsplan Beedorp
:id: UP-B
:regiovisie: RV-TEST
:gemeenten: GM-B
:status: concept
:::

:::{actie} Preventie in de wijk
:id: UA-B-1
:plan: UP-B
:opgaven: OG-TEST-1
:principes: LP-TEST-1
:eigenaar: VUL IN: afdeling
:start: 2025-01-01
:eind: 2026-12-31
:status: gepland
:::
"""


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return proc.stdout.strip()


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository with two commits: the fixture corpus on main, then a change on a branch."""
    src = copy_fixture("minimaal", tmp_path_factory.mktemp("rapport"))
    (src / ".gitignore").write_text("_build/\n", encoding="utf-8")
    git(src, "init", "--quiet", "--initial-branch=main")
    git(src, "add", ".")
    git(src, "commit", "--quiet", "-m", "basis")
    git(src, "checkout", "--quiet", "-b", "wijziging")
    plan = src / "requirements/uitvoeringsplannen/aadorp.md"
    tekst = plan.read_text(encoding="utf-8")
    tekst = tekst.replace(":opgaven: OG-TEST-1, OG-TEST-2", ":opgaven: OG-TEST-1")
    tekst = tekst.replace(":eigenaar: Afdeling Zorg", ":eigenaar: Afdeling Jeugd")
    plan.write_text(tekst, encoding="utf-8")
    (src / "requirements/uitvoeringsplannen/beedorp.md").write_text(BEEDORP, encoding="utf-8")
    git(src, "add", ".")
    git(src, "commit", "--quiet", "-m", "wijziging")
    return src


def rapport(repo: Path, tmp_path: Path, *extra: str) -> str:
    uit = tmp_path / "rapport.md"
    assert main(["rapport", "--bron", str(repo), "--peildatum", PEIL, "--output", str(uit), *extra]) == 0
    return uit.read_text(encoding="utf-8")


def test_rapport_lists_what_changed_against_the_base(repo: Path, tmp_path: Path) -> None:
    tekst = rapport(repo, tmp_path, "--basis", "HEAD~1")
    verschil = tekst.split("## Controle van de uitvoeringsplannen")[0]
    assert "ten opzichte van `HEAD~1`" in verschil
    # Coverage per gemeente: Aadorp lost OG-TEST-2, Beedorp's new plan covers OG-TEST-1.
    aadorp = verschil.split("**Gemeente Aadorp, RV-TEST**")[1].split("**Gemeente")[0]
    assert '- **niet meer gedekt**: ontwikkelopgave OG-TEST-2 "Tweede opgave" (was: gedekt)' in aadorp
    assert "OG-TEST-1" not in aadorp
    beedorp = verschil.split("**Gemeente Beedorp, RV-TEST**")[1].split("###")[0]
    assert '- nu gedekt: ontwikkelopgave OG-TEST-1 "Eerste opgave" (gedekt; was: geen plan)' in beedorp
    assert "OG-TEST-2" not in beedorp  # not covered before, not covered now: no change
    # Plans and acties added and changed, with the changed fields.
    assert '- toegevoegd: UP-B "Uitvoeringsplan Beedorp" in `requirements/uitvoeringsplannen/beedorp.md`' in verschil
    assert '- toegevoegd: UA-B-1 "Preventie in de wijk"' in verschil
    gewijzigd = verschil.split('- gewijzigd: UA-A-1 "Eerste actie"')[1]
    assert "  - opgaven: OG-TEST-1, OG-TEST-2 → OG-TEST-1\n" in gewijzigd
    assert "  - eigenaar: Afdeling Zorg → Afdeling Jeugd\n" in gewijzigd
    assert "verwijderd" not in verschil
    # Placeholders left in a plan are listed by file and line.
    assert '- `requirements/uitvoeringsplannen/beedorp.md:15` Hier staat nog "VUL IN"' in tekst
    # Then the full check of the current version: matrix and findings.
    assert "**Niet geslaagd**" in tekst
    assert "ontwikkelopgave OG-TEST-2 \"Tweede opgave\" heeft geen uitvoeringsactie" in tekst
    assert "| Aadorp | gedekt (1) | niet gedekt |" in tekst
    # The temporary worktree is gone again.
    assert len(git(repo, "worktree", "list").splitlines()) == 1


def test_default_base_is_the_merge_base_with_main(repo: Path, tmp_path: Path) -> None:
    basis = git(repo, "rev-parse", "main")[:10]
    tekst = rapport(repo, tmp_path)
    assert f"(ten opzichte van `{basis}`)" in tekst
    assert '- toegevoegd: UA-B-1 "Preventie in de wijk"' in tekst


def test_same_version_reports_no_changes(repo: Path, tmp_path: Path) -> None:
    tekst = rapport(repo, tmp_path, "--basis", "HEAD")
    assert "Geen veranderingen in plannen, acties, uitzonderingen of dekking." in tekst


def test_unknown_base_is_a_dutch_message(repo: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["rapport", "--bron", str(repo), "--basis", "bestaat-niet"]) == 2
    fout = capsys.readouterr().err
    assert '"bestaat-niet" is geen bekende versie in git' in fout
    assert "Traceback" not in fout

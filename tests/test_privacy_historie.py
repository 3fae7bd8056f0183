"""`python -m hgkm privacy-historie`: personal data anywhere in the git history (issue 32).

A temporary repository gets an address and a telephone number in an old commit that a later
commit removes, a branch with a BSN, a functional address listed in conf.py and a fixture
under tests/: the scan finds the planted values with commit, file, line and kind, masked,
and nothing else.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hgkm import ROOT
from hgkm.tools.privacy import functionele_adressen, scan, toegevoegde_regels


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True,
                          env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                               "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(repo), "PATH": "/usr/bin:/bin",
                               "GIT_AUTHOR_DATE": "2024-05-01T12:00:00", "GIT_COMMITTER_DATE": "2024-05-01T12:00:00"},
                          ).stdout.strip()


def commit(repo: Path, bestanden: dict[str, str], bericht: str) -> str:
    for naam, tekst in bestanden.items():
        (repo / naam).parent.mkdir(parents=True, exist_ok=True)
        (repo / naam).write_text(tekst, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", bericht)
    return git(repo, "rev-parse", "HEAD")


def test_a_planted_address_in_an_old_commit_is_found(tmp_path: Path) -> None:
    repo = tmp_path / "kennisbank"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    plan = "requirements/uitvoeringsplannen/adorp.md"
    oud = commit(repo, {"conf.py": 'hgkm_functionele_adressen = ["info@adorp.nl"]\n',
                        plan: "# Plan\n\nVragen: info@adorp.nl.\n\nContact: j.jansen@adorp.nl of 06-12345678\n",
                        "tests/fixtures/x.md": "fictief: p.bakker@adorp.nl\n"}, "plan")
    commit(repo, {plan: "# Plan\n\nVragen: info@adorp.nl.\n\nContact: het wijkteam.\n"}, "weg ermee")
    git(repo, "checkout", "-q", "-b", "concept")
    tak = commit(repo, {"docs/notitie.md": "Regel een\nDossier 111222333\n"}, "notitie")
    git(repo, "checkout", "-q", "main")
    assert "j.jansen" not in (repo / plan).read_text(encoding="utf-8")  # gone from the files, not from history

    vondsten = list(scan(repo, functioneel=functionele_adressen(repo)))
    assert [(v.commit, v.bestand, v.regel, v.soort, v.gemaskeerd) for v in vondsten] == [
        (tak, "docs/notitie.md", 2, "bsn", "11…33"),
        (oud, plan, 5, "e-mail", "j.…nl"),
        (oud, plan, 5, "telefoon", "06…78"),
    ]
    assert vondsten[1].datum == "2024-05-01"
    # every text file, tests/ too, on request
    assert any(v.bestand == "tests/fixtures/x.md" for v in scan(repo, alle_bestanden=True))

    proc = subprocess.run([sys.executable, "-m", "hgkm", "privacy-historie", "--bron", str(repo)],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert proc.returncode == 1, proc.stderr
    assert f"{oud[:12]} 2024-05-01 {plan}:5: een e-mailadres (j.…nl)" in proc.stdout
    assert "3 keer iets dat op een persoonsgegeven lijkt, in 2 commit(s)" in proc.stdout
    assert "jansen" not in proc.stdout and "12345678" not in proc.stdout and "git filter-repo" in proc.stdout

    schoon = subprocess.run([sys.executable, "-m", "hgkm", "privacy-historie", "--bron", str(tmp_path)],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert schoon.returncode == 2 and "geen git-repository" in schoon.stderr and "Traceback" not in schoon.stderr


def test_added_lines_are_numbered_per_hunk() -> None:
    uitvoer = ["\x00abc 2024-01-02", "diff --git a/x.md b/x.md", "--- a/x.md", "+++ b/x.md",
               "@@ -3,0 +4,2 @@", "+een", "++++ b/niet.md", "@@ -9 +11 @@", "-weg", "+twee",
               "diff --git a/y.md b/y.md", "deleted file mode 100644", "--- a/y.md", "+++ /dev/null", "@@ -1 +0,0 @@",
               "-oud"]
    assert list(toegevoegde_regels(uitvoer)) == [("abc", "2024-01-02", "x.md", 4, "een"),
                                                 ("abc", "2024-01-02", "x.md", 5, "+++ b/niet.md"),
                                                 ("abc", "2024-01-02", "x.md", 11, "twee")]


def test_this_repository_has_a_clean_history() -> None:
    assert list(scan(ROOT, functioneel=functionele_adressen(ROOT))) == []

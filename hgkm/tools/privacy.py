"""`python -m hgkm privacy-historie` (`make privacy-historie`): personal data in the whole git history.

For a repository about to go public: what was ever added, in any commit of any branch or tag
(`git log -p --all`), goes through the detector of the content check
(hgkm.sources.persoonsgegevens). Each finding names the commit, the file, the line in that
commit and the kind, never the value (masked). Removing what is found means rewriting history
(git filter-repo) and asking the code host to purge its copies: docs/privacy.md.

Scanned are the content files (Markdown, text, YAML, JSON, CSV) outside tests/ (whose fixtures
hold made-up data on purpose); `--alle-bestanden` reads every text file.
"""

from __future__ import annotations

import ast
import re
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from hgkm.sources.persoonsgegevens import SOORTEN, masker, treffers

#: What writers and maintainers write, as git pathspecs.
INHOUD = ("*.md", "*.txt", "*.yml", "*.yaml", "*.json", "*.csv", "*.rst", "*.toml", "conf.py")
ZONDER = (":(exclude)tests/", ":(exclude)**/tests/")
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@")
_COMMIT = "\x00"


@dataclass(frozen=True)
class Vondst:
    """One thing that looks like personal data, in one added line of one commit."""

    commit: str
    datum: str
    bestand: str
    regel: int
    soort: str
    gemaskeerd: str

    def __str__(self) -> str:
        return f"{self.commit[:12]} {self.datum} {self.bestand}:{self.regel}: {SOORTEN[self.soort][0]} ({self.gemaskeerd})"


def functionele_adressen(bron: Path) -> list[str]:
    """`hgkm_functionele_adressen` from conf.py, read as a literal (conf.py is not run)."""
    try:
        boom = ast.parse((bron / "conf.py").read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return []
    for knoop in boom.body:
        if isinstance(knoop, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "hgkm_functionele_adressen"
                                                 for t in knoop.targets):
            try:
                waarde = ast.literal_eval(knoop.value)
            except ValueError:
                return []
            return [a for a in waarde if isinstance(a, str)] if isinstance(waarde, (list, tuple)) else []
    return []


def toegevoegde_regels(regels: Iterable[str]) -> Iterator[tuple[str, str, str, int, str]]:
    """(commit, date, file, line, text) of every added line of `git log -p --unified=0` output."""
    commit = datum = bestand = ""
    nummer, kop = 0, False
    for ruw in regels:
        line = ruw.rstrip("\n")
        if line.startswith(_COMMIT):
            commit, _, datum = line[1:].partition(" ")
            bestand, kop = "", False
        elif line.startswith("diff --git "):
            bestand, kop = "", True
        elif kop and line.startswith("+++ "):
            bestand = line[6:] if line.startswith("+++ b/") else ""
        elif hunk := _HUNK.match(line):
            kop, nummer = False, int(hunk[1])
        elif not kop and bestand and line.startswith("+"):
            yield commit, datum, bestand, nummer, line[1:]
            nummer += 1


def scan(repo: Path, alle_bestanden: bool = False, functioneel: Iterable[str] = ()) -> Iterator[Vondst]:
    """Every finding in every commit reachable from any ref of `repo`."""
    pathspec = ["."] if alle_bestanden else [*INHOUD, *ZONDER]
    opdracht = ["git", "-C", str(repo), "log", "--all", "-p", "--unified=0", "--no-color", "--no-ext-diff",
                "--no-renames", *(["--text"] if alle_bestanden else []), "--format=%x00%H %as",
                "--", *pathspec]
    functioneel = tuple(functioneel)
    with subprocess.Popen(opdracht, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8",
                          errors="replace") as proces:
        assert proces.stdout is not None
        for commit, datum, bestand, nummer, tekst in toegevoegde_regels(proces.stdout):
            for treffer in treffers(tekst, functioneel):
                yield Vondst(commit, datum, bestand, nummer, treffer.soort, masker(treffer.waarde))
    if proces.returncode:
        raise GitFout(repo)


class GitFout(Exception):
    def __init__(self, repo: Path) -> None:
        super().__init__(f"{repo} is geen git-repository, of git kon de geschiedenis niet lezen. Draai het commando "
                         "in de map van de kennisbank, of geef die map met --bron.")


def verslag(vondsten: list[Vondst]) -> str:
    if not vondsten:
        return "In de hele geschiedenis (alle takken en tags) staat niets dat op een persoonsgegeven lijkt.\n"
    commits = len({v.commit for v in vondsten})
    regels = [str(v) for v in vondsten]
    return "\n".join([
        f"{len(vondsten)} keer iets dat op een persoonsgegeven lijkt, in {commits} commit(s):", *regels, "",
        "Wat u doet: kijk elke plek na (de waarde staat er niet helemaal bij). Is het echt een persoonsgegeven, "
        "haal het dan uit de geschiedenis met git filter-repo en vraag de code-host om zijn kopieën te wissen "
        "(zie de pagina Privacy, docs/privacy.md).",
    ]) + "\n"

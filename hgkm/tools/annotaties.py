"""Findings on the line: GitHub workflow commands (`::error file=…,line=…::`), changed lines first.

Under GitHub Actions (`GITHUB_ACTIONS=true`) `make check` and the quick check print each
finding as a workflow command, so GitHub shows it in "Files changed" on the line it is
about. GitHub shows only 10 errors and 10 warnings per step (and 50 annotations per job),
so the findings on lines this change touched come first, then those in files it touched,
then the rest; the last annotation gives the totals and points to the job summary, which
keeps the full report (`$GITHUB_STEP_SUMMARY`).

The text comes from plan files anyone can propose. It is escaped by the runner's rules
(actions/toolkit `command.ts`: `%`, CR and LF in the message; also `:` and `,` in a
property), invisible characters become their visible marker (hgkm.model.escaping), and
the report printed around the commands runs between `::stop-commands::` and its token,
so no line of a plan can become a workflow command of its own.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from hgkm.model import escaping
from hgkm.model.corpus import Corpus
from hgkm.model.findings import Finding
from hgkm.model.messages import CATALOGUS
from hgkm.rules.context import gemeente_naam
from hgkm.tools.indeling import plannen_per_bestand

#: GitHub shows this many annotations of one kind (error, warning, notice) per step.
PER_STAP = 10
#: Changed lines per file (paths relative to the project); None: no base to compare with.
Gewijzigd = Mapping[str, set[int] | None]

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def actief(environ: Mapping[str, str] | None = None) -> bool:
    """Whether this runs as a step of GitHub Actions."""
    return (environ if environ is not None else os.environ).get("GITHUB_ACTIONS") == "true"


# ------------------------------------------------------------------ escaping


def _zichtbaar(text: str) -> str:
    """No invisible character reaches an annotation raw; a tab is invisible in a web page too."""
    return escaping.zichtbaar(str(text)).replace("\t", escaping.markering("\t"))


def escape_data(text: str) -> str:
    """The runner's escaping of a command's message (toolkit escapeData)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """The runner's escaping of a property value (toolkit escapeProperty)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def data(text: str) -> str:
    """The message of a workflow command: invisible characters as markers, then escaped."""
    return escape_data(_zichtbaar(text))


def eigenschap(text: str) -> str:
    """A property value of a workflow command: invisible characters as markers, then escaped."""
    return escape_property(_zichtbaar(text))


def commando(soort: str, bericht: str, **eigenschappen: object) -> str:
    """One workflow command: `::soort k=v,k=v::bericht`."""
    props = ",".join(f"{k}={eigenschap(str(v))}" for k, v in eigenschappen.items() if v not in (None, ""))
    return f"::{soort}{' ' + props if props else ''}::{data(bericht)}"


# ------------------------------------------------------------------ what changed


def _git(srcdir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=srcdir, capture_output=True,
                          text=True, check=False)


def basis_kandidaten(basis: str | None = None, environ: Mapping[str, str] | None = None) -> list[str]:
    """Where to compare with: the given base, $HGKM_BASIS, the pull request's base branch, main."""
    env = environ if environ is not None else os.environ
    doel = env.get("GITHUB_BASE_REF") or env.get("CI_MERGE_REQUEST_TARGET_BRANCH_NAME") or ""
    kandidaten = [basis, env.get("HGKM_BASIS"), env.get("CI_MERGE_REQUEST_DIFF_BASE_SHA"),
                  f"origin/{doel}" if doel else None, "origin/main", "main"]
    # a value starting with - would read as an option of git
    return [k for k in dict.fromkeys(kandidaten) if k and not k.startswith("-")]


def gewijzigde_regels(srcdir: Path, basis: str | None = None,
                      environ: Mapping[str, str] | None = None) -> dict[str, set[int] | None] | None:
    """The lines this change added or altered, per file relative to `srcdir` (None for a whole new file).

    Compared with the merge base of HEAD and the first base that exists (working tree
    included, and files git does not track yet); None when there is no git or no base.
    """
    for kandidaat in basis_kandidaten(basis, environ):
        mb = _git(srcdir, "merge-base", "HEAD", kandidaat)
        if mb.returncode == 0 and mb.stdout.strip():
            break
    else:
        return None
    diff = _git(srcdir, "diff", "--relative", "--unified=0", "--no-color", "--no-ext-diff", "--no-renames",
                mb.stdout.strip())
    if diff.returncode != 0:
        return None
    return _lees_diff(diff.stdout) | {p: None for p in _git(srcdir, "ls-files", "--others",
                                                             "--exclude-standard").stdout.splitlines() if p}


def _lees_diff(text: str) -> dict[str, set[int] | None]:
    gewijzigd: dict[str, set[int] | None] = {}
    bestand = None
    for line in text.splitlines():
        if line.startswith("+++ "):
            pad = line[4:].strip().strip('"')
            bestand = None if pad == "/dev/null" else pad.removeprefix("b/")
            if bestand is not None:
                gewijzigd.setdefault(bestand, set())
        elif bestand is not None and (hunk := _HUNK.match(line)):
            start, aantal = int(hunk[1]), int(hunk[2] if hunk[2] is not None else 1)
            regels = gewijzigd[bestand]
            if regels is not None:
                regels.update(range(start, start + aantal))
    return gewijzigd


def in_wijziging(f: Finding, gewijzigd: Gewijzigd | None) -> int:
    """0: on a changed line; 1: in a changed file; 2: elsewhere (or nothing to compare with)."""
    if not gewijzigd or f.bestand not in gewijzigd:
        return 2
    regels = gewijzigd[f.bestand]
    return 0 if regels is None or (f.regelnummer or 1) in regels else 1


def volgorde(findings: Iterable[Finding], gewijzigd: Gewijzigd | None) -> list[Finding]:
    """Changed lines first, then changed files, then the rest; blocking before warnings; then by place."""
    return sorted(findings, key=lambda f: (in_wijziging(f, gewijzigd), not f.blokkerend, f.bestand,
                                           f.regelnummer or 0))


# ------------------------------------------------------------------ the annotations


def titel(f: Finding) -> str:
    """The bold line of an annotation: the gemeente and what kind of mistake."""
    soort = CATALOGUS[f.code].titel if f.code in CATALOGUS else f.regel
    waar = f"Gemeente {f.gemeente}" if f.gemeente else "Algemeen"
    return f"{waar} · {soort} [{f.regel}]"


def annotatie(f: Finding) -> str:
    return commando("error" if f.blokkerend else "warning", f"{f.melding}\n{f.oplossing}", title=titel(f),
                    file=f.bestand or None, line=(f.regelnummer or 1) if f.bestand else None)


@dataclass(frozen=True)
class Samenvatting:
    """Where the full report is: the job summary of this run, and what it is called there."""

    url: str = ""
    wat: str = "het rapport in de samenvatting van deze controle (Summary)"

    @classmethod
    def uit_omgeving(cls, environ: Mapping[str, str] | None = None, wat: str | None = None) -> Samenvatting:
        env = environ if environ is not None else os.environ
        url = ""
        if env.get("GITHUB_SERVER_URL") and env.get("GITHUB_REPOSITORY") and env.get("GITHUB_RUN_ID"):
            url = f"{env['GITHUB_SERVER_URL']}/{env['GITHUB_REPOSITORY']}/actions/runs/{env['GITHUB_RUN_ID']}"
        return cls(url, wat) if wat else cls(url)


def annotaties(findings: Iterable[Finding], gewijzigd: Gewijzigd | None = None,
               samenvatting: Samenvatting | None = None, stap: str = "De controle") -> list[str]:
    """The workflow commands for one step: at most 9 errors and 9 warnings, then one with the totals."""
    alle = volgorde(findings, gewijzigd)
    fouten = [f for f in alle if f.blokkerend]
    waarschuwingen = [f for f in alle if not f.blokkerend]
    regels = [annotatie(f) for f in fouten[: PER_STAP - 1]] + [annotatie(f) for f in waarschuwingen[: PER_STAP - 1]]
    samenvatting = samenvatting or Samenvatting()
    op_regels = sum(1 for f in alle if in_wijziging(f, gewijzigd) == 0)
    getoond = min(len(fouten), PER_STAP - 1) + min(len(waarschuwingen), PER_STAP - 1)
    tekst = (f"{stap}: {len(fouten)} blokkerende bevinding(en) en {len(waarschuwingen)} waarschuwing(en)"
             + (f", waarvan {op_regels} op regels die deze wijziging raakt" if gewijzigd else "") + ". "
             + (f"Hier staan er {getoond}, de eerste op de regels die u wijzigde. " if getoond < len(alle) else "")
             + f"Alle bevindingen staan in {samenvatting.wat}"
             + (f": {samenvatting.url}" if samenvatting.url else "") + ".")
    soort = "error" if fouten else "warning" if waarschuwingen else "notice"
    kop = "Niet geslaagd" if fouten else "Geslaagd, met waarschuwingen" if waarschuwingen else "Geslaagd"
    return [*regels, commando(soort, tekst, title=f"{stap}: {kop}")]


def zonder_commandos(tekst: str) -> str:
    """`tekst` for the log of a step, where no line of it can act as a workflow command."""
    token = secrets.token_hex(16)
    return f"::stop-commands::{token}\n{tekst}{'' if tekst.endswith(chr(10)) else chr(10)}::{token}::\n"


def naar_samenvatting(markdown: str, environ: Mapping[str, str] | None = None) -> bool:
    """Append `markdown` to this step's job summary ($GITHUB_STEP_SUMMARY); whether there was one."""
    pad = (environ if environ is not None else os.environ).get("GITHUB_STEP_SUMMARY")
    if not pad:
        return False
    with open(pad, "a", encoding="utf-8") as summary:
        summary.write(markdown if markdown.endswith("\n") else markdown + "\n")
    return True


def geraakte_gemeenten(findings: Iterable[Finding], corpus: Corpus, gewijzigd: Gewijzigd | None) -> set[str] | None:
    """The gemeenten (by name) whose plan files, or findings' files, this change touches; None: none, or no base."""
    if not gewijzigd:
        return None
    plannen = plannen_per_bestand(corpus)
    namen = {gemeente_naam(g) for bestand in gewijzigd for plan in plannen.get(bestand, [])
             for g in corpus.gemeenten_of(plan)}
    namen |= {naam for f in findings if f.bestand in gewijzigd and f.gemeente for naam in f.gemeente.split(", ")}
    return namen or None


def markdown_lijst(kop: str, findings: Iterable[Finding]) -> str:
    """A short Markdown section for the job summary: one line per finding."""
    regels = [f"### {escaping.markdown(kop)}", ""]
    regels += [f"- `{escaping.code(f.plaats)}` **[{f.regel}]** {escaping.markdown(f.melding)} "
               f"{escaping.markdown(f.oplossing)}" for f in findings]
    return "\n".join(regels) + "\n"

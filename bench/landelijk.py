"""Benchmark at national scale: `make bench` (or `python bench/landelijk.py --help`).

Generates a synthetic national corpus (default 342 gemeenten x 25 acties, one plan file
per gemeente under a synthetic regiovisie) twice, in one run:

- into a temporary copy of this knowledge base (our settings, theme and extension);
- into a plain sphinx-needs project with the same needs and default settings
  (alabaster, no hgkm extension, only the types, fields and links of ubproject.toml),
  the baseline every figure is compared with.

It then measures clean builds of both, `python -m hgkm check` after the build, an
incremental build after editing one plan (and checks its HTML equals a clean build's),
the real content's clean build, and the peak memory of each build (all its processes
together). It fails when the synthetic pages show anything else than the reference in
bench/referentie/ (bench/inhoud.py): speed must never cost content. `--fasen` times both
clean builds per phase and per page kind (bench/fasen.py). Timings on a shared machine
are noisy: compare the ratios against the baseline of the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import fasen as fasentabel  # noqa: E402
from bench import inhoud  # noqa: E402
from hgkm.hooks.incremental import differing_pages  # noqa: E402

OPGAVEN = 5
PRINCIPES = 3
TAKEN_GEMEENTE = 7
TAKEN_CENTRUM = 3
#: Every tenth gemeente is a centrumgemeente (the Netherlands has 35 for 342 gemeenten).
CENTRUM_ELKE = 10
PEILDATUM = "2025-06-01"

#: The goals of issue 7.
DOEL_VERHOUDING = 0.5
DOEL_GEHEUGEN_MB = 600
DOEL_CHECK_S = 10
DOEL_ECHT_S = 10


# ---------------------------------------------------------------- the corpus


def _gemeente_id(n: int) -> str:
    return f"GM-NL{n:04d}"


def _centrum(n: int) -> int:
    """The centrumgemeente of gemeente n (1-based): the first of its group of ten."""
    return (n - 1) // CENTRUM_ELKE * CENTRUM_ELKE + 1


def regiovisie_pagina(gemeenten: int) -> str:
    """The synthetic regiovisie with its bron, taken, principes, opgaven and gemeenten."""
    taken = [f"WT-NL-G{i}" for i in range(1, TAKEN_GEMEENTE + 1)]
    taken += [f"WT-NL-C{i}" for i in range(1, TAKEN_CENTRUM + 1)]
    parts = [
        "# Landelijke regiovisie (synthetisch)\n",
        "Een verzonnen regiovisie voor de meting op landelijke schaal.\n",
        ":::{bron} Landelijke regiovisie\n:id: BR-NL\n:organisatie: Benchmark\n:::\n",
        ":::{regiovisie} Landelijke regiovisie 2024-2027\n:id: RV-NL\n:regio: Nederland\n"
        ":start: 2024-01-01\n:eind: 2027-12-31\n"
        f":gemeenten: {', '.join(_gemeente_id(n) for n in range(1, gemeenten + 1))}\n"
        f":taken: {', '.join(taken)}\n:bronnen: BR-NL\n:::\n",
    ]
    for i in range(1, TAKEN_GEMEENTE + 1):
        parts.append(f":::{{taak}} Gemeentetaak {i}\n:id: WT-NL-G{i}\n:niveau: gemeente\n:bronnen: BR-NL\n:::\n")
    for i in range(1, TAKEN_CENTRUM + 1):
        parts.append(
            f":::{{taak}} Centrumtaak {i}\n:id: WT-NL-C{i}\n:niveau: centrumgemeente\n:bronnen: BR-NL\n:::\n"
        )
    for i in range(1, PRINCIPES + 1):
        parts.append(f":::{{principe}} Principe {i}\n:id: LP-NL-{i}\n:regiovisie: RV-NL\n:bronnen: BR-NL\n:::\n")
    for i in range(1, OPGAVEN + 1):
        parts.append(
            f":::{{opgave}} Opgave {i}\n:id: OG-NL-{i}\n:regiovisie: RV-NL\n:bronnen: BR-NL\n\n"
            f"Wat de regio met opgave {i} wil bereiken.\n:::\n"
        )
    parts.append("## Gemeenten\n")
    for n in range(1, gemeenten + 1):
        rol = "centrumgemeente" if _centrum(n) == n else "regiogemeente"
        parts.append(
            f":::{{gemeente}} Gemeente {n}\n:id: {_gemeente_id(n)}\n:rol: {rol}\n"
            f":centrumgemeente: {_gemeente_id(_centrum(n))}\n:bronnen: BR-NL\n:::\n"
        )
    return "\n".join(parts)


def plan_pagina(n: int, acties: int, *, extra_opgave: int | None = None) -> str:
    """The plan of gemeente n: acties that together cover every opgave and taak.

    `extra_opgave` adds one link from the first actie (the edit of the incremental run).
    """
    centrum = _centrum(n) == n
    taken = [f"WT-NL-G{i}" for i in range(1, TAKEN_GEMEENTE + 1)]
    if centrum:
        taken += [f"WT-NL-C{i}" for i in range(1, TAKEN_CENTRUM + 1)]
    plan_id = f"UP-NL{n:04d}"
    parts = [
        f"# Uitvoeringsplan gemeente {n}\n",
        f":::{{plan}} Uitvoeringsplan gemeente {n} 2024-2027\n:id: {plan_id}\n:regiovisie: RV-NL\n"
        f":gemeenten: {_gemeente_id(n)}\n:status: concept\n:bronnen: BR-NL\n\n"
        f"Hoe gemeente {n} de landelijke regiovisie uitvoert.\n:::\n",
    ]
    alle_opgaven = [f"OG-NL-{i}" for i in range(1, OPGAVEN + 1)]
    for a in range(1, acties + 1):
        opgaven = _deel(alle_opgaven, a, acties)
        if a == 1 and extra_opgave is not None:
            opgaven.append(f"OG-NL-{extra_opgave}")
        parts.append(
            f"## Actie {a}\n\n"
            f":::{{actie}} Actie {a} van gemeente {n}\n:id: UA-NL{n:04d}-{a}\n:plan: {plan_id}\n"
            f":opgaven: {', '.join(opgaven)}\n:taken: {', '.join(_deel(taken, a, acties))}\n:principes: LP-NL-{(a - 1) % PRINCIPES + 1}\n"
            f":eigenaar: Gemeente {n}, afdeling Samenleving\n:start: 2024-03-01\n:eind: 2026-12-31\n"
            f":status: lopend\n:bronnen: BR-NL\n\n"
            f"De gemeente werkt met het wijkteam aan deze actie. Zie ook {{need}}`{opgaven[0]}`.\n:::\n"
        )
    return "\n".join(parts)


def _deel(items: list[str], a: int, acties: int) -> list[str]:
    """The items actie a (1-based) of `acties` covers: round robin, so together they cover all."""
    eigen = [item for i, item in enumerate(items) if i % acties == a - 1]
    return eigen or [items[(a - 1) % len(items)]]


def schrijf_corpus(plans_dir: Path, regiovisie: Path, gemeenten: int, acties: int) -> None:
    plans_dir.mkdir(parents=True, exist_ok=True)
    regiovisie.write_text(regiovisie_pagina(gemeenten), encoding="utf-8")
    for n in range(1, gemeenten + 1):
        (plans_dir / f"nl-{n:04d}.md").write_text(plan_pagina(n, acties), encoding="utf-8")


IGNORE = shutil.ignore_patterns(".venv", "_build", ".git", ".pytest_cache", "__pycache__", "bench")


def hgkm_project(dest: Path, gemeenten: int, acties: int) -> Path:
    """A copy of this knowledge base with the synthetic corpus added."""
    shutil.copytree(ROOT, dest, ignore=IGNORE)
    schrijf_corpus(dest / "requirements" / "uitvoeringsplannen", dest / "requirements" / "landelijk.md", gemeenten, acties)
    with (dest / "requirements" / "index.md").open("a", encoding="utf-8") as index:
        index.write("\n```{toctree}\n:maxdepth: 1\n:caption: Landelijk (synthetisch)\n\nlandelijk\n```\n")
    # each synthetic gemeente consents to its own plan (rule instemming): owners and CODEOWNERS lines
    with (dest / ".github" / "eigenaren.toml").open("a", encoding="utf-8") as tabel, \
            (dest / ".github" / "CODEOWNERS").open("a", encoding="utf-8") as codeowners:
        for n in range(1, gemeenten + 1):
            tabel.write(f'{_gemeente_id(n)} = ["@bench/gemeente-{n}"]\n')
            codeowners.write(f"/requirements/uitvoeringsplannen/nl-{n:04d}.md @bench/gemeente-{n}\n")
    return dest


def baseline_toml() -> str:
    """ubproject.toml's types, fields and links; every other setting (layouts too) at sphinx-needs' default."""
    lines = []
    section = ""
    for line in (ROOT / "hgkm" / "ubproject.toml").read_text(encoding="utf-8").splitlines():
        if line.startswith("[[needs.schema_definitions"):
            break
        if line.startswith("["):
            section = line
        if section == "[needs]" and "=" in line and not line.startswith(("id_regex", "id_required")):
            continue
        if section == "[needs.fields.layout]":  # our lighter layouts: not sphinx-needs' default
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


def baseline_project(dest: Path, gemeenten: int, acties: int) -> Path:
    """A plain sphinx-needs project with the same synthetic needs."""
    dest.mkdir(parents=True)
    (dest / "ubproject.toml").write_text(baseline_toml(), encoding="utf-8")
    (dest / "conf.py").write_text(
        'project = "baseline"\n'
        'extensions = ["myst_parser", "sphinx_needs"]\n'
        'source_suffix = {".md": "markdown"}\n'
        'myst_enable_extensions = ["colon_fence"]\n'
        'needs_from_toml = "ubproject.toml"\n'
        'exclude_patterns = ["_build"]\n',
        encoding="utf-8",
    )
    (dest / "index.md").write_text(
        "# Baseline\n\n```{toctree}\n:glob:\n\nlandelijk\nuitvoeringsplannen/*\n```\n", encoding="utf-8"
    )
    schrijf_corpus(dest / "uitvoeringsplannen", dest / "landelijk.md", gemeenten, acties)
    return dest


# ---------------------------------------------------------------- measuring


@dataclass
class Meting:
    seconden: float
    geheugen_mb: float
    returncode: int
    log: str


def _boom(pid: int) -> list[int]:
    """pid and all its descendants (Linux /proc)."""
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        for task in Path(f"/proc/{p}/task").glob("*/children"):
            try:
                todo += [int(c) for c in task.read_text().split()]
            except OSError:
                pass
    return pids


def _pss_kb(pids: list[int]) -> int:
    """The proportional set size of these processes together: shared pages counted once."""
    totaal = 0
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    totaal += int(line.split()[1])
                    break
        except OSError:
            pass  # the process ended meanwhile
    return totaal


def meet(cmd: list[str], cwd: Path) -> Meting:
    """Run `cmd`, returning its wall time and the peak memory of that process tree.

    The peak is the larger of the biggest single process (ru_maxrss) and the most that all
    processes of the build held together (their PSS, sampled every 0.2 s): with `-j`, write
    processes run beside the main one and each holds memory of its own.
    """
    env = {**os.environ, "PYTHONPATH": str(cwd), "HGKM_PEILDATUM": PEILDATUM}
    piek_kb = [0]
    with tempfile.TemporaryFile("w+") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=env, text=True)
        klaar = threading.Event()

        def bemonster() -> None:
            while not klaar.wait(0.2):
                piek_kb[0] = max(piek_kb[0], _pss_kb(_boom(proc.pid)))

        sampler = threading.Thread(target=bemonster, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconden = time.perf_counter() - start
        klaar.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        text = log.read()
    return Meting(seconden, max(usage.ru_maxrss, piek_kb[0]) / 1024, proc.returncode, text)


def sphinx(src: Path, *extra: str, strict: bool = True, out: Path | None = None, fasen: Path | None = None) -> list[str]:
    """The sphinx-build command of `make html` (strict: -W --keep-going).

    With `fasen`, the build runs under bench/fasen.py, which writes its time per phase there.
    """
    options = ["-W", "--keep-going"] if strict else []
    out = out or src / "_build" / "html"
    runner = [str(ROOT / "bench" / "fasen.py"), str(fasen)] if fasen else ["-m", "sphinx"]
    return [sys.executable, *runner, "-b", "html", "-q", *options, *extra, str(src), str(out)]


def verplicht(meting: Meting, wat: str) -> Meting:
    if meting.returncode != 0:
        sys.exit(f"{wat} mislukte (code {meting.returncode}):\n" + "\n".join(meting.log.splitlines()[-25:]))
    return meting


def bewerk_plan(project: Path, plans: str, acties: int) -> None:
    """The edit of the incremental run: plan 1's first actie also works on opgave 2."""
    (project / plans / "nl-0001.md").write_text(plan_pagina(1, acties, extra_opgave=2), encoding="utf-8")


def regel(naam: str, waarde: str, toelichting: str = "") -> None:
    print(f"  {naam:<44} {waarde:>12}  {toelichting}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Meet de bouw van de kennisbank op landelijke schaal.")
    parser.add_argument("--gemeenten", type=int, default=342, help="aantal gemeenten (standaard 342; snel: 40)")
    parser.add_argument("--acties", type=int, default=25, help="acties per plan (standaard 25)")
    parser.add_argument("--snel", action="store_true", help="korte meting: 40 gemeenten")
    parser.add_argument("--geen-baseline", action="store_true", help="sla de kale sphinx-needs-bouw over")
    parser.add_argument("--bewaar", help="bewaar de gegenereerde projecten in deze map")
    parser.add_argument("--alleen-schoon", action="store_true",
                        help="meet alleen de schone bouw (en de baseline): sneller bij het zoeken naar winst")
    parser.add_argument("--fasen", action="store_true",
                        help="meet de schone bouw per fase en per soort pagina (bench/fasen.py; zonder -j)")
    parser.add_argument("--nieuwe-referentie", action="store_true",
                        help="bewaar wat de site nu toont als referentie (bench/referentie/), als een wijziging dat bedoelt")
    parser.add_argument("-j", dest="jobs", help="doorgeven aan sphinx-build -j (bijvoorbeeld 2 of auto)")
    args = parser.parse_args(argv)
    gemeenten = 40 if args.snel else args.gemeenten
    extra = ["-j", args.jobs] if args.jobs else []

    work = Path(args.bewaar) if args.bewaar else Path(tempfile.mkdtemp(prefix="hgkm-bench-"))
    if args.bewaar and work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    try:
        print(f"Landelijke meting: {gemeenten} gemeenten x {args.acties} acties "
              f"({gemeenten * (args.acties + 2) + 21} items), map {work}")
        hgkm = hgkm_project(work / "hgkm", gemeenten, args.acties)
        echt_bron = work / "echt"
        shutil.copytree(ROOT, echt_bron, ignore=IGNORE)
        echt = verplicht(meet(sphinx(echt_bron), echt_bron), "De bouw van de echte inhoud")
        basis = None
        if not args.geen_baseline:
            base = baseline_project(work / "baseline", gemeenten, args.acties)
            fasen_basis = work / "fasen-baseline.json" if args.fasen else None
            basis = verplicht(meet(sphinx(base, *extra, strict=False, fasen=fasen_basis), base), "De baseline-bouw")
        fasen_hgkm = work / "fasen-kennisbank.json" if args.fasen else None
        schoon = verplicht(meet(sphinx(hgkm, *extra, fasen=fasen_hgkm), hgkm), "De schone bouw")
        if args.fasen:
            fasentabel.print_tabellen(fasen_basis if basis else None, fasen_hgkm)
        inhoud_anders = _inhoud(hgkm / "_build" / "html", gemeenten, args.acties, args.nieuwe_referentie)
        if args.alleen_schoon:
            print("\nUitkomst (doel tussen haakjes):")
            _schone_bouw(basis, schoon)
            return 1 if inhoud_anders else 0
        check = meet([sys.executable, "-m", "hgkm", "check", "--bron", str(hgkm), "--peildatum", PEILDATUM], hgkm)
        if check.returncode not in (0, 1):
            verplicht(check, "python -m hgkm check")

        bewerk_plan(hgkm, "requirements/uitvoeringsplannen", args.acties)
        incrementeel = verplicht(meet(sphinx(hgkm, *extra), hgkm), "De incrementele bouw")
        vergelijk = work / "hgkm-schoon"
        shutil.copytree(hgkm, vergelijk, ignore=shutil.ignore_patterns("_build"))
        verplicht(meet(sphinx(vergelijk, *extra), vergelijk), "De schone bouw na de bewerking")
        anders = differing_pages(hgkm / "_build" / "html", vergelijk / "_build" / "html")

        print("\nUitkomst (doel tussen haakjes):")
        _schone_bouw(basis, schoon)
        regel("python -m hgkm check na de bouw", f"{check.seconden:.1f} s",
              f"(<= {DOEL_CHECK_S} s) {_ok(check.seconden <= DOEL_CHECK_S)}")
        regel("echte inhoud, schone bouw", f"{echt.seconden:.1f} s",
              f"(<= {DOEL_ECHT_S} s) {_ok(echt.seconden <= DOEL_ECHT_S)}")
        deel = incrementeel.seconden / schoon.seconden
        regel("incrementeel na 1 bewerkt plan", f"{incrementeel.seconden:.1f} s",
              f"{deel:.2f}x schone bouw {_ok(deel < 0.5)}")
        regel("  pagina's anders dan een schone bouw", str(len(anders)), f"(0) {_ok(not anders)}")
        for page in anders[:10]:
            print(f"      {page}")
        return 0 if not anders and not inhoud_anders else 1
    finally:
        if not args.bewaar:
            shutil.rmtree(work, ignore_errors=True)


def _inhoud(html: Path, gemeenten: int, acties: int, nieuw: bool) -> list[str]:
    """Compare what the site shows with the reference; loudly, since speed must not cost content."""
    if nieuw:
        print(f"\nNieuwe referentie bewaard: {inhoud.bewaar(html, gemeenten, acties)}")
        return []
    anders = inhoud.vergelijk(html, gemeenten, acties)
    if anders is None:
        print(f"\nGeen referentie voor {gemeenten} x {acties}: de inhoud is niet vergeleken "
              "(maak er een met --nieuwe-referentie).")
        return []
    if anders:
        print(f"\nFOUT: {len(anders)} pagina's of bestanden tonen iets anders dan de referentie "
              f"({inhoud.referentie(gemeenten, acties).name}):")
        for pagina in anders[:20]:
            print(f"      {pagina}")
        print("  Is dat de bedoeling, bouw dan opnieuw met --nieuwe-referentie en laat de wijziging reviewen.")
    else:
        # the reference lists the same pages: no second pass over the site to count them
        aantal = len(json.loads(inhoud.referentie(gemeenten, acties).read_text(encoding="utf-8")))
        print(f"\nInhoud gelijk aan de referentie: {aantal} pagina's en bestanden.")
    return anders


def _schone_bouw(basis: Meting | None, schoon: Meting) -> None:
    if basis:
        regel("kale sphinx-needs (baseline), schone bouw", f"{basis.seconden:.1f} s", f"{basis.geheugen_mb:.0f} MB")
        ratio = schoon.seconden / basis.seconden
        regel("kennisbank, schone bouw", f"{schoon.seconden:.1f} s",
              f"{ratio:.2f}x baseline (<= {DOEL_VERHOUDING}x) {_ok(ratio <= DOEL_VERHOUDING)}")
    else:
        regel("kennisbank, schone bouw", f"{schoon.seconden:.1f} s")
    regel("kennisbank, piekgeheugen", f"{schoon.geheugen_mb:.0f} MB",
          f"(<= {DOEL_GEHEUGEN_MB} MB) {_ok(schoon.geheugen_mb <= DOEL_GEHEUGEN_MB)}")


def _ok(goed: bool) -> str:
    return "gehaald" if goed else "NIET gehaald"


if __name__ == "__main__":
    sys.exit(main())

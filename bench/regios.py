"""Benchmark of the national overview: `python bench/regios.py [--regios 35 --gemeenten 10 --acties 25]`.

Generates R synthetic regions (each its own regiovisie with 5 opgaven, G gemeenten with a
plan of A acties, the national wettelijke taken shared) and measures, in one run:

- the baseline: all regions built as one knowledge base (this engine, a clean build);
- the national overview (`make landelijk`) built from the regions' needs.json files,
  split out of that one build so both hold exactly the same needs.

It prints both times, the ratio overview / one site, and the peak memory of each build.
Timings on a shared machine are noisy: read the ratio, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PEILDATUM = "2025-06-01"
OPGAVEN = 5
TAKEN = [("WT-GEM-1", "Opvang voor slachtoffers en hulp aan alle betrokkenen organiseren"),
         ("WT-GEM-2", "Advies en meldpunt: Veilig Thuis")]


def regio_pagina(r: int, gemeenten: int) -> str:
    p = f"R{r}"
    delen = [f"# Regio {r}\n", f":::{{bron}} Regiovisie regio {r}\n:id: BR-{p}\n:organisatie: Regio {r}\n:::\n",
             f":::{{regiovisie}} Regiovisie regio {r} 2024-2027\n:id: RV-{p}\n:regio: Regio {r}\n:start: 2024-01-01\n"
             f":eind: 2027-12-31\n:gemeenten: {', '.join(f'GM-{p}-{g}' for g in range(1, gemeenten + 1))}\n"
             f":taken: {', '.join(t for t, _ in TAKEN)}\n:bronnen: BR-{p}\n:::\n"]
    if r == 1:  # the national taken: once in the one site, in every region's own needs.json
        delen += [f":::{{taak}} {titel}\n:id: {t}\n:niveau: gemeente\n:bronnen: BR-{p}\n:::\n" for t, titel in TAKEN]
    delen += [f":::{{opgave}} Opgave {o} van regio {r}\n:id: OG-{p}-{o}\n:regiovisie: RV-{p}\n:bronnen: BR-{p}\n\n"
              f"Wat regio {r} met opgave {o} wil bereiken.\n:::\n" for o in range(1, OPGAVEN + 1)]
    delen += [f":::{{gemeente}} Gemeente {g} van regio {r}\n:id: GM-{p}-{g}\n"
              f":rol: {'centrumgemeente' if g == 1 else 'regiogemeente'}\n:centrumgemeente: GM-{p}-1\n:bronnen: BR-{p}\n:::\n"
              for g in range(1, gemeenten + 1)]
    return "\n".join(delen)


def plan_pagina(r: int, g: int, acties: int) -> str:
    p, plan = f"R{r}", f"UP-R{r}-{g}"
    delen = [f"# Plan {g} van regio {r}\n", f":::{{plan}} Plan gemeente {g} van regio {r}\n:id: {plan}\n:regiovisie: RV-{p}\n"
             f":gemeenten: GM-{p}-{g}\n:status: concept\n:::\n"]
    for a in range(1, acties + 1):
        delen.append(f":::{{actie}} Actie {a}\n:id: UA-{p}-{g}-{a}\n:plan: {plan}\n:opgaven: OG-{p}-{(a - 1) % OPGAVEN + 1}\n"
                     f":taken: {TAKEN[(a - 1) % len(TAKEN)][0]}\n:eigenaar: Gemeente {g}\n:start: 2024-03-01\n"
                     f":eind: 2026-12-31\n:status: lopend\n\nDe gemeente werkt aan deze actie.\n:::\n")
    return "\n".join(delen)


def schrijf(src: Path, regios: int, gemeenten: int, acties: int) -> None:
    (src / "requirements" / "uitvoeringsplannen").mkdir(parents=True)
    (src / "conf.py").write_text('from hgkm.settings import sphinx_settings\n\nglobals().update(sphinx_settings())\n'
                                 'project = "Alle regio\'s (synthetisch)"\n', encoding="utf-8")
    (src / "index.md").write_text("# Alle regio's\n\n```{toctree}\n:glob:\n\nrequirements/*\n"
                                  "requirements/uitvoeringsplannen/*\n```\n", encoding="utf-8")
    for r in range(1, regios + 1):
        (src / "requirements" / f"regio-{r}.md").write_text(regio_pagina(r, gemeenten), encoding="utf-8")
        for g in range(1, gemeenten + 1):
            (src / "requirements" / "uitvoeringsplannen" / f"r{r}-{g}.md").write_text(plan_pagina(r, g, acties), encoding="utf-8")


def splits(needs_json: Path, regios: int, uit: Path) -> list[Path]:
    """One needs.json per region, out of the one site's: its own needs plus the national taken."""
    data = json.loads(needs_json.read_text(encoding="utf-8"))
    needs = data["versions"][data["current_version"]]["needs"]
    paden = []
    for r in range(1, regios + 1):
        eigen = {k: v for k, v in needs.items() if k.startswith("WT-") or f"-R{r}-" in k or k.endswith(f"-R{r}")}
        kopie = {**data, "versions": {data["current_version"]: {"needs": eigen}}}
        pad = uit / f"regio-{r}.json"
        pad.write_text(json.dumps(kopie), encoding="utf-8")
        paden.append(pad)
    return paden


def gemeten(code: str) -> tuple[float, float]:
    """Run `code` in a fresh Python; its time and the peak memory (MB) of the build it starts."""
    wrapper = (f"import resource, time\nt = time.perf_counter()\n{code}\n"
               "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    proc = subprocess.run([sys.executable, "-c", wrapper], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "HGKM_PEILDATUM": PEILDATUM}, check=True)
    tijd, mb = proc.stdout.split()[-2:]
    return float(tijd), float(mb)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--regios", type=int, default=35)
    parser.add_argument("--gemeenten", type=int, default=10)
    parser.add_argument("--acties", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "alle"
        schrijf(src, args.regios, args.gemeenten, args.acties)
        een, een_mb = gemeten(f"from hgkm.tools.build import build; from pathlib import Path\n"
                              f"r = build(Path({str(src)!r}), Path({tmp!r}) / 'html')\nassert r.returncode == 0, r.log[-2000:]")
        delen = Path(tmp) / "regios"
        delen.mkdir()
        paden = [str(p) for p in splits(Path(tmp) / "html" / "needs.json", args.regios, delen)]
        land, land_mb = gemeten(f"from hgkm.tools.landelijk import landelijk; from pathlib import Path; from datetime import date\n"
                                f"r = landelijk({paden!r}, Path({tmp!r}) / 'landelijk', date.fromisoformat({PEILDATUM!r}))\n"
                                "assert r.returncode == 0, r.log[-2000:]")
        acties = args.regios * args.gemeenten * args.acties
        print(f"{args.regios} regio's x {args.gemeenten} gemeenten x {args.acties} acties = {acties} acties")
        print(f"een site met alle regio's (basislijn): {een:6.1f} s, piek {een_mb:5.0f} MB")
        print(f"landelijk overzicht uit needs.json:    {land:6.1f} s, piek {land_mb:5.0f} MB "
              f"({land / een:.2f}x de tijd, {land_mb / een_mb:.2f}x het geheugen)")
        shutil.rmtree(src, ignore_errors=True)


if __name__ == "__main__":
    main()

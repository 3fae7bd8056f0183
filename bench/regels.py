"""Benchmark of the rules: load a synthetic needs.json of ~10,000 needs and evaluate.

Run with `make bench-regels` (or `python bench/regels.py`). It writes a synthetic
build output folder (needs.json in sphinx-needs' format) to a temporary folder:
25 regiovisies, 342 gemeenten with one plan each plus subregional plans, 25 acties
per plan and some uitzonderingen. It then times

- the baseline: a plain `json.load` of the same file,
- loading: `Corpus.from_outdir`,
- `registry.evaluate` (and each rule on its own),

and prints the figures with their ratio to the baseline. Goal: loading plus
evaluation under 1 s.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hgkm.rules import registry  # noqa: E402
from hgkm.model.corpus import Corpus  # noqa: E402

PEILDATUM = date(2025, 6, 1)
GOAL_SECONDS = 1.0


def _need(need_id: str, need_type: str, title: str, docname: str, **fields) -> dict:
    return {
        "id": need_id,
        "type": need_type,
        "title": title,
        "docname": docname,
        "doctype": ".md",
        "lineno": 1,
        "status": fields.pop("status", None),
        "tags": fields.pop("tags", []),
        **fields,
    }


def synthetic_needs(
    gemeenten: int = 342, regios: int = 25, acties_per_plan: int = 25, seed: int = 20250601
) -> dict[str, dict]:
    """A realistic, deterministic corpus: some plans complete, some with gaps and errors."""
    rnd = random.Random(seed)
    needs: dict[str, dict] = {}

    def add(need: dict) -> None:
        needs[need["id"]] = need

    add(_need("BR-BENCH", "bron", "Bron", "bronnen", organisatie="Benchmark"))
    taken = [f"WT-GEM-{i}" for i in range(1, 11)] + [f"WT-CG-{i}" for i in range(1, 6)]
    for t in taken:
        add(_need(t, "taak", t, "taken", niveau="gemeente" if "GEM" in t else "centrumgemeente", bronnen=["BR-BENCH"]))
    per_regio = [list(range(r, gemeenten, regios)) for r in range(regios)]
    for r, leden in enumerate(per_regio):
        rv = f"RV-R{r}"
        gm_ids = [f"GM-G{g}" for g in leden]
        add(
            _need(
                rv, "regiovisie", f"Regiovisie {r}", f"regio{r}/visie", regio=f"Regio {r}", start="2024-01-01",
                eind="2027-12-31", gemeenten=gm_ids, taken=rnd.sample(taken, 12), bronnen=["BR-BENCH"],
            )
        )
        for i in range(1, 6):
            add(_need(f"OG-R{r}-{i}", "opgave", f"Opgave {i}", f"regio{r}/visie", regiovisie=[rv], bronnen=["BR-BENCH"]))
        for i in range(1, 4):
            add(_need(f"LP-R{r}-{i}", "principe", f"Principe {i}", f"regio{r}/visie", regiovisie=[rv], bronnen=["BR-BENCH"]))
        for j, g in enumerate(leden):
            rol = "centrumgemeente" if j == 0 else "regiogemeente"
            add(_need(f"GM-G{g}", "gemeente", f"Gemeente {g}", "gemeenten", rol=rol, bronnen=["BR-BENCH"]))
        # every gemeente its own plan, plus one subregional plan per regio
        plannen = [(f"UP-G{g}", [f"GM-G{g}"]) for g in leden] + [(f"UP-SUB{r}", gm_ids[:3])]
        for plan_id, plan_gemeenten in plannen:
            doc = f"plannen/{plan_id.lower()}"
            vastgesteld = rnd.random() < 0.5
            add(
                _need(
                    plan_id, "plan", f"Plan {plan_id}", doc, status="vastgesteld" if vastgesteld else "concept",
                    regiovisie=[rv], gemeenten=plan_gemeenten, bronnen=["BR-BENCH"] if vastgesteld else [],
                    vastgesteld_op="2024-03-12" if vastgesteld else None,
                )
            )
            items = [f"OG-R{r}-{i}" for i in range(1, 6)] + taken
            for a in range(1, acties_per_plan + 1):
                add(
                    _need(
                        f"UA-{plan_id[3:]}-{a}", "actie", f"Actie {a}", doc,
                        status=rnd.choice(["gepland", "lopend", "lopend", "afgerond", "vervallen"]), plan=[plan_id],
                        opgaven=[i for i in rnd.sample(items, 2) if i.startswith("OG-")],
                        taken=[i for i in rnd.sample(items, 1) if i.startswith("WT-")],
                        principes=rnd.sample([f"LP-R{r}-{i}" for i in range(1, 4)], rnd.choice([0, 1, 1, 1, 2])),
                        eigenaar="Afdeling", start="2023-06-01" if rnd.random() < 0.02 else "2024-02-01",
                        eind="2024-01-01" if rnd.random() < 0.02 else "2025-12-31",
                    )
                )
            if rnd.random() < 0.8:
                add(
                    _need(
                        f"UZ-{plan_id[3:]}-1", "uitzondering", "Uitzondering", doc, plan=[plan_id],
                        betreft=[rnd.choice(items)], motivering="De regio pakt dit centraal op.",
                        besluit="Collegebesluit 12 maart 2024, kenmerk 2024-17",
                        geldig_tot=rnd.choice(["2025-01-01", "2026-12-31"]),
                    )
                )
    return needs


def write_outdir(outdir: Path, needs: dict[str, dict]) -> Path:
    data = {"current_version": "2024-2027", "versions": {"2024-2027": {"needs": needs}}}
    path = outdir / "needs.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def timed(func: Callable[[], object], runs: int) -> tuple[float, object]:
    """Median wall time over `runs` runs, and the last result.

    Each run starts from a collected heap (as a fresh `make check` process does), so
    the garbage of earlier runs does not bill later ones with a full collection.
    """
    times, result = [], None
    for _ in range(runs):
        result = None
        gc.collect()
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median is reported)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        outdir = Path(tmp)
        needs = synthetic_needs()
        path = write_outdir(outdir, needs)
        print(f"needs.json: {len(needs)} needs, {path.stat().st_size / 1e6:.1f} MB")
        del needs  # measure with a heap like a fresh process's

        baseline, _ = timed(lambda: json.loads(path.read_text(encoding="utf-8")), args.runs)
        totaal, _ = timed(lambda: registry.evaluate(Corpus.from_outdir(outdir), PEILDATUM), args.runs)
        laden, corpus = timed(lambda: Corpus.from_outdir(outdir), args.runs)
        evalueren, findings = timed(lambda: registry.evaluate(corpus, PEILDATUM), args.runs)  # type: ignore[arg-type]

        print(f"{'baseline json.load':<32}{baseline * 1000:8.1f} ms   1.0x")
        for naam, t in (("laden (Corpus.from_outdir)", laden), ("registry.evaluate", evalueren), ("laden + evaluate", totaal)):
            print(f"{naam:<32}{t * 1000:8.1f} ms  {t / baseline:4.1f}x")
        print(f"{len(findings)} bevindingen")  # type: ignore[arg-type]

        print("per regel (elk met een eigen context, dus de dekking-regels incl. de matrix):")
        for name, rule in registry.RULES.items():
            ctx = registry.Context(corpus, PEILDATUM)  # type: ignore[arg-type]
            t, _ = timed(lambda rule=rule, ctx=ctx: list(rule(ctx)), 1)
            print(f"  {name:<30}{t * 1000:8.1f} ms")

    verdict = "gehaald" if totaal < GOAL_SECONDS else "NIET gehaald"
    print(f"Doel: laden + evaluate onder {GOAL_SECONDS:.0f} s: {verdict} ({totaal:.2f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())

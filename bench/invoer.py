"""Benchmark of the source scans on hostile lines: check time against input size.

Run with `make bench-invoer` (or `python bench/invoer.py`). The text scans that `make check`
and `make html` run on every content file (hgkm.sources.trust.bezwaren, sanitize.findings,
sanitize.ontsmet and item_count.findings with its block scan) once took time that grew with
the square (or cube) of a line's length: a 60 KB line made `make check` take 77 s. This
script times those scans on a plan file that holds one hostile line of 8, 16, 32, 64 and
128 KB, and on a normal plan of the same size (the real plan of Vlaardingen, repeated).

For each case and size it prints the time, the ratio to the normal plan of that size
(measured in the same run), and the growth factor per doubling of the size: about 2 is
linear, 4 quadratic, 8 cubic. Goal: every hostile case grows linearly and stays within a
small factor of normal content.

    python bench/invoer.py                       # all cases, 8 to 128 KB
    python bench/invoer.py --kb 8 16 32          # other sizes
    python bench/invoer.py --budget 5            # skip a case's larger sizes once one takes > 5 s
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hgkm.sources import item_count, sanitize, trust  # noqa: E402

BESTAND = "requirements/uitvoeringsplannen/bench.md"
PLAN = ROOT / "requirements" / "uitvoeringsplannen" / "vlaardingen-2022.md"

#: name -> (what it is, the hostile line of about n characters)
VIJANDIG: dict[str, tuple[str, Callable[[int], str]]] = {
    "opener-spaties": ("::: gevolgd door spaties en tekst", lambda n: ":::{note} a" + " " * n + "b"),
    "optie-spaties": (":id: gevolgd door spaties en tekst", lambda n: ":id: a" + " " * n + "b"),
    "haken": ("een reeks [", lambda n: "[" * n),
    "lege-links": ("[]( herhaald, zonder )", lambda n: "[](" * (n // 3)),
    "beeld-doel": ("![](< herhaald", lambda n: "![](<" * (n // 5)),
    "script-link": ("[ met ](data: herhaald, zonder )", lambda n: "[a](data:" * (n // 9)),
    "variant": ("<< zonder >> in een titel", lambda n: ":::{actie} Titel " + "<<" * (n // 2)),
    "html": ("<a  herhaald", lambda n: "<a " * (n // 3)),
    "backticks": ("een reeks `", lambda n: "`" * n),
}


def normaal(n: int) -> str:
    """A real plan, repeated until it is n characters long."""
    tekst = PLAN.read_text(encoding="utf-8")
    return (tekst * (n // len(tekst) + 1))[:n]


def vijandig(maak: Callable[[int], str], n: int) -> str:
    """A short plan with one hostile line of about n characters, among an actie's options."""
    return "# Plan\n\n:::{actie} Titel\n:id: UA-BENCH-1\n" + maak(n) + "\n\nTekst.\n:::\n"


def scan(text: str) -> None:
    """What `make check` runs on the text of one content file."""
    trust.bezwaren(BESTAND, text)
    list(sanitize.findings(BESTAND, text))
    sanitize.ontsmet(text)
    list(item_count.findings({BESTAND: text}, []))


def meet(text: str, herhaal: int = 3) -> float:
    """The fastest of `herhaal` runs, in seconds."""
    best = float("inf")
    for _ in range(herhaal):
        start = time.perf_counter()
        scan(text)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, nargs="+", default=[8, 16, 32, 64, 128], help="sizes in KB")
    parser.add_argument("--budget", type=float, default=20.0,
                        help="seconds: a case that takes longer at one size skips its larger sizes")
    args = parser.parse_args(argv)
    groottes = sorted(args.kb)

    basis = {kb: meet(normaal(kb * 1024)) for kb in groottes}
    print(f"Bronscan (trust + sanitize + item_count) per regelgrootte; {len(groottes)} groottes\n")
    kop = "".join(f"{kb:>9} KB" for kb in groottes)
    print(f"{'geval':<16}{kop}   groei per verdubbeling")
    print(f"{'normaal plan':<16}" + "".join(f"{basis[kb] * 1000:>9.1f}ms" for kb in groottes)
          + f"   {_groei([basis[kb] for kb in groottes], groottes)}")
    slechtste = 0.0
    for naam, (_, maak) in VIJANDIG.items():
        tijden: list[float] = []
        for kb in groottes:
            if tijden and tijden[-1] > args.budget:
                break
            tijden.append(meet(vijandig(maak, kb * 1024), herhaal=1 if tijden and tijden[-1] > 1 else 3))
        cellen = "".join(f"{t / basis[kb]:>10.2f}x" for kb, t in zip(groottes, tijden))
        cellen += "".join(f"{'-':>11}" for _ in groottes[len(tijden):])  # skipped: over the budget
        slechtste = max(slechtste, *(t / basis[kb] for kb, t in zip(groottes, tijden)))
        print(f"{naam:<16}{cellen}   {_groei(tijden, groottes)}")
    print("\nVijandige gevallen als veelvoud van een normaal plan van dezelfde grootte; groei per verdubbeling:"
          " ~2 is lineair, ~4 kwadratisch, ~8 kubisch; - : overgeslagen (de vorige grootte duurde langer dan --budget).")
    print(f"Traagste geval: {slechtste:.1f}x een normaal plan.")
    for naam, (wat, _) in VIJANDIG.items():
        print(f"  {naam:<16}{wat}")
    return 0


def _groei(tijden: list[float], groottes: list[int]) -> str:
    """The mean growth factor of the time per doubling of the size."""
    paren = [(t2 / t1) ** (1 / math.log2(g2 / g1))
             for (t1, g1), (t2, g2) in zip(zip(tijden, groottes), zip(tijden[1:], groottes[1:]))
             if t1 > 0 and g2 > g1]
    return f"x{sum(paren) / len(paren):.1f}" if paren else "-"


if __name__ == "__main__":
    sys.exit(main())

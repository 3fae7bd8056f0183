"""`python -m hgkm.tools.eigenaren`: the CODEOWNERS lines the plans need (consent per gemeente).

For every plan file, the line that makes one owner of each gemeente the file's plans count for
(.github/eigenaren.toml) a code owner of it, keeping the owners it has. A line CODEOWNERS does
not give yet is marked; the exit status is 1 then, so that CI or a maintainer sees it. The
check itself is the rule `instemming` (hgkm.rules.instemming) in `make check`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hgkm import ROOT
from hgkm.model.corpus import Corpus
from hgkm.model.eigenaren import TABEL, Instemming, TabelFout
from hgkm.tools.build import BouwFout, corpus_van


def verwacht(corpus: Corpus, model: Instemming) -> list[tuple[str, str, list[str]]]:
    """Per plan file: the CODEOWNERS line it needs, whether CODEOWNERS gives it (""/"ontbreekt"),
    and the gemeenten without owners in the table."""
    per_bestand: dict[str, list[str]] = {}
    for plan in corpus.of_type("plan"):
        if plan.bestand:
            per_bestand.setdefault(plan.bestand, []).extend(plan.link("gemeenten"))
    uit = []
    for bestand, gemeenten in sorted(per_bestand.items()):
        gemeenten = list(dict.fromkeys(g for g in gemeenten if corpus.first([g], "gemeente")))
        zonder = [g for g in gemeenten if not model.eigenaren.get(g)]
        ontbreekt = any(not model.stemt_in(g, bestand) for g in gemeenten if g not in zonder)
        uit.append((model.regel_voor(bestand, gemeenten), "ontbreekt" if ontbreekt else "", zonder))
    return uit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hgkm.tools.eigenaren",
                                     description="De regels die CODEOWNERS nodig heeft: per planbestand de "
                                                 "eigenaren van elke gemeente waarvoor het plan telt.")
    parser.add_argument("--bron", default=str(ROOT), help="map met conf.py (standaard: deze kennisbank)")
    parser.add_argument("--uit", help="bouwmap (standaard: <bron>/_build/html)")
    args = parser.parse_args(argv)
    srcdir = Path(args.bron).resolve()
    try:
        model = Instemming.van(srcdir)
        if model is None:
            print(f"Er is geen {TABEL}: deze kennisbank legt niet vast wie namens elke gemeente instemt.",
                  file=sys.stderr)
            return 2
        corpus = corpus_van(srcdir, Path(args.uit).resolve() if args.uit else srcdir / "_build" / "html",
                            "is niet te zeggen welke plannen er zijn", hergebruik=True)
    except (TabelFout, BouwFout) as fout:
        print(fout, file=sys.stderr)
        return 2
    regels = verwacht(corpus, model)
    print(f"# Per uitvoeringsplan: de eigenaren van elke gemeente waarvoor het telt ({TABEL}).")
    for regel, ontbreekt, zonder in regels:
        if zonder:
            print(f"# {', '.join(zonder)}: niet in {TABEL}; zet daar eerst wie namens die gemeente instemt.")
        print(regel + ("    # nog niet zo in CODEOWNERS" if ontbreekt else ""))
    if any(ontbreekt or zonder for _, ontbreekt, zonder in regels):
        print(f"\nNiet elke gemeente beheert het bestand van een plan dat voor haar telt. Zet de gemarkeerde "
              f"regels in {model.codeowners_pad or '.github/CODEOWNERS'} (onderaan: de laatste regel die past, "
              "telt).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

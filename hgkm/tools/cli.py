"""Command line: `python -m hgkm check` builds the current sources and runs the rules."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from hgkm import ROOT
from hgkm.tools.build import BouwFout, corpus_van
from hgkm.model.corpus import peildatum
from hgkm.tools import annotaties
from hgkm.tools.report import Uitkomst, as_json, markdown, text
from hgkm.tools.sarif import codequality, sarif

FORMATS = {
    "text": text, "markdown": markdown, "json": as_json,
    "sarif": lambda u: sarif(u.findings, str(u.peildatum)), "codequality": lambda u: codequality(u.findings),
}
#: Reports written beside the chosen one: option, environment variable (e.g. for `make check`), format.
NAAST = (("sarif", "HGKM_SARIF", "sarif"), ("codequality", "HGKM_CODEQUALITY", "codequality"))


def _check(args: argparse.Namespace) -> int:
    try:
        datum = peildatum(args.peildatum)
    except ValueError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    srcdir = Path(args.bron).resolve()
    outdir = Path(args.uit).resolve() if args.uit else srcdir / "_build" / "html"
    try:
        corpus = corpus_van(srcdir, outdir, "valt er niets te controleren", hergebruik=True)
    except BouwFout as exc:
        print(exc, file=sys.stderr)
        return 2
    uitkomst = Uitkomst.van(corpus, datum, srcdir)
    github = annotaties.actief()
    gewijzigd = None if args.alles else annotaties.gewijzigde_regels(srcdir, args.basis)
    if args.format == "text":
        rendered = text(uitkomst, voorop=annotaties.geraakte_gemeenten(uitkomst.findings, corpus, gewijzigd))
    else:
        rendered = FORMATS[args.format](uitkomst)
    for optie, variabele, vorm in NAAST:
        if pad := getattr(args, optie) or os.environ.get(variabele):
            Path(pad).write_text(FORMATS[vorm](uitkomst), encoding="utf-8")
    if args.output:
        Path(args.output).write_text(rendered, encoding="utf-8")
    elif github:
        sys.stdout.write(annotaties.zonder_commandos(rendered))
    else:
        sys.stdout.write(rendered)
    if github:
        # the full report in the job summary; on the lines what GitHub shows, changed lines first
        annotaties.naar_samenvatting(markdown(uitkomst))
        print("\n".join(annotaties.annotaties(uitkomst.findings, gewijzigd, annotaties.Samenvatting.uit_omgeving(),
                                              "De controle")))
    return 1 if uitkomst.blokkerend else 0


def _nieuw_plan(args: argparse.Namespace) -> int:
    from hgkm.tools.scaffold import ScaffoldFout, nieuw_plan

    srcdir = Path(args.bron).resolve()
    try:
        pad, notities = nieuw_plan(srcdir, args.gemeente, peildatum(args.peildatum))
    except (ScaffoldFout, BouwFout) as exc:
        print(f"Er is geen plan gemaakt. {exc}", file=sys.stderr)
        return 1
    for notitie in notities:
        print(notitie)
    print(
        f"Nieuw plan: {pad.relative_to(srcdir)}\n"
        "Werk het uit volgens de opmerkingen (regels met %) in het bestand en de handleiding.\n"
        "Draai daarna  make check : die noemt elke opgave en taak die nog een actie nodig heeft."
    )
    return 0


def _rapport(args: argparse.Namespace) -> int:
    from hgkm.tools.diff import VerschilFout, rapport

    srcdir = Path(args.bron).resolve()
    outdir = Path(args.uit).resolve() if args.uit else srcdir / "_build" / "html"
    try:
        rendered = rapport(srcdir, outdir, peildatum(args.peildatum), args.basis)
    except (VerschilFout, BouwFout) as exc:
        print(f"Het rapport kon niet worden gemaakt. {exc}", file=sys.stderr)
        return 2
    if args.output:
        Path(args.output).write_text(rendered, encoding="utf-8")
    else:
        sys.stdout.write(rendered)
    return 0


def _bevestig(args: argparse.Namespace) -> int:
    from hgkm.tools.bevestig import BevestigFout, bevestig

    srcdir = Path(args.bron).resolve()
    outdir = Path(args.uit).resolve() if args.uit else srcdir / "_build" / "html"
    try:
        vastgelegd = bevestig(srcdir, outdir, args.actie, args.plan)
    except (BevestigFout, BouwFout) as exc:
        print(f"Er is niets vastgelegd. {exc}", file=sys.stderr)
        return 1
    if not vastgelegd:
        print("Dit plan heeft nog geen acties of uitzonderingen; er is niets vastgelegd.")
    for v in vastgelegd:
        if not v.waarde:
            print(f"{v.need.id}: noemt geen opgave, taak of principe; er is niets vastgelegd.")
        else:
            wat = "vastgelegd" if v.veranderd else "was al vastgelegd"
            print(f"{v.need.bestand}: {v.need.id} bekeken tegen de tekst van nu ({wat}): {v.waarde}")
    return 0


def _landelijk(args: argparse.Namespace) -> int:
    from hgkm.tools.landelijk import LandelijkFout, landelijk, verslag

    uit = Path(args.uit).resolve()
    try:
        result = landelijk(args.regios, uit, peildatum(args.peildatum))
    except LandelijkFout as exc:
        if exc.geweigerd:
            print(verslag(exc.geweigerd, len(args.regios), overzicht=False), file=sys.stderr)
        print(f"Het landelijk overzicht is niet gemaakt. {exc.tekst}", file=sys.stderr)
        return 1
    if result.returncode != 0:
        print("Het landelijk overzicht kon niet worden gebouwd:\n" + "\n".join(result.log.splitlines()[-15:]),
              file=sys.stderr)
        return 1
    print(f"Het landelijk overzicht staat in {uit} (open index.html), met {len(result.regios)} van de "
          f"{len(args.regios)} regio's.")
    if result.geweigerd:
        print(verslag(result.geweigerd, len(args.regios)), file=sys.stderr)
        return 1
    return 0


def _nieuwe_regio(args: argparse.Namespace) -> int:
    from hgkm.tools.nieuwe_regio import RegioFout, nieuwe_regio

    doel = Path(args.doel).resolve()
    try:
        nieuwe_regio(doel, args.regio, peildatum(None))
    except RegioFout as exc:
        print(f"Er is geen kennisbank gemaakt. {exc}", file=sys.stderr)
        return 1
    print(f"De kennisbank van {args.regio} staat in {doel}.\n"
          f"Vul alles met VUL IN in (zie README.md); daarna:  cd {doel} && make html && make test")
    return 0


def _snelcontrole(args: argparse.Namespace) -> int:
    from hgkm.tools.scaffold import snelcontrole

    meldingen = [m for bestand in args.bestanden for m in snelcontrole(Path(bestand))]
    if not annotaties.actief():
        for melding in meldingen:
            print(melding)
        return 1 if meldingen else 0
    log = "".join(f"{melding}\n" for melding in meldingen) or "De snelle controle vond niets.\n"
    sys.stdout.write(annotaties.zonder_commandos(log))
    if meldingen:
        annotaties.naar_samenvatting(annotaties.markdown_lijst("Snelle controle van de plannen", meldingen))
    samenvatting = annotaties.Samenvatting.uit_omgeving(wat="het logboek van deze stap en de samenvatting (Summary)")
    print("\n".join(annotaties.annotaties(meldingen, annotaties.gewijzigde_regels(Path.cwd()), samenvatting,
                                          "De snelle controle")))
    return 1 if meldingen else 0


def _publiccode(args: argparse.Namespace) -> int:
    from hgkm.tools import publiccode

    try:
        pad = publiccode.schrijf(args.url, Path(args.uit) if args.uit else publiccode.ROOT / publiccode.BESTAND)
    except publiccode.PubliccodeFout as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    print(f"{pad} is geschreven.")
    return 0


def _privacy_historie(args: argparse.Namespace) -> int:
    from hgkm.tools.privacy import GitFout, functionele_adressen, scan, verslag

    bron = Path(args.bron).resolve()
    try:
        vondsten = list(scan(bron, args.alle_bestanden, functionele_adressen(bron)))
    except (GitFout, OSError) as exc:
        print(f"De geschiedenis is niet doorzocht. {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(verslag(vondsten))
    return 1 if vondsten else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hgkm", description="Controles van de kennisbank HGKM.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="bouw de kennisbank en controleer de uitvoeringsplannen")
    check.add_argument("--peildatum", help="datum JJJJ-MM-DD voor de datumregels (standaard: vandaag of $HGKM_PEILDATUM)")
    check.add_argument("--format", choices=sorted(FORMATS), default="text", help="vorm van het rapport")
    check.add_argument("--bron", default=str(ROOT), help="map met conf.py (standaard: deze kennisbank)")
    check.add_argument("--uit", help="bouwmap (standaard: <bron>/_build/html)")
    check.add_argument("--output", help="schrijf het rapport naar dit bestand")
    check.add_argument("--sarif", help="schrijf de bevindingen ook als SARIF 2.1.0 naar dit bestand (of $HGKM_SARIF)")
    check.add_argument("--codequality", help="schrijf ze ook als GitLab Code Quality-rapport naar dit bestand "
                                             "(of $HGKM_CODEQUALITY)")
    check.add_argument("--basis", help="git-versie waarmee de gewijzigde regels worden bepaald (standaard: "
                                       "$HGKM_BASIS, de doeltak van de pull request, of main)")
    check.add_argument("--alles", action="store_true", help="toon alle gemeenten, ook die de wijziging niet raakt")
    check.set_defaults(func=_check)
    nieuw = sub.add_parser("nieuw-plan", help="maak een nieuw uitvoeringsplan voor een gemeente uit het sjabloon")
    nieuw.add_argument("gemeente", help='naam of ID van de gemeente, bijvoorbeeld "Albrandswaard"')
    nieuw.add_argument("--peildatum", help="datum JJJJ-MM-DD die bepaalt welke regiovisie loopt (standaard: vandaag)")
    nieuw.add_argument("--bron", default=str(ROOT), help="map met conf.py (standaard: deze kennisbank)")
    nieuw.set_defaults(func=_nieuw_plan)
    rapp = sub.add_parser("rapport", help="Markdown-rapport voor een pull request, met wat er verandert")
    rapp.add_argument("--basis", help="git-versie om mee te vergelijken (standaard: gemeenschappelijke versie met main)")
    rapp.add_argument("--peildatum", help="datum JJJJ-MM-DD voor de datumregels (standaard: vandaag of $HGKM_PEILDATUM)")
    rapp.add_argument("--bron", default=str(ROOT), help="map met conf.py (standaard: deze kennisbank)")
    rapp.add_argument("--uit", help="bouwmap (standaard: <bron>/_build/html)")
    rapp.add_argument("--output", help="schrijf het rapport naar dit bestand")
    rapp.set_defaults(func=_rapport)
    best = sub.add_parser("bevestig", help="leg vast dat de eigenaar een actie opnieuw heeft bekeken (herijking)")
    best.add_argument("--actie", help="ID van de actie of uitzondering, bijvoorbeeld UA-VLA-2022-1")
    best.add_argument("--plan", help="ID van een plan: alle acties en uitzonderingen daarvan")
    best.add_argument("--bron", default=str(ROOT), help="map met conf.py (standaard: deze kennisbank)")
    best.add_argument("--uit", help="bouwmap (standaard: <bron>/_build/html)")
    best.set_defaults(func=_bevestig)
    land = sub.add_parser("landelijk", help="landelijk overzicht uit de needs.json van regio's")
    land.add_argument("regios", nargs="*", help="paden of adressen (https://) van needs.json-bestanden")
    land.add_argument("--uit", default=str(ROOT / "_build" / "landelijk"), help="bouwmap (standaard: _build/landelijk)")
    land.add_argument("--peildatum", help="datum JJJJ-MM-DD (standaard: vandaag of $HGKM_PEILDATUM)")
    land.set_defaults(func=_landelijk)
    regio = sub.add_parser("nieuwe-regio", help="een nieuwe kennisbank voor een andere regio, met deze machinerie")
    regio.add_argument("doel", help="de map voor de nieuwe kennisbank (nieuw of leeg)")
    regio.add_argument("regio", help='de naam van de regio, bijvoorbeeld "Kennemerland"')
    regio.set_defaults(func=_nieuwe_regio)
    snel = sub.add_parser("snelcontrole", help="snelle controle van planbestanden zonder bouwen (pre-commit)")
    snel.add_argument("bestanden", nargs="*", help="de planbestanden")
    snel.set_defaults(func=_snelcontrole)
    hist = sub.add_parser("privacy-historie", help="zoek persoonsgegevens in de hele git-geschiedenis (voor een "
                                                   "repository die openbaar wordt)")
    hist.add_argument("--bron", default=str(ROOT), help="map van de kennisbank (standaard: deze kennisbank)")
    hist.add_argument("--alle-bestanden", action="store_true", help="lees elk tekstbestand, ook code en tests/")
    hist.set_defaults(func=_privacy_historie)
    pc = sub.add_parser("publiccode", help="schrijf publiccode.yml voor de machinerie (Standard for Public Code)")
    pc.add_argument("--url", help="het openbare https-adres van de repository")
    pc.add_argument("--uit", default=None, help="waar het bestand komt (standaard: publiccode.yml in de repository)")
    pc.set_defaults(func=_publiccode)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except ValueError as exc:  # e.g. a malformed --peildatum
        print(f"Fout: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

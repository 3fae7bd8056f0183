"""`make nieuwe-regio DOEL=<map> REGIO="<naam>"`: a new region's knowledge base in one command.

It writes a standalone project: README with the two commands, Makefile, .ci/run, a
workflow, conf.py, an ubproject.toml that names the metamodel version it expects (the
metamodel itself is the engine's, hgkm/ubproject.toml), and a regiovisie, gemeente and
bron to fill in. Every placeholder says VUL IN; the rule `plaatshouder` names each one.
The engine is a dependency (this folder, by path, so it builds offline here), never a copy.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from hgkm import PACKAGE, ROOT, __version__
from hgkm.model import declaration
from hgkm.model.messages import landelijk as M
from hgkm.model.messages.message import Message
from hgkm.tools.ophalen import os_reden

SJABLONEN = PACKAGE / "templates" / "regio"


class RegioFout(Exception):
    """A Dutch message from the catalogue: why no knowledge base was written."""

    def __init__(self, message: Message, **waarden: object) -> None:
        oorzaak, oplossing = message.teksten(waarden)
        super().__init__(f"{oorzaak} {oplossing}")
        self.code = message.code


def code_van(regio: str) -> str:
    """The ID prefix of a region: the initials of a name of several words, else its first letters."""
    woorden = [w for w in re.split(r"[^A-Za-z0-9]+", regio) if w]
    if not woorden:
        raise RegioFout(M.REGIO_GEEN_LETTERS, naam=regio)
    code = "".join(w[0] for w in woorden) if len(woorden) > 1 else woorden[0][:6]
    return code.upper()


def slug(regio: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", regio.lower()).strip("-")


def nieuwe_regio(doel: Path, regio: str, vandaag: date, bron: Path = ROOT) -> list[Path]:
    """Write the project; the files written, relative to `doel`."""
    regio = " ".join(regio.split())
    if not regio or not re.fullmatch(r"[\w .,'()-]+", regio):
        raise RegioFout(M.REGIO_NAAM, naam=regio[:80])
    _controleer_doel(doel, Path(bron))
    waarden = {
        "regio": regio, "code": code_van(regio), "slug": slug(regio), "versie": __version__,
        "metamodel": declaration.metamodel_versie(), "bron": str(Path(bron).resolve()),
        "start": f"{vandaag.year}-01-01", "eind": f"{vandaag.year + 3}-12-31",
    }
    env = Environment(loader=FileSystemLoader(SJABLONEN), undefined=StrictUndefined, keep_trailing_newline=True,
                      autoescape=False)
    try:
        return _schrijf(doel, env, waarden)
    except OSError as exc:
        raise RegioFout(M.REGIO_SCHRIJVEN, doel=str(doel), reden=os_reden(exc)) from None


def _controleer_doel(doel: Path, bron: Path) -> None:
    """DOEL is a new or empty folder, outside this knowledge base; nothing is ever overwritten."""
    if doel.exists() and not doel.is_dir():
        raise RegioFout(M.REGIO_DOEL_BESTAND, doel=str(doel))
    echt, bron = doel.resolve(), bron.resolve()
    if echt == bron or bron in echt.parents:
        raise RegioFout(M.REGIO_DOEL_BINNEN, doel=str(doel), bron=str(bron))
    try:
        vol = doel.exists() and any(doel.iterdir())
    except OSError as exc:
        raise RegioFout(M.REGIO_SCHRIJVEN, doel=str(doel), reden=os_reden(exc)) from None
    if vol:
        raise RegioFout(M.REGIO_NIET_LEEG, doel=str(doel))


def _schrijf(doel: Path, env: Environment, waarden: dict) -> list[Path]:
    geschreven = []
    for pad in sorted(p for p in SJABLONEN.rglob("*") if p.is_file()):
        rel = pad.relative_to(SJABLONEN)
        if rel.suffix == ".jinja":
            rel = rel.with_suffix("")
            tekst = env.get_template(pad.relative_to(SJABLONEN).as_posix()).render(**waarden)
        else:
            tekst = pad.read_text(encoding="utf-8")  # as is: a Makefile or shell script is no template
        uit = doel / rel
        uit.parent.mkdir(parents=True, exist_ok=True)
        uit.write_text(tekst, encoding="utf-8")
        if pad.stat().st_mode & 0o111:
            shutil.copymode(pad, uit)
        geschreven.append(rel)
    (doel / "requirements" / "uitvoeringsplannen").mkdir(parents=True, exist_ok=True)
    (doel / ".gitignore").write_text(".venv/\n_build/\n", encoding="utf-8")
    return geschreven

"""publiccode.yml for the engine: what an IT department's catalogue reads (Standard for Public Code).

Written from what the project already says about itself (pyproject.toml, README.md, git),
never typed by hand: the version, licence and description cannot drift from the package.
The repository's public address is the one fact the checkout may not know; it comes from
`--url`, from GitHub Actions (GITHUB_SERVER_URL / GITHUB_REPOSITORY) or from the git
remote `origin`, and without one the command says so instead of inventing an address.
"""

from __future__ import annotations

import os
import re
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import yaml

from hgkm import ROOT

BESTAND = "publiccode.yml"
#: The version of the standard this file follows.
VERSIE = "0.4"


class PubliccodeFout(Exception):
    """Why publiccode.yml could not be written (in Dutch, for the terminal)."""


def _git(*args: str) -> str:
    proc = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=False)
    return proc.stdout.strip() if proc.returncode == 0 else ""


def adres(url: str | None = None) -> str:
    """The repository's public https address: given, from GitHub Actions, or from the remote `origin`."""
    if not url and os.environ.get("GITHUB_REPOSITORY"):
        url = f"{os.environ.get('GITHUB_SERVER_URL', 'https://github.com')}/{os.environ['GITHUB_REPOSITORY']}"
    if not url:
        origin = _git("remote", "get-url", "origin")
        if m := re.fullmatch(r"git@([\w.-]+):(.+?)(?:\.git)?", origin):
            origin = f"https://{m[1]}/{m[2]}"
        url = origin
    if not url or not url.startswith("https://"):
        raise PubliccodeFout(
            "Het openbare adres van deze repository is onbekend (geen --url, geen GitHub Actions en geen "
            f"git-remote 'origin' met https://){': ' + url if url else ''}. Geef het op, bijvoorbeeld:  "
            "make publiccode URL=https://github.com/uw-organisatie/kennisbank-hgkm")
    return url.removesuffix(".git")


def _lange_beschrijving(readme: str) -> str:
    """The README's opening, up to its first heading after the title: what the project is."""
    delen = readme.split("\n## ", 1)[0].split("\n", 1)[1].strip()
    delen = re.sub(r"\n[ \t]+", " ", delen)  # continuation lines of a list item
    return re.sub(r"(?<!\n)\n(?!\n|- )", " ", delen)  # one line per paragraph and list item


def gegevens(url: str, root: Path = ROOT) -> dict[str, Any]:
    """The contents of publiccode.yml."""
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    datum = _git("log", "-1", "--format=%cs") or "1970-01-01"
    return {
        "publiccodeYmlVersion": VERSIE,
        "name": "Kennisbank regiovisie HGKM",
        "url": url,
        "softwareVersion": project["version"],
        "releaseDate": datum,
        "platforms": ["web", "linux"],
        "categories": ["knowledge-management", "compliance-management"],
        "developmentStatus": "development",
        "softwareType": "standalone/other",
        "description": {
            "nl": {
                "genericName": "Beleidskennisbank met controles",
                "shortDescription": project["description"][:150],
                "longDescription": _lange_beschrijving((root / "README.md").read_text(encoding="utf-8")),
                "features": [
                    "Regiovisie als items: wettelijke taken, leidende principes, ontwikkelopgaven",
                    "Uitvoeringsplannen per gemeente, met acties die naar de regiovisie verwijzen",
                    "Controles per gemeente: wat nog ontbreekt, waar, en hoe u het oplost",
                    "Website met dekkingsoverzicht, voortgang en open data",
                ],
            },
        },
        "legal": {"license": project["license"]},
        "maintenance": {"type": "community"},
        "localisation": {"localisationReady": False, "availableLanguages": ["nl"]},
    }


def schrijf(url: str | None = None, doel: Path = ROOT / BESTAND) -> Path:
    tekst = yaml.safe_dump(gegevens(adres(url)), allow_unicode=True, sort_keys=False, width=100)
    doel.write_text(f"# Gemaakt met `make publiccode` uit pyproject.toml, README.md en git.\n{tekst}", encoding="utf-8")
    return doel

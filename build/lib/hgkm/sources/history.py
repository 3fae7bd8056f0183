"""The text an item had in an earlier version, from git (for herijking).

An actie records the fingerprint of each item it serves (hgkm.model.herijking). When
the item changed, the owner wants to see what changed: this walks back through the
commits of the item's file until the item's block has that fingerprint again, and
gives its title and text then. Where there is no git history (a shallow clone, an
export), there is no old text, and the finding says so.
"""

from __future__ import annotations

import subprocess
from functools import cache
from pathlib import Path

from hgkm.model.herijking import vingerafdruk_van
from hgkm.sources.item_count import blokken, regels

#: How far back to look: a regiovisie file changes a few times a year.
MAX_COMMITS = 200


def _git(srcdir: Path, *args: str) -> str | None:
    try:
        proc = subprocess.run(["git", "-C", str(srcdir), *args], capture_output=True, text=True,
                              encoding="utf-8", errors="replace", check=False, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return proc.stdout if proc.returncode == 0 else None


def blok_tekst(tekst: str, need_id: str) -> tuple[str, str] | None:
    """Title and body of the need block with this id in a source text."""
    lines = regels(tekst)
    for blok in blokken(lines):
        if blok.need_id == need_id:
            begin = max([blok.regelnummer, *(regel for _, regel, _ in blok.opties)])
            eind = (blok.eind or len(lines) + 1) - 1
            return blok.titel, "\n".join(lines[begin:eind])
    return None


@cache
def _commits(srcdir: Path, bestand: str) -> tuple[str, ...]:
    out = _git(srcdir, "log", f"-{MAX_COMMITS}", "--format=%H", "--", bestand)
    return tuple(out.split()) if out else ()


@cache
def _versie(srcdir: Path, commit: str, bestand: str) -> str | None:
    return _git(srcdir, "show", f"{commit}:{bestand}")


def oude_tekst(srcdir: Path, bestand: str, need_id: str, vingerafdruk: str) -> tuple[str, str] | None:
    """Title and text of `need_id` in `bestand` when its fingerprint was `vingerafdruk`, or None."""
    for commit in _commits(Path(srcdir), bestand):
        tekst = _versie(Path(srcdir), commit, bestand)
        gevonden = blok_tekst(tekst, need_id) if tekst is not None else None
        if gevonden and vingerafdruk_van(*gevonden) == vingerafdruk:
            return gevonden
    return None


def huidige_tekst(srcdir: Path, bestand: str, need_id: str) -> tuple[str, str] | None:
    """Title and text of `need_id` as its file reads now."""
    try:
        return blok_tekst(Path(srcdir, bestand).read_text(encoding="utf-8"), need_id)
    except (OSError, UnicodeDecodeError):
        return None

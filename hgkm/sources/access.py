"""Which files the build reads, and the last guard: may this file use this block or role?

The rules themselves (tiers, allowed blocks and roles) are in hgkm.sources.trust; this
module applies them to the files on disk (config-inited) and to each directive and
role at the moment Sphinx looks it up (hgkm.sources.gate).
"""

from __future__ import annotations

import functools
from pathlib import Path

from hgkm.model.findings import Finding
from hgkm.model.messages import vertrouwen
from hgkm.sources.trust import BEELDEN, PLANNEN, RAUW, ROLLEN, Laag, blokken_van, laag


def bestanden(srcdir: Path, namen: list[str]) -> tuple[list[Finding], list[str]]:
    """Findings on the source files themselves, and the names to leave out of the build.

    `namen` are the project-relative files Sphinx would read. A symlink (or a file in a
    symlinked folder) is left out: its text lives elsewhere. In the plans folder every
    file must be a page (.md) or an image: a `.MD` or `.txt` would be skipped unseen.
    """
    found: list[Finding] = []
    weg: list[str] = []
    for naam in namen:
        if _via_symlink(Path(srcdir), naam):
            weg.append(naam)
            found.append(vertrouwen.SNELKOPPELING(naam, 1))
    plannen = Path(srcdir, PLANNEN)
    if plannen.is_dir():
        for pad in sorted(plannen.rglob("*")):
            if pad.is_file() and pad.suffix != ".md" and pad.suffix.lower() not in BEELDEN:
                rel = pad.relative_to(srcdir).as_posix()
                found.append(vertrouwen.ANDERE_EXTENSIE(rel, 1, naam=pad.name, stam=pad.stem))
    return found, weg


def _via_symlink(srcdir: Path, naam: str) -> bool:
    pad = Path(srcdir)
    for deel in Path(naam).parts:
        pad = pad / deel
        if pad.is_symlink():
            return True
    return False


# ------------------------------------------------------------------ the last guard


def bestand_van(document_source: str, srcdir: Path) -> str:
    """The project-relative path of a document's source (as `laag` expects it)."""
    return _bestand_van(str(document_source), str(srcdir))


def vergeet() -> None:
    """A new build resolves the paths anew (a file may have become a symlink meanwhile)."""
    _bestand_van.cache_clear()


@functools.lru_cache(maxsize=4096)
def _bestand_van(document_source: str, srcdir: str) -> str:
    # asked for every directive and role a document uses: resolve each path once
    try:
        return Path(document_source).resolve().relative_to(Path(srcdir).resolve()).as_posix()
    except ValueError:
        return Path(document_source).name


def poort(naam: str, bestand: str) -> bool:
    """Whether the directive `naam` may run in `bestand` (the check at the moment it runs)."""
    naam = naam.lower()
    if naam in RAUW:
        return False
    toegestaan = blokken_van(laag(bestand))
    return toegestaan is None or naam in toegestaan


def rol_poort(naam: str, bestand: str) -> bool:
    return laag(bestand) is Laag.BEHEER or naam.lower() in ROLLEN


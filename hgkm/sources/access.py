"""Which files the build reads, and the last guard: may this file use this block or role?

The rules themselves (tiers, allowed blocks and roles) are in hgkm.sources.trust; this
module applies them to the files on disk (config-inited) and to each directive and
role at the moment Sphinx looks it up (hgkm.sources.gate).
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable
from pathlib import Path

from docutils import nodes
from sphinx import addnodes

from hgkm.model.findings import Finding
from hgkm.model.messages import vertrouwen
from hgkm.sources.trust import BEELDEN, PLANNEN, RAUW, ROLLEN, Laag, blokken_van, laag


#: The most an image beside a plan may weigh (bytes, 5 MB as a file manager counts them).
MAX_BEELD = 5 * 1024 * 1024
#: Each raster type a plan may show: its name for the writer, and how such a file begins.
_BEGIN: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".png": ("PNG", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("JPG", (b"\xff\xd8\xff",)),
    ".jpeg": ("JPG", (b"\xff\xd8\xff",)),
    ".gif": ("GIF", (b"GIF87a", b"GIF89a")),
    ".webp": ("WebP", (b"RIFF",)),  # and WEBP at byte 8
}
#: Extensions of a plan saved under another name (the writer meant .md).
_TEKST = frozenset({".md", ".markdown", ".mdown", ".mkd", ".txt", ".text", ".rst", ""})


def bestanden(srcdir: Path, namen: list[str]) -> tuple[list[Finding], list[str]]:
    """Findings on the source files themselves, and the names to leave out of the build.

    `namen` are the project-relative files Sphinx would read. A symlink (or a file in a
    symlinked folder) is left out: its text lives elsewhere. In the plans folder every
    file must be a page (.md) or a raster image that is what its name says and at most
    MAX_BEELD: a `.MD` or `.txt` would be skipped unseen, an SVG or a disguised file could
    carry a script onto the site. Such a file is never published (`geweigerd`).
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
            if pad.is_file() and (bezwaar := bestand_bezwaar(pad, pad.relative_to(srcdir).as_posix())):
                found.append(bezwaar)
    return found, weg


def bestand_bezwaar(pad: Path, rel: str) -> Finding | None:
    """Why the file `pad` (`rel` in the project) may not stand in the plans folder, or None."""
    if pad.suffix == ".md":
        return None
    soort = pad.suffix.lower()
    if soort == ".svg":
        return vertrouwen.BEELD_SVG(rel, 1, naam=pad.name, stam=pad.stem)
    if soort not in BEELDEN:
        bericht = vertrouwen.ANDERE_EXTENSIE if soort in _TEKST else vertrouwen.LOS_BESTAND
        return bericht(rel, 1, naam=pad.name, stam=pad.stem)
    try:
        grootte = pad.stat().st_size
        with pad.open("rb") as f:
            begin = f.read(512)
    except OSError:
        grootte, begin = 0, b""
    if grootte > MAX_BEELD:
        return vertrouwen.BEELD_TE_GROOT(rel, 1, naam=pad.name, grootte=_mb(grootte), max=_mb(MAX_BEELD))
    naam, begint = _BEGIN[soort]
    if not begin.startswith(begint) or (soort == ".webp" and begin[8:12] != b"WEBP"):
        return vertrouwen.BEELD_KLOPT_NIET(rel, 1, naam=pad.name, soort=naam, wat=_wat(begin))
    return None


def _mb(grootte: int) -> str:
    getal = grootte / (1024 * 1024)
    return (f"{getal:.0f}" if getal == int(getal) else f"{getal:.1f}").replace(".", ",")


def _wat(begin: bytes) -> str:
    if begin.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):  # <svg, <?xml, <!DOCTYPE html, <script
        return " (het is een SVG- of HTML-bestand)"
    for soort, (naam, begint) in _BEGIN.items():
        if begin.startswith(begint) and (soort != ".webp" or begin[8:12] == b"WEBP"):
            return f" (het is een {naam}-afbeelding: geef het bestand de extensie {soort})"
    return ""


def geweigerd(bestand: str, pad: str, srcdir: Path) -> bool:
    """Whether an image or download `pad`, named in `bestand`, could put a refused file of the plans folder on the site.

    Sphinx may take a file named like it: `kaart.*` any type, `kaart.png` the language's
    `kaart.nl.png`. So every file of that folder whose name starts like it counts.
    """
    if pad.startswith("<") or "://" in pad or pad.startswith(("//", "data:")):
        return False  # not a file of the project (hgkm.sources.sanitize removes what is unsafe)
    rel = posixpath.normpath(pad.lstrip("/") if pad.startswith("/") else posixpath.join(posixpath.dirname(bestand), pad))
    doel = Path(srcdir, rel)
    plannen = Path(srcdir, PLANNEN).resolve()
    try:
        map_ = doel.parent.resolve()
        if not (map_.is_relative_to(plannen) or doel.resolve().is_relative_to(plannen)):
            return False
        stam = doel.name.split(".", 1)[0] + "."
        kandidaten = {doel, *(p for p in doel.parent.iterdir() if p.name.startswith(stam))}
    except OSError:
        return False  # no such folder: Sphinx reports the missing file itself
    for kandidaat in kandidaten:
        if kandidaat.is_file() and (kandidaat.parent.resolve().is_relative_to(plannen)
                                    or kandidaat.resolve().is_relative_to(plannen)):
            if bestand_bezwaar(kandidaat, rel) is not None:
                return True
    return False


def laat_geweigerde_weg(doctree: nodes.document, bestand: str, srcdir: Path,
                       meld: Callable[[nodes.Node, Finding], None]) -> int:
    """Take images and downloads of refused files (`geweigerd`) out of a parsed page; how many.

    At doctree-read, before Sphinx's collectors copy them into the site (_images/,
    _downloads/). `meld(node, finding)` gets a finding at the place of each.
    """
    weg = 0
    for node in list(doctree.findall(nodes.image)):
        doel = str(node.get("uri", ""))
        if geweigerd(bestand, doel, srcdir):
            meld(node, vertrouwen.BEELD_GEWEIGERD("", None, soort="afbeelding", doel=doel))
            node.parent.remove(node)
            weg += 1
    for node in list(doctree.findall(addnodes.download_reference)):
        doel = str(node.get("reftarget", ""))
        if geweigerd(bestand, doel, srcdir):
            meld(node, vertrouwen.BEELD_GEWEIGERD("", None, soort="link", doel=doel))
            node.replace_self(nodes.inline("", node.astext()))
            weg += 1
    return weg


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


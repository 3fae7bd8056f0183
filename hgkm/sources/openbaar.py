"""Which plans a public build leaves out: drafts stay internal when the region chooses so.

A college may want to decide before a plan is public, and a raad expects to be informed
first. So a region setting, `hgkm_concepten_openbaar`, decides whether plans whose `plan`
block is not `vastgesteld` appear on the published site (a build with the site's address,
`html_baseurl`, as the publishing workflow makes). Every other build (`make check`, the
pull-request check, previews, `make serve`) reads every plan, so the CI gate checks drafts too.
"""

from __future__ import annotations

from pathlib import Path

from hgkm.sources.item_count import blokken, regels
from hgkm.sources.trust import PLANNEN

VASTGESTELD = "vastgesteld"


def concepten(srcdir: Path) -> list[str]:
    """The plan files (project-relative) whose plan is not vastgesteld."""
    map_ = Path(srcdir, PLANNEN)
    found: list[str] = []
    for pad in sorted(map_.glob("*.md")) if map_.is_dir() else ():
        try:
            text = pad.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # reported by the build's own checks
        statussen = [waarde.strip() for blok in blokken(regels(text)) if blok.naam == "plan"
                     for optie, _, waarde in blok.opties if optie == "status"]
        if statussen and any(status != VASTGESTELD for status in statussen):
            found.append(pad.relative_to(srcdir).as_posix())
    return found


def weglaten(srcdir: Path, baseurl: str, openbaar: bool) -> list[str]:
    """The plan files a build leaves out: drafts, in a public build of a region that keeps them internal."""
    return [] if openbaar or not baseurl else concepten(srcdir)

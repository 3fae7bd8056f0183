"""Which sources a build was made from: every file that can change it, with mtime and size.

The Sphinx extension records it after a finished build (bron-stempel.json); `make check`
compares it with the sources now (hgkm.tools.build.is_actueel) to reuse that build.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

#: Written by hgkm.sphinx_ext after every finished build: the sources it was built from.
STEMPEL = "bron-stempel.json"
#: Folders that are never a source of the site.
_NIET_BRON = {"_build", ".venv", ".git", ".hypothesis", ".pytest_cache", "test-results", "node_modules", "__pycache__"}


def vingerafdruk(srcdir: Path) -> dict[str, list[int]]:
    """Every file under `srcdir` that can change the build, with its mtime and size."""
    result: dict[str, list[int]] = {}
    stack = [Path(srcdir)]
    while stack:
        folder = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in _NIET_BRON:
                        stack.append(Path(entry.path))
                elif entry.is_file(follow_symlinks=False):
                    stat = entry.stat()
                    result[os.path.relpath(entry.path, srcdir)] = [stat.st_mtime_ns, stat.st_size]
    return result


def schrijf_stempel(outdir: Path, afdruk: dict[str, list[int]]) -> None:
    """Record the sources of a finished build (called by the Sphinx extension)."""
    (Path(outdir) / STEMPEL).write_text(json.dumps(afdruk), encoding="utf-8")


def code_version() -> int:
    """A number that changes with hgkm's own code (Sphinx's env_version of the extension).

    The saved environment and doctrees hold objects of hgkm's node classes; after a change
    of the code (a module moved, a node changed) Sphinx must start afresh instead of
    unpickling them into a crash.
    """
    import hashlib

    from hgkm import PACKAGE

    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".html", ".jinja", ".css") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(PACKAGE)).encode())
            digest.update(path.read_bytes())
    return int(digest.hexdigest()[:12], 16)

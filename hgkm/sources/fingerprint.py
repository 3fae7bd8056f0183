"""Which sources a build was made from: every file that can change it, with a hash of its bytes.

The Sphinx extension records it after a finished build (the stamp, beside the output
folder: see `stempel_pad`); `make check` compares it with the sources now
(hgkm.tools.build.is_actueel) to reuse that build. Content, not modification times: an
edit that keeps a file's size and mtime (a checkout, `touch -r`, `os.utime`) is seen.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

#: Written by hgkm.sphinx_ext after every finished build: the sources it was built from.
STEMPEL = "bron-stempel.json"
#: Folders that are never a source of the site.
_NIET_BRON = {"_build", ".venv", ".git", ".hypothesis", ".pytest_cache", "test-results", "node_modules", "__pycache__"}
#: Files up to this size are read in one go; larger ones in pieces (hashlib.file_digest).
_IN_EEN_KEER = 1 << 20


def _hash(pad: str, size: int) -> str:
    if size <= _IN_EEN_KEER:
        with open(pad, "rb") as f:
            return hashlib.blake2b(f.read(), digest_size=16).hexdigest()
    with open(pad, "rb") as f:
        return hashlib.file_digest(f, lambda: hashlib.blake2b(digest_size=16)).hexdigest()


def vingerafdruk(srcdir: Path) -> dict[str, str]:
    """Every file under `srcdir` that can change the build, with a hash of its bytes.

    A symbolic link counts with its target (the build refuses it, and says so).
    """
    result: dict[str, str] = {}
    stack = [str(srcdir)]
    while stack:
        folder = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in _NIET_BRON:
                        stack.append(entry.path)
                elif entry.is_file(follow_symlinks=False):
                    result[os.path.relpath(entry.path, srcdir)] = _hash(entry.path, entry.stat(follow_symlinks=False).st_size)
                elif entry.is_symlink():
                    result[os.path.relpath(entry.path, srcdir)] = "-> " + os.readlink(entry.path)
    return result


def stempel_pad(outdir: Path) -> Path:
    """Where the stamp of the build in `outdir` is kept: beside it, never in the published folder.

    It lists every file of the checkout with its hash: nothing a reader needs, so it is
    not in `outdir` (which is published as it is).
    """
    outdir = Path(outdir)
    return outdir.parent / f"{outdir.name}.{STEMPEL}"


def schrijf_stempel(outdir: Path, afdruk: dict[str, str]) -> None:
    """Record the sources of a finished build (called by the Sphinx extension)."""
    stempel_pad(outdir).write_text(json.dumps(afdruk), encoding="utf-8")
    (Path(outdir) / STEMPEL).unlink(missing_ok=True)  # where a build before this version put it


def code_version() -> int:
    """A number that changes with hgkm's own code (Sphinx's env_version of the extension).

    The saved environment and doctrees hold objects of hgkm's node classes; after a change
    of the code (a module moved, a node changed) Sphinx must start afresh instead of
    unpickling them into a crash.
    """
    from hgkm import PACKAGE

    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".html", ".jinja", ".css") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(PACKAGE)).encode())
            digest.update(path.read_bytes())
    return int(digest.hexdigest()[:12], 16)

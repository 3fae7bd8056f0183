"""One build at a time per output folder, and a build that was cut off is redone in full.

Two builds writing into the same folder (two `make check` at once, or `make html`
beside `make serve`) overwrite each other's files and the environment pickle. The first
event of a build (config-inited, before Sphinx loads its environment) therefore takes
an exclusive lock beside the output folder; a second build waits for it.

Sphinx saves its environment after reading, before writing. A build killed while
writing leaves pages, needs.json or the search index half written, and the next
incremental build would trust them. So a build marks the folder as busy and clears the
mark only when it finished without error; a build that finds the mark starts afresh
(without the environment pickle), and `make check` never reuses such a folder
(hgkm.tools.build.is_actueel).
"""

from __future__ import annotations

import fcntl
import os
import sys
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

#: In the output folder while a build runs; left behind by a build that was cut off.
BEZIG = ".hgkm-bouw-bezig"
#: Locks this process holds (a second Sphinx run in the same process must not wait for itself).
_HELD: dict[Path, int] = {}


def lock_path(outdir: Path) -> Path:
    return outdir.parent / f".{outdir.name}.slot"


def _say(text: str) -> None:
    # straight to the terminal: Sphinx's -q hides info, and a warning would fail -W
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def _take(app: Sphinx, config: Any) -> None:
    outdir = Path(app.outdir).resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    if outdir not in _HELD:
        fd = os.open(lock_path(outdir), os.O_CREAT | os.O_RDWR, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            _say(f"Er loopt al een bouw in {outdir}. Deze bouw wacht tot die klaar is.")
            fcntl.flock(fd, fcntl.LOCK_EX)
        _HELD[outdir] = fd  # held until the process ends
    bezig = outdir / BEZIG
    if bezig.exists():
        _say(f"De vorige bouw in {outdir} is afgebroken. Alles wordt opnieuw gebouwd.")
        Path(app.doctreedir, "environment.pickle").unlink(missing_ok=True)
    bezig.write_text("Een bouw is bezig of is afgebroken.\n", encoding="utf-8")


def _done(app: Sphinx, exception: Exception | None) -> None:
    if exception is None:
        Path(app.outdir, BEZIG).unlink(missing_ok=True)


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _take, priority=0)
    app.connect("build-finished", _done, priority=999)

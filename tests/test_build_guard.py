"""One build at a time per output folder; a build cut off while writing is redone in full
(hgkm.hooks.build_guard). Real Sphinx builds in subprocesses, a real kill (os._exit) mid-write."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path

from hgkm import ROOT
from hgkm.tools.build import is_actueel
from hgkm.hooks.build_guard import BEZIG, lock_path
from tests.conftest import copy_fixture

#: A Sphinx extension that ends the process while the page named in $AFBREKEN is written,
#: as a kill or a power cut would.
AFBREKER = '''
import os

def setup(app):
    def stop(app, pagename, *args):
        if pagename == os.environ.get("AFBREKEN"):
            os._exit(9)
    app.connect("html-page-context", stop)
'''


def _sphinx(project: Path, out: Path, stderr: Path, **env: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", str(project), str(out)],
        stdout=subprocess.DEVNULL, stderr=stderr.open("wb"),
        env={**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{project}", **env},
    )


def test_a_second_build_in_the_same_folder_waits_for_the_first(tmp_path: Path) -> None:
    project = copy_fixture("minimaal", tmp_path)
    out = tmp_path / "html"
    out.mkdir()
    fd = os.open(lock_path(out), os.O_CREAT | os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)  # a build that is still running
    log = tmp_path / "stderr.txt"
    proc = _sphinx(project, out, log)
    deadline = time.monotonic() + 60
    while "wacht" not in log.read_text(encoding="utf-8") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert "Er loopt al een bouw in" in log.read_text(encoding="utf-8")
    time.sleep(0.5)
    assert proc.poll() is None, "the second build did not wait"
    assert not (out / "index.html").exists()
    os.close(fd)  # the first build ends
    assert proc.wait(timeout=300) == 0, log.read_text(encoding="utf-8")
    assert (out / "index.html").exists() and not (out / BEZIG).exists()


def test_a_build_cut_off_while_writing_is_redone_in_full(tmp_path: Path) -> None:
    project = copy_fixture("minimaal", tmp_path)
    (project / "afbreker.py").write_text(AFBREKER, encoding="utf-8")
    with (project / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('extensions = [*extensions, "afbreker"]\n')
    # a page that shows an actie's title without being its source: hgkm.hooks.incremental
    # rewrites it when the title changes (written first: pages are written in name order)
    (project / "a-overzicht.md").write_text("# Overzicht\n\nZie {need}`UA-A-1`.\n", encoding="utf-8")
    out = tmp_path / "html"
    log = tmp_path / "stderr.txt"
    assert _sphinx(project, out, log).wait(timeout=300) == 0, log.read_text(encoding="utf-8")
    plan = project / "requirements" / "uitvoeringsplannen" / "aadorp.md"
    plan.write_text(plan.read_text(encoding="utf-8").replace("{actie} Eerste actie\n", "{actie} Eerste actie herzien\n"),
                    encoding="utf-8")
    assert _sphinx(project, out, log, AFBREKEN="a-overzicht").wait(timeout=300) == 9
    assert "herzien" not in (out / "a-overzicht.html").read_text(encoding="utf-8")
    assert (out / BEZIG).exists()
    assert not is_actueel(project, out), "make check would reuse a half-written build"
    # the next build, nothing changed since: Sphinx alone trusts the environment it saved
    # before writing, and would leave the overview with the old title
    assert _sphinx(project, out, log).wait(timeout=300) == 0, log.read_text(encoding="utf-8")
    assert "De vorige bouw in" in log.read_text(encoding="utf-8")
    assert "Eerste actie herzien" in (out / "a-overzicht.html").read_text(encoding="utf-8")
    assert not (out / BEZIG).exists()

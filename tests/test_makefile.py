"""The Makefile's prerequisite check tells a newcomer in one line what to install."""

from __future__ import annotations

import shutil
import subprocess

from hgkm import ROOT


def test_missing_graphviz_is_explained_in_one_line(tmp_path):
    make = shutil.which("make")
    assert make, "make is a prerequisite of this project"
    # A PATH without `dot` (nor anything else): the check must fail with the install hint.
    proc = subprocess.run(
        [make, "-s", "-C", str(ROOT), "dot-aanwezig"],
        env={"PATH": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode != 0
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    assert lines == [
        "Graphviz ontbreekt: installeer het met 'sudo apt-get install graphviz' en probeer opnieuw."
    ]


def test_graphviz_present_passes():
    make = shutil.which("make")
    proc = subprocess.run([make, "-s", "-C", str(ROOT), "dot-aanwezig"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr

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


def test_nieuw_plan_passes_the_name_as_data_not_as_code(tmp_path):
    """A name with quotes and a command substitution is refused as an unknown gemeente."""
    make = shutil.which("make")
    marker = tmp_path / "uitgevoerd"
    naam = f'x"; touch {marker}; echo "$(touch {marker})'
    proc = subprocess.run(
        [make, "-s", "-C", str(ROOT), "nieuw-plan", f"GEMEENTE={naam}"],
        capture_output=True, text=True, check=False,
    )
    assert not marker.exists(), proc.stdout + proc.stderr
    assert proc.returncode != 0
    # the whole name arrived as one argument: the refusal quotes it
    assert f'De gemeente "x"; touch {marker}; echo' in proc.stderr and "staat niet in de kennisbank" in proc.stderr

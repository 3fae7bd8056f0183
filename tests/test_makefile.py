"""The Makefile's prerequisite check tells a newcomer in one line what to install."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

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


def _names(marker) -> list[str]:
    """Names that would run code if make or the shell read them as code."""
    return [
        f"$(shell touch {marker})",  # a make function: expanded when pasted or exported
        f"$$(shell touch {marker})",
        f'x"; touch {marker}; echo "$(touch {marker})',  # shell syntax in double quotes
        f"x'; touch {marker}; echo '",  # and in single quotes
        f"`touch {marker}`",
    ]


@pytest.mark.parametrize("vorm", ["argument", "omgeving"])
@pytest.mark.parametrize("index", range(5))
def test_nieuw_plan_passes_the_name_as_data_not_as_code(tmp_path, vorm, index):
    """A name with make functions, quotes or command substitution is refused as an unknown gemeente."""
    make = shutil.which("make")
    marker = tmp_path / "uitgevoerd"
    naam = _names(marker)[index]
    args, env = [make, "-s", "-C", str(ROOT), "nieuw-plan"], None
    if vorm == "argument":
        args.append(f"GEMEENTE={naam}")
    else:
        env = {**os.environ, "GEMEENTE": naam}
    proc = subprocess.run(args, capture_output=True, text=True, check=False, env=env)
    assert not marker.exists(), proc.stdout + proc.stderr
    assert proc.returncode != 0
    # the whole name arrived as one argument, as typed: the refusal quotes it
    assert f'De gemeente "{naam}"' in proc.stderr and "staat niet in de kennisbank" in proc.stderr


@pytest.mark.parametrize(("doel", "variabele"), [("check", "PEILDATUM"), ("rapport", "BASIS"), ("rapport", "UITVOER")])
def test_other_variables_are_data_too(tmp_path, doel, variabele):
    make = shutil.which("make")
    marker = tmp_path / "uitgevoerd"
    proc = subprocess.run([make, "-n", "-s", "-C", str(ROOT), doel, f"{variabele}=$(shell touch {marker})"],
                          capture_output=True, text=True, check=False)
    assert not marker.exists()
    assert f"'$(shell touch {marker})'" in proc.stdout  # passed on quoted, as typed


def test_missing_graphviz_is_installed_when_the_user_may(tmp_path):
    """Root on Debian (a fake `id` and `apt-get` here): make installs the package and says so."""
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    (bin_ / "id").write_text("#!/bin/sh\necho 0\n")
    calls = tmp_path / "apt-get.log"
    (bin_ / "apt-get").write_text(
        f'#!/bin/sh\necho "$@" >> {calls}\n'
        f'case "$1" in install) printf "#!/bin/sh\\n" > {bin_}/dot; /bin/chmod +x {bin_}/dot;; esac\n'
    )
    for tool in ("id", "apt-get"):
        (bin_ / tool).chmod(0o755)
    proc = subprocess.run(
        [shutil.which("make"), "-s", "-C", str(ROOT), "dot-aanwezig"],
        env={"PATH": str(bin_)}, capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Graphviz ontbreekt: het pakket graphviz wordt nu geïnstalleerd" in proc.stdout
    assert calls.read_text().splitlines() == ["update -q", "install -y -q --no-install-recommends graphviz"]

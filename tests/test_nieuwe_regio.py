"""`make nieuwe-regio`: another region starts its own knowledge base in one command.

The skeleton is written into a temporary folder and built for real with its own Makefile:
`make html` and `make test` pass on it as it is, `make check` names every placeholder, the
engine is a dependency (never a copy), and a metamodel of another major version stops the build.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from hgkm import ROOT
from hgkm.model import declaration
from hgkm.tools.landelijk import landelijk
from hgkm.tools.nieuwe_regio import RegioFout, code_van, nieuwe_regio

VANDAAG = date(2026, 12, 3)


def make(doel: Path, *args: str, stamp: Path) -> subprocess.CompletedProcess[str]:
    """The skeleton's own make, with this repository's environment (it holds the same engine)."""
    return subprocess.run(["make", "-s", *args, f"VENV={ROOT / '.venv'}", f"STAMP={stamp}"], cwd=doel,
                          capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def regio(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    doel = tmp_path_factory.mktemp("regio") / "kennemerland"
    nieuwe_regio(doel, "Kennemerland", VANDAAG)
    stamp = doel.parent / "installed"
    stamp.touch()  # newer than requirements.txt: the engine is this repository's, already installed
    return doel, stamp


def test_the_skeleton_is_a_project_of_its_own(regio: tuple[Path, Path]) -> None:
    doel, _ = regio
    bestanden = {p.relative_to(doel).as_posix() for p in doel.rglob("*") if p.is_file()}
    assert {"README.md", "Makefile", ".ci/run", ".github/workflows/controle.yml", "conf.py", "ubproject.toml",
            "requirements.txt", "requirements/regiovisie.md", "requirements/gemeenten.md",
            "requirements/bronnen.md"} <= bestanden
    assert not any(b.startswith("hgkm/") for b in bestanden) and [b for b in bestanden if b.endswith(".py")] == ["conf.py"]
    readme = (doel / "README.md").read_text(encoding="utf-8")
    assert "make html" in readme and "make test" in readme and "git+https://" in readme
    assert f"file://{ROOT}" in (doel / "requirements.txt").read_text(encoding="utf-8")
    assert f'metamodel = "{declaration.metamodel_versie()}"' in (doel / "ubproject.toml").read_text(encoding="utf-8")
    assert "RV-KENNEM" in (doel / "requirements" / "regiovisie.md").read_text(encoding="utf-8")


def test_make_html_and_make_test_pass_and_check_names_each_placeholder(regio: tuple[Path, Path], tmp_path: Path) -> None:
    doel, stamp = regio
    html = make(doel, "html", stamp=stamp)
    assert html.returncode == 0, html.stdout + html.stderr
    test = make(doel, "test", stamp=stamp)
    assert test.returncode == 0, test.stdout + test.stderr
    for item in ("BR-KENNEM", "GM-KENNEM-CENTRUM", "RV-KENNEM", "OG-KENNEM-1"):
        assert f"{item} bevat nog een plaatshouder (VUL IN)" in test.stdout, test.stdout
    # its needs.json is what a national overview reads
    result = landelijk([str(doel / "_build" / "html" / "needs.json")], tmp_path / "landelijk", VANDAAG)
    assert result.returncode == 0, result.log


def test_another_metamodel_version_stops_the_build(regio: tuple[Path, Path], tmp_path: Path) -> None:
    doel, stamp = regio
    kopie = tmp_path / "kopie"
    # -p: a copy with new times would be newer than the stamp, and its make would install the
    # engine from requirements.txt into this repository's environment (no longer editable)
    subprocess.run(["cp", "-rp", str(doel), str(kopie)], check=True)
    toml = kopie / "ubproject.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(f'"{declaration.metamodel_versie()}"', '"2.0"'),
                    encoding="utf-8")
    proc = make(kopie, "html", stamp=stamp)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert "geschreven voor metamodel 2.0, maar de machinerie" in proc.stderr, proc.stderr


def test_bad_input_is_refused_in_dutch(tmp_path: Path) -> None:
    (tmp_path / "vol").mkdir()
    (tmp_path / "vol" / "x.md").write_text("x", encoding="utf-8")
    with pytest.raises(RegioFout, match="niet leeg"):
        nieuwe_regio(tmp_path / "vol", "Kennemerland", VANDAAG)
    with pytest.raises(RegioFout, match="mag alleen letters"):
        nieuwe_regio(tmp_path / "leeg", "Regio $(shell touch x) {{ 7*7 }}", VANDAAG)
    assert code_van("Zuid-Holland Zuid") == "ZHZ" and code_van("Kennemerland") == "KENNEM"
    with pytest.raises(RegioFout, match="heeft geen letters of cijfers"):
        nieuwe_regio(tmp_path / "leeg", "- - -", VANDAAG)
    # DOEL a file, a folder under a file, a folder inside this knowledge base: a message, nothing written
    (tmp_path / "bestand.md").write_text("van iemand", encoding="utf-8")
    with pytest.raises(RegioFout, match="is een bestand, geen map. Er is niets overschreven"):
        nieuwe_regio(tmp_path / "bestand.md", "Kennemerland", VANDAAG)
    assert (tmp_path / "bestand.md").read_text(encoding="utf-8") == "van iemand"
    with pytest.raises(RegioFout, match=r"kon niet worden gemaakt of beschreven \(een deel van het pad is een bestand"):
        nieuwe_regio(tmp_path / "bestand.md" / "regio", "Kennemerland", VANDAAG)
    with pytest.raises(RegioFout, match="ligt in deze kennisbank"):
        nieuwe_regio(ROOT / "docs" / "kennemerland", "Kennemerland", VANDAAG)
    assert not (ROOT / "docs" / "kennemerland").exists()
    with pytest.raises(RegioFout, match="ligt in deze kennisbank"):
        nieuwe_regio(tmp_path / "eigen" / "sub", "Kennemerland", VANDAAG, bron=tmp_path / "eigen")
    assert not (tmp_path / "eigen").exists()
    for doel, verwacht in ((tmp_path / "vol", "bestaat al en is niet leeg"), (tmp_path / "bestand.md", "is een bestand")):
        proc = subprocess.run([sys.executable, "-m", "hgkm", "nieuwe-regio", str(doel), "Kennemerland"],
                              capture_output=True, text=True, cwd=ROOT, check=False)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
        assert "Er is geen kennisbank gemaakt" in proc.stderr and verwacht in proc.stderr
    # the Makefile passes the values as text, never as make or shell code
    dry = subprocess.run(["make", "-n", "nieuwe-regio", f"DOEL={tmp_path}/d", f"REGIO=$(shell touch {tmp_path}/x)"],
                         capture_output=True, text=True, cwd=ROOT, check=False)
    assert f"'$(shell touch {tmp_path}/x)'" in dry.stdout, dry.stdout + dry.stderr
    assert not (tmp_path / "x").exists()

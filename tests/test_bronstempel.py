"""Build integrity: `make check` reuses a build only for the same bytes, and the stamp is not published.

Unit level (no Sphinx run): the fingerprint of a small tree, and `is_actueel` over an
output folder laid out as a finished build leaves it. That a real build writes no stamp
into the published folder is checked on the built hostile corpus (tests/test_vertrouwen.py).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hgkm.sources.fingerprint import STEMPEL, schrijf_stempel, stempel_pad, vingerafdruk
from hgkm.tools.build import is_actueel


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    """A source tree and the output folder of a finished build of it."""
    src = tmp_path / "bron"
    (src / "requirements" / "uitvoeringsplannen").mkdir(parents=True)
    (src / "index.md").write_text("# Kennisbank\n", encoding="utf-8")
    (src / "requirements" / "uitvoeringsplannen" / "a.md").write_text(":status: gepland\n", encoding="utf-8")
    (src / "_build").mkdir()
    (src / "_build" / "oud.html").write_text("x", encoding="utf-8")  # never a source
    out = tmp_path / "html"
    out.mkdir()
    (out / "needs.json").write_text(json.dumps({"current_version": "1", "versions": {"1": {"needs": {}}}}),
                                    encoding="utf-8")
    schrijf_stempel(out, vingerafdruk(src))
    return src, out


def test_an_edit_that_keeps_size_and_mtime_is_seen(project: tuple[Path, Path]) -> None:
    src, out = project
    assert is_actueel(src, out)
    plan = src / "requirements" / "uitvoeringsplannen" / "a.md"
    voor = plan.stat()
    plan.write_text(":status: gestopt\n", encoding="utf-8")  # the same number of bytes
    os.utime(plan, ns=(voor.st_atime_ns, voor.st_mtime_ns))  # and the old modification time
    assert plan.stat().st_size == voor.st_size and plan.stat().st_mtime_ns == voor.st_mtime_ns
    assert not is_actueel(src, out)


def test_touching_a_file_without_changing_it_keeps_the_build(project: tuple[Path, Path]) -> None:
    src, out = project
    plan = src / "requirements" / "uitvoeringsplannen" / "a.md"
    os.utime(plan, ns=(0, plan.stat().st_mtime_ns + 10**12))  # a checkout gives every file a new time
    assert is_actueel(src, out)


@pytest.mark.parametrize("wijziging", ["nieuw bestand", "weg", "snelkoppeling", "build-map"])
def test_files_that_come_or_go_count_and_the_build_folder_does_not(project: tuple[Path, Path], wijziging: str) -> None:
    src, out = project
    plannen = src / "requirements" / "uitvoeringsplannen"
    if wijziging == "nieuw bestand":
        (plannen / "kaart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    elif wijziging == "weg":
        (src / "index.md").unlink()
    elif wijziging == "snelkoppeling":
        (plannen / "b.md").symlink_to(src / "index.md")
    else:
        (src / "_build" / "oud.html").write_text("y", encoding="utf-8")
    assert is_actueel(src, out) is (wijziging == "build-map")


def test_a_symlink_counts_with_its_target(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("a", encoding="utf-8")
    (tmp_path / "b.md").write_text("b", encoding="utf-8")
    (tmp_path / "link.md").symlink_to("a.md")
    eerst = vingerafdruk(tmp_path)
    (tmp_path / "link.md").unlink()
    (tmp_path / "link.md").symlink_to("b.md")
    assert vingerafdruk(tmp_path)["link.md"] != eerst["link.md"] == "-> a.md"


def test_a_large_file_is_hashed_in_pieces_like_a_small_one(tmp_path: Path) -> None:
    groot = tmp_path / "groot.bin"
    groot.write_bytes(b"a" * (3 << 20))
    eerst = vingerafdruk(tmp_path)["groot.bin"]
    groot.write_bytes(b"a" * ((3 << 20) - 1) + b"b")
    assert vingerafdruk(tmp_path)["groot.bin"] != eerst


def test_the_stamp_is_kept_beside_the_output_folder_not_in_it(project: tuple[Path, Path]) -> None:
    src, out = project
    assert stempel_pad(out) == out.parent / f"html.{STEMPEL}" and stempel_pad(out).is_file()
    assert not (out / STEMPEL).exists()
    # a stamp left in the folder by an older version is removed by the next build's stamp
    (out / STEMPEL).write_text("{}", encoding="utf-8")
    schrijf_stempel(out, vingerafdruk(src))
    assert not (out / STEMPEL).exists() and is_actueel(src, out)

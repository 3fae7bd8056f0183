"""Files beside the plans: raster images that are what their name says and at most 5 MB, nothing else.

Unit level (hgkm.sources.access); tests/test_vertrouwen.py builds the hostile corpus
with a scripted SVG, an SVG named .png, a 6 MB PNG and a PDF in the plans folder and
checks that none of them reaches _build, each with a located finding.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hgkm.model.messages import vertrouwen
from hgkm.sources import access, trust

PLANNEN = "requirements/uitvoeringsplannen"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.fixture
def plannen(tmp_path: Path) -> Path:
    (tmp_path / PLANNEN).mkdir(parents=True)
    return tmp_path / PLANNEN


def _bezwaar(plannen: Path, naam: str, inhoud: bytes):
    pad = plannen / naam
    pad.write_bytes(inhoud)
    return access.bestand_bezwaar(pad, f"{PLANNEN}/{naam}")


@pytest.mark.parametrize(
    ("naam", "inhoud"),
    [
        ("kaart.png", PNG),
        ("KAART.PNG", PNG),
        ("foto.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF"),
        ("foto.jpeg", b"\xff\xd8\xff\xe1"),
        ("logo.gif", b"GIF89a\x01\x00"),
        ("oud.gif", b"GIF87a\x01\x00"),
        ("beeld.webp", b"RIFF\x24\x00\x00\x00WEBPVP8 "),
        ("plan.md", b"# Plan\n"),
        ("precies-5-mb.png", PNG + bytes(access.MAX_BEELD - len(PNG))),
    ],
)
def test_allowed_files_beside_a_plan(plannen: Path, naam: str, inhoud: bytes) -> None:
    assert _bezwaar(plannen, naam, inhoud) is None


@pytest.mark.parametrize(
    ("naam", "inhoud", "code", "tekst"),
    [
        ("kaart.svg", SVG, "beeld-svg", "Sla de afbeelding op als PNG"),
        ("KAART.SVG", SVG, "beeld-svg", "zet KAART.png in de plaats van KAART.SVG"),
        ("kaart.png", SVG, "beeld-klopt-niet", "geen PNG-afbeelding (het is een SVG- of HTML-bestand)"),
        ("pagina.gif", b"\xef\xbb\xbf  <!DOCTYPE html><script>", "beeld-klopt-niet", "(het is een SVG- of HTML-bestand)"),
        ("foto.png", b"\xff\xd8\xff\xe0", "beeld-klopt-niet", "het is een JPG-afbeelding: geef het bestand de extensie .jpg"),
        ("leeg.png", b"", "beeld-klopt-niet", "geen PNG-afbeelding."),
        ("nep.webp", b"RIFF\x24\x00\x00\x00WAVEfmt ", "beeld-klopt-niet", "geen WebP-afbeelding"),
        ("groot.png", PNG + bytes(access.MAX_BEELD - len(PNG) + 1), "beeld-te-groot", "is 5,0 MB"),
        ("foto.jpg", b"\xff\xd8\xff" + bytes(12 * 1024 * 1024), "beeld-te-groot", "is 12,0 MB. Een afbeelding naast een plan mag hoogstens 5 MB"),
        ("begroting.pdf", b"%PDF-1.4", "los-bestand", "Dit bestand (begroting.pdf) is geen plan (.md)"),
        ("pagina.html", b"<script>", "los-bestand", "geen afbeelding (.png, .jpg, .gif of .webp)"),
        ("notities.txt", b"tekst", "andere-extensie", "Geef het bestand de naam notities.md"),
        ("PLAN.MD", b"# Plan", "andere-extensie", "Dit bestand heet PLAN.MD"),
        ("LEESMIJ", b"tekst", "andere-extensie", "Dit bestand heet LEESMIJ"),
    ],
)
def test_refused_files_beside_a_plan(plannen: Path, naam: str, inhoud: bytes, code: str, tekst: str) -> None:
    finding = _bezwaar(plannen, naam, inhoud)
    assert finding is not None and finding.code == code
    assert finding.plaats == f"{PLANNEN}/{naam}:1" and finding.blokkerend
    assert tekst in finding.melding + " " + finding.oplossing


def test_bestanden_reports_every_refused_file_in_the_plans_folder_and_its_subfolders(tmp_path: Path) -> None:
    plannen = tmp_path / PLANNEN
    (plannen / "bijlagen").mkdir(parents=True)
    (plannen / "a.md").write_text("# A\n", encoding="utf-8")
    (plannen / "kaart.png").write_bytes(PNG)
    (plannen / "bijlagen" / "kaart.svg").write_bytes(SVG)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "schema.svg").write_bytes(SVG)  # the maintainers' own pages may use SVG
    found, weg = access.bestanden(tmp_path, ["requirements/uitvoeringsplannen/a.md"])
    assert [f.plaats for f in found] == [f"{PLANNEN}/bijlagen/kaart.svg:1"] and weg == []


@pytest.fixture
def project(tmp_path: Path) -> Path:
    plannen = tmp_path / PLANNEN
    plannen.mkdir(parents=True)
    (plannen / "goed.png").write_bytes(PNG)
    (plannen / "kaart.png").write_bytes(PNG)
    (plannen / "kaart.svg").write_bytes(SVG)
    (plannen / "logo.png").write_bytes(PNG)
    (plannen / "logo.nl.png").write_bytes(SVG)  # Sphinx shows logo.nl.png for logo.png on a Dutch site
    (plannen / "nep.png").write_bytes(SVG)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "schema.svg").write_bytes(SVG)
    (tmp_path / "docs" / "nep.png").symlink_to(plannen / "nep.png")
    return tmp_path


@pytest.mark.parametrize(
    ("bestand", "pad", "weg"),
    [
        (f"{PLANNEN}/a.md", "goed.png", False),
        (f"{PLANNEN}/a.md", "nep.png", True),
        (f"{PLANNEN}/a.md", "kaart.svg", True),
        (f"{PLANNEN}/a.md", "kaart.*", True),  # Sphinx picks any type: the SVG too
        (f"{PLANNEN}/a.md", "kaart.png", True),  # a good PNG, but kaart.* beside it could be the SVG
        (f"{PLANNEN}/a.md", "logo.png", True),  # the language's logo.nl.png is what Sphinx would copy
        (f"{PLANNEN}/a.md", "/requirements/uitvoeringsplannen/nep.png", True),
        ("docs/a.md", "../requirements/uitvoeringsplannen/kaart.svg", True),
        ("docs/a.md", "nep.png", True),  # a link into the plans folder
        ("docs/a.md", "schema.svg", False),  # the maintainers' own drawing
        (f"{PLANNEN}/a.md", "bestaat-niet.png", False),  # Sphinx reports a missing file itself
        (f"{PLANNEN}/a.md", "https://elders.example/x.svg", False),  # hgkm.sources.sanitize removes it
        ("docs/a.md", "../../buiten/x.svg", False),  # outside the project: trust.buiten removes it
    ],
)
def test_geweigerd_follows_what_sphinx_would_copy(project: Path, bestand: str, pad: str, weg: bool) -> None:
    assert access.geweigerd(bestand, pad, project) is weg


def test_a_link_to_an_svg_is_a_download_in_plan_and_regio_files() -> None:
    """SVG is no image type any more: a Markdown link to one offers a file to download, and is refused."""
    assert ".svg" not in trust.BEELDEN
    for bestand in (f"{PLANNEN}/a.md", "requirements/regio.md"):
        found = list(trust.findings(bestand, "Zie [de kaart](kaart.svg).\n"))
        assert [f.regelnummer for f in found] == [1] and "een los bestand om te downloaden (kaart.svg)" in found[0].melding
    assert list(trust.findings("docs/a.md", "Zie [de kaart](kaart.svg).\n")) == []
    assert list(trust.findings(f"{PLANNEN}/a.md", "Zie [de kaart](kaart.png).\n")) == []


def test_the_messages_say_why_and_what_to_do() -> None:
    oorzaak, oplossing = vertrouwen.BEELD_SVG.voorbeeld_teksten()
    assert "script" in oorzaak and "Exporteren als PNG" in oplossing
    assert access.MAX_BEELD == 5 * 1024 * 1024

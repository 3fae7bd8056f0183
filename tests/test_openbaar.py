"""What a gemeente's IT department checks before publication (issue 32): security.txt and the
placeholders of a new region that stop its publication.

Unit tests on hgkm.site.security_txt, and one real build: a new region's skeleton built for
publication (HGKM_SITE_URL set) stops at each placeholder, located.
"""

from __future__ import annotations

import runpy
from datetime import date
from pathlib import Path
from types import SimpleNamespace

from hgkm import ROOT
from hgkm.site import security_txt as st
from hgkm.tools.build import build
from hgkm.tools.nieuwe_regio import nieuwe_regio

VANDAAG = date(2026, 12, 8)


def app(tmp_path: Path, contact: str, verloopt: str, conf: str = "") -> SimpleNamespace:
    (tmp_path / "conf.py").write_text(conf or f'x = 1\nhgkm_security_contact = "{contact}"\n'
                                      f'hgkm_security_verloopt = "{verloopt}"\n', encoding="utf-8")
    config = SimpleNamespace(hgkm_security_contact=contact, hgkm_security_verloopt=verloopt, html_baseurl="",
                             hgkm_peildatum="")
    return SimpleNamespace(config=config, confdir=str(tmp_path), srcdir=str(tmp_path))


def test_security_txt_has_contact_expiry_and_canonical() -> None:
    tekst = st.security_txt("docs/privacy.html#melden", "2027-11-30", "https://hgkm.example.nl/kennisbank/")
    assert tekst.splitlines() == ["Contact: https://hgkm.example.nl/kennisbank/docs/privacy.html#melden",
                                  "Expires: 2027-11-30T23:59:59Z", "Preferred-Languages: nl, en",
                                  "Canonical: https://hgkm.example.nl/kennisbank/.well-known/security.txt"]
    assert st.security_txt("mailto:security@gemeente.example.nl", "2027-01-01", "").startswith(
        "Contact: mailto:security@gemeente.example.nl\nExpires: 2027-01-01T23:59:59Z\n")


def test_placeholders_and_a_passed_expiry_are_objections(tmp_path: Path) -> None:
    bezwaren = st.bezwaren(app(tmp_path, "VUL IN", "VUL IN"), VANDAAG)
    assert [(f.code, f.bestand, f.regelnummer, f.blokkerend) for f, _ in bezwaren] == [
        ("publicatie-plaatshouder", "conf.py", 2, True)]
    assert bezwaren[0][1] == f"{tmp_path / 'conf.py'}:2"
    verlopen = st.bezwaren(app(tmp_path, "mailto:security@gemeente.example.nl", "2026-01-31"), VANDAAG)
    assert [(f.code, f.regelnummer) for f, _ in verlopen] == [("security-verlopen", 3)]
    assert "die datum is voorbij" in verlopen[0][0].melding
    geen_datum = st.bezwaren(app(tmp_path, "mailto:security@gemeente.example.nl", "binnenkort"), VANDAAG)
    assert "geen datum" in geen_datum[0][0].melding
    assert st.bezwaren(app(tmp_path, "https://gemeente.example.nl/melden", "2027-06-30"), VANDAAG) == []
    assert st.bezwaren(app(tmp_path, "", ""), VANDAAG) == []  # no contact set: no security.txt, no objection


def test_an_unfilled_accessibility_statement_is_an_objection(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "toegankelijkheid.md").write_text(
        "# T\n\n% VUL IN in een opmerking telt niet\n[Naam organisatie] wil dat iedereen\nStatus: VUL IN\n",
        encoding="utf-8")
    bezwaren = st.bezwaren(app(tmp_path, "", ""), VANDAAG)
    assert [(f.bestand, f.regelnummer) for f, _ in bezwaren] == [("docs/toegankelijkheid.md", 4),
                                                                ("docs/toegankelijkheid.md", 5)]
    assert "'[Naam organisatie]'" in bezwaren[0][0].melding


def test_this_knowledge_base_is_ready_for_publication() -> None:
    """Its own settings and accessibility statement: filled in (from conf.py), expiry within a year."""
    config = runpy.run_path(str(ROOT / "conf.py"))
    ns = SimpleNamespace(hgkm_security_contact=config["hgkm_security_contact"],
                         hgkm_security_verloopt=config["hgkm_security_verloopt"], html_baseurl="", hgkm_peildatum="")
    assert st.bezwaren(SimpleNamespace(config=ns, confdir=str(ROOT), srcdir=str(ROOT)), VANDAAG) == []
    assert (date.fromisoformat(ns.hgkm_security_verloopt) - VANDAAG).days <= 366


def test_a_new_region_is_not_published_with_placeholders(tmp_path: Path) -> None:
    doel = tmp_path / "kennemerland"
    nieuwe_regio(doel, "Kennemerland", VANDAAG)
    result = build(doel, tmp_path / "html", strict=True, env={"HGKM_SITE_URL": "https://kennemerland.example.nl/"})
    assert result.returncode != 0 and "Traceback" not in result.log
    plekken = [line.split(": WARNING:")[0] for line in result.warnings if "niet ingevuld" in line]
    conf = (doel / "conf.py").read_text(encoding="utf-8").splitlines()
    nr = next(i for i, line in enumerate(conf, start=1) if line.startswith("hgkm_security_contact"))
    assert f"{doel / 'conf.py'}:{nr}" in plekken
    assert sum(p.startswith(str(doel / "docs" / "toegankelijkheid.md")) for p in plekken) == 5, result.warnings

"""What the IT department of a gemeente checks before it publishes (issue 32).

- `/.well-known/security.txt` (RFC 9116, on the Dutch "pas toe of leg uit" list): Contact and
  Expires from the region's settings in conf.py (`hgkm_security_contact`,
  `hgkm_security_verloopt`), Preferred-Languages and, when the site's address is known,
  Canonical. A project that sets no contact gets no file (the test corpora).
- The settings and pages a new region fills in before publication: a contact or expiry that
  still says VUL IN, an expiry that passed, and an accessibility statement
  (docs/toegankelijkheid.md) that still holds VUL IN or "[Naam organisatie]". In the build for
  publication (the site's address set, HGKM_SITE_URL, as the publishing workflow does) each
  one is a located warning, so the strict build and the publication stop; in every other
  build (make html, make serve, the check of a pull request) it is a note.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging as sphinx_logging

from hgkm.model.corpus import peildatum
from hgkm.model.findings import Finding
from hgkm.model.messages import privacy as m
from hgkm.sources import gate

logger = sphinx_logging.getLogger(__name__)

PLAATSHOUDER = "VUL IN"
TOEGANKELIJKHEID = "docs/toegankelijkheid.md"
#: A template's own placeholder in an accessibility statement: "[Naam organisatie]", "[datum]".
_HAAK = re.compile(r"\[(?:Naam organisatie|datum|aantal|link|e-mailadres of formulier|onderzoeksbureau)[^\]\n]{0,40}\]")


def security_txt(contact: str, verloopt: str, baseurl: str) -> str:
    """The file's text (RFC 9116): Contact and Expires required, Canonical when the address is known."""
    basis = baseurl.rstrip("/")
    if basis and not re.match(r"(?:mailto|https?|tel):", contact):
        contact = f"{basis}/{contact.lstrip('/')}"
    regels = [f"Contact: {contact}", f"Expires: {verloopt}T23:59:59Z", "Preferred-Languages: nl, en"]
    if basis:
        regels.append(f"Canonical: {basis}/.well-known/security.txt")
    return "\n".join(regels) + "\n"


def _regel_in(pad: Path, naam: str) -> int:
    """The line of conf.py that sets `naam` (1 when not found)."""
    try:
        for nr, line in enumerate(pad.read_text(encoding="utf-8").splitlines(), start=1):
            if line.startswith(f"{naam} ") or line.startswith(f"{naam}="):
                return nr
    except OSError:
        pass  # an unreadable conf.py: the finding still names the file, at its first line
    return 1


def bezwaren(app: Sphinx, vandaag: date) -> list[tuple[Finding, str]]:
    """What stops publication: (finding, file:line) per unfilled setting or placeholder."""
    conf = Path(app.confdir, "conf.py")
    uit: list[tuple[Finding, str]] = []
    contact, verloopt = app.config.hgkm_security_contact, app.config.hgkm_security_verloopt
    if contact and PLAATSHOUDER in contact:
        nr = _regel_in(conf, "hgkm_security_contact")
        uit.append((m.PUBLICATIE_PLAATSHOUDER(
            "conf.py", nr, waar="hgkm_security_contact in conf.py", waarde=contact[:80],
            doel="voor wie een beveiligingslek wil melden (/.well-known/security.txt)",
            oplossing="Zet in conf.py het adres of de pagina waar een lek gemeld kan worden, bijvoorbeeld  "
                      "hgkm_security_contact = \"mailto:security@gemeente.example.nl\""), f"{conf}:{nr}"))
    if contact and PLAATSHOUDER not in contact:
        nr = _regel_in(conf, "hgkm_security_verloopt")
        try:
            datum = date.fromisoformat(verloopt)
            reden = "die datum is voorbij" if datum < vandaag else ""
        except ValueError:
            reden = "dat is geen datum JJJJ-MM-DD"
        if reden:
            uit.append((m.SECURITY_VERLOPEN("conf.py", nr, waarde=verloopt[:40], reden=reden,
                                            voorbeeld=f"{vandaag.year + 1}-{vandaag.month:02d}-01"), f"{conf}:{nr}"))
    verklaring = Path(app.srcdir, TOEGANKELIJKHEID)
    if verklaring.is_file():
        for nr, line in enumerate(verklaring.read_text(encoding="utf-8").splitlines(), start=1):
            if (PLAATSHOUDER in line or _HAAK.search(line)) and not line.startswith("%"):
                waarde = PLAATSHOUDER if PLAATSHOUDER in line else _HAAK.search(line).group()  # type: ignore[union-attr]
                uit.append((m.PUBLICATIE_PLAATSHOUDER(
                    TOEGANKELIJKHEID, nr, waar=f"De toegankelijkheidsverklaring ({TOEGANKELIJKHEID}, regel {nr})",
                    waarde=waarde, doel="en geen echte stand van zaken voor wie de site niet kan gebruiken",
                    oplossing="Vul de verklaring in met het model van toegankelijkheidsverklaring.nl."),
                    f"{verklaring}:{nr}"))
    return uit


def _controleer(app: Sphinx) -> None:
    publicatie = bool(app.config.html_baseurl)
    vandaag = peildatum(app.config.hgkm_peildatum or None)
    for finding, plaats in bezwaren(app, vandaag):
        if publicatie:
            gate.warn(finding, plaats)
        else:
            logger.info(f"{plaats}: waarschuwing: {finding.melding} {finding.oplossing}")


def _schrijf(app: Sphinx, exception: Exception | None) -> None:
    contact = app.config.hgkm_security_contact
    if exception is not None or app.builder.format != "html" or not contact:
        return
    map_ = Path(app.outdir, ".well-known")
    map_.mkdir(exist_ok=True)
    (map_ / "security.txt").write_text(
        security_txt(contact, app.config.hgkm_security_verloopt, app.config.html_baseurl or ""), encoding="utf-8")


def setup(app: Sphinx) -> None:
    # a contact for vulnerabilities: an https page, a mailto: address (RFC 9116); "": no security.txt
    app.add_config_value("hgkm_security_contact", "", "html", types=(str,))
    # the last day the file holds (JJJJ-MM-DD), at most a year ahead
    app.add_config_value("hgkm_security_verloopt", "", "html", types=(str,))
    app.connect("builder-inited", _controleer)
    app.connect("build-finished", _schrijf)

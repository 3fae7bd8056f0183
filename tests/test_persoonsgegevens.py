"""Personal data in content (issue 32): the detector (hgkm.sources.persoonsgegevens) and the
owner rule (hgkm.rules.persoonsgegevens), unit by unit; the located findings in a real build
are tests/test_regels.py's (fixture corpus regels/persoonsgegevens).

Every kind has a line that must trigger it and lines of real policy text that must not; the
knowledge base's own content gives no finding at all.
"""

from __future__ import annotations

import time

import pytest

from hgkm import ROOT
from hgkm.rules.persoonsgegevens import lijkt_persoon
from hgkm.sources import persoonsgegevens as pg
from hgkm.sources.item_count import regels

#: line -> the kinds found in it, in order (every value here is made up)
MOETEN = {
    "Mail jan.jansen@rotterdam.nl voor vragen": ["e-mail"],
    "[Mail ons](mailto:p.bakker@vlaardingen.nl)": ["mailto"],
    "Bel 06-12345678 of 06 1234 5678": ["telefoon", "telefoon"],
    "Bel +31 6 1234 5678 of +31 (0)10 123 4567": ["telefoon", "telefoon"],
    "Telefoon: 010-1234567, fax (0111) 123456": ["telefoon", "telefoon"],
    "Gratis: 0800-1234, of tel:+31104171234": ["telefoon", "telefoon"],
    "BSN 111222333 en 123.456.782": ["bsn", "bsn"],
    "IBAN NL91 ABNA 0417 1643 00 of NL91ABNA0417164300": ["iban", "iban"],
    "Zij woont aan de Hoofdstraat 12, bij de Laan van Nooitgedacht 3a": ["adres", "adres"],
    "Afspraak op de Coolsingel 40 of het Stationsplein 1": ["adres", "adres"],
    "Het kind, geboren op 12-03-2015, en zijn zus (geb. 3 maart 2016)": ["geboortedatum", "geboortedatum"],
    "Geboortedatum: 2014-05-06": ["geboortedatum"],
}

#: Real policy text: years, periods, dates, amounts, IDs, kenmerken, articles and laws.
MAG = [
    "De regiovisie loopt van 2024-2027; de Jeugdwet 2015 en de Wmo 2015 gelden.",
    "Artikel 12, lid 2, hoofdstuk 3; opgave 4 en fase 2 (Verbetering 3).",
    "Besluit 2024/0123456 van 01-02-2025 10:00, kenmerk 23-0456, zaak Z-2024-012345.",
    "Budget € 1.234.567, of 0,5 miljoen; 12 maanden en 35 regio's; 1.600 meldingen.",
    "OG-RR24-4 UA-RR24-12 WT-JW-2.1 UP-VOORBEELD-1 :start: 2024-03-01",
    "123456789 is geen BSN (de elfproef faalt); NL00 ABNA 0417 1643 00 geen IBAN.",
    "Kinderen geboren in 2024 krijgen een huisbezoek.",
    "Mail info@gemeente.example.nl of naam@example.org (voorbeelden).",
    "Links naar `https://`, `http://` en `mailto:` mogen.",
    "Zie Veilig Thuis Rotterdam Rijnmond en de Maashaven; 06 of 010 zijn netnummers.",
]


@pytest.mark.parametrize("regel", MOETEN)
def test_each_kind_is_found(regel: str) -> None:
    assert [t.soort for t in pg.treffers(regel)] == MOETEN[regel]


@pytest.mark.parametrize("regel", MAG)
def test_policy_text_is_left_alone(regel: str) -> None:
    assert pg.treffers(regel) == []


def test_listed_functional_addresses_and_mailto_pass() -> None:
    regel = "Vragen: info@aadorp.nl of [mail](mailto:Info@Aadorp.nl); niet j.jansen@aadorp.nl"
    assert [t.waarde for t in pg.treffers(regel, ["info@aadorp.nl"])] == ["j.jansen@aadorp.nl"]
    assert [t.soort for t in pg.treffers(regel)] == ["e-mail", "mailto", "e-mail"]


def test_checks_beyond_the_shape() -> None:
    assert pg.elfproef("111222333") and not pg.elfproef("111222334") and not pg.elfproef("000000000")
    assert pg.iban_geldig("NL91ABNA0417164300") and not pg.iban_geldig("NL91ABNA0417164301")
    assert pg.iban_geldig("BE68 5390 0754 7034") and not pg.iban_geldig("NL91ABNA041716430")
    assert pg.is_telefoon("06-12345678") and not pg.is_telefoon("01-02-2025 10")


def test_findings_are_located_and_never_show_the_value() -> None:
    tekst = "# Plan\n\nVoor vragen: jan.jansen@rotterdam.nl of 06-12345678.\n"
    found = list(pg.findings("requirements/uitvoeringsplannen/x.md", tekst))
    assert [(f.regel, f.regelnummer) for f in found] == [("persoonsgegevens", 3)] * 2
    assert all(f.blokkerend for f in found)
    assert "kolom 14" in found[0].melding and "(ja…nl)" in found[0].melding and "een e-mailadres" in found[0].melding
    assert "telefoonnummer" in found[1].melding
    assert not any("jansen" in f.melding + f.oplossing or "12345678" in f.melding for f in found)
    assert pg.masker("06-12345678") == "06…78" and pg.masker("12345") == "…"


def test_the_knowledge_base_has_no_finding() -> None:
    """Real policy text: the requirements, the maintainers' pages, the guide and the templates."""
    paden = [*ROOT.glob("requirements/**/*.md"), *ROOT.glob("docs/**/*.md"), ROOT / "index.md",
             ROOT / "README.md", ROOT / "CONTRIBUTING.md", *(ROOT / "hgkm" / "templates").rglob("*.jinja")]
    assert len(paden) > 20
    found = [f.plaats for p in paden for f in pg.findings(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8"))]
    assert found == []


def test_a_hostile_line_is_read_in_linear_time() -> None:
    """Lines built to make a naive scan quadratic, 128 KB each (no time is asserted tightly:
    the machine is shared; a quadratic scan would take minutes)."""
    n = 128 * 1024
    lines = ["a." * (n // 2) + "@", "a@" * (n // 2), "1 " * (n // 2), "0" * n, "Astraat 1 " * (n // 10),
             "geboren " * (n // 8), "NL91 " * (n // 5), "mailto:" * (n // 7), "+(" * (n // 2)]
    begin = time.perf_counter()
    for line in lines:
        pg.treffers(line)
    assert time.perf_counter() - begin < 20
    assert [t.soort for t in pg.treffers("Astraat 1 " * 3)] == []  # "Astraat" is no street word of its own
    assert len(pg.treffers("Hoofdstraat 1 " * 1000)) == 1000


@pytest.mark.parametrize("waarde", ["J. de Vries", "Jan de Vries", "J.P. Bakker", "J.de Vries", "mevr. Jansen",
                                    "dhr. P. Bakker", "Fatima Yilmaz", "Piet Jansen", "Afdeling Zorg, J. de Vries"])
def test_an_owner_that_looks_like_a_person(waarde: str) -> None:
    assert lijkt_persoon(waarde)


@pytest.mark.parametrize("waarde", ["Afdeling Zorg", "Gemeente Vlaardingen", "Voorbeeldgemeente, afdeling Samenleving",
                                    "Wijkteam", "Team Veiligheid", "Sociaal team", "Veilig Thuis Rotterdam Rijnmond",
                                    "Beleidsadviseur huiselijk geweld", "Openbare Orde en Veiligheid",
                                    "Maatschappelijke Ontwikkeling", "Rotterdam Rijnmond"])
def test_an_owner_that_is_a_team_or_role(waarde: str) -> None:
    assert not lijkt_persoon(waarde)


def test_no_owner_of_the_knowledge_base_looks_like_a_person() -> None:
    waarden = [line.split(":eigenaar:", 1)[1].strip() for p in ROOT.glob("requirements/**/*.md")
               for line in regels(p.read_text(encoding="utf-8")) if line.strip().startswith(":eigenaar:")]
    assert waarden and not [w for w in waarden if lijkt_persoon(w)]

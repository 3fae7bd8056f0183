"""The content of the knowledge base is what the sources say (issue 3).

These tests build the real site once (warnings are errors) and check the needs in
needs.json against the structure of the regiovisie 2024-2027 and the other sources:
exact ID sets and titles, the region, the sources every normative item cites, and
the two plans (Vlaardingen 2022, the fictitious voorbeeld).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from hgkm import ROOT
from hgkm.tools.build import BuildResult, build

NORMATIVE = {"regiovisie", "taak", "principe", "opgave", "toetssteen", "gemeente", "plan", "actie"}

BRONNEN = {
    "BR-RR24": "004_50ff17d3710b0d11.txt",
    "BR-ALB-2024": "000_c58117ae5ef856d8.txt",
    "BR-HAA-2020": "001_a49d7bf52a54c6ca.txt",
    "BR-VLA-2022": "002_92fee3d4e565c56e.txt",
    "BR-DOR-2019": "003_2bff8a856ec031e4.txt",
}

REGIOVISIES = {
    # id: (regio, start, eind). For RV-KEN and RV-ZHZ (part of) the looptijd is derived by the
    # knowledge base, not stated in the source; those items carry LOOPTIJD_AFGELEID.
    "RV-RR24": ("Rotterdam Rijnmond", "2024-01-01", "2027-12-31"),
    "RV-RR20": ("Rotterdam Rijnmond", "2020-01-01", "2023-12-31"),
    "RV-KEN": ("Kennemerland", "2020-01-01", "2021-12-31"),
    "RV-ZHZ": ("Zuid-Holland Zuid", "2019-01-01", "2021-12-31"),
}

# The tag that marks a regiovisie whose start or eind is derived, not stated in its source.
LOOPTIJD_AFGELEID = "looptijd-afgeleid"
# RV-KEN: the raadsvoorstel names no looptijd at all. RV-ZHZ: the nota gives only the end (2021).
AFGELEIDE_LOOPTIJD = {"RV-KEN", "RV-ZHZ"}

PRINCIPES_RR24 = {
    "LP-RR24-1": "We werken volgens de visie Gefaseerd Samenwerken aan Veiligheid",
    "LP-RR24-2": "Lokale teams zijn de basis",
    "LP-RR24-3": "We werken gezinsgericht (het gezinssysteem staat centraal)",
    "LP-RR24-4": "We leggen de verantwoordelijkheid waar deze hoort",
    "LP-RR24-5": "Lerend met en van elkaar",
}

OPGAVEN_RR24 = {
    "OG-RR24-1": "Sterke lokale teams",
    "OG-RR24-2": "Verbreding van de Huiselijk Geweld (HG) leerwerkplaats",
    "OG-RR24-3": "Samenwerken met ervaringsdeskundigen",
    "OG-RR24-4": "Plegersperspectief",
    "OG-RR24-5": "Implementatie van de visie Gefaseerd Samenwerken aan Veiligheid",
}

TOETSSTENEN_RR24 = {
    "TS-RR24-1": "Duurzame veiligheid",
    "TS-RR24-2": "Ervaringsdeskundigen",
    "TS-RR24-3": "Plegersperspectief",
}

OPGAVEN_RR20 = {
    "OG-RR20-1": "Eerder en beter in beeld krijgen van huiselijk geweld en kindermishandeling",
    "OG-RR20-2": "Het geweld stoppen",
    "OG-RR20-3": "De cirkel van geweld duurzaam doorbreken",
}

OPGAVEN_ZHZ = {
    "OG-ZHZ-1": "Eerder en beter in beeld",
    "OG-ZHZ-2": "Stoppen en duurzaam oplossen",
    "OG-ZHZ-3": "Specifieke groepen",
}

TAKEN_GEMEENTE = {
    "WT-GEM-1": "Opvang voor slachtoffers en hulp aan alle betrokkenen organiseren",
    "WT-GEM-2": "Kindermishandeling voorkomen en bestrijden",
    "WT-GEM-3": "Opdrachtgeverschap Veilig Thuis",
    "WT-GEM-4": "Uitvoering van de Wet tijdelijk huisverbod",
    "WT-GEM-5": "Implementatie van de Wet meldcode",
    "WT-GEM-6": "Preventie",
    "WT-GEM-7": "Regie op de samenwerking",
}

TAKEN_CENTRUMGEMEENTE = {
    "WT-CG-1": "Continuïteit en kwaliteit van de (vrouwen)opvang",
    "WT-CG-2": "Financiering van de uitvoering van de Wet tijdelijk huisverbod",
    "WT-CG-3": "Medefinanciering van Veilig Thuis",
    "WT-CG-4": "Medefinanciering van het Centrum Seksueel Geweld",
}

# The region Rotterdam Rijnmond: gemeente -> (naam, rol, centrumgemeente, subregio)
REGIO_RR = {
    "GM-ROTTERDAM": ("Rotterdam", "centrumgemeente", "GM-ROTTERDAM", ""),
    "GM-ALBRANDSWAARD": ("Albrandswaard", "regiogemeente", "GM-ROTTERDAM", ""),
    "GM-BARENDRECHT": ("Barendrecht", "regiogemeente", "GM-ROTTERDAM", ""),
    "GM-CAPELLE-AAN-DEN-IJSSEL": ("Capelle aan den IJssel", "regiogemeente", "GM-ROTTERDAM", ""),
    "GM-KRIMPEN-AAN-DEN-IJSSEL": ("Krimpen aan den IJssel", "regiogemeente", "GM-ROTTERDAM", ""),
    "GM-LANSINGERLAND": ("Lansingerland", "regiogemeente", "GM-ROTTERDAM", ""),
    "GM-RIDDERKERK": ("Ridderkerk", "regiogemeente", "GM-ROTTERDAM", ""),
    "GM-NISSEWAARD": ("Nissewaard", "centrumgemeente", "GM-NISSEWAARD", "Zuid-Holland Eilanden"),
    "GM-GOEREE-OVERFLAKKEE": ("Goeree-Overflakkee", "regiogemeente", "GM-NISSEWAARD", "Zuid-Holland Eilanden"),
    "GM-HOEKSCHE-WAARD": ("Hoeksche Waard", "regiogemeente", "GM-NISSEWAARD", "Zuid-Holland Eilanden"),
    "GM-VOORNE-AAN-ZEE": ("Voorne aan Zee", "regiogemeente", "GM-NISSEWAARD", "Zuid-Holland Eilanden"),
    "GM-VLAARDINGEN": ("Vlaardingen", "centrumgemeente", "GM-VLAARDINGEN", "Maassluis, Vlaardingen en Schiedam"),
    "GM-MAASSLUIS": ("Maassluis", "regiogemeente", "GM-VLAARDINGEN", "Maassluis, Vlaardingen en Schiedam"),
    "GM-SCHIEDAM": ("Schiedam", "regiogemeente", "GM-VLAARDINGEN", "Maassluis, Vlaardingen en Schiedam"),
}

VLAARDINGEN_ACTIES = {f"UA-VLA-2022-{i}" for i in range(1, 8)}
VOORBEELD_ACTIES = {f"UA-VOORBEELD-{i}" for i in range(1, 8)}
# The date the statuses of the fictitious voorbeeld were last brought in line with its dates.
VOORBEELD_PEILDATUM = date(2026, 12, 1)


def verwachte_status(start: date, eind: date, peildatum: date) -> str:
    """The status an actie with these dates has on `peildatum`."""
    if peildatum < start:
        return "gepland"
    if peildatum > eind:
        return "afgerond"
    return "lopend"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real site, built once for this module, with warnings as errors."""
    return build(ROOT, tmp_path_factory.mktemp("inhoud") / "html", strict=True)


@pytest.fixture(scope="module")
def needs(site: BuildResult) -> dict:
    assert site.returncode == 0, "\n".join(site.warnings) or site.log
    return site.needs()


def of_type(needs: dict, need_type: str) -> dict:
    return {nid: n for nid, n in needs.items() if n["type"] == need_type}


def titles(needs: dict, ids) -> dict:
    return {nid: needs[nid]["title"] for nid in ids}


def test_site_builds_without_warnings(site: BuildResult) -> None:
    assert site.returncode == 0
    assert site.warnings == []


# --------------------------------------------------------------------- bronnen


def test_bronnen_are_the_five_seed_documents(needs: dict) -> None:
    bronnen = of_type(needs, "bron")
    assert {nid: b["bestand"] for nid, b in bronnen.items()} == BRONNEN
    assert all(b["organisatie"] for b in bronnen.values())
    assert bronnen["BR-ALB-2024"]["kenmerk"] == "Zaaknummer 938521"
    assert bronnen["BR-ALB-2024"]["datum"] == "2024-01-23"
    assert bronnen["BR-HAA-2020"]["kenmerk"] == "2020/1048818"
    assert bronnen["BR-HAA-2020"]["datum"] == "2020-11-10"
    assert bronnen["BR-VLA-2022"]["kenmerk"] == "Registratienummer 1920540"
    assert bronnen["BR-VLA-2022"]["datum"] == "2022-11-22"
    assert bronnen["BR-DOR-2019"]["datum"] == "2019-10-17"


def test_every_normative_item_cites_an_existing_bron(needs: dict) -> None:
    bronnen = set(of_type(needs, "bron"))
    zonder = sorted(nid for nid, n in needs.items() if n["type"] in NORMATIVE and not n["bronnen"])
    assert zonder == []
    onbekend = sorted(
        (nid, b) for nid, n in needs.items() for b in n.get("bronnen", []) if b not in bronnen
    )
    assert onbekend == []


def test_every_bron_is_cited(needs: dict) -> None:
    geciteerd = {b for n in needs.values() for b in n.get("bronnen", [])}
    assert set(BRONNEN) <= geciteerd


# ----------------------------------------------------------------- regiovisies


def test_regiovisies(needs: dict) -> None:
    visies = of_type(needs, "regiovisie")
    assert {nid: (v["regio"], v["start"], v["eind"]) for nid, v in visies.items()} == REGIOVISIES


def test_derived_looptijd_is_marked_in_the_data(needs: dict) -> None:
    # The dates of RV-KEN and RV-ZHZ are an approximation; needs.json must say so itself.
    visies = of_type(needs, "regiovisie")
    assert {nid for nid, v in visies.items() if LOOPTIJD_AFGELEID in v["tags"]} == AFGELEIDE_LOOPTIJD
    for nid in AFGELEIDE_LOOPTIJD:
        assert "afgeleid" in visies[nid]["content"], nid


def test_region_membership_of_the_other_visies(needs: dict) -> None:
    # RR20: the same fourteen gemeenten (the sources give no other composition).
    assert set(needs["RV-RR20"]["gemeenten"]) == set(REGIO_RR)
    # Kennemerland: the source names eight gemeenten but no centrumgemeente, so no items.
    assert needs["RV-KEN"]["gemeenten"] == []
    for naam in ("Beverwijk", "Bloemendaal", "Haarlem", "Haarlemmermeer", "Heemskerk", "Heemstede", "Velsen", "Zandvoort"):
        assert naam in needs["RV-KEN"]["content"]
    assert "11" in needs["RV-KEN"]["content"]


def test_rr24_names_every_gemeente_of_the_region(needs: dict) -> None:
    assert set(needs["RV-RR24"]["gemeenten"]) == set(REGIO_RR)
    assert "GM-VOORBEELD" not in needs["RV-RR24"]["gemeenten"]


def test_rr24_names_all_wettelijke_taken(needs: dict) -> None:
    assert set(needs["RV-RR24"]["taken"]) == set(TAKEN_GEMEENTE) | set(TAKEN_CENTRUMGEMEENTE)


def test_principes_rr24(needs: dict) -> None:
    eigen = {nid for nid, n in of_type(needs, "principe").items() if n["regiovisie"] == ["RV-RR24"]}
    assert titles(needs, eigen) == PRINCIPES_RR24


def test_gefaseerd_samenwerken_has_its_three_steps(needs: dict) -> None:
    tekst = needs["LP-RR24-1"]["content"]
    for doel in ("het geweld stopt", "stabiele veiligheid", "hersteld of beperkt"):
        assert doel in tekst


def test_opgaven_rr24(needs: dict) -> None:
    eigen = {nid for nid, n in of_type(needs, "opgave").items() if n["regiovisie"] == ["RV-RR24"]}
    assert titles(needs, eigen) == OPGAVEN_RR24


def test_opgaven_carry_their_substance(needs: dict) -> None:
    """The sub-points each opgave lists in chapter 6 are on the item."""
    verwacht = {
        "OG-RR24-1": ["meldcode", "zelfscan", "Intensieve Casusregie", "doorzettingsmacht"],
        "OG-RR24-2": ["2021", "twee soorten leerwerkpunten", "casusreflectiebijeenkomsten", "wisselstages"],
        "OG-RR24-3": ["passende opleiding", "passende beloning", "begeleiding", "Ervaring in huis"],
        "OG-RR24-4": ["laagdrempelig aanbod", "gestigmatiseerd", "gericht op herstel", "leernetwerk plegersperspectief"],
        "OG-RR24-5": ["Top 3-methodiek", "Scholing van professionals", "dezelfde taal", "langdurige betrokkenheid"],
    }
    for nid, woorden in verwacht.items():
        tekst = " ".join(needs[nid]["content"].split())
        for woord in woorden:
            assert woord in tekst, f"{nid} mist {woord!r}"


def test_toetsstenen_rr24(needs: dict) -> None:
    eigen = {nid for nid, n in of_type(needs, "toetssteen").items() if n["regiovisie"] == ["RV-RR24"]}
    assert titles(needs, eigen) == TOETSSTENEN_RR24
    for nid in eigen:
        assert needs[nid]["indicator"] and needs[nid]["richting"]
    assert "hermeldingen" in needs["TS-RR24-1"]["indicator"]
    assert "daalt" in needs["TS-RR24-1"]["richting"]
    assert "40,4%" in needs["TS-RR24-1"]["content"] and "38%" in needs["TS-RR24-1"]["content"]


def test_rr20_goals(needs: dict) -> None:
    eigen = {nid for nid, n in of_type(needs, "opgave").items() if n["regiovisie"] == ["RV-RR20"]}
    assert titles(needs, eigen) == OPGAVEN_RR20
    assert all(needs[nid]["bronnen"] == ["BR-VLA-2022"] for nid in eigen)


def test_zhz_actielijnen_and_no_invented_kennemerland_goals(needs: dict) -> None:
    per_visie = {}
    for nid, n in of_type(needs, "opgave").items():
        per_visie.setdefault(n["regiovisie"][0], set()).add(nid)
    assert titles(needs, per_visie["RV-ZHZ"]) == OPGAVEN_ZHZ
    # The 11 Kennemerland doelstellingen are not spelled out in the source.
    assert "RV-KEN" not in per_visie
    assert set(per_visie) == {"RV-RR24", "RV-RR20", "RV-ZHZ"}


# ---------------------------------------------------------------------- taken


def test_taken(needs: dict) -> None:
    taken = of_type(needs, "taak")
    gemeente = {nid for nid, t in taken.items() if t["niveau"] == "gemeente"}
    centrum = {nid for nid, t in taken.items() if t["niveau"] == "centrumgemeente"}
    assert titles(needs, gemeente) == TAKEN_GEMEENTE
    assert titles(needs, centrum) == TAKEN_CENTRUMGEMEENTE


# ------------------------------------------------------------------- gemeenten


def test_gemeenten_of_the_region(needs: dict) -> None:
    for nid, (naam, rol, centrum, subregio) in REGIO_RR.items():
        g = needs[nid]
        assert (g["title"], g["rol"], g["centrumgemeente"], g["subregio"] or "") == (naam, rol, centrum, subregio), nid


def test_centrumgemeenten_name_themselves(needs: dict) -> None:
    for nid, g in of_type(needs, "gemeente").items():
        if g["rol"] == "centrumgemeente":
            assert g["centrumgemeente"] == nid
        else:
            assert needs[g["centrumgemeente"]]["rol"] == "centrumgemeente"


def test_gemeente_items(needs: dict) -> None:
    """The region, Dordrecht (ZHZ) and the fictitious Voorbeeldgemeente: nothing else."""
    assert set(of_type(needs, "gemeente")) == set(REGIO_RR) | {"GM-DORDRECHT", "GM-VOORBEELD"}
    assert set(needs["RV-ZHZ"]["gemeenten"]) == {"GM-DORDRECHT", "GM-HOEKSCHE-WAARD"}


# ---------------------------------------------------------------------- plans


def test_only_the_sourced_plan_and_the_voorbeeld_exist(needs: dict) -> None:
    """No real gemeente gets an invented plan."""
    assert set(of_type(needs, "plan")) == {"UP-VLA-2022", "UP-VOORBEELD"}
    assert of_type(needs, "uitzondering") == {}


def test_vlaardingen_2022(needs: dict) -> None:
    plan = needs["UP-VLA-2022"]
    assert plan["regiovisie"] == ["RV-RR20"]
    assert plan["gemeenten"] == ["GM-VLAARDINGEN"]
    assert plan["status"] == "concept"
    assert plan["bronnen"] == ["BR-VLA-2022"]
    acties = {nid: a for nid, a in of_type(needs, "actie").items() if a["plan"] == ["UP-VLA-2022"]}
    assert set(acties) == VLAARDINGEN_ACTIES
    gedekt = set()
    for nid, a in acties.items():
        assert a["opgaven"] and set(a["opgaven"]) <= set(OPGAVEN_RR20), nid
        assert a["taken"] == [], nid
        assert a["bronnen"] == ["BR-VLA-2022"], nid
        assert a["eigenaar"] == "Gemeente Vlaardingen", nid
        assert a["status"] in {"afgerond", "lopend"}, nid
        start, eind = date.fromisoformat(a["start"]), date.fromisoformat(a["eind"])
        assert date(2022, 1, 1) <= start <= eind <= date(2022, 12, 31), nid
        assert "voorbeeld" not in a["tags"], nid
        gedekt |= set(a["opgaven"])
    assert gedekt == set(OPGAVEN_RR20)
    assert acties["UA-VLA-2022-1"]["status"] == "afgerond"


def test_voorbeeld_plan(needs: dict) -> None:
    plan = needs["UP-VOORBEELD"]
    assert plan["regiovisie"] == ["RV-RR24"]
    assert plan["gemeenten"] == ["GM-VOORBEELD"]
    assert plan["status"] == "concept"
    gm = needs["GM-VOORBEELD"]
    assert (gm["rol"], gm["centrumgemeente"], gm["bronnen"]) == ("regiogemeente", "GM-ROTTERDAM", ["BR-RR24"])

    acties = {nid: a for nid, a in of_type(needs, "actie").items() if a["plan"] == ["UP-VOORBEELD"]}
    assert set(acties) == VOORBEELD_ACTIES
    opgaven = {o for a in acties.values() for o in a["opgaven"]}
    taken = {t for a in acties.values() for t in a["taken"]}
    assert opgaven == set(OPGAVEN_RR24)
    assert taken == set(TAKEN_GEMEENTE)  # every gemeente-taak, no centrumgemeente-taak
    for nid, a in acties.items():
        assert a["principes"] and set(a["principes"]) <= set(PRINCIPES_RR24), nid
        assert a["eigenaar"].startswith("Voorbeeldgemeente"), nid
        start, eind = date.fromisoformat(a["start"]), date.fromisoformat(a["eind"])
        assert date(2024, 1, 1) <= start <= eind <= date(2027, 12, 31), nid
        # The status does not contradict the dates (no "gepland" after the start, etc.).
        assert a["status"] == verwachte_status(start, eind, VOORBEELD_PEILDATUM), nid


def test_voorbeeld_is_tagged_and_marked_fictitious_everywhere(needs: dict) -> None:
    in_voorbeeld = {nid for nid, n in needs.items() if n["docname"] == "requirements/uitvoeringsplannen/voorbeeld"}
    assert in_voorbeeld == {"UP-VOORBEELD"} | VOORBEELD_ACTIES
    # the fictitious gemeente stands with the real ones (a plan file holds only plan items)
    assert needs["GM-VOORBEELD"]["docname"] == "requirements/gemeenten"
    in_voorbeeld |= {"GM-VOORBEELD"}
    for nid in in_voorbeeld:
        assert needs[nid]["tags"] == ["voorbeeld"], nid
        assert "Dit is een fictief voorbeeld" in needs[nid]["content"], nid
    # And nothing outside the voorbeeld is tagged voorbeeld.
    assert {nid for nid, n in needs.items() if "voorbeeld" in n["tags"]} == in_voorbeeld


def test_voorbeeld_page_shows_the_warning(site: BuildResult) -> None:
    html = Path(site.outdir, "requirements/uitvoeringsplannen/voorbeeld.html").read_text(encoding="utf-8")
    # Page + plan + every actie (the gemeente stands on the page Gemeenten, with its own warning).
    assert html.count("Dit is een fictief voorbeeld") == 2 + len(VOORBEELD_ACTIES)
    assert "Kopieer het" not in html  # writers' comments stay out of the page


# ---------------------------------------------------------- narrative pages


NARRATIVE = [
    "docs/regiovisie/ambitie",
    "docs/regiovisie/huiselijk-geweld",
    "docs/regiovisie/cijfers",
    "docs/regiovisie/evaluatie",
    "docs/regiovisie/preventie",
    "docs/regiovisie/sturing",
    "docs/regiovisie/samenhang",
    "docs/regiovisie/partners",
    "docs/albrandswaard",
    "docs/andere-regios",
]


@pytest.mark.parametrize("page", NARRATIVE)
def test_narrative_page_cites_its_sources(site: BuildResult, page: str) -> None:
    html = Path(site.outdir, page + ".html").read_text(encoding="utf-8")
    assert "Bron" in html


def test_figures_on_the_cijfers_page(site: BuildResult) -> None:
    html = Path(site.outdir, "docs/regiovisie/cijfers.html").read_text(encoding="utf-8")
    for cijfer in ("12.261", "12.421", "1.425", "607", "40,4%", "38%", "1,3 miljoen", "119.000", "48"):
        assert cijfer in html, cijfer


def test_voorbeeld_is_marked_fictitious_on_real_pages(site: BuildResult) -> None:
    """Wherever a real page links to a voorbeeld item, the link says it is fictitious."""
    kaal, gemarkeerd = [], 0
    for page in site.outdir.rglob("*.html"):
        if page.name == "voorbeeld.html":
            continue  # the voorbeeld plan itself is marked fictitious as a whole
        html = page.read_text(encoding="utf-8")
        for m in re.finditer(r'>(UA|UP|GM)-VOORBEELD[-A-Z0-9]*</a>(<span class="hgkm-fictief">)?', html):
            if m[2]:
                gemarkeerd += 1
            else:
                kaal.append(f"{page.relative_to(site.outdir)}: {m[0]}")
    assert kaal == []
    assert gemarkeerd > 0  # the opgave, taak and principe pages do link the voorbeeld


def test_a_regiovisie_names_a_taak_it_does_not_carry_it_out(site: BuildResult) -> None:
    html = (site.outdir / "docs" / "taken" / "wt-gem-1.html").read_text(encoding="utf-8")
    uitgevoerd = re.findall(r"uitgevoerd door: (.*?)</div>", html)
    genoemd = re.findall(r"genoemd in: (.*?)</div>", html)
    assert uitgevoerd and all("RV-" not in regel for regel in uitgevoerd)
    assert genoemd and all(">RV-RR24</a>" in regel for regel in genoemd)


def test_every_page_says_it_is_dutch(site: BuildResult) -> None:
    """WCAG 3.1.1: the language of each page is set, so screen readers read Dutch."""
    zonder = [
        str(p.relative_to(site.outdir))
        for p in site.outdir.rglob("*.html")
        if "_static" not in p.parts  # the theme's template fragments, not pages
        and '<html lang="nl"' not in p.read_text(encoding="utf-8")[:500]
    ]
    assert zonder == []


def test_stand_van_zaken_agrees_with_the_number(site: BuildResult) -> None:
    """Dutch agreement: "1 van de 14 gemeenten heeft", "4 van de 14 gemeenten hebben"."""
    html = Path(site.outdir, "index.html").read_text(encoding="utf-8")
    for aantal, werkwoord in re.findall(r"<strong>(\d+) van de \d+</strong> gemeenten (heeft|hebben)", html):
        assert werkwoord == ("heeft" if aantal == "1" else "hebben"), (aantal, werkwoord)
    assert re.search(r"<strong>\d+ van de \d+</strong> gemeenten (heeft|hebben)", html)

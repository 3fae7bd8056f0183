"""Coverage that means something (issue 29), at unit level: no Sphinx build.

- an uitzondering is a decision a reader can check (hgkm.model.coverage.gebreken), else it does
  not cover;
- one notion of visible text (hgkm.model.escaping.zonder_tekst);
- a regiovisie that has ended shows its unfinished acties as niet afgerond bij afloop, with the
  date it ended, in the voortgang, the termijn rule and the site (hgkm.site.render_voortgang).
The per-rule fixtures are in tests/fixtures/regels/ (dekking, invoer, termijn, instemming).
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from hgkm.model import escaping
from hgkm.model.corpus import Corpus
from hgkm.model.coverage import Staat, besluit_onvindbaar, dekking, gebreken
from hgkm.model.voortgang import Voortgang, samenvatting, telling, voortgang
from hgkm.rules import registry
from hgkm.site import render_voortgang
from hgkm.site.render import Renderer
from hgkm.site.stand import Stand

PEILDATUM = date(2025, 6, 1)


def _need(need_id: str, need_type: str, **velden) -> dict:
    return {"id": need_id, "type": need_type, "title": f"Titel {need_id}", "docname": "plan", "lineno": 1, **velden}


def _corpus(*extra: dict, eind: str = "2027-12-31") -> Corpus:
    return Corpus.from_dicts([
        _need("BR-BESLUIT", "bron", organisatie="Gemeente Adorp"),
        _need("GM-A", "gemeente", rol="centrumgemeente"),
        _need("RV-T", "regiovisie", start="2020-01-01", eind=eind, gemeenten=["GM-A"], taken=[]),
        _need("OG-T-1", "opgave", regiovisie=["RV-T"]),
        _need("UP-A", "plan", status="concept", regiovisie=["RV-T"], gemeenten=["GM-A"]),
        *extra,
    ])


GOED = {"motivering": "De centrumgemeente voert dit uit voor de hele regio.",
        "besluit": "Collegebesluit 12 maart 2024, kenmerk 2024-123", "geldig_tot": "2027-12-31"}


@pytest.mark.parametrize(("velden", "soort"), [
    ({}, None),
    ({"besluit": "BR-BESLUIT"}, None),
    ({"besluit": "Raadsbesluit van 2024-03-12"}, None),
    ({"geldig_tot": "9999-12-31"}, "buiten-looptijd"),
    ({"geldig_tot": "2019-12-31"}, "buiten-looptijd"),
    ({"besluit": "Besluit 1"}, "onvindbaar"),
    ({"besluit": "Collegebesluit 2024"}, "onvindbaar"),
    ({"besluit": "BR-NERGENS"}, "bron-onbekend"),
    ({"besluit": "-"}, "zonder-tekst"),
    ({"motivering": "Reden"}, "te-kort"),
    ({"motivering": "Geen budget nu."}, "te-kort"),
    ({"motivering": ". . . ."}, "zonder-tekst"),
])
def test_uitzondering_is_een_besluit_dat_een_lezer_kan_nagaan(velden: dict, soort: str | None) -> None:
    """Each defect is named, and an uitzondering with one does not cover its opgave."""
    corpus = _corpus(_need("UZ-A-1", "uitzondering", plan=["UP-A"], betreft=["OG-T-1"], **{**GOED, **velden}))
    assert [g.soort for g in gebreken(corpus.needs["UZ-A-1"], corpus)] == ([soort] if soort else [])
    staat = dekking(corpus, PEILDATUM)[0].cel("GM-A", "OG-T-1").staat
    assert staat is (Staat.ONGEDEKT if soort else Staat.UITZONDERING)


def test_besluit_noemt_wat_ontbreekt() -> None:
    assert besluit_onvindbaar("Collegebesluit 12 maart 2024, kenmerk 2024-123") == []
    assert besluit_onvindbaar("B&W 12-3-2024") == []
    assert besluit_onvindbaar("Zaak Z/24/0815 van het college") == []
    assert besluit_onvindbaar("-") == ["wie besloot (het college, de raad, de burgemeester)",
                                       "wanneer (de datum) of met welk kenmerk"]


@pytest.mark.parametrize(("tekst", "zonder", "leeg"), [
    ("-", True, False), ("...", True, False), ("— …", True, False), ("\u200b", True, True), ("", True, True),
    ("👍", True, False), ("n.v.t.", False, False), ("GGD", False, False), ("2024", False, False),
    ("é", False, False), ("-\u200b-", True, False),
])
def test_een_begrip_van_zichtbare_tekst(tekst: str, zonder: bool, leeg: bool) -> None:
    """`leeg` (shows nothing) is the part of `zonder_tekst` (no letter or digit) that shows nothing."""
    assert (escaping.zonder_tekst(tekst), escaping.leeg(tekst)) == (zonder, leeg)


# ------------------------------------------------------------------ afloop

def _acties(eind: str) -> Corpus:
    return _corpus(
        _need("UA-A-1", "actie", plan=["UP-A"], opgaven=["OG-T-1"], status="lopend", eigenaar="GGD",
              start="2022-01-01", eind="2022-12-31"),
        _need("UA-A-2", "actie", plan=["UP-A"], opgaven=["OG-T-1"], status="gepland", eigenaar="GGD",
              start="2023-01-01", eind="2023-06-30"),
        _need("UA-A-3", "actie", plan=["UP-A"], opgaven=["OG-T-1"], status="afgerond", eigenaar="GGD",
              start="2022-01-01", eind="2022-06-30"),
        eind=eind,
    )


def test_afgelopen_regiovisie_niet_afgerond_bij_afloop_niet_over_tijd() -> None:
    afgelopen, lopend = _acties("2023-12-31"), _acties("2027-12-31")
    assert [voortgang(a, PEILDATUM, afgelopen) for a in afgelopen.of_type("actie")] == [
        Voortgang.NIET_AFGEROND, Voortgang.NIET_AFGEROND, Voortgang.AFGEROND]
    assert [voortgang(a, PEILDATUM, lopend) for a in lopend.of_type("actie")] == [
        Voortgang.OVER_TIJD, Voortgang.OVER_TIJD, Voortgang.AFGEROND]
    # the last day of the regiovisie still counts as running
    assert voortgang(afgelopen.needs["UA-A-1"], date(2023, 12, 31), afgelopen) is Voortgang.OVER_TIJD
    assert samenvatting(telling(afgelopen.of_type("actie"), PEILDATUM, afgelopen)) == (
        "1 afgerond, 2 niet afgerond bij afloop")

    termijn = [f for f in registry.evaluate(afgelopen, PEILDATUM) if f.regel == "termijn"]
    assert {f.need_id for f in termijn if f.code == "actie-niet-afgerond-bij-afloop"} == {"UA-A-1", "UA-A-2"}
    assert not [f for f in termijn if f.code in ("actie-over-tijd", "actie-niet-gestart")]
    assert all("RV-T liep af op 2023-12-31" in f.melding for f in termijn if f.need_id == "UA-A-1")


def _renderer(corpus: Corpus) -> Renderer:
    app = SimpleNamespace(builder=SimpleNamespace(get_relative_uri=lambda van, naar: f"{naar}.html"),
                          env=SimpleNamespace(all_docs={}))
    return Renderer(app, "docs/voortgang", Stand(corpus, PEILDATUM))  # type: ignore[arg-type]


def test_site_toont_niet_afgerond_bij_afloop_met_de_einddatum() -> None:
    corpus = _acties("2023-12-31")
    r = _renderer(corpus)
    html = render_voortgang.regio(r, over_tijd=True)
    assert "Niet afgerond bij afloop" in html and "liep af op 2023-12-31" in html
    assert "Acties over tijd" not in html and "Over tijd" not in html
    assert "UA-A-1" in html[html.index("<h3>Niet afgerond bij afloop"):]
    gemeente = render_voortgang.gemeente(r, r.stand.matrices[0], corpus.needs["GM-A"])
    assert "Bij afloop van de regiovisie op 2023-12-31: 1 afgerond, 2 niet afgerond bij afloop." in gemeente

    lopend = render_voortgang.regio(_renderer(_acties("2027-12-31")), over_tijd=True)
    assert "Acties over tijd" in lopend and "Niet afgerond bij afloop" not in lopend


# ------------------------------------------------------------------ instemming per gemeente

from hgkm.model.eigenaren import Instemming, TabelFout, codeowners, eigenaren_van, tabel  # noqa: E402
from hgkm.tools import diff  # noqa: E402
from hgkm.tools.eigenaren import verwacht  # noqa: E402

CODEOWNERS = """# commentaar
*                                         @o/beheer
/docs/                                    @o/beheer
/requirements/*.md                        @o/centrum
requirements/uitvoeringsplannen/a*.md     @o/team-a
/requirements/uitvoeringsplannen/ab.md    @o/team-a @o/team-b   # een subregio
**/geheim.md                              @o/dev
"""
EIGENAREN = {"GM-A": ("@o/team-a",), "GM-B": ("@o/team-b", "@o/wethouder-b")}


@pytest.mark.parametrize(("pad", "eigenaren"), [
    ("README.md", ("@o/beheer",)),
    ("docs/x/y.md", ("@o/beheer",)),
    ("requirements/gemeenten.md", ("@o/centrum",)),
    ("requirements/rr24/opgaven.md", ("@o/beheer",)),  # * does not cross a /
    ("requirements/uitvoeringsplannen/albrandswaard.md", ("@o/team-a",)),
    ("requirements/uitvoeringsplannen/ab.md", ("@o/team-a", "@o/team-b")),  # the last line that matches
    ("a/b/geheim.md", ("@o/dev",)),
])
def test_codeowners_zoals_github_het_leest(pad: str, eigenaren: tuple[str, ...]) -> None:
    assert eigenaren_van(codeowners(CODEOWNERS), pad) == eigenaren


def test_instemming_per_gemeente_en_de_regel_die_codeowners_nodig_heeft() -> None:
    model = Instemming(EIGENAREN, codeowners(CODEOWNERS))
    assert model.stemt_in("GM-B", "requirements/uitvoeringsplannen/ab.md")
    assert not model.stemt_in("GM-B", "requirements/uitvoeringsplannen/albrandswaard.md")
    assert model.regel_voor("requirements/uitvoeringsplannen/albrandswaard.md", ["GM-A", "GM-B"]) == (
        "/requirements/uitvoeringsplannen/albrandswaard.md @o/team-a @o/team-b")


@pytest.mark.parametrize("tekst", ["[gemeenten", "x = 1", '[gemeenten]\nGM-A = ["team-a zonder @"]',
                                   "[gemeenten]\nGM-A = []"])
def test_onleesbare_tabel_zegt_wat_er_mis_is(tekst: str) -> None:
    with pytest.raises(TabelFout, match=r"\.github/eigenaren\.toml"):
        tabel(tekst)


def test_onleesbare_tabel_is_een_bevinding(tmp_path) -> None:
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "eigenaren.toml").write_text("[gemeenten\n", encoding="utf-8")
    findings = [f for f in registry.evaluate(_corpus(), PEILDATUM, tmp_path) if f.regel == "instemming"]
    assert [(f.code, f.bestand) for f in findings] == [("eigenaren-onleesbaar", ".github/eigenaren.toml")]
    assert not [f for f in registry.evaluate(_corpus(), PEILDATUM, tmp_path / "leeg") if f.regel == "instemming"]


def _twee_gemeenten(*plannen: dict) -> Corpus:
    acties = [_need(f"UA-{p['id'][3:]}-1", "actie", docname=p["docname"], plan=[p["id"]], opgaven=["OG-T-1"],
                    status="lopend", eigenaar="GGD", start="2024-02-01", eind="2025-12-31") for p in plannen]
    return Corpus.from_dicts([
        _need("GM-A", "gemeente", title="Aadorp", rol="centrumgemeente"),
        _need("GM-B", "gemeente", title="Beedorp", rol="regiogemeente"),
        _need("RV-T", "regiovisie", start="2024-01-01", eind="2027-12-31", gemeenten=["GM-A", "GM-B"], taken=[]),
        _need("OG-T-1", "opgave", regiovisie=["RV-T"]),
        *plannen, *acties,
    ])


def test_rapport_noemt_eerst_de_gemeente_waarvan_een_ander_bestand_de_dekking_verandert() -> None:
    """A change in Aadorp's file that fills Beedorp's gap names Beedorp at the top of the report."""
    eigen = _need("UP-A", "plan", docname="requirements/uitvoeringsplannen/albrandswaard", status="concept",
                  regiovisie=["RV-T"], gemeenten=["GM-A"])
    ook_b = {**eigen, "gemeenten": ["GM-A", "GM-B"]}
    oud, nieuw = _twee_gemeenten(eigen), _twee_gemeenten(ook_b)
    verschil = diff.vergelijk(oud, nieuw, PEILDATUM, "`main`")
    model = Instemming(EIGENAREN, codeowners(CODEOWNERS))
    bovenaan = diff.gemeenten_bovenaan(verschil, model).splitlines()
    assert bovenaan[0] == "## Gemeenten waarvan de dekking verandert"
    assert bovenaan[2].startswith("Deze wijziging verandert de dekking van 1 gemeente.")
    assert bovenaan[4] == ("- **Beedorp** (RV-T): 1 nu gedekt; door `requirements/uitvoeringsplannen/albrandswaard.md`")
    assert "de eigenaren van Beedorp (`@o/team-b`, `@o/wethouder-b`) zijn geen eigenaar" in bovenaan[5]
    # nothing about coverage changes: nothing at the top
    assert diff.gemeenten_bovenaan(diff.vergelijk(oud, oud, PEILDATUM, "`main`"), model) == ""
    # and the file CODEOWNERS must list both gemeenten for
    assert verwacht(nieuw, model) == [("/requirements/uitvoeringsplannen/albrandswaard.md @o/team-a @o/team-b",
                                       "ontbreekt", [])]


def test_rapport_begint_met_de_gemeenten_waarvan_de_dekking_verandert(tmp_path, monkeypatch) -> None:
    """The whole pull-request report (make rapport), its builds replaced by two corpora: Beedorp,
    whose gap a plan in Aadorp's file fills, comes first, before the changes and the check."""
    eigen = _need("UP-A", "plan", docname="requirements/uitvoeringsplannen/albrandswaard", status="concept",
                  regiovisie=["RV-T"], gemeenten=["GM-A"])
    oud, nieuw = _twee_gemeenten(eigen), _twee_gemeenten({**eigen, "gemeenten": ["GM-A", "GM-B"]})
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "CODEOWNERS").write_text(CODEOWNERS, encoding="utf-8")
    (tmp_path / ".github" / "eigenaren.toml").write_text(
        '[gemeenten]\nGM-A = ["@o/team-a"]\nGM-B = ["@o/team-b"]\n', encoding="utf-8")
    monkeypatch.setattr(diff, "corpus_van", lambda *a, **k: nieuw)
    monkeypatch.setattr(diff, "basis_corpus", lambda srcdir, ref: (oud, "abcdef1234"))
    tekst = diff.rapport(tmp_path, tmp_path / "uit", PEILDATUM, "main")
    koppen = [regel for regel in tekst.splitlines() if regel.startswith("#")]
    assert koppen[:3] == ["# Rapport bij deze wijziging", "## Gemeenten waarvan de dekking verandert",
                          "## Wat deze wijziging verandert (ten opzichte van `main` (abcdef1234))"]
    assert tekst.index("- **Beedorp** (RV-T): 1 nu gedekt") < tekst.index("### Dekking per gemeente")
    # the check below names it too, in the plan's own file
    assert "telt voor gemeente Beedorp" in tekst


def test_het_json_rapport_telt_bij_afloop_niet_als_over_tijd() -> None:
    """`make check --format json` (what a region's own monitor reads) follows the same afloop."""
    import json

    from hgkm.tools.report import Uitkomst, as_json

    data = json.loads(as_json(Uitkomst.van(_acties("2023-12-31"), PEILDATUM)))
    voortgang = {g: v for m in data["dekking"] for g, v in m["voortgang"].items()}
    assert voortgang["GM-A"]["niet afgerond bij afloop"] == 2 and voortgang["GM-A"]["over tijd"] == 0

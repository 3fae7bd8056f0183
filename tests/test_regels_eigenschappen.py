"""Property test: the coverage verdict equals an independent brute-force count.

Hypothesis generates random regiovisies, gemeenten, plans, acties and
uitzonderingen as needs.json dicts (no Sphinx build). The expected state of every
(regiovisie, gemeente, opgave or taak) is counted here straight from the design
brief, with none of hgkm.model.coverage's code, and compared with the matrix and with
the findings of the rules dekking-opgaven, dekking-taken and uitzondering.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from hgkm.model.corpus import Corpus
from hgkm.model.coverage import dekking
from hgkm.rules import registry

PEILDATUM = date(2025, 6, 1)
GEMEENTEN = [f"GM-{c}" for c in "ABCDEF"]
TAKEN = {"WT-1": "gemeente", "WT-2": "gemeente", "WT-3": "centrumgemeente", "WT-4": "centrumgemeente"}
VISIES = ["RV-P", "RV-Q"]
OPGAVEN = {v: [f"OG-{v[3:]}-{i}" for i in range(1, 4)] for v in VISIES}
ALLE_ITEMS = [o for lijst in OPGAVEN.values() for o in lijst] + list(TAKEN)


def _need(need_id: str, need_type: str, **velden) -> dict:
    return {"id": need_id, "type": need_type, "title": f"Titel {need_id}", "docname": "x", "lineno": 1, **velden}


@st.composite
def corpora(draw: st.DrawFn) -> list[dict]:
    needs = []
    for g in GEMEENTEN:
        rol = draw(st.sampled_from(["centrumgemeente", "regiogemeente"]))
        needs.append(_need(g, "gemeente", rol=rol))
    for t, niveau in TAKEN.items():
        needs.append(_need(t, "taak", niveau=niveau))
    for v in VISIES:
        regio = draw(st.lists(st.sampled_from(GEMEENTEN), unique=True))
        taken = draw(st.lists(st.sampled_from(list(TAKEN)), unique=True))
        needs.append(_need(v, "regiovisie", gemeenten=regio, taken=taken, start="2024-01-01", eind="2027-12-31"))
        needs += [_need(o, "opgave", regiovisie=[v]) for o in OPGAVEN[v][: draw(st.integers(1, 3))]]
    plannen = []
    for i in range(draw(st.integers(0, 5))):
        plan_id = f"UP-{i}"
        plannen.append(plan_id)
        needs.append(
            _need(
                plan_id,
                "plan",
                status="concept",
                regiovisie=[draw(st.sampled_from(VISIES))],
                gemeenten=draw(st.lists(st.sampled_from(GEMEENTEN), min_size=1, max_size=3, unique=True)),
            )
        )
    if not plannen:
        return needs
    for i in range(draw(st.integers(0, 12))):
        items = draw(st.lists(st.sampled_from(ALLE_ITEMS), max_size=3, unique=True))
        needs.append(
            _need(
                f"UA-{i}",
                "actie",
                plan=[draw(st.sampled_from(plannen))],
                opgaven=[x for x in items if x.startswith("OG-")],
                taken=[x for x in items if x.startswith("WT-")],
                status=draw(st.sampled_from(["gepland", "lopend", "afgerond", "vervallen"])),
                eigenaar="Afdeling",
                start="2024-02-01",
                eind="2025-12-31",
            )
        )
    for i in range(draw(st.integers(0, 6))):
        needs.append(
            _need(
                f"UZ-{i}",
                "uitzondering",
                plan=[draw(st.sampled_from(plannen))],
                betreft=[draw(st.sampled_from(ALLE_ITEMS))],
                motivering=draw(st.sampled_from(["De regio pakt dit centraal op.", ""])),
                besluit=draw(st.sampled_from(["Collegebesluit 12 maart 2024, kenmerk 2024-17", ""])),
                geldig_tot=str(PEILDATUM + timedelta(days=draw(st.integers(-3, 3)))),
            )
        )
    return needs


def brute_force(needs: list[dict]) -> dict[tuple[str, str, str], str]:
    """(regiovisie, gemeente, item) -> state, counted directly from the definitions."""
    of = lambda t: [n for n in needs if n["type"] == t]  # noqa: E731
    rol = {g["id"]: g["rol"] for g in of("gemeente")}
    staten = {}
    for visie in of("regiovisie"):
        v = visie["id"]
        plannen = [p for p in of("plan") if p["regiovisie"] == [v]]
        gemeenten = set(visie["gemeenten"]) | {g for p in plannen for g in p["gemeenten"]}
        opgaven = [o["id"] for o in of("opgave") if o["regiovisie"] == [v]]
        for g in gemeenten:
            eigen = {p["id"] for p in plannen if g in p["gemeenten"]}
            for item in opgaven + visie["taken"]:
                if item in TAKEN and not (TAKEN[item] == "gemeente" or rol[g] == "centrumgemeente"):
                    staat = "niet van toepassing"
                elif not eigen:
                    staat = "geen plan"
                elif any(
                    a["plan"][0] in eigen and item in a["opgaven"] + a["taken"] and a["status"] != "vervallen"
                    for a in of("actie")
                ):
                    staat = "gedekt"
                elif any(
                    u["plan"][0] in eigen
                    and u["betreft"] == [item]
                    and u["motivering"]
                    and u["besluit"]
                    and date.fromisoformat(u["geldig_tot"]) >= PEILDATUM
                    for u in of("uitzondering")
                ):
                    staat = "uitzondering"
                else:
                    staat = "niet gedekt"
                staten[(v, g, item)] = staat
    return staten


@settings(max_examples=60, deadline=None)
@given(corpora())
def test_dekking_gelijk_aan_brute_force(needs: list[dict]) -> None:
    corpus = Corpus.from_dicts(needs)
    verwacht = brute_force(needs)

    matrix = {
        (m.regiovisie.id, g, i): str(cel.staat) for m in dekking(corpus, PEILDATUM) for (g, i), cel in m.cellen.items()
    }
    assert matrix == verwacht

    findings = registry.evaluate(corpus, PEILDATUM)
    titel = {n["id"]: n["title"] for n in needs}
    gemeld = {
        (f.regiovisie, f.gemeente, f.regel, re.search(r"(?:ontwikkelopgave|wettelijke taak) (\S+)", f.melding)[1])
        for f in findings
        if f.regel.startswith("dekking-")
    }
    ongedekt = {
        (v, titel[g], "dekking-taken" if i in TAKEN else "dekking-opgaven", i)
        for (v, g, i), staat in verwacht.items()
        if staat == "niet gedekt"
    }
    assert gemeld == ongedekt

    verlopen = {n["id"] for n in needs if n["type"] == "uitzondering" and date.fromisoformat(n["geldig_tot"]) < PEILDATUM}
    assert {f.need_id for f in findings if f.regel == "uitzondering"} == verlopen

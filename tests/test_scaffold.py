"""`make nieuw-plan`: the template on a fixture corpus, its refusals, and the fast check."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from hgkm.tools.build import build
from hgkm.tools.cli import main
from hgkm.model.corpus import Corpus
from hgkm.model.herijking import records, vingerafdruk
from hgkm.rules.registry import evaluate
from hgkm.tools.scaffold import ScaffoldFout, huidige_regiovisie, ontwerp, schrijf, slug, snelcontrole
from tests.conftest import copy_fixture

PEIL = date(2025, 6, 30)


@pytest.fixture(scope="module")
def corpus(minimaal) -> Corpus:
    return Corpus.from_outdir(minimaal.outdir)


def test_slug_makes_a_plain_file_name() -> None:
    assert slug("Capelle aan den IJssel") == "capelle-aan-den-ijssel"
    assert slug("Goeree-Overflakkee") == "goeree-overflakkee"
    assert slug(" Súdwest-Fryslân ") == "sudwest-fryslan"


def test_taken_follow_the_role_of_the_gemeente(corpus: Corpus) -> None:
    centrum = ontwerp(corpus, "Aadorp", PEIL)
    regio = ontwerp(corpus, "beedorp", PEIL)  # case does not matter
    assert [t.id for t in centrum.taken] == ["WT-TEST-1", "WT-TEST-2"]
    assert [t.id for t in regio.taken] == ["WT-TEST-2"]  # WT-TEST-1 is centrumgemeente-level
    assert [o.id for o in regio.opgaven] == ["OG-TEST-1", "OG-TEST-2"]
    assert regio.plan_id == "UP-B-TEST"
    assert str(regio.bestand) == "requirements/uitvoeringsplannen/beedorp.md"
    assert ontwerp(corpus, "GM-B", PEIL).gemeente.id == "GM-B"  # the ID works too


def test_unknown_gemeente_is_refused_with_a_suggestion(corpus: Corpus, tmp_path: Path) -> None:
    with pytest.raises(ScaffoldFout) as exc:
        schrijf(tmp_path, corpus, "Beedorrp", PEIL)
    bericht = str(exc.value)
    assert 'De gemeente "Beedorrp" staat niet in de kennisbank. Bedoelt u "Beedorp"?' in bericht
    assert "Bekende gemeenten: Aadorp, Beedorp." in bericht
    assert not (tmp_path / "requirements").exists()


def test_existing_file_is_never_overwritten(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    src = copy_fixture("minimaal", tmp_path)
    bestaand = src / "requirements/uitvoeringsplannen/aadorp.md"
    voor = bestaand.read_text(encoding="utf-8")
    assert main(["nieuw-plan", "Aadorp", "--bron", str(src)]) == 1
    fout = capsys.readouterr().err
    assert "requirements/uitvoeringsplannen/aadorp.md bestaat al" in fout
    assert "Traceback" not in fout
    assert bestaand.read_text(encoding="utf-8") == voor


def test_current_regiovisie_is_the_running_one_else_the_newest() -> None:
    def visie(need_id: str, start: str, eind: str) -> dict:
        return {"id": need_id, "type": "regiovisie", "title": need_id, "start": start, "eind": eind, "gemeenten": ["GM-X"]}

    corpus = Corpus.from_dicts(
        [
            visie("RV-OUD", "2020-01-01", "2023-12-31"),
            visie("RV-NU", "2024-01-01", "2027-12-31"),
            {"id": "GM-X", "type": "gemeente", "title": "X"},
        ]
    )
    gemeente = corpus.needs["GM-X"]
    assert huidige_regiovisie(corpus, gemeente, date(2022, 5, 1)).id == "RV-OUD"
    assert huidige_regiovisie(corpus, gemeente, date(2025, 5, 1)).id == "RV-NU"
    assert huidige_regiovisie(corpus, gemeente, date(2030, 1, 1)).id == "RV-NU"


def _uncomment_and_fill(text: str) -> str:
    """What a writer does: uncomment the example acties and replace the placeholders."""
    out = []
    in_actie = False
    for line in text.splitlines():
        if line.startswith("% :::{actie}"):
            in_actie = True
        if in_actie:
            line = line[2:] if line.startswith("% ") else line.removeprefix("%")
            if line == ":::":
                in_actie = False
        out.append(line)
    filled = "\n".join(out) + "\n"
    filled = filled.replace(":principes: VUL IN: LP-...", ":principes: LP-TEST-1")
    filled = filled.replace(":start: JJJJ-MM-DD", ":start: 2025-01-01").replace(":eind: JJJJ-MM-DD", ":eind: 2026-12-31")
    return re.sub(r"VUL IN: ([^\n]*)", r"Ingevuld: \1", filled)


def test_new_plan_builds_and_check_names_every_gap(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    src = copy_fixture("minimaal", tmp_path)
    assert main(["nieuw-plan", "Beedorp", "--bron", str(src), "--peildatum", str(PEIL)]) == 0
    plan = src / "requirements/uitvoeringsplannen/beedorp.md"
    assert "Nieuw plan: requirements/uitvoeringsplannen/beedorp.md" in capsys.readouterr().out
    assert snelcontrole(plan) == []  # the examples are comments: nothing to fill in yet

    # `make check` right after: every opgave and applicable taak is a located gap, nothing else.
    assert main(["check", "--bron", str(src), "--peildatum", str(PEIL)]) == 1
    uitvoer = capsys.readouterr().out
    findings = [f for f in evaluate(Corpus.from_outdir(src / "_build/html"), PEIL)
                if f.bestand.endswith("beedorp.md") and f.blokkerend]
    assert sorted((f.regel, re.search(r"(OG|WT)-[A-Z0-9-]+", f.melding)[0]) for f in findings) == [
        ("dekking-opgaven", "OG-TEST-1"),
        ("dekking-opgaven", "OG-TEST-2"),
        ("dekking-taken", "WT-TEST-2"),
    ]
    for item in ("OG-TEST-1", "OG-TEST-2", "WT-TEST-2"):
        assert re.search(rf"requirements/uitvoeringsplannen/beedorp.md:\d+\s+\[dekking-\w+\]\n.*{item}", uitvoer)
    assert "WT-TEST-1" not in "".join(f.melding for f in findings)

    # Uncommented but not filled in: the fast check points at every placeholder.
    half = "\n".join(
        line[2:] if line.startswith("% :") or line.startswith("% VUL") else line
        for line in plan.read_text(encoding="utf-8").splitlines()
    )
    (tmp_path / "half.md").write_text(half, encoding="utf-8")
    assert any("VUL IN" in str(m) for m in snelcontrole(tmp_path / "half.md"))

    # The writer uncomments the examples and fills them in: the plan is complete.
    plan.write_text(_uncomment_and_fill(plan.read_text(encoding="utf-8")), encoding="utf-8")
    assert snelcontrole(plan) == []
    result = build(src, src / "_build/html", strict=True)
    assert result.returncode == 0, result.log
    corpus = Corpus.from_outdir(src / "_build/html")
    assert [a.id for a in corpus.of_type("actie") if "UP-B-TEST" in a.link("plan")] == [
        "UA-B-TEST-1",
        "UA-B-TEST-2",
        "UA-B-TEST-3",
    ]
    # each new actie is recorded from the start against the text of what it serves (herijking)
    for actie in corpus.of_type("actie"):
        if "UP-B-TEST" in actie.link("plan"):
            gedient = [*actie.link("opgaven"), *actie.link("taken")]
            assert records(actie) == {i: vingerafdruk(corpus, corpus.needs[i]) for i in gedient}, actie.id
    eigen = [f for f in evaluate(corpus, PEIL) if f.bestand.endswith("beedorp.md")]
    # complete; only deadlines at the peildatum may still be named (warnings, never blocking)
    assert [f for f in eigen if f.regel != "termijn"] == []
    assert not any(f.blokkerend for f in eigen)


@pytest.mark.parametrize(
    ("regel", "verwacht"),
    [
        (":eigenar: Afdeling", 'Onbekend veld ":eigenar:" bij een actie. Bedoelt u "eigenaar"?'),
        (":status: klaar", '"klaar" mag niet bij :status:. Kies uit: gepland, lopend, afgerond, vervallen.'),
        (":start: 1-3-2025", '"1-3-2025" bij :start: is geen datum. Schrijf JJJJ-MM-DD'),
        (":id: ua-b-1", 'De ID "ua-b-1" heeft niet de juiste vorm'),
    ],
)
def test_fast_check_names_line_and_cure(tmp_path: Path, regel: str, verwacht: str) -> None:
    plan = tmp_path / "plan.md"
    plan.write_text(f"# Plan\n\n:::{{actie}} Iets\n:id: UA-B-1\n{regel}\n:::\n", encoding="utf-8")
    (melding,) = snelcontrole(plan)
    assert melding.regelnummer == 5
    assert verwacht in str(melding)
    assert str(melding).startswith(f"{plan}:5: ")


def test_fast_check_finds_unclosed_blocks_and_typos(tmp_path: Path) -> None:
    plan = tmp_path / "plan.md"
    plan.write_text("# Plan\n\n::::{actei} Iets\n:id: UA-B-1\n\n:::{note}\nTekst\n:::\n", encoding="utf-8")
    meldingen = [str(m) for m in snelcontrole(plan)]
    assert meldingen == [
        f'{plan}:3: Onbekende soort "actei". Bedoelt u "actie"?',
        f'{plan}:3: Het blok "actei" wordt niet gesloten. Zet er een regel :::: onder.',
    ]


def test_fast_check_accepts_the_real_plans() -> None:
    plannen = sorted(Path(__file__).parent.parent.glob("requirements/uitvoeringsplannen/*.md"))
    plannen += sorted(
        p
        for p in Path(__file__).parent.glob("fixtures/*/requirements/uitvoeringsplannen/*.md")
        if not {"fouten", "vijandig"} & set(p.parts)  # deliberate mistakes and attacks
    )
    assert plannen
    assert [str(m) for p in plannen for m in snelcontrole(p)] == []


def test_fast_check_explains_a_file_that_is_not_utf8(tmp_path):
    """A file saved in another encoding gets a located Dutch message, not a traceback."""
    from hgkm.tools.scaffold import snelcontrole

    plan = tmp_path / "plan.md"
    plan.write_bytes("# Plan\n\n:::{actie} Café\n".encode("utf-8") + "é\n:::\n".encode("latin-1"))
    meldingen = snelcontrole(plan)
    assert [(m.regelnummer, m.melding.split(".")[0]) for m in meldingen] == [(4, "Dit bestand is geen UTF-8-tekst")]


def test_new_plan_gets_its_reviewers_in_codeowners(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    src = copy_fixture("minimaal", tmp_path)
    codeowners = src / ".github" / "CODEOWNERS"
    codeowners.parent.mkdir()
    codeowners.write_text("# VOORBEELD\n*  @regio-test/beheer\n", encoding="utf-8")
    assert main(["nieuw-plan", "Beedorp", "--bron", str(src), "--peildatum", str(PEIL)]) == 0
    regels = codeowners.read_text(encoding="utf-8").splitlines()
    nieuw = regels[-1].split()
    assert nieuw[0] == "/requirements/uitvoeringsplannen/beedorp.md"
    assert nieuw[1] == "@regio-test/team-beedorp"
    assert all(team.startswith("@regio-test/") for team in nieuw[1:])
    assert "In .github/CODEOWNERS staat nu wie dit plan goedkeurt" in capsys.readouterr().out
    # the file exists now: a second run writes nothing, not even a second CODEOWNERS line
    assert main(["nieuw-plan", "Beedorp", "--bron", str(src), "--peildatum", str(PEIL)]) != 0
    assert codeowners.read_text(encoding="utf-8").splitlines() == regels

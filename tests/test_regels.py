"""The rules against small fixture corpora, each annotated with its expected findings.

Each corpus in tests/fixtures/regels/ is a tiny MyST Sphinx project with the real
metamodel, built once per session with warnings as errors (as `make html` does)
and a fixed peildatum. The annotations in it (the S-CORE habit) say per need what
the rules must and must not report there: a MyST comment right above the directive.

    % expect: dekking-opgaven "Gemeente Beedorp" OG-T-2
    % expect-not: integriteit
    :::{plan} Uitvoeringsplan Beedorp

`expect: RULE TEXT...` asks for exactly one finding of RULE located at that
directive (its file and first line) whose message or fix contains every TEXT
(shell-quoted when it has spaces). `expect-not: RULE TEXT...` forbids any such
finding. Every finding of a fixture corpus must be expected somewhere, so a
fixture also fails when a rule reports more than it should.
"""

from __future__ import annotations

import re
import shlex
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from hgkm.model.corpus import PEILDATUM_ENV, Corpus
from hgkm.model.findings import ERNST, Finding
from hgkm.rules import registry
from hgkm.tools.build import build, BuildResult

_ANNOTATION = re.compile(r"^%\s*(?P<soort>expect|expect-not):\s*(?P<rest>.+)$")
_DIRECTIVE = re.compile(r"^(:::+|```+)\{(?P<type>[\w-]+)\}")
_ID = re.compile(r"^:id:\s*(?P<id>\S+)")


@dataclass(frozen=True)
class Verwachting:
    """One annotation: a finding that must (or must not) appear at a directive."""

    verwacht: bool
    regel: str
    teksten: tuple[str, ...]
    bestand: str
    regelnummer: int
    need_id: str
    annotatie: int

    def past(self, finding: Finding) -> bool:
        return (
            finding.regel == self.regel
            and finding.bestand == self.bestand
            and finding.regelnummer == self.regelnummer
            and all(t in finding.melding or t in finding.oplossing for t in self.teksten)
        )

    def __str__(self) -> str:
        soort = "expect" if self.verwacht else "expect-not"
        teksten = " ".join(shlex.quote(t) for t in self.teksten)
        return f"{self.bestand}:{self.annotatie} {soort}: {self.regel} {teksten}".rstrip()


def lees(srcdir: Path) -> list[Verwachting]:
    """All annotations of a fixture corpus, each tied to the directive below it."""
    found: list[Verwachting] = []
    for path in sorted(srcdir.rglob("*.md")):
        bestand = str(path.relative_to(srcdir))
        pending: list[tuple[int, bool, str, tuple[str, ...]]] = []
        lines = path.read_text(encoding="utf-8").splitlines()
        for nr, line in enumerate(lines, start=1):
            if m := _ANNOTATION.match(line):
                regel, *teksten = shlex.split(m["rest"])
                if regel not in ERNST:
                    raise ValueError(f"{bestand}:{nr}: unknown rule {regel!r} in annotation")
                pending.append((nr, m["soort"] == "expect", regel, tuple(teksten)))
            elif _DIRECTIVE.match(line) and pending:
                need_id = next((m["id"] for l in lines[nr:] if (m := _ID.match(l))), "")
                found += [Verwachting(v, r, t, bestand, nr, need_id, a) for a, v, r, t in pending]
                pending = []
        if pending:
            raise ValueError(f"{bestand}:{pending[0][0]}: annotation without a directive below it")
    return found


def afwijking(v: Verwachting, findings: list[Finding]) -> str:
    """How the findings contradict one annotation ("" when they agree)."""
    treffers = [f for f in findings if v.past(f)]
    if v.verwacht and len(treffers) != 1:
        return f"{v}: {len(treffers)} findings instead of 1{_lijst(treffers)}"
    if not v.verwacht and treffers:
        return f"{v}: forbidden finding{_lijst(treffers)}"
    return ""


def onverwacht(verwachtingen: list[Verwachting], findings: list[Finding]) -> list[Finding]:
    """Findings no `expect` annotation asks for."""
    return [f for f in findings if not any(v.verwacht and v.past(f) for v in verwachtingen)]


def _lijst(findings: list[Finding]) -> str:
    return "".join(f"\n    {f.plaats} [{f.regel}] {f.melding}" for f in findings)


# --------------------------------------------------------------------- tests
# (the helpers above live here because only these tests read annotations)

REGELS = Path(__file__).parent / "fixtures" / "regels"
CORPORA = ("dekking", "integriteit", "invoer", "vertrouwen", "termijn", "herbeoordeling", "plaatshouder",
           "persoonsgegevens", "instemming")
#: Rules whose findings only one corpus accounts for in full: the dates in the other
#: fixtures serve their own rules, so there deadlines pass unremarked.
EIGEN_CORPUS = {"termijn": "termijn"}
PEILDATUM = date(2025, 6, 1)
VERWACHTINGEN = [(naam, v) for naam in CORPORA for v in lees(REGELS / naam)]


@dataclass
class Gebouwd:
    """One fixture corpus after a strict build, with the findings of the registry."""

    srcdir: Path
    build: BuildResult
    corpus: Corpus
    findings: list[Finding]


@pytest.fixture(scope="session")
def bouw(tmp_path_factory: pytest.TempPathFactory):
    """Build a fixture corpus on first use (one Sphinx build per corpus per session)."""
    cache: dict[str, Gebouwd] = {}

    def get(naam: str) -> Gebouwd:
        if naam not in cache:
            out = tmp_path_factory.mktemp(f"regels-{naam}") / "html"
            result = build(REGELS / naam, out, strict=True, env={PEILDATUM_ENV: PEILDATUM.isoformat()})
            assert result.needs_json.exists(), result.log
            corpus = Corpus.from_outdir(out)
            cache[naam] = Gebouwd(REGELS / naam, result, corpus, registry.evaluate(corpus, PEILDATUM, REGELS / naam))
        return cache[naam]

    return get


@pytest.mark.parametrize(("naam", "verwachting"), VERWACHTINGEN, ids=[f"{n}/{v}" for n, v in VERWACHTINGEN])
def test_verwachting(bouw, naam: str, verwachting: Verwachting) -> None:
    """Each annotation holds in a real build of its corpus."""
    assert not (probleem := afwijking(verwachting, bouw(naam).findings)), probleem


@pytest.mark.parametrize("naam", CORPORA)
def test_geen_onverwachte_bevindingen(bouw, naam: str) -> None:
    """A rule that reports more than the annotations ask for fails too."""
    findings = [f for f in bouw(naam).findings if EIGEN_CORPUS.get(f.regel, naam) == naam]
    extra = onverwacht([v for n, v in VERWACHTINGEN if n == naam], findings)
    assert not extra, "unexpected findings:" + _lijst(extra)


def test_elke_regel_heeft_fixtures() -> None:
    """Every rule has a fixture that must trigger it and one that must not."""
    for regel in ERNST:
        soorten = {v.verwacht for _, v in VERWACHTINGEN if v.regel == regel}
        assert soorten == {True, False}, f"rule {regel} lacks an expect or an expect-not fixture"


@pytest.mark.parametrize("naam", CORPORA)
def test_strikte_build_faalt_met_plaats(bouw, naam: str) -> None:
    """`make html` (-W) fails on every blocking finding, located at file:line; warnings don't."""
    gebouwd = bouw(naam)
    # fails exactly when a blocking finding stands (the termijn corpus has only warnings)
    assert (gebouwd.build.returncode != 0) == any(f.blokkerend for f in gebouwd.findings), gebouwd.build.log
    log = gebouwd.build.warnings
    for f in gebouwd.findings:
        plaats = f"{gebouwd.srcdir / f.bestand}:{f.regelnummer}: WARNING: "
        if not f.blokkerend:
            assert not any(f.melding in line for line in log), f"warning-level finding fails the build: {f.melding}"
            continue
        assert any(line.startswith(plaats) for line in log), f"no warning at {plaats}\n" + "\n".join(log)
        if f.regel != "invoer":  # invoer findings may be sphinx-needs' own (English) warnings
            eigen = f"{plaats}[{f.regel}] {f.melding} "
            # rules end with the fix; findings on the source itself say "Oplossing:" before it
            assert any(line.startswith(eigen) and f.oplossing in line for line in log), (
                f"{eigen}{f.oplossing}\n" + "\n".join(log))


def test_volledig_plan_slaagt(minimaal) -> None:
    """A complete plan builds with -W and the rules find nothing, in the first year of its
    regiovisie (a year on, a plan still concept is named by the termijn rule)."""
    assert minimaal.returncode == 0, minimaal.log
    corpus = Corpus.from_outdir(minimaal.outdir)
    assert registry.evaluate(corpus, date(2024, 12, 31)) == []
    assert [f.regel for f in registry.evaluate(corpus, PEILDATUM)] == ["termijn"]


def test_annotatie_zonder_item_is_een_fout(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A\n\n% expect: integriteit\n", encoding="utf-8")
    with pytest.raises(ValueError, match="a.md:3: annotation without a directive"):
        lees(tmp_path)


def test_annotatie_met_onbekende_regel_is_een_fout(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("% expect: dekking\n:::{plan} P\n:::\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown rule 'dekking'"):
        lees(tmp_path)


def test_annotatie_hoort_bij_het_item_eronder(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        '# A\n\n% expect: integriteit "Plan UP-X" datum\n% expect-not: principes\n:::{plan} P\n:id: UP-X\n:::\n',
        encoding="utf-8",
    )
    verwacht, niet = lees(tmp_path)
    assert (verwacht.verwacht, verwacht.regel, verwacht.teksten) == (True, "integriteit", ("Plan UP-X", "datum"))
    assert (verwacht.bestand, verwacht.regelnummer, verwacht.need_id) == ("a.md", 5, "UP-X")
    assert (niet.verwacht, niet.regel, niet.teksten, niet.regelnummer) == (False, "principes", (), 5)


def test_onvolledig_plan_laat_incrementele_build_falen(tmp_path: Path) -> None:
    """Edit a complete plan so it leaves an opgave open: the next (incremental) -W build fails, located."""
    bron = tmp_path / "minimaal"
    shutil.copytree(Path(__file__).parent / "fixtures" / "minimaal", bron, ignore=shutil.ignore_patterns("_build"))
    uit = tmp_path / "html"
    env = {PEILDATUM_ENV: PEILDATUM.isoformat()}
    assert build(bron, uit, strict=True, env=env).returncode == 0
    plan = bron / "requirements" / "uitvoeringsplannen" / "aadorp.md"
    volledig = plan.read_text(encoding="utf-8")
    plan.write_text(volledig.replace(":opgaven: OG-TEST-1, OG-TEST-2", ":opgaven: OG-TEST-1"), encoding="utf-8")

    result = build(bron, uit, strict=True, env=env)
    assert result.returncode != 0
    assert result.warnings == [
        f"{plan}:3: WARNING: [dekking-opgaven] Gemeente Aadorp: ontwikkelopgave OG-TEST-2 "
        '"Tweede opgave" heeft geen uitvoeringsactie. Voeg in dit plan een actie toe met  '
        ":opgaven: OG-TEST-2  of leg een uitzondering vast. [hgkm.dekking-opgaven]"
    ]

    plan.write_text(volledig, encoding="utf-8")
    assert build(bron, uit, strict=True, env=env).returncode == 0


@pytest.mark.parametrize("naam", CORPORA)
def test_elke_bevinding_komt_uit_de_catalogus(bouw, naam: str) -> None:
    """Every finding of every rule was made by a message of hgkm/model/messages/ (the guide's source)."""
    from hgkm.model.messages import CATALOGUS

    findings = bouw(naam).findings
    assert findings
    zonder = [f for f in findings if f.code not in CATALOGUS or CATALOGUS[f.code].regel != f.regel]
    assert not zonder, "findings without their message:" + _lijst(zonder)


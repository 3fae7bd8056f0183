"""Where a finding is filed: under the plan and gemeente of the file it stands in.

A writer reads the report for their own gemeente. A finding about a block is located in
the file where the block stands (its file and line), so it belongs under that file's
plan: an actie that names another file's plan at `:plan:` is the mistake of the file it
stands in, not of the plan it names; an actie without `:plan:` belongs to the plan of its
file all the same, and its fix names that plan. Only a finding in a file without a plan
stays under "Algemeen".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from hgkm.model.corpus import Corpus, Need
from hgkm.model.findings import Finding
from hgkm.model.messages import invoer as m_invoer


def plannen_per_bestand(corpus: Corpus) -> dict[str, list[Need]]:
    """The plans of each file that holds one, in the order they stand."""
    per_bestand: dict[str, list[Need]] = {}
    for plan in sorted(corpus.of_type("plan"), key=lambda p: p.lineno or 0):
        if plan.bestand:
            per_bestand.setdefault(plan.bestand, []).append(plan)
    return per_bestand


def plan_op(plannen: list[Need], regelnummer: int | None) -> Need:
    """The plan a line falls under: the last plan above it (the first plan, above them all)."""
    boven = [p for p in plannen if (p.lineno or 0) <= (regelnummer or 0)]
    return boven[-1] if boven else plannen[0]


def _plan_ontbreekt(f: Finding) -> bool:
    return f.code == m_invoer.VERPLICHT_VELD.code and "het verplichte veld :plan:" in f.melding


def _onder(f: Finding, eigen: set[str]) -> bool:
    """Whether `f` is filed under gemeenten of the file's plans (a joint plan names several)."""
    return bool(f.gemeente) and set(f.gemeente.split(", ")) <= eigen


def in_eigen_bestand(findings: Iterable[Finding], corpus: Corpus,
                     waar: Callable[[Need | None], dict[str, str]]) -> list[Finding]:
    """`findings`, each filed under the gemeente and regiovisie of a plan in its own file.

    `waar` gives the gemeente (names) and regiovisie of a plan (hgkm.rules.context.Context.waar).
    A finding already filed under a gemeente of the file stays; any other goes under the plan
    its line falls under.
    """
    plannen = plannen_per_bestand(corpus)
    eigen = {bestand: {naam for p in ps for naam in waar(p)["gemeente"].split(", ") if naam}
             for bestand, ps in plannen.items()}
    uit = []
    for f in findings:
        if f.bestand in plannen:
            plan = plan_op(plannen[f.bestand], f.regelnummer)
            if not _onder(f, eigen[f.bestand]):
                plaats = waar(plan)
                f = replace(f, gemeente=plaats["gemeente"], regiovisie=plaats["regiovisie"])
            if _plan_ontbreekt(f):
                _, oplossing = m_invoer.VERPLICHT_VELD.teksten(
                    {"wat": "", "field": "plan", "voorbeeld": f":plan: {plan.id}   (het plan in dit bestand)"})
                f = replace(f, oplossing=oplossing)
        uit.append(f)
    return uit

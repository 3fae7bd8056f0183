"""What every rule may read: the corpus, the peildatum and what several rules share
(the coverage matrix, the acties per plan, where a finding is filed), and the
`regel` decorator with which each rule family (dekking, integriteit, …) registers its rules."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from hgkm.model.corpus import Corpus, Need
from hgkm.model.coverage import Dekking, dekking, per_plan
from hgkm.model.findings import ERNST, Finding


@dataclass
class Context:
    """What every rule may read: the corpus, the peildatum and the shared matrix."""

    corpus: Corpus
    peildatum: date
    #: the sources, for what only they know (an item's earlier text in git); None: not at hand
    srcdir: Path | None = None
    _toegestaan: dict[tuple[str, str], set[str]] = field(default_factory=dict, init=False, repr=False)
    _waar: dict[str, dict[str, str]] = field(default_factory=dict, init=False, repr=False)

    @cached_property
    def dekking(self) -> list[Dekking]:
        return dekking(self.corpus, self.peildatum)

    @cached_property
    def acties_per_plan(self) -> dict[str, list[Need]]:
        return per_plan(self.corpus.of_type("actie"))

    @cached_property
    def _per_visie(self) -> dict[tuple[str, str], list[Need]]:
        index: dict[tuple[str, str], list[Need]] = {}
        for need in self.corpus.needs.values():
            for visie_id in need.link("regiovisie"):
                index.setdefault((visie_id, need.type), []).append(need)
        return index

    def items_van(self, visie: Need, need_type: str) -> list[Need]:
        """The needs of `need_type` that link to this regiovisie (as coverage.items_van)."""
        return self._per_visie.get((visie.id, need_type), [])

    def waar(self, plan: Need | None) -> dict[str, str]:
        """The gemeenten (by name) and regiovisie a finding about this plan is filed under."""
        sleutel = plan.id if plan else ""
        if sleutel not in self._waar:
            visie = self.corpus.regiovisie_of(plan)
            self._waar[sleutel] = {
                "gemeente": ", ".join(gemeente_naam(g) for g in self.corpus.gemeenten_of(plan)),
                "regiovisie": visie.id if visie else "",
            }
        return self._waar[sleutel]

    def toegestaan(self, visie: Need, soort: str) -> set[str]:
        """IDs an actie under `visie` may name: its opgaven, or the taken it names."""
        sleutel = (visie.id, soort)
        if sleutel not in self._toegestaan:
            self._toegestaan[sleutel] = (
                {o.id for o in self.items_van(visie, "opgave")} if soort == "opgave" else set(visie.link("taken"))
            )
        return self._toegestaan[sleutel]


def gemeente_naam(gemeente: Need) -> str:
    return gemeente.title or gemeente.id


Rule = Callable[["Context"], Iterator[Finding]]
RULES: dict[str, Rule] = {}


def regel(rule_id: str) -> Callable[[Rule], Rule]:
    """Register a rule under its id (its severity is set in findings.ERNST)."""
    assert rule_id in ERNST, f"rule {rule_id} has no severity in findings.ERNST"

    def register(func: Rule) -> Rule:
        RULES[func.__name__] = func
        func.rule_id = rule_id  # type: ignore[attr-defined]
        return func

    return register


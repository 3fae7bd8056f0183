"""The figures of the dashboards and downloads: the real corpus of one build and its coverage.

Items tagged `voorbeeld` (and everything in a voorbeeld plan) stay out. Computed by the
code of `make check` (hgkm.model.coverage), once per build (hgkm.hooks.state).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from sphinx.application import Sphinx

from hgkm.hooks.state import live_corpus, run
from hgkm.model.corpus import Corpus, Need, peildatum, zonder_voorbeelden
from hgkm.model.herijking import Verdacht, verdacht
from hgkm.model.coverage import Dekking, Staat, dekking, per_plan


@dataclass
class Stand:
    """The real corpus of one build and its coverage matrices."""

    corpus: Corpus
    peildatum: date

    @cached_property
    def matrices(self) -> list[Dekking]:
        """The matrices of the regiovisies that have gemeenten, the newest first."""
        matrices = [m for m in dekking(self.corpus, self.peildatum) if m.gemeenten]
        return sorted(matrices, key=lambda m: str(m.regiovisie.get("start") or ""), reverse=True)

    @cached_property
    def acties_per_plan(self) -> dict[str, list[Need]]:
        """Every actie under each plan it names (a gemeente page lists its plans' acties)."""
        return per_plan(self.corpus.of_type("actie"))

    @cached_property
    def needs_per_plan(self) -> dict[str, list[Need]]:
        """Every need that names a plan (acties, uitzonderingen), under each plan it names."""
        return per_plan(self.corpus.needs.values())

    @cached_property
    def te_herbeoordelen(self) -> dict[str, list[Verdacht]]:
        """Per actie or uitzondering, its links whose target changed since its last review (herijking)."""
        uit: dict[str, list[Verdacht]] = {}
        for geval in verdacht(self.corpus):
            uit.setdefault(geval.need.id, []).append(geval)
        return uit

    @classmethod
    def van(cls, app: Sphinx) -> Stand:
        """The figures of this build, made once (forgotten at each write-started)."""
        build = run(app)
        if build.stand is None:
            # the corpus the rules ran on at write-started (the needs are final by then)
            corpus = build.corpus or live_corpus(app)
            build.stand = cls(zonder_voorbeelden(corpus), peildatum(app.config.hgkm_peildatum or None))
        return build.stand


def gedekt(staat: Staat) -> bool:
    return staat in (Staat.GEDEKT, Staat.UITZONDERING)


def items_van(matrix: Dekking, soort: str) -> list[Need]:
    return matrix.opgaven if soort == "opgaven" else matrix.taken


def toegepast(matrix: Dekking, gemeente: Need, items: list[Need]) -> list[Need]:
    """The items that apply to a gemeente (centrumgemeente taken only to those)."""
    return [i for i in items if matrix.cel(gemeente.id, i.id).staat is not Staat.NVT]



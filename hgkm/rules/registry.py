"""The policy rules: plain functions over the needs of one build, yielding findings.

Per-need rules that sphinx-needs checks natively (required fields, allowed values,
link targets, the ID pattern) live in ubproject.toml; their messages reach people
through the `invoer` rule (hgkm/rules/invoer.py). The rules need several needs at
once: coverage per gemeente, dates against the looptijd, plans against the region.
One module per rule family (dekking, integriteit, uitzondering, principes, vertrouwen,
onzichtbaar, termijn, herbeoordeling, invoer_rule) registers its rules with `@regel`; this module runs them all.
Every view (make check, pytest, Sphinx warnings, dashboards) calls `evaluate`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hgkm.model.corpus import Corpus
from hgkm.model.findings import Finding
# each family registers its rules with @regel when imported (hgkm.rules.context)
from hgkm.rules import (  # noqa: F401
    dekking, herbeoordeling, integriteit, invoer_rule, onzichtbaar, plaatshouder, principes, termijn, uitzondering,
    vertrouwen,
)
from hgkm.rules import persoonsgegevens  # noqa: F401, I001
from hgkm.rules import instemming  # noqa: F401, I001
from hgkm.rules.context import RULES, Context

__all__ = ["RULES", "Context", "evaluate", "run_all"]


def run_all(ctx: Context) -> list[Finding]:
    """All findings of all rules on one context, in a stable order (file, line, rule)."""
    found = [f for rule in RULES.values() for f in rule(ctx)]
    return sorted(set(found), key=lambda f: (f.bestand, f.regelnummer or 0, f.regel, f.need_id, f.melding))


def evaluate(corpus: Corpus, peildatum: date, srcdir: Path | None = None) -> list[Finding]:
    """All findings of all rules, in a stable order (file, line, rule)."""
    return run_all(Context(corpus, peildatum, srcdir))

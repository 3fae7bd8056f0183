"""Views of the findings and the matrix: terminal text, Markdown, JSON.

All views read the same `Uitkomst` (findings + matrix of one evaluation).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from io import StringIO
from pathlib import Path

from rich.console import Console
from rich.table import Table

from hgkm.model import escaping
from hgkm.model.corpus import Corpus, Need
from hgkm.model.coverage import Dekking, Staat, cel_tekst
from hgkm.model.escaping import markdown as md
from hgkm.model.findings import UITLEG, Ernst, Finding
from hgkm.model.voortgang import telling
from hgkm.rules.context import Context
from hgkm.rules.registry import run_all
from hgkm.tools.blokregels import in_plaats_van_gevolgen
from hgkm.tools.indeling import in_eigen_bestand

ALGEMEEN = "Algemeen (niet aan één gemeente gebonden)"


@dataclass
class Uitkomst:
    """The result of one evaluation: what the reports show."""

    peildatum: date
    findings: list[Finding]
    dekking: list[Dekking]
    #: the acties of each plan (for the voortgang per gemeente)
    acties_per_plan: dict[str, list[Need]] = field(default_factory=dict)
    #: the needs read (an ended regiovisie's acties: niet afgerond bij afloop, not over tijd)
    corpus: Corpus | None = None

    @property
    def blokkerend(self) -> list[Finding]:
        return [f for f in self.findings if f.blokkerend]

    @classmethod
    def van(cls, corpus: Corpus, peildatum: date, srcdir: Path | None = None) -> Uitkomst:
        ctx = Context(corpus, peildatum, srcdir)  # one matrix for the findings and the views
        findings = run_all(ctx)
        # an invisible character in a block line named, not its consequences (hgkm.tools.blokregels)
        findings = in_plaats_van_gevolgen(findings, srcdir, (f.bestand for f in findings
                                                            if f.bestand.startswith("requirements/")))
        # each finding under the plan of the file it stands in (hgkm.tools.indeling)
        return cls(peildatum, in_eigen_bestand(findings, corpus, ctx.waar), ctx.dekking, ctx.acties_per_plan, corpus)


def per_gemeente(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.gemeente or ALGEMEEN, []).append(f)
    return dict(sorted(groups.items(), key=lambda kv: (kv[0] == ALGEMEEN, kv[0])))


#: Short cell words for the terminal table (still words, never colour alone).
KORT = {
    Staat.GEDEKT: "ja",
    Staat.UITZONDERING: "uitz.",
    Staat.ONGEDEKT: "NEE",
    Staat.GEEN_PLAN: "-",
    Staat.NVT: "n.v.t.",
}


def cel_kort(staat: Staat, aantal: int) -> str:
    return f"ja ({aantal})" if staat is Staat.GEDEKT else KORT[staat]


def _matrix_rows(matrix: Dekking, items: list, cel=cel_tekst) -> list[tuple[str, list[str]]]:
    rows = []
    for gemeente in matrix.gemeenten:
        if not matrix.heeft_plan(gemeente.id):
            continue
        naam = gemeente.title + (" (voorbeeld)" if gemeente.voorbeeld else "")
        cells = [
            cel(matrix.cel(gemeente.id, i.id).staat, len(matrix.cel(gemeente.id, i.id).acties))
            for i in items
        ]
        rows.append((naam, cells))
    return rows


def _zonder_plan(matrix: Dekking) -> list[str]:
    return [g.title for g in matrix.gemeenten if not matrix.heeft_plan(g.id) and not g.voorbeeld]


def finding_text(f: Finding) -> str:
    label = f"[{f.regel}]" if f.blokkerend else f"[{f.regel}, waarschuwing]"
    return f"{f.plaats}  {label}\n{f.melding}\n{f.oplossing}\n"


def _geraakt(gemeente: str, voorop: Collection[str] | None) -> bool:
    return voorop is None or gemeente in voorop or any(g in voorop for g in gemeente.split(", "))


def _gevouwen(groepen: dict[str, list[Finding]], voorop: Collection[str] | None) -> str:
    """One line for the gemeenten the change does not touch: how many findings each has."""
    rest = {g: fs for g, fs in groepen.items() if not _geraakt(g, voorop)}
    if not rest:
        return ""
    delen = []
    for gemeente, findings in rest.items():
        b = sum(f.blokkerend for f in findings)
        delen.append(f"{gemeente}: "
                     + ", ".join(t for t in (f"{b} blokkerend" if b else "",
                                             f"{len(findings) - b} waarschuwing(en)" if len(findings) > b else "") if t))
    return ("Andere gemeenten, niet geraakt door deze wijziging (ingevouwen; alles zien: python -m hgkm check "
            "--alles): " + "; ".join(delen) + ".\n")


def text(uitkomst: Uitkomst, width: int = 120, voorop: Collection[str] | None = None) -> str:
    """The terminal report: findings per gemeente, then the coverage tables.

    `voorop`: the gemeenten a change touches (hgkm.tools.annotaties.geraakte_gemeenten); only their
    findings and table rows are shown, the other gemeenten folded into one line with their counts.
    """
    out = StringIO()
    console = Console(file=out, width=width, no_color=True, highlight=False, emoji=False)  # ":id:" is no emoji
    if not uitkomst.findings:
        console.print("Geen bevindingen: alle plannen zijn volledig.\n", markup=False)
    groepen = per_gemeente(uitkomst.findings)
    if voorop is not None:
        console.print(escaping.terminal("Deze wijziging raakt: " + (", ".join(sorted(voorop)) or "geen gemeente") + ".\n"))
    for gemeente, findings in groepen.items():
        if not _geraakt(gemeente, voorop):
            continue
        console.rule(escaping.terminal(gemeente if gemeente == ALGEMEEN else f"Gemeente {gemeente}"))
        for f in findings:
            # soft_wrap: never break the example line of a fix in two
            console.print(escaping.terminal(finding_text(f)), soft_wrap=True)
    for matrix in uitkomst.dekking:
        for soort, items in (("ontwikkelopgaven", matrix.opgaven), ("wettelijke taken", matrix.taken)):
            rows = [r for r in _matrix_rows(matrix, items, cel_kort) if _geraakt(r[0].removesuffix(" (voorbeeld)"), voorop)]
            if not items or not rows:
                continue
            # the title above the table, not in it: rich wraps a title to the table's width
            console.print(escaping.terminal(f"{matrix.regiovisie.id} {matrix.regiovisie.title}: {soort} per gemeente"))
            table = Table()
            table.add_column("Gemeente")
            for item in items:
                table.add_column(item.id.split("-", 1)[1])
            for naam, cells in rows:
                table.add_row(escaping.terminal(naam), *cells)
            console.print(table)
            console.print(escaping.terminal(
                "Legenda: " + "; ".join(f"{i.id.split('-', 1)[1]} = {i.id} {i.title}" for i in items)
                + ". ja (n) = n acties, NEE = niet gedekt, uitz. = geldige uitzondering, n.v.t. = niet van toepassing.\n"
            ))
        zonder = _zonder_plan(matrix)
        if zonder and voorop is None:
            console.print(escaping.terminal(f"Nog geen plan onder {matrix.regiovisie.id}: {len(zonder)} gemeenten ({', '.join(zonder)}).\n"))
    if gevouwen := _gevouwen(groepen, voorop):
        console.print(escaping.terminal(gevouwen), soft_wrap=True)
    b = len(uitkomst.blokkerend)
    w = len(uitkomst.findings) - b
    console.print(
        f"Peildatum {uitkomst.peildatum}. {b} blokkerende bevinding(en), {w} waarschuwing(en)."
        + (" De controle is NIET geslaagd." if b else " De controle is geslaagd."),
        markup=False,
    )
    return out.getvalue()


def markdown(uitkomst: Uitkomst) -> str:
    """A Markdown report for a pull request."""
    lines = [f"## Controle van de uitvoeringsplannen (peildatum {uitkomst.peildatum})", ""]
    b = len(uitkomst.blokkerend)
    lines.append(
        f"**{'Niet geslaagd' if b else 'Geslaagd'}**: {b} blokkerende bevinding(en), "
        f"{len(uitkomst.findings) - b} waarschuwing(en).\n"
    )
    for gemeente, findings in per_gemeente(uitkomst.findings).items():
        lines.append(f"### {md(gemeente if gemeente == ALGEMEEN else 'Gemeente ' + gemeente)}\n")
        for f in findings:
            ernst = "blokkerend" if f.ernst is Ernst.BLOKKEREND else "waarschuwing"
            uitleg = f" (melding `{f.code}` op de pagina Meldingen)" if f.code else ""
            lines.append(f"- `{escaping.code(f.plaats)}` **[{f.regel}]** ({ernst}) {md(f.melding)}  \n"
                         f"  Oplossing: {md(f.oplossing)}{uitleg}")
        lines.append("")
    for matrix in uitkomst.dekking:
        for soort, items in (("Ontwikkelopgaven", matrix.opgaven), ("Wettelijke taken", matrix.taken)):
            rows = _matrix_rows(matrix, items)
            if not items or not rows:
                continue
            lines.append(f"### {soort}: {md(matrix.regiovisie.title)}\n")
            lines.append("| Gemeente | " + " | ".join(md(f"{i.id} {i.title}") for i in items) + " |")
            lines.append("| --- |" + " --- |" * len(items))
            for naam, cells in rows:
                lines.append(f"| {md(naam)} | " + " | ".join(md(c) for c in cells) + " |")
            lines.append("")
    lines.append("<details><summary>Wat de regels controleren</summary>\n")
    lines += [f"- **{rid}**: {uitleg}" for rid, uitleg in UITLEG.items()]
    lines.append("\n</details>")
    return "\n".join(lines) + "\n"


def as_json(uitkomst: Uitkomst) -> str:
    matrices = []
    for m in uitkomst.dekking:
        matrices.append(
            {
                "regiovisie": m.regiovisie.id,
                "cellen": [
                    {
                        "gemeente": g,
                        "item": i,
                        "staat": str(c.staat),
                        "acties": [a.id for a in c.acties],
                        "uitzondering": c.uitzondering.id if c.uitzondering else None,
                    }
                    for (g, i), c in m.cellen.items()
                ],
                # per gemeente with a plan: how many of its acties are in each state
                "voortgang": {
                    g.id: {str(v): n for v, n in telling(
                        [a for p in m.plannen.get(g.id, []) for a in uitkomst.acties_per_plan.get(p.id, [])],
                        uitkomst.peildatum, uitkomst.corpus).items()}
                    for g in m.gemeenten if m.heeft_plan(g.id)
                },
            }
        )
    return json.dumps(
        {
            "peildatum": str(uitkomst.peildatum),
            "geslaagd": not uitkomst.blokkerend,
            "bevindingen": [f.to_dict() for f in uitkomst.findings],
            "dekking": matrices,
        },
        ensure_ascii=False,
        indent=2,
    )

"""The policy rules: plain functions over the needs of one build, yielding findings.

Per-need rules that sphinx-needs checks natively (required fields, allowed values,
link targets, the ID pattern) live in ubproject.toml; their messages reach people
through the `invoer` rule (hgkm/rules/invoer.py). The rules here need several needs at
once: coverage per gemeente, dates against the looptijd, plans against the region.
Every view (make check, pytest, Sphinx warnings, dashboards) calls `evaluate`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date

from hgkm.model.corpus import Corpus, Need, parse_date
from hgkm.model.coverage import Staat, verlopen_op
from hgkm.model.findings import ERNST, Finding
from hgkm.rules import invoer, termijn
from hgkm.rules.context import Context, gemeente_naam

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


def _finding(rule_id: str, need: Need, melding: str, oplossing: str, **extra: str) -> Finding:
    return Finding(rule_id, need.id, need.bestand, need.lineno, melding, oplossing, **extra)


# --------------------------------------------------------------- coverage


def _dekking_findings(ctx: Context, rule_id: str, soort: str, link: str) -> Iterator[Finding]:
    for matrix in ctx.dekking:
        items = matrix.opgaven if soort == "opgave" else matrix.taken
        for gemeente in matrix.gemeenten:
            plannen = matrix.plannen.get(gemeente.id)
            if not plannen:
                continue  # no plan yet: shown on the dashboard, not a finding
            plan = plannen[0]
            for item in items:
                if matrix.cel(gemeente.id, item.id).staat is not Staat.ONGEDEKT:
                    continue
                wat = "ontwikkelopgave" if soort == "opgave" else "wettelijke taak"
                yield _finding(
                    rule_id,
                    plan,
                    f'Gemeente {gemeente_naam(gemeente)}: {wat} {item.id} "{item.title}" '
                    "heeft geen uitvoeringsactie.",
                    f"Voeg in dit plan een actie toe met  :{link}: {item.id}  "
                    "of leg een uitzondering vast.",
                    gemeente=gemeente_naam(gemeente),
                    regiovisie=matrix.regiovisie.id,
                )


@regel("dekking-opgaven")
def dekking_opgaven(ctx: Context) -> Iterator[Finding]:
    """Every opgave of the regiovisie is covered for every gemeente with a plan."""
    yield from _dekking_findings(ctx, "dekking-opgaven", "opgave", "opgaven")


@regel("dekking-taken")
def dekking_taken(ctx: Context) -> Iterator[Finding]:
    """Every taak the regiovisie names is covered where it applies."""
    yield from _dekking_findings(ctx, "dekking-taken", "taak", "taken")


# -------------------------------------------------------------- integrity


@regel("integriteit")
def actie_integriteit(ctx: Context) -> Iterator[Finding]:
    """An actie serves something, its dates are in order and inside the looptijd."""
    for actie in ctx.corpus.of_type("actie"):
        plan = ctx.corpus.plan_of(actie)
        visie = ctx.corpus.regiovisie_of(plan)
        extra = ctx.waar(plan)
        if not actie.link("opgaven") and not actie.link("taken"):
            voorbeeld = ctx.items_van(visie, "opgave")[:1] if visie else []
            yield _finding(
                "integriteit",
                actie,
                f"Actie {actie.id} werkt aan geen enkele ontwikkelopgave of wettelijke taak.",
                "Noem minstens één opgave of taak, bijvoorbeeld  :opgaven: "
                f"{voorbeeld[0].id if voorbeeld else 'OG-RR24-1'}",
                **extra,
            )
        start, eind = parse_date(actie.get("start")), parse_date(actie.get("eind"))
        if start and eind and start > eind:
            yield _finding(
                "integriteit",
                actie,
                f"Actie {actie.id} eindigt ({eind}) voordat zij begint ({start}).",
                f"Zet de einddatum na de begindatum, bijvoorbeeld  :eind: {start.year}-12-31",
                **extra,
            )
        if visie:
            v_start, v_eind = parse_date(visie.get("start")), parse_date(visie.get("eind"))
            for naam, waarde in (("start", start), ("eind", eind)):
                if waarde and v_start and v_eind and not v_start <= waarde <= v_eind:
                    yield _finding(
                        "integriteit",
                        actie,
                        f"Actie {actie.id}: de {naam}datum {waarde} valt buiten de looptijd van "
                        f"{visie.title} ({v_start} tot en met {v_eind}).",
                        f"Kies een datum binnen de looptijd, bijvoorbeeld  :{naam}: "
                        f"{v_start if naam == 'start' else v_eind}",
                        **extra,
                    )
        if visie:
            for soort, link in (("opgave", "opgaven"), ("taak", "taken")):
                # A link to a need of the wrong type is the invoer rule's finding.
                for item in ctx.corpus.resolve(actie.link(link), soort):
                    if item.id not in ctx.toegestaan(visie, soort):
                        yield _finding(
                            "integriteit",
                            actie,
                            f"Actie {actie.id} noemt {item.id}, maar die {soort} hoort niet bij "
                            f"{visie.title}, de regiovisie van dit plan.",
                            f"Noem alleen {link} van {visie.id}, "
                            f"of zet de actie in een plan onder de juiste regiovisie.",
                            **extra,
                        )


@regel("integriteit")
def plan_integriteit(ctx: Context) -> Iterator[Finding]:
    """A vastgesteld plan has its date and decision; its gemeenten are in the region."""
    for plan in ctx.corpus.of_type("plan"):
        visie = ctx.corpus.regiovisie_of(plan)
        extra = ctx.waar(plan)
        if plan.status == "vastgesteld":
            if not plan.get("vastgesteld_op"):
                yield _finding(
                    "integriteit",
                    plan,
                    f"Plan {plan.id} is vastgesteld, maar de datum van vaststelling ontbreekt.",
                    "Voeg de datum van het besluit toe, bijvoorbeeld  :vastgesteld_op: 2024-03-12",
                    **extra,
                )
            if not ctx.corpus.resolve(plan.link("bronnen"), "bron"):
                yield _finding(
                    "integriteit",
                    plan,
                    f"Plan {plan.id} is vastgesteld, maar het besluit staat er niet bij.",
                    "Leg het besluit vast als bron en verwijs ernaar met  :bronnen: BR-…  "
                    "(of zet de status op concept).",
                    **extra,
                )
        if visie is None:
            continue
        regio = set(visie.link("gemeenten"))
        for gemeente in ctx.corpus.gemeenten_of(plan):
            if gemeente.id not in regio and not gemeente.voorbeeld:
                yield _finding(
                    "integriteit",
                    plan,
                    f"Plan {plan.id} noemt gemeente {gemeente_naam(gemeente)}, maar die hoort "
                    f"niet bij de regio van {visie.title}.",
                    f"Kies een gemeente van de regio ({len(regio)} gemeenten, zie de pagina "
                    "Gemeenten), of zet het plan onder de regiovisie van die gemeente.",
                    **extra,
                )


@regel("integriteit")
def uitzondering_integriteit(ctx: Context) -> Iterator[Finding]:
    """An uitzondering concerns an opgave or taak of its own plan's regiovisie."""
    for uz in ctx.corpus.of_type("uitzondering"):
        plan = ctx.corpus.plan_of(uz)
        visie = ctx.corpus.regiovisie_of(plan)
        if visie is None:
            continue
        eigen = {o.id for o in ctx.items_van(visie, "opgave")} | set(visie.link("taken"))
        for item in ctx.corpus.resolve(uz.link("betreft")):
            if item.type in ("opgave", "taak") and item.id not in eigen:
                yield _finding(
                    "integriteit",
                    uz,
                    f"Uitzondering {uz.id} betreft {item.id}, maar die {item.type} hoort niet bij "
                    f"{visie.title}, de regiovisie van dit plan; zij dekt dus niets.",
                    f"Noem een opgave of taak van {visie.id} in  :betreft:  of haal de uitzondering weg.",
                    **ctx.waar(plan),
                )


@regel("uitzondering")
def uitzondering_verlopen(ctx: Context) -> Iterator[Finding]:
    """An uitzondering past its geldig_tot no longer covers, and says so."""
    for uz in ctx.corpus.of_type("uitzondering"):
        if (geldig_tot := verlopen_op(uz, ctx.peildatum)) is not None:
            plan = ctx.corpus.plan_of(uz)
            betreft = ", ".join(uz.link("betreft")) or "(niets)"
            link = "taken" if ctx.corpus.first(uz.link("betreft"), "taak") else "opgaven"
            yield _finding(
                "uitzondering",
                uz,
                f"Uitzondering {uz.id} voor {betreft} is verlopen op {geldig_tot} "
                f"(peildatum {ctx.peildatum}); zij telt niet meer als dekking.",
                f"Voeg een actie toe met  :{link}: {betreft}  of verleng de "
                "uitzondering met een nieuw besluit:  :geldig_tot: JJJJ-MM-DD",
                **ctx.waar(plan),
            )


# --------------------------------------------------------------- warnings


@regel("principes")
def principes(ctx: Context) -> Iterator[Finding]:
    """Acties show which leidend principe they apply (where the regiovisie has principes)."""
    for visie in ctx.corpus.of_type("regiovisie"):
        eigen = ctx.items_van(visie, "principe")
        if not eigen:
            continue
        for plan in ctx.items_van(visie, "plan"):
            # a vervallen actie is history: it need not name a principe
            acties = [a for a in ctx.acties_per_plan.get(plan.id, []) if a.status != "vervallen"]
            extra = {**ctx.waar(plan), "regiovisie": visie.id}
            zonder = [a for a in acties if not a.link("principes")]
            for actie in zonder:
                yield _finding(
                    "principes",
                    actie,
                    f"Actie {actie.id} noemt geen leidend principe.",
                    f"Noem het principe dat de actie toepast, bijvoorbeeld  :principes: {eigen[0].id}",
                    **extra,
                )
            if acties and len(zonder) == len(acties):
                yield _finding(
                    "principes",
                    plan,
                    f"Plan {plan.id}: geen enkele actie past een leidend principe van "
                    f"{visie.title} toe.",
                    "Koppel de acties aan de principes die zij toepassen met  :principes: LP-…",
                    **extra,
                )


# ------------------------------------------------------------------ trust


@regel("vertrouwen")
def eigen_bestand(ctx: Context) -> Iterator[Finding]:
    """An actie or uitzondering stands in the file of its plan.

    The file is the unit of ownership (CODEOWNERS) and of review: an actie elsewhere
    could join another gemeente's plan without that gemeente's review.
    """
    for need in [*ctx.corpus.of_type("actie"), *ctx.corpus.of_type("uitzondering")]:
        for plan in ctx.corpus.resolve(need.link("plan"), "plan"):
            if need.docname and plan.docname and plan.docname != need.docname:
                yield _finding(
                    "vertrouwen", need,
                    f"{need.type.capitalize()} {need.id} hoort bij plan {plan.id}, maar dat plan staat in "
                    f"een ander bestand ({plan.bestand}). Een {need.type} staat altijd in het bestand "
                    "van haar plan: wie dat bestand beheert, keurt haar goed.",
                    f"Verplaats het blok naar {plan.bestand}, of noem het plan uit dit bestand bij  :plan:",
                    **ctx.waar(plan),
                )


@regel("termijn")
def termijnen(ctx: Context) -> Iterator[Finding]:
    """Deadlines at the peildatum (hgkm.rules.termijn): over tijd, niet gestart, binnenkort."""
    yield from termijn.findings(ctx)


# ------------------------------------------------------------------ input


@regel("invoer")
def invoer_meldingen(ctx: Context) -> Iterator[Finding]:
    """sphinx-needs' own findings (schema, links, options), located and in Dutch.

    Findings about an actie, uitzondering or plan are filed under its gemeenten, so
    the writer of that plan sees them in their own group.
    """
    for finding in invoer.findings(ctx.corpus):
        need = ctx.corpus.needs.get(finding.need_id)
        plan = ctx.corpus.plan_of(need) if need else None
        if plan is not None and not finding.gemeente:
            finding = replace(finding, **ctx.waar(plan))
        yield finding


def run_all(ctx: Context) -> list[Finding]:
    """All findings of all rules on one context, in a stable order (file, line, rule)."""
    found = [f for rule in RULES.values() for f in rule(ctx)]
    return sorted(set(found), key=lambda f: (f.bestand, f.regelnummer or 0, f.regel, f.need_id, f.melding))


def evaluate(corpus: Corpus, peildatum: date) -> list[Finding]:
    """All findings of all rules, in a stable order (file, line, rule)."""
    return run_all(Context(corpus, peildatum))

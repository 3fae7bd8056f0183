"""Rule instemming: a plan counts only for gemeenten that consent, that is, whose owners own its file.

A plan file of gemeente A that names gemeente B in `:gemeenten:` fills B's gaps; B's owners
(.github/eigenaren.toml) must therefore be code owners of that file (CODEOWNERS), so that GitHub
asks them to review every change to it. Each gemeente the plan counts for whose owners are not,
or who has no owners, is named at the plan, in the plan's own file. A subregional plan whose
gemeenten all own its file passes without a word. The model: hgkm.model.eigenaren.
"""

from __future__ import annotations

from collections.abc import Iterator

from hgkm.model.eigenaren import TABEL, Instemming, TabelFout
from hgkm.model.findings import Finding
from hgkm.model.messages import instemming as m
from hgkm.rules.context import Context, gemeente_naam, regel


@regel("instemming")
def instemming(ctx: Context) -> Iterator[Finding]:
    """Every gemeente a plan counts for owns the plan's file."""
    try:
        model = Instemming.van(ctx.srcdir)
    except TabelFout as fout:
        yield m.TABEL_ONLEESBAAR(TABEL, None, fout=str(fout))
        return
    if model is None:
        return  # no table of owners: this knowledge base has no consent model
    codeowners = model.codeowners_pad or ".github/CODEOWNERS (dat bestand ontbreekt)"
    for plan in ctx.corpus.of_type("plan"):
        if not plan.bestand:
            continue
        for gemeente in ctx.corpus.gemeenten_of(plan):
            waarden = {"naam": gemeente_naam(gemeente), "id": gemeente.id, "tabel": TABEL,
                       "codeowners": codeowners, **ctx.waar(plan)}
            if not model.eigenaren.get(gemeente.id):
                yield m.GEEN_EIGENAREN.voor(plan, **waarden)
            elif not model.stemt_in(gemeente.id, plan.bestand):
                yield m.ZONDER_INSTEMMING.voor(
                    plan, eigenaren=", ".join(model.eigenaren[gemeente.id]), pad=plan.bestand,
                    regel=model.regel_voor(plan.bestand, plan.link("gemeenten")), **waarden)

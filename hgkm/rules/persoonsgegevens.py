"""Rule persoonsnaam (a warning): `:eigenaar:` names a team or a role, not a person.

A person's name on a public site about huiselijk geweld stays in the git history after the
person leaves, and a small gemeente's team of one is a person too. This rule reads the
owner of every need as sphinx-needs built it and warns when it looks like a name: a title
("mevr. Jansen"), initials ("J. de Vries", "J.P. Bakker"), a first name with a surname
("Jan de Vries", "Fatima Yilmaz"). A value with a word of an organisation or role in it
(afdeling, team, gemeente, wethouder, Veilig Thuis, …) is never a name here. The personal
data in the text itself (addresses, numbers) is the line scan's: hgkm.sources.persoonsgegevens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hgkm.model.findings import Finding
from hgkm.model.messages import privacy as m
from hgkm.rules.context import Context, regel

_AANSPREEK = frozenset({"dhr", "mevr", "mw", "mr", "dr", "drs", "ir", "ing", "prof", "heer", "mevrouw", "meneer"})
_TUSSEN = frozenset({"van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "in", "op", "la", "le", "du",
                     "da", "el", "al", "von", "vd", "v.d."})
#: Words of an organisation or a role: a value with one of them is a team or a function.
_ORGANISATIE = frozenset({
    "afdeling", "team", "gemeente", "wijkteam", "regio", "bureau", "dienst", "cluster", "programma", "directie",
    "sector", "wethouder", "college", "raad", "griffie", "adviseur", "beleidsadviseur", "coördinator",
    "coordinator", "manager", "projectleider", "programmamanager", "veilig", "thuis", "ggd", "politie",
    "centrum", "stichting", "sociaal", "wijk", "jeugd", "zorg", "stuurgroep", "werkgroep", "overleg", "unit",
    "domein", "medewerker", "teamleider", "directeur", "burgemeester", "secretaris", "kwartiermaker", "netwerk",
    "samenleving", "veiligheid", "onderwijs", "welzijn", "regisseur", "functionaris", "ambtenaar", "beleid",
})
#: The most frequent first names in the Netherlands (Meertens Instituut), for "Jan Jansen".
_VOORNAMEN = frozenset("""
jan johannes piet pieter kees cornelis henk hendrik gerrit willem wim dirk klaas jos johan hans peter paul
mark marco martin michel erik eric rob robert ron richard frank bas tom thomas tim daan sander jeroen dennis
stefan ruud rené rene marcel edwin arjan ahmed mohamed mohammed ali mustafa hasan ibrahim youssef
maria anna johanna cornelia wilhelmina elisabeth hendrika petronella geertje jantje
linda sandra monique esther marieke ingrid petra anja wendy nicole kim lisa laura sanne anouk fleur eva emma
sophie julia lotte iris femke ilse mirjam marjolein judith annemiek karin yvonne patricia fatima khadija
samira nadia aisha
""".split())
_INITIALEN = re.compile(r"(?:[A-Z]\.){1,4}")
_NAAMWOORD = re.compile(r"[A-Z][a-zà-ÿ']+(?:-[A-Z][a-zà-ÿ']+)?")


def lijkt_persoon(waarde: str) -> bool:
    """Whether an owner looks like a person's name rather than a team or a role."""
    return any(_naam(deel) for deel in re.split(r"[,;/&]| en ", waarde))


def _naam(deel: str) -> bool:
    deel = deel.strip()
    woorden = deel.split()
    if not 1 < len(woorden) <= 6 and not (len(woorden) == 1 and _INITIALEN.match(deel)):
        return False
    if any(w.lower().strip(".()") in _ORGANISATIE for w in woorden):
        return False
    eerste = woorden[0].lower().rstrip(".")
    if eerste in _AANSPREEK:
        return True
    # "J. de Vries", "J.P. Bakker", "J.de Vries"
    if initialen := _INITIALEN.match(deel):
        rest = deel[initialen.end():].split()
        return bool(rest) and _achternaam(rest)
    if not _NAAMWOORD.fullmatch(woorden[0]) or not _achternaam(woorden[1:]):
        return False
    # "Jan de Vries": a tussenvoegsel between capitalised words; "Jan Jansen": a known first name
    return any(w.lower() in _TUSSEN for w in woorden[1:]) or woorden[0].split("-")[0].lower() in _VOORNAMEN


def _achternaam(woorden: list[str]) -> bool:
    """Tussenvoegsels, then capitalised words, ending in one: "de Vries", "van der Berg-Smit"."""
    i = 0
    while i < len(woorden) and woorden[i].lower() in _TUSSEN:
        i += 1
    rest = woorden[i:]
    return 0 < len(rest) <= 2 and all(_NAAMWOORD.fullmatch(w) for w in rest)


@regel("persoonsnaam")
def eigenaar_is_geen_persoon(ctx: Context) -> Iterator[Finding]:
    for need in ctx.corpus.needs.values():
        waarde = need.fields.get("eigenaar")
        if isinstance(waarde, str) and waarde.strip() and lijkt_persoon(waarde):
            plan = ctx.corpus.plan_of(need) if need.type in ("plan", "actie", "uitzondering") else None
            yield m.PERSOONSNAAM.voor(need, waarde=waarde.strip()[:80], **(ctx.waar(plan) if plan else {}))

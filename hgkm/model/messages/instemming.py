"""Messages of the rule instemming: a plan counts only for gemeenten that own its file (consent)."""

from __future__ import annotations

from hgkm.model.messages.message import Message

_PLAN = {"need": "UP-ALBRANDSWAARD", "naam": "Barendrecht", "id": "GM-BARENDRECHT", "tabel": ".github/eigenaren.toml",
         "codeowners": ".github/CODEOWNERS"}

ZONDER_INSTEMMING = Message(
    "gemeente-zonder-instemming", "instemming", "vertrouwen",
    "Een plan telt voor een gemeente die het bestand van het plan niet beheert",
    "Plan {need} telt voor gemeente {naam}, maar de eigenaren van {naam} ({eigenaren}) zijn geen eigenaar van "
    "{pad} in {codeowners}. Zo verandert dit plan de dekking van {naam} zonder dat iemand namens {naam} "
    "het goedkeurt.",
    "Vraag een beheerder om in {codeowners} deze regel te zetten:  {regel}  (python -m hgkm.tools.eigenaren "
    "geeft alle regels). Geldt het plan niet voor {naam}, haal dan {id} weg uit  :gemeenten:",
    {**_PLAN, "eigenaren": "@regio-rotterdam-rijnmond/team-barendrecht",
     "pad": "requirements/uitvoeringsplannen/albrandswaard.md",
     "regel": "/requirements/uitvoeringsplannen/albrandswaard.md @regio-rotterdam-rijnmond/team-albrandswaard "
              "@regio-rotterdam-rijnmond/team-barendrecht"},
)
GEEN_EIGENAREN = Message(
    "gemeente-zonder-eigenaren", "instemming", "vertrouwen",
    "Een plan telt voor een gemeente waarvan niet vaststaat wie namens haar instemt",
    "Plan {need} telt voor gemeente {naam}, maar in {tabel} staat niet wie namens {naam} instemt met een plan.",
    "Vraag een beheerder om in {tabel} onder [gemeenten] de eigenaren van {naam} te zetten, bijvoorbeeld  "
    '{id} = ["@organisatie/team-gemeente"]  , en die ook in {codeowners} bij dit bestand.',
    _PLAN,
)
TABEL_ONLEESBAAR = Message(
    "eigenaren-onleesbaar", "instemming", "vertrouwen",
    "De tabel met de eigenaren per gemeente is niet te lezen",
    "De tabel met wie namens elke gemeente instemt, is niet te lezen: {fout}",
    'Herstel het bestand. Bovenaan staat  [gemeenten]  en daaronder per gemeente een regel als  '
    'GM-VLAARDINGEN = ["@regio-rotterdam-rijnmond/team-vlaardingen"]',
    {"fout": ".github/eigenaren.toml heeft geen tabel [gemeenten]."},
)

"""Herijking: against which version of each item an actie was last reviewed.

A regiovisie is revised, and between revisions its text is corrected. An actie
written against the old text of an opgave must be looked at again by its owner
(Doorstop calls such links suspect). So each actie and uitzondering records, in its
own field `:beoordeeld:`, a short fingerprint of every item it serves, as it read
when its owner last looked:

    :beoordeeld: OG-RR24-1@3fa2c1d09b, LP-RR24-2@0c4e51aa7d

The fingerprint is of the item's meaning: its title and its text with every run of
white space made one space, so reflowing a paragraph changes nothing. A link without
a record is not suspect (nobody said against what it was written); `make bevestig`
records it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from hgkm.model.corpus import Corpus, Need

VELD = "beoordeeld"
#: The links whose targets an actie or uitzondering is reviewed against.
KOPPELINGEN = ("opgaven", "taken", "principes", "betreft")
LENGTE = 10
_RECORD = re.compile(rf"^(?P<id>[A-Za-z0-9_-]+)@(?P<vingerafdruk>[0-9a-f]{{{LENGTE}}})$")


def normaal(tekst: str) -> str:
    """The text with every run of white space one space: layout does not count."""
    return " ".join(str(tekst or "").split())


def vingerafdruk_van(titel: str, tekst: str) -> str:
    data = f"{normaal(titel)}\n{normaal(tekst)}".encode()
    return hashlib.sha256(data).hexdigest()[:LENGTE]


def vingerafdruk_van_need(need: Need) -> str:
    """The fingerprint of a need's meaning, from its title and text as written."""
    return vingerafdruk_van(need.title, str(need.fields.get("content") or ""))


def vingerafdruk(corpus: Corpus, need: Need) -> str:
    """The fingerprint as the build recorded it (needs.json's text is rewritten for export), else computed."""
    return corpus.vingerafdrukken.get(need.id) or vingerafdruk_van_need(need)


def records(need: Need) -> dict[str, str]:
    """The `:beoordeeld:` field of an actie or uitzondering: item id -> fingerprint."""
    uit: dict[str, str] = {}
    for deel in str(need.get(VELD) or "").split(","):
        if m := _RECORD.match(deel.strip()):
            uit[m["id"]] = m["vingerafdruk"]
    return uit


def veldwaarde(vingerafdrukken: Mapping[str, str]) -> str:
    """The value of `:beoordeeld:` for these items, in a stable order."""
    return ", ".join(f"{item}@{fp}" for item, fp in sorted(vingerafdrukken.items()))


def gekoppeld(need: Need) -> list[str]:
    """The ids of the items an actie or uitzondering serves (what it is reviewed against)."""
    return list(dict.fromkeys(i for link in KOPPELINGEN for i in need.link(link)))


def huidig(corpus: Corpus, need: Need) -> dict[str, str]:
    """The fingerprints of the items `need` serves, as they are now."""
    return {i: vingerafdruk(corpus, corpus.needs[i]) for i in gekoppeld(need) if i in corpus.needs}


@dataclass(frozen=True)
class Verdacht:
    """One link whose target changed since its actie was last reviewed."""

    need: Need
    item: Need
    oud: str
    nieuw: str


def verdacht(corpus: Corpus) -> Iterator[Verdacht]:
    """Every actie or uitzondering link whose target's fingerprint no longer matches its record."""
    for need in [*corpus.of_type("actie"), *corpus.of_type("uitzondering")]:
        vastgelegd = records(need)
        if not vastgelegd:
            continue
        for item_id, nieuw in huidig(corpus, need).items():
            oud = vastgelegd.get(item_id)
            if oud is not None and oud != nieuw:
                yield Verdacht(need, corpus.needs[item_id], oud, nieuw)

"""Consent per gemeente: who speaks for each gemeente, and who owns each file (CODEOWNERS).

A plan counts for every gemeente it names in `:gemeenten:`. So that a plan of gemeente A
cannot fill the gaps of gemeente B without B knowing, each gemeente has its owners (GitHub
teams or users) in one table, `.github/eigenaren.toml`:

    [gemeenten]
    GM-VLAARDINGEN = ["@regio-rotterdam-rijnmond/team-vlaardingen"]

The CODEOWNERS file is checked against it: a gemeente's owners own a plan file when at
least one of them is a code owner of that file (the last CODEOWNERS line that matches it,
as GitHub reads it). The rule `instemming` (hgkm.rules.instemming) names every gemeente whose
owners do not; `python -m hgkm.tools.eigenaren` prints the lines CODEOWNERS needs. Without
the table a knowledge base has no consent model and nothing is checked.

GitHub asks every code owner of a file to review, but one approval of any of them is enough:
for a plan of several gemeenten, the pull-request report names each gemeente whose coverage
changes at the top (hgkm.tools.diff), so that the reviewer asks each of them.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

#: The table of owners per gemeente, relative to the root of the knowledge base.
TABEL = ".github/eigenaren.toml"
#: Where GitHub looks for CODEOWNERS, in its order.
CODEOWNERS = (".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS")
#: A GitHub user (@naam), team (@organisatie/team) or e-mail address.
EIGENAAR = re.compile(r"^(@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:/[A-Za-z0-9_.-]+)?|[^@\s]+@[^@\s]+)$")


class TabelFout(ValueError):
    """The table of owners cannot be read (a Dutch message, with the line where known)."""


def _regex(patroon: str) -> re.Pattern[str]:
    """A CODEOWNERS pattern (gitignore rules) as a regular expression over a path without leading /."""
    anker = patroon.startswith("/") or "/" in patroon.rstrip("/")
    alleen_map = patroon.endswith("/")
    p, uit, i = patroon.strip("/"), "", 0
    while i < len(p):
        if p.startswith("**/", i):
            uit, i = uit + "(?:.*/)?", i + 3
        elif p.startswith("**", i):
            uit, i = uit + ".*", i + 2
        elif p[i] == "*":
            uit, i = uit + "[^/]*", i + 1
        elif p[i] == "?":
            uit, i = uit + "[^/]", i + 1
        else:
            uit, i = uit + re.escape(p[i]), i + 1
    return re.compile(("" if anker else "(?:.*/)?") + uit + ("/.*" if alleen_map else "(?:/.*)?"))


@dataclass(frozen=True)
class Regel:
    """One line of CODEOWNERS: its pattern and owners."""

    patroon: str
    eigenaren: tuple[str, ...]
    regelnummer: int

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return _regex(self.patroon)


def codeowners(tekst: str) -> list[Regel]:
    """The lines of a CODEOWNERS file (comments and empty lines left out)."""
    uit = []
    for nr, regel in enumerate(tekst.splitlines(), start=1):
        delen = regel.split("#", 1)[0].split() if not regel.lstrip().startswith("#") else []
        if delen:
            uit.append(Regel(delen[0], tuple(delen[1:]), nr))
    return uit


def eigenaren_van(regels: list[Regel], pad: str) -> tuple[str, ...]:
    """The code owners of a file: the owners of the last line that matches it (GitHub's rule)."""
    pad = pad.lstrip("/")
    for regel in reversed(regels):
        if regel.regex.fullmatch(pad):
            return regel.eigenaren
    return ()


def tabel(tekst: str, bron: str = TABEL) -> dict[str, tuple[str, ...]]:
    """The owners per gemeente ID from the text of the table; TabelFout says what is wrong."""
    try:
        data = tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as fout:
        raise TabelFout(f"{bron} is geen geldige TOML ({fout}).") from None
    gemeenten = data.get("gemeenten")
    if not isinstance(gemeenten, dict):
        raise TabelFout(f"{bron} heeft geen tabel [gemeenten].")
    uit: dict[str, tuple[str, ...]] = {}
    for gemeente, eigenaren in gemeenten.items():
        if isinstance(eigenaren, str):
            eigenaren = [eigenaren]
        if not isinstance(eigenaren, list) or not eigenaren or not all(
                isinstance(e, str) and EIGENAAR.match(e) for e in eigenaren):
            raise TabelFout(f'{bron}: bij {gemeente} staat geen lijst van GitHub-teams of -gebruikers, zoals '
                            f'{gemeente} = ["@organisatie/team-gemeente"].')
        uit[gemeente] = tuple(eigenaren)
    return uit


@dataclass(frozen=True)
class Instemming:
    """The owners per gemeente and the CODEOWNERS lines of one knowledge base."""

    eigenaren: dict[str, tuple[str, ...]]
    regels: list[Regel]
    #: where CODEOWNERS was found ("" when there is none)
    codeowners_pad: str = ""

    @classmethod
    def van(cls, srcdir: Path | None) -> Instemming | None:
        """Read from the knowledge base at `srcdir`; None without the table (no consent model).
        A table that cannot be read raises TabelFout."""
        if srcdir is None or not (srcdir / TABEL).is_file():
            return None
        eigenaren = tabel((srcdir / TABEL).read_text(encoding="utf-8"))
        pad = next((p for p in CODEOWNERS if (srcdir / p).is_file()), "")
        regels = codeowners((srcdir / pad).read_text(encoding="utf-8")) if pad else []
        return cls(eigenaren, regels, pad)

    def stemt_in(self, gemeente_id: str, bestand: str) -> bool:
        """Whether one of the gemeente's owners owns the file."""
        return bool(set(self.eigenaren.get(gemeente_id, ())) & set(eigenaren_van(self.regels, bestand)))

    def regel_voor(self, bestand: str, gemeente_ids: list[str]) -> str:
        """The CODEOWNERS line that gives each of these gemeenten a say in this file: per gemeente the
        owner it has there, or else its first owner; then the file's other owners as they are."""
        nu = eigenaren_van(self.regels, bestand)
        eigen = [next((e for e in self.eigenaren[g] if e in nu), self.eigenaren[g][0])
                 for g in gemeente_ids if self.eigenaren.get(g)]
        return " ".join(dict.fromkeys([f"/{bestand.lstrip('/')}", *eigen, *nu]))

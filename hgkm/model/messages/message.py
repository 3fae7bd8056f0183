"""A message: one named factory for findings, with title, cause, fix and example values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from string import Formatter
from typing import TYPE_CHECKING

from hgkm.model.escaping import zichtbaar
from hgkm.model.findings import ERNST, Finding

if TYPE_CHECKING:
    from hgkm.model.corpus import Need

#: Every message by its code, in the order of the guide.
CATALOGUS: dict[str, Message] = {}

#: The parts of the guide (docs/meldingen.md has one table per group).
GROEPEN = (
    "items",         # mistakes in a plan, actie or uitzondering
    "tekst",         # mistakes in the plain text around the items
    "blokken",       # mistakes in other blocks ({note}, {include}, ...)
    "vertrouwen",    # what a file may not use (the trust boundary)
    "dekking",       # what a plan still lacks
    "termijn",       # deadlines (warnings)
    "herijking",     # the regiovisie changed under an actie (warnings)
    "snelcontrole",  # the fast check before a commit
    "landelijk",     # the national overview and a new region (make landelijk, make nieuwe-regio)
)


@dataclass(frozen=True)
class Message:
    """One message: what the writer did (titel), what is wrong (oorzaak), what to do (oplossing)."""

    code: str
    regel: str
    groep: str
    titel: str
    oorzaak: str
    oplossing: str
    #: values for the placeholders, as the guide shows them
    voorbeeld: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        assert self.regel in ERNST, f"message {self.code}: rule {self.regel} has no severity"
        assert self.code not in CATALOGUS, f"message {self.code} declared twice"
        assert self.groep in GROEPEN, f"message {self.code}: unknown group {self.groep}"
        CATALOGUS[self.code] = self

    @property
    def velden(self) -> set[str]:
        """The placeholders of both templates."""
        return {naam for tekst in (self.oorzaak, self.oplossing)
                for _, naam, _, _ in Formatter().parse(tekst) if naam}

    def teksten(self, values: Mapping[str, object]) -> tuple[str, str]:
        # a value from a content file shows its invisible characters as markers (<U+202E>), so
        # no message, in whatever output (Sphinx's log, reports, JSON), reverses or hides text
        values = {k: zichtbaar(v) if isinstance(v, str) else v for k, v in values.items()}
        return self.oorzaak.format_map(values), self.oplossing.format_map(values)

    def __call__(self, bestand: str, regelnummer: int | None, need_id: str = "", *,
                 gemeente: str = "", regiovisie: str = "", **values: object) -> Finding:
        """The finding at a place, its texts filled in from `values` (and gemeente, regiovisie)."""
        oorzaak, oplossing = self.teksten({"gemeente": gemeente, "regiovisie": regiovisie, **values})
        return Finding(self.regel, need_id, bestand, regelnummer, oorzaak, oplossing,
                       gemeente=gemeente, regiovisie=regiovisie, code=self.code)

    def voor(self, need: Need, *, gemeente: str = "", regiovisie: str = "", **values: object) -> Finding:
        """The finding at a need's own place; `{need}` in the texts is its id."""
        return self(need.bestand, need.lineno, need.id, gemeente=gemeente, regiovisie=regiovisie,
                    **{"need": need.id, **values})

    def voorbeeld_teksten(self) -> tuple[str, str]:
        """Cause and fix as the guide shows them, filled in with the example values."""
        return self.teksten(self.voorbeeld)


def per_groep(naam: str) -> list[Message]:
    return [m for m in CATALOGUS.values() if m.groep == naam]


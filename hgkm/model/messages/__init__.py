"""The message catalogue: every finding a policy writer can get, made by one named factory.

As in StrictDoc's `error_handling.py`, each message is declared once, with a title
(the mistake in the writer's words), its cause and its fix as templates, and example
values. The rules and the source scan call the factory; the guide (docs/meldingen.md,
through the `{meldingen}` directive) and the tests read the same declarations, so the
text a writer gets is the text the guide shows.

The families live in the modules of this package, one per part of the guide; importing
the package loads them all into CATALOGUS.
"""

from __future__ import annotations

# in the order of the guide's tables
from hgkm.model.messages import (  # noqa: F401, I001
    invoer, bronnen, dekking, vertrouwen, onzichtbaar, termijn, herijking, snelcontrole,
)
from hgkm.model.messages import landelijk  # noqa: F401, I001
from hgkm.model.messages import privacy  # noqa: F401, I001
from hgkm.model.messages import instemming  # noqa: F401, I001
from hgkm.model.messages.message import CATALOGUS, GROEPEN, Message, per_groep

__all__ = ["CATALOGUS", "GROEPEN", "Message", "per_groep", "bronnen", "dekking", "invoer", "snelcontrole",
           "termijn", "vertrouwen", "herijking", "onzichtbaar", "landelijk", "privacy", "instemming"]

"""The needs of one build, as typed objects.

Loaded from a build's output folder (needs.json, plus schema_violations.json and
build_meldingen.json written beside it) or, inside Sphinx, from the live needs.
Rules, reports and dashboards all read this one model.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from hgkm.model import declaration

#: Environment variable that fixes the peildatum for reproducible runs.
PEILDATUM_ENV = "HGKM_PEILDATUM"

#: Tag of illustrative content, kept out of the real dashboards.
VOORBEELD = "voorbeeld"

#: Beside needs.json: each need's fingerprint, of the text as written (needs.json's text is
#: made portable for other sites, hgkm.site.needs_export).
VINGERAFDRUKKEN_JSON = "vingerafdrukken.json"
#: The key of needs.json with the engine and metamodel versions and the site's address
#: (written by hgkm.site.needs_export, read by a national overview, hgkm.tools.landelijk).
HERKOMST = "hgkm"

#: The link options of the metamodel (ubproject.toml, the one declaration).
LINK_OPTIONS = declaration.link_names()


def peildatum(value: str | None = None) -> date:
    """The date the date rules compare against: given, from the environment, or today."""
    text = value or os.environ.get(PEILDATUM_ENV)
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        bron = "" if value else f" (uit ${PEILDATUM_ENV})"
        raise ValueError(
            f'de peildatum "{text}"{bron} is geen geldige datum. Schrijf haar als JJJJ-MM-DD, '
            "bijvoorbeeld  --peildatum 2025-06-01"
        ) from None


def parse_date(value: Any) -> date | None:
    """An ISO date, or None when the value is missing or malformed."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def schema_violations(outdir: Path) -> dict[str, list[dict]]:
    """sphinx-needs' schema violations per need, from its schema_violations.json (if any)."""
    path = Path(outdir, "schema_violations.json")
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8")).get("validation_warnings", {})


@dataclass
class Need:
    """One need item with the fields the rules read."""

    id: str
    type: str
    title: str
    docname: str
    lineno: int | None
    status: str | None
    tags: list[str]
    links: dict[str, list[str]]
    backlinks: dict[str, list[str]]
    fields: dict[str, Any]
    doctype: str = ".md"

    @property
    def bestand(self) -> str:
        """The source file, relative to the project root."""
        return f"{self.docname}{self.doctype}" if self.docname else ""

    @property
    def voorbeeld(self) -> bool:
        return VOORBEELD in self.tags

    def get(self, name: str) -> Any:
        value = self.fields.get(name)
        return value.strip() if isinstance(value, str) else value

    def link(self, name: str) -> list[str]:
        return self.links.get(name, [])

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Need:
        links = {name: [str(v) for v in data.get(name) or []] for name in LINK_OPTIONS}
        backlinks = {name: [str(v) for v in data.get(f"{name}_back") or []] for name in LINK_OPTIONS}
        return cls(
            id=str(data["id"]),
            type=str(data["type"]),
            title=str(data.get("title") or ""),
            docname=str(data.get("docname") or ""),
            lineno=data.get("lineno"),
            status=data.get("status"),
            tags=[str(t) for t in data.get("tags") or []],
            links=links,
            backlinks=backlinks,
            fields=dict(data),
            doctype=str(data.get("doctype") or ".md"),
        )


@dataclass
class Corpus:
    """All needs of one build, indexed by ID and by type."""

    needs: dict[str, Need]
    schema_violations: dict[str, list[dict]] = field(default_factory=dict)
    build_meldingen: list[dict] = field(default_factory=list)
    #: fingerprints of the needs' meaning as the build read them (hgkm.model.herijking)
    vingerafdrukken: dict[str, str] = field(default_factory=dict)
    by_type: dict[str, list[Need]] = field(init=False)

    def __post_init__(self) -> None:
        self.by_type = {}
        for need in self.needs.values():
            self.by_type.setdefault(need.type, []).append(need)

    @classmethod
    def from_dicts(cls, needs: Iterable[Mapping[str, Any]], **extra: Any) -> Corpus:
        items = [Need.from_dict(n) for n in needs]
        return cls({n.id: n for n in items}, **extra)

    @classmethod
    def from_sphinx(cls, needs: Mapping[str, Any], outdir: Path | None = None) -> Corpus:
        """The corpus of sphinx-needs' live needs (inside a build).

        With `outdir`: also the schema violations sphinx-needs wrote there.
        """
        dicts = ({key: need[key] for key in need.keys()} for need in needs.values())
        return cls.from_dicts(dicts, schema_violations=schema_violations(outdir) if outdir else {})

    @classmethod
    def from_outdir(cls, outdir: Path) -> Corpus:
        """Load the needs and the build's own findings from a build's output folder."""
        data = json.loads((outdir / "needs.json").read_text(encoding="utf-8"))
        needs = data["versions"][data["current_version"]]["needs"].values()
        meldingen_file = outdir / "build_meldingen.json"
        meldingen = (
            json.loads(meldingen_file.read_text(encoding="utf-8")) if meldingen_file.exists() else []
        )
        vingerafdrukken_file = outdir / VINGERAFDRUKKEN_JSON
        vingerafdrukken = (
            json.loads(vingerafdrukken_file.read_text(encoding="utf-8")) if vingerafdrukken_file.exists() else {}
        )
        return cls.from_dicts(needs, schema_violations=schema_violations(outdir), build_meldingen=meldingen,
                              vingerafdrukken=vingerafdrukken)

    def of_type(self, need_type: str) -> list[Need]:
        return self.by_type.get(need_type, [])

    def resolve(self, ids: Iterable[str], need_type: str | None = None) -> list[Need]:
        """The needs behind `ids` that exist (and have `need_type`, if given)."""
        found = (self.needs.get(i) for i in ids)
        return [n for n in found if n is not None and (need_type is None or n.type == need_type)]

    def first(self, ids: Iterable[str], need_type: str) -> Need | None:
        found = self.resolve(ids, need_type)
        return found[0] if found else None

    def plan_of(self, need: Need) -> Need | None:
        """The plan an actie or uitzondering belongs to (a plan is its own plan)."""
        return need if need.type == "plan" else self.first(need.link("plan"), "plan")

    def regiovisie_of(self, need: Need | None) -> Need | None:
        """The regiovisie a plan (or an opgave, principe, ...) falls under."""
        return self.first(need.link("regiovisie"), "regiovisie") if need else None

    def gemeenten_of(self, plan: Need | None) -> list[Need]:
        """The gemeenten a plan names that exist."""
        return self.resolve(plan.link("gemeenten"), "gemeente") if plan else []


def zonder_voorbeelden(corpus: Corpus) -> Corpus:
    """The corpus without voorbeeld items and without what lives in a voorbeeld plan."""
    voorbeeldplannen = {p.id for p in corpus.of_type("plan") if p.voorbeeld}
    echt = [
        n for n in corpus.needs.values() if not n.voorbeeld and not set(n.link("plan")) & voorbeeldplannen
    ]
    return Corpus({n.id: n for n in echt}, corpus.schema_violations, corpus.build_meldingen, corpus.vingerafdrukken)

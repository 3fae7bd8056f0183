"""Open-data downloads, written into the site at the end of every build.

The acties and the coverage matrix as CSV and XLSX (openpyxl), computed from the
live needs by the code of `make check` (hgkm.model.coverage). needs.json is written by
sphinx-needs itself. Beside them the Data Package (datapackage.json) and the DCAT
catalogue (dcat.jsonld, hgkm.site.dcat) say what the files hold; the data sets and their
columns are declared once, in hgkm.site.datasets.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.packaging.custom import StringProperty
from openpyxl.worksheet.table import Table
from sphinx.application import Sphinx

from hgkm.model.corpus import Need
from hgkm.model.coverage import Staat
from hgkm.model.voortgang import voortgang
from hgkm.site import dcat
from hgkm.site.datasets import ACTIE_KOLOMMEN, DEKKING_KOLOMMEN, LICENTIE, LICENTIE_ID, LICENTIE_URL, MAP, TITELS
from hgkm.site.reproducible import stable_zip
from hgkm.site.stand import Stand

#: Cells that a spreadsheet would read as a formula (OWASP: = + - @ tab CR).
_FORMULE_START = ("=", "+", "-", "@", "\t", "\r")
#: Columns that XLSX stores typed instead of as text.
DATUM_KOLOMMEN = frozenset({"start", "eind", "peildatum"})
GETAL_KOLOMMEN = frozenset({"aantal_acties"})
_ISO_DATUM = re.compile(r"\d{4}-\d{2}-\d{2}")

Rij = list[str]


def ontwapend(waarde: str) -> str:
    """A CSV cell a spreadsheet shows as text: a leading ' before what would start a formula."""
    return f"'{waarde}" if waarde.startswith(_FORMULE_START) else waarde


def _ids(needs: list[Need] | list[str]) -> str:
    return ", ".join(n if isinstance(n, str) else n.id for n in needs)


def actie_rijen(stand: Stand) -> list[Rij]:
    corpus = stand.corpus
    rijen = []
    for a in sorted(corpus.of_type("actie"), key=lambda n: n.id):
        plan = corpus.plan_of(a)
        rijen.append([
            a.id, a.title, _ids(a.link("plan")),
            _ids(plan.link("gemeenten")) if plan else "", _ids(plan.link("regiovisie")) if plan else "",
            a.status or "", str(voortgang(a, stand.peildatum, corpus)), str(a.get("eigenaar") or ""), str(a.get("partners") or ""), str(a.get("budget") or ""),
            str(a.get("start") or ""), str(a.get("eind") or ""),
            _ids(a.link("opgaven")), _ids(a.link("taken")), _ids(a.link("principes")), a.bestand,
        ])
    return rijen


def dekking_rijen(stand: Stand) -> list[Rij]:
    rijen = []
    for m in stand.matrices:
        for g in m.gemeenten:
            for soort, items in (("opgave", m.opgaven), ("taak", m.taken)):
                for i in items:
                    cel = m.cel(g.id, i.id)
                    rijen.append([
                        m.regiovisie.id, g.id, g.title, soort, i.id, i.title, str(cel.staat),
                        str(len(cel.acties)) if cel.staat is Staat.GEDEKT else "0", _ids(cel.acties),
                        cel.uitzondering.id if cel.uitzondering and cel.staat is Staat.UITZONDERING else "",
                        stand.peildatum.isoformat(),
                    ])
    return rijen


def _csv(kolommen: list[tuple[str, str]], rijen: list[Rij]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([k for k, _ in kolommen])
    writer.writerows([ontwapend(cel) for cel in rij] for rij in rijen)
    return out.getvalue()


def _getypt(kolom: str, waarde: str) -> str | date | int:
    """The value as XLSX stores it: a date, a number, or (when it is not in the form the
    column promises, or the column is text) the text as written."""
    if kolom in DATUM_KOLOMMEN and _ISO_DATUM.fullmatch(waarde):
        try:
            return date.fromisoformat(waarde)
        except ValueError:  # 2024-13-45 has the form but is no date (make check names it)
            return waarde
    if kolom in GETAL_KOLOMMEN and waarde.isdigit():
        return int(waarde)
    return waarde


def _rij(ws: Any, kolommen: list[tuple[str, str]], rij: Rij) -> None:
    # Cells made here and appended at once: asking the sheet for its last row (ws.max_row)
    # walks every cell, which made writing 9,000 acties take minutes.
    cellen = []
    for (kolom, _), waarde in zip(kolommen, rij):
        cel = Cell(ws, value=_getypt(kolom, waarde))
        if isinstance(cel.value, str):
            cel.data_type = "s"  # openpyxl makes a formula of text that starts with =
        elif isinstance(cel.value, date):
            cel.number_format = "yyyy-mm-dd"
        cellen.append(cel)
    ws.append(cellen)


def _xlsx(path: Path, titel: str, kolommen: list[tuple[str, str]], rijen: list[Rij], peil: date, project: str) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = titel
    ws.append([k for k, _ in kolommen])
    for rij in rijen:
        _rij(ws, kolommen, rij)
    if rijen:
        ws.add_table(Table(displayName=titel.capitalize(), ref=ws.dimensions))
    uitleg = wb.create_sheet("kolommen")
    uitleg.append(["kolom", "betekenis"])
    for k, u in kolommen:
        _rij(uitleg, [("kolom", ""), ("betekenis", "")], [k, u])
    uitleg.append([])
    uitleg.append(["licentie", LICENTIE])
    _eigenschappen(wb, titel, peil, project)
    wb.save(path)
    # The same content gives the same file: no build time in the metadata or the zip.
    stable_zip(path, datetime.combine(peil, time()))


def _eigenschappen(wb: Workbook, titel: str, peil: date, project: str) -> None:
    """The file's own properties (File > Info): title, subject, licence, peildatum."""
    p = wb.properties
    p.title = f"{titel.capitalize()}: {TITELS[titel]}"
    p.subject = project
    p.creator = p.lastModifiedBy = project
    p.description = f"Peildatum {peil.isoformat()}. Licentie: {LICENTIE}"
    p.keywords = "huiselijk geweld; kindermishandeling; regiovisie; uitvoeringsplan; open data"
    p.language = "nl"
    p.created = p.modified = datetime.combine(peil, time())
    wb.custom_doc_props.append(StringProperty(name="Licentie", value=f"{LICENTIE_ID} ({LICENTIE_URL})"))


WRITERS: dict[str, Callable[[Stand], list[Rij]]] = {"acties": actie_rijen, "dekking": dekking_rijen}
KOLOMMEN = {"acties": ACTIE_KOLOMMEN, "dekking": DEKKING_KOLOMMEN}


def datapackage(project: str, versie: str, peil: date) -> dict[str, Any]:
    """A Frictionless Data Package (v2) of the CSV files: a Table Schema per file from the
    column descriptions above, so tools outside read types and meanings, not only text."""

    def veld(kolom: str, uitleg: str) -> dict[str, Any]:
        soort = "date" if kolom in DATUM_KOLOMMEN else "integer" if kolom in GETAL_KOLOMMEN else "string"
        return {"name": kolom, "type": soort, "description": uitleg}

    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "hgkm-kennisbank",
        "title": project,
        "description": "De uitvoeringsacties en de dekking van de ontwikkelopgaven en wettelijke taken per "
        f"gemeente, volgens de kennisbank. Peildatum {peil.isoformat()}. Voorbeelditems zijn weggelaten.",
        "version": f"{versie}+{peil.isoformat()}",
        "created": f"{peil.isoformat()}T00:00:00Z",
        "licenses": [{"name": LICENTIE_ID, "path": LICENTIE_URL, "title": "CC0 1.0 Universeel"}],
        "keywords": ["huiselijk geweld", "kindermishandeling", "regiovisie", "uitvoeringsplan"],
        "resources": [
            {
                "$schema": "https://datapackage.org/profiles/2.0/dataresource.json",
                "name": naam,
                "title": naam.capitalize(),
                "description": TITELS[naam],
                "path": f"{naam}.csv",
                "type": "table",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
                    "fields": [veld(k, u) for k, u in KOLOMMEN[naam]],
                    "missingValues": [""],
                },
            }
            for naam in WRITERS
        ],
    }


def schrijf(app: Sphinx, exception: Exception | None) -> None:
    """Write the CSV and XLSX downloads into the HTML output."""
    if exception is not None or app.builder.format != "html":
        return
    stand = Stand.van(app)
    folder = Path(app.outdir, MAP)
    folder.mkdir(parents=True, exist_ok=True)
    for naam, rijen_van in WRITERS.items():
        rijen = rijen_van(stand)
        (folder / f"{naam}.csv").write_text(_csv(KOLOMMEN[naam], rijen), encoding="utf-8")
        _xlsx(folder / f"{naam}.xlsx", naam, KOLOMMEN[naam], rijen, stand.peildatum, app.config.project)
    pakket = datapackage(app.config.project, app.config.release, stand.peildatum)
    _json(folder / "datapackage.json", pakket)
    _json(folder / "dcat.jsonld", dcat.catalogus(
        app.config.project, app.config.release, stand.peildatum, app.config.html_baseurl or "", _uitgever(app)))


def _uitgever(app: Sphinx) -> dict[str, str]:
    """Who publishes the data: conf.py's `hgkm_uitgever`, else the site's author."""
    return {"naam": app.config.author, **app.config.hgkm_uitgever}


def _json(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def setup(app: Sphinx) -> None:
    # {"naam", "uri" (the organisation's URI from DONL's list), "contact"}; see dcat.py
    app.add_config_value("hgkm_uitgever", {}, "html", types=(dict,))
    app.connect("build-finished", schrijf)

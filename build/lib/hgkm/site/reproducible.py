"""Two clean builds of the same sources give the same files, byte for byte.

Three outputs differed between builds (tests/test_outside_tools.py compares two):

- each need's container gets a random id (`SNCB-` + part of a uuid). It is derived from
  the need's id instead; sphinx-needs' collapse script only looks for the `SNCB-` start.
- sphinx-needs' schema_violations.json says how many seconds the validation took.
  The timing is left out; the findings stay as they are.
- an XLSX file is a zip whose entries carry the time of writing, and openpyxl stamps
  the save time into its properties. Both become the peildatum of the build.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import datetime
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

_MODIFIED = re.compile(rb"<dcterms:modified([^>]*)>[^<]*</dcterms:modified>")


def container_ids(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """After sphinx-needs rendered the page's needs (doctree-resolved, priority 500)."""
    taken: set[str] = set()
    for container in doctree.findall(nodes.container):
        if "need_container" not in container["classes"] or not any(i.startswith("SNCB-") for i in container["ids"]):
            continue
        table = next(iter(container.findall(nodes.table)), None)
        need_id = table["ids"][0] if table is not None and table["ids"] else "need"
        new, n = f"SNCB-{need_id}", 1
        while new in taken:  # the same need twice on one page (needextract)
            n += 1
            new = f"SNCB-{need_id}-{n}"
        taken.add(new)
        container["ids"] = [new]


def schema_report(app: Sphinx, exception: Exception | None) -> None:
    path = Path(app.outdir, "schema_violations.json")
    if exception is not None or not path.exists():
        return
    report = json.loads(path.read_text(encoding="utf-8"))
    report.pop("validated_needs_per_second", None)
    report["validation_summary"] = (
        f"Schema validation completed with {len(report.get('validation_warnings', {}))} warning(s)."
    )
    path.write_text(json.dumps(report, indent=2), encoding="utf-8")


def stable_zip(path: Path, moment: datetime) -> None:
    """Rewrite an Office file with `moment` as the time of every entry and of its last change."""
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = _MODIFIED.sub(rb"<dcterms:modified\1>" + stamp + rb"</dcterms:modified>", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=moment.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, data)
    path.write_bytes(out.getvalue())


def setup(app: Sphinx) -> None:
    app.connect("doctree-resolved", container_ids, priority=600)
    app.connect("build-finished", schema_report, priority=600)

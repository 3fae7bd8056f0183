"""What the national bench's site shows, as one hash per page, to prove speed cost no content.

`make bench` builds the synthetic national corpus and compares the article of every
synthetic page (the plans, the gemeente pages, the pages of the synthetic opgaven,
principes and taken, the synthetic regiovisie), the synthetic rows of the CSV downloads and
the synthetic needs in needs.json with bench/referentie/: the same corpus
built before the change. A page that differs fails the bench by name. When a change is
meant to alter what pages show, `--nieuwe-referentie` writes the new hashes, and the
changed reference file shows the reviewer which pages changed.

Only the article is compared: the footer carries the engine's version, the navigation
the real content's pages; neither depends on the synthetic corpus. The diagrams are in
it by name, and Sphinx names a diagram after a hash of its graphviz code.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

#: the pages made from the synthetic corpus (relative to the html folder)
PATRONEN = (
    "requirements/landelijk.html",
    "requirements/uitvoeringsplannen/nl-*.html",
    "docs/gemeenten/gm-nl*.html",
    "docs/opgaven/og-nl-*.html",
    "docs/principes/lp-nl-*.html",
    "docs/taken/wt-nl-*.html",
)
_ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
_RANDOM = re.compile(r"SNCB-[0-9a-f]+")
_SPACE = re.compile(r"\s+")
#: the IDs of the synthetic corpus (bench/landelijk.py)
_SYNTHETISCH = re.compile(r"\b[A-Z]{2}-NL")


def _artikel(html: str) -> str:
    found = _ARTICLE.search(html)
    return _SPACE.sub(" ", _RANDOM.sub("SNCB-x", found.group(0) if found else html))


def _sha(tekst: str) -> str:
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()


def hashes(html_dir: Path) -> dict[str, str]:
    """Per synthetic page the sha256 of its article; of the data, the synthetic rows and needs."""
    pages: dict[str, str] = {}
    for patroon in PATRONEN:
        for path in sorted(html_dir.glob(patroon)):
            pages[path.relative_to(html_dir).as_posix()] = _sha(_artikel(path.read_text(encoding="utf-8")))
    for csv in sorted((html_dir / "downloads").glob("*.csv")):
        rijen = [r for r in csv.read_text(encoding="utf-8").splitlines() if _SYNTHETISCH.search(r)]
        pages[f"downloads/{csv.name}"] = _sha("\n".join(rijen))
    needs_json = html_dir / "needs.json"
    if needs_json.exists():
        data = json.loads(needs_json.read_text(encoding="utf-8"))
        versie = data["versions"][data["current_version"]]
        needs = {i: n for i, n in versie["needs"].items() if _SYNTHETISCH.search(i)}
        pages["needs.json"] = _sha(json.dumps(needs, sort_keys=True, ensure_ascii=False))
    return pages


def referentie(gemeenten: int, acties: int) -> Path:
    return Path(__file__).resolve().parent / "referentie" / f"landelijk-{gemeenten}x{acties}.json"


def vergelijk(html_dir: Path, gemeenten: int, acties: int) -> list[str] | None:
    """The pages that differ from the reference (None: there is no reference for this size)."""
    path = referentie(gemeenten, acties)
    if not path.exists():
        return None
    oud = json.loads(path.read_text(encoding="utf-8"))
    nieuw = hashes(html_dir)
    return sorted(p for p in oud.keys() | nieuw.keys() if oud.get(p) != nieuw.get(p))


def bewaar(html_dir: Path, gemeenten: int, acties: int) -> Path:
    path = referentie(gemeenten, acties)
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(hashes(html_dir), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return path

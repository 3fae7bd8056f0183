"""A toetssteen's metingen on its page: a chart (SVG made at build time) and a real table of
the same figures beside it, and whether the direction the regiovisie wants is met.

Figures are data with a source: each `meting` item names its toetssteen, periode, waarde,
eenheid, gebied and bron. The chart is matplotlib's SVG with a fixed hash salt and no date,
so two builds write the same file; the table says everything the chart shows.
"""

from __future__ import annotations

import io
from html import escape
from pathlib import Path
from typing import Any

from sphinx.util.osutil import relative_uri

from hgkm.model.corpus import Need

#: The page renderer (hgkm.site.render.Renderer, which calls this module): its links,
#: tables and figures. Typed loosely so that this module does not import its caller.
Renderer = Any

#: Where the charts land in the site.
MAP = "_images"


def waarde(meting: Need) -> float | None:
    try:
        return float(str(meting.get("waarde") or "").replace(",", "."))
    except ValueError:
        return None


def _getal(meting: Need) -> str:
    return str(meting.get("waarde") or "").replace(".", ",")


def reeksen(metingen: list[Need]) -> dict[str, list[Need]]:
    """Per gebied, its metingen by periode (the first gebied first, as the items stand)."""
    result: dict[str, list[Need]] = {}
    for m in metingen:
        result.setdefault(str(m.get("gebied") or ""), []).append(m)
    return {g: sorted(ms, key=lambda m: str(m.get("periode") or "")) for g, ms in result.items()}


def richting(toetssteen: Need, metingen: list[Need]) -> str:
    """In words: since the first meting, does each gebied move the way the regiovisie wants?"""
    doel = toetssteen.get("doel")
    zinnen = []
    for gebied, reeks in reeksen(metingen).items():
        if len(reeks) < 2:
            eerste = reeks[0]
            zinnen.append(f"{gebied}: er is nog één meting ({eerste.get('periode')}: {_getal(eerste)} "
                          f"{eerste.get('eenheid')}). Of de richting wordt gehaald, is te zien vanaf de volgende meting.")
            continue
        eerste, laatste = reeks[0], reeks[-1]
        a, b = waarde(eerste), waarde(laatste)
        if a is None or b is None or not doel:
            continue
        goed = b < a if doel == "dalen" else b > a
        verloop = "gedaald" if b < a else "gestegen" if b > a else "gelijk gebleven"
        oordeel = "op de goede weg" if goed else "nog niet op de goede weg"
        zinnen.append(f"{gebied}: van {_getal(eerste)} ({eerste.get('periode')}) naar {_getal(laatste)} "
                      f"({laatste.get('periode')}), {verloop}. De regiovisie wil dat de waarde "
                      f"{'daalt' if doel == 'dalen' else 'stijgt'}: {oordeel}.")
    return "".join(f"<p>{escape(z)}</p>" for z in zinnen)


def _label(tekst: str) -> str:
    """Text from a content file as matplotlib shows it literally: `$` would start mathtext
    (a parse error stops the build), a leading `_` hides a legend entry."""
    return tekst.replace("$", r"\$").lstrip("_") or "?"


def grafiek(toetssteen: Need, metingen: list[Need]) -> bytes:
    """The metingen as a bar chart per periode and gebied (SVG, the same bytes every build)."""
    import matplotlib

    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.hashsalt": toetssteen.id, "svg.fonttype": "none", "font.size": 10})
    series = reeksen(metingen)
    perioden = sorted({str(m.get("periode")) for m in metingen})
    fig, ax = plt.subplots(figsize=(6, 3))
    breedte = 0.8 / max(len(series), 1)
    for n, (gebied, reeks) in enumerate(series.items()):
        per = {str(m.get("periode")): waarde(m) or 0.0 for m in reeks}
        xs = [i + n * breedte for i, p in enumerate(perioden) if p in per]
        ax.bar(xs, [per[p] for p in perioden if p in per], width=breedte, label=_label(gebied),
               color=["#0b3a8c", "#7a7a7a", "#b35900"][n % 3], hatch=["", "//", ".."][n % 3])
    ax.set_xticks([i + breedte * (len(series) - 1) / 2 for i in range(len(perioden))], [_label(p) for p in perioden])
    ax.set_ylabel(_label(str(metingen[0].get("eenheid") or "")))
    hoogste = max((waarde(m) or 0.0 for m in metingen), default=0.0)
    ax.set_ylim(0, hoogste * 1.3 or 1)
    ax.legend(frameon=False, loc="upper center", ncol=max(len(series), 1))
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    return buffer.getvalue()


def sectie(r: Renderer, toetssteen: Need) -> str:
    """The metingen section of a toetssteen page (its chart is written into the site)."""
    metingen = [m for m in r.corpus.of_type("meting") if toetssteen.id in m.link("toetssteen")]
    if not metingen:
        return ("<h2>Metingen</h2><p>Voor deze toetssteen staat nog geen meting in de kennisbank. "
                "Een cijfer met zijn bron voegt u toe als een blok meting (zie de handleiding).</p>")
    naam = f"meting-{toetssteen.id.lower()}.svg"
    pad = Path(r.app.outdir, MAP, naam)
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_bytes(grafiek(toetssteen, metingen))
    target = r.app.builder.get_target_uri(r.docname)

    alt = "; ".join(f"{m.get('gebied')} {m.get('periode')}: {_getal(m)} {m.get('eenheid')}" for m in
                    sorted(metingen, key=lambda m: (str(m.get("periode")), str(m.get("gebied")))))
    rijen = [(escape(str(m.get("periode"))), [escape(str(m.get("gebied"))), escape(f"{_getal(m)} {m.get('eenheid')}"),
                                              r.link(m, m.id), r.links(r.corpus.resolve(m.link("bronnen")))])
             for m in sorted(metingen, key=lambda m: (str(m.get("periode")), str(m.get("gebied"))))]
    return ("<h2>Metingen</h2>"
            f'<figure class="hgkm-grafiek"><img src="{escape(relative_uri(target, f"{MAP}/{naam}"))}" '
            f'alt="{escape("Grafiek van de metingen: " + alt)}" width="600" height="300">'
            f"<figcaption>De metingen van {escape(toetssteen.id)} {escape(toetssteen.title)}; dezelfde cijfers "
            "staan in de tabel hieronder.</figcaption></figure>"
            + r.tabel(f"Metingen van {escape(toetssteen.id)}", ["Periode", "Gebied", "Waarde", "Meting", "Bron"], rijen)
            + "<h3>Op de goede weg?</h3>" + richting(toetssteen, metingen))

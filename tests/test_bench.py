"""The national bench's content check (bench/inhoud.py), on its quick size (40 gemeenten).

Speed must never cost content: the synthetic site must show what the reference in
bench/referentie/ records. A change that means to alter pages renews it with
`make bench BENCHARGS="--snel --nieuwe-referentie"` (the reviewer sees which pages changed).
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from hgkm import ROOT


@pytest.mark.skipif(shutil.which("dot") is None, reason="graphviz dot missing")
def test_snelle_bench_toont_dezelfde_inhoud_als_de_referentie() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "landelijk.py"), "--snel", "--alleen-schoon", "--geen-baseline"],
        capture_output=True, text=True, check=False,
    )
    assert "Inhoud gelijk aan de referentie" in result.stdout, result.stdout + result.stderr
    assert result.returncode == 0, result.stdout + result.stderr


def test_een_andere_pagina_laat_de_vergelijking_falen(tmp_path) -> None:
    sys.path.insert(0, str(ROOT))
    from bench import inhoud

    html = tmp_path / "html"
    pagina = html / "docs" / "opgaven" / "og-nl-1.html"
    pagina.parent.mkdir(parents=True)
    pagina.write_text("<html><article>Opgave 1 SNCB-1234abcd</article><footer>versie 1</footer></html>")
    eerst = inhoud.hashes(html)
    pagina.write_text("<html><article>Opgave  1\n SNCB-99999999</article><footer>versie 2</footer></html>")
    assert inhoud.hashes(html) == eerst  # white space, random IDs and the footer do not count
    pagina.write_text("<html><article>Opgave 2</article></html>")
    assert inhoud.hashes(html) != eerst

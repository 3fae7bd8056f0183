"""A needflow only where it can be read (hgkm.site.samenhang), in a real Sphinx build."""

from __future__ import annotations

from pathlib import Path

from hgkm.tools.build import build
from tests.conftest import SITE_PEILDATUM, copy_fixture

DIAGRAM = '<img src="../../_images/needflow-'


def _pagina(out: Path, naam: str) -> str:
    return (out / "docs" / "opgaven" / f"{naam}.html").read_text(encoding="utf-8")


def test_grote_tekening_wordt_een_zin_kleine_blijft(tmp_path: Path) -> None:
    # OG-TEST-1 has 4 acties (and one voorbeeld actie, which the diagram leaves out too);
    # OG-TEST-2 has 1. With a limit of 3 the first loses its diagram, the second keeps it.
    src = copy_fixture("site", tmp_path)
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\nhgkm_tekening_max = 3\n")
    result = build(src, src / "_build" / "html", env={"HGKM_PEILDATUM": SITE_PEILDATUM})
    assert result.returncode == 0, result.log
    groot = _pagina(result.outdir, "og-test-1")
    assert DIAGRAM not in groot
    assert "Er verwijzen 4 acties naar OG-TEST-1. Dat zijn er te veel voor een leesbare tekening." in groot
    # the table the sentence points to is there, with every actie
    assert "Wie werkt hieraan" in groot
    klein = _pagina(result.outdir, "og-test-2")
    assert DIAGRAM in klein
    assert "te veel voor een leesbare tekening" not in klein


def test_standaard_grens_laat_de_tekeningen_staan(site) -> None:
    for naam in ("og-test-1", "og-test-2"):
        pagina = _pagina(site.outdir, naam)
        assert DIAGRAM in pagina
        assert "te veel voor een leesbare tekening" not in pagina

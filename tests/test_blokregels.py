"""Invisible or look-alike characters in a block's lines: named as what they are, with the column."""

from __future__ import annotations

from pathlib import Path

import pytest

from hgkm.model.messages import invoer
from hgkm.tools import blokregels
from hgkm.tools.scaffold import snelcontrole

PLAN = "requirements/uitvoeringsplannen/albrandswaard.md"
BLOK = ":::{{actie}} Preventie\n:id: UA-ALB-1\n{regel}\n:status: lopend\n:::\n\nGewone tekst\tmet een tab.\n"


@pytest.mark.parametrize(("regel", "kolom", "naam"), [
    (":start:\t2024-03-01", 8, "een tab (U+0009) tussen :start: en de waarde"),
    (":start:\u00a02024-03-01", 8, "een harde spatie (U+00A0, NO-BREAK SPACE) tussen :start: en de waarde"),
    ("\u200b:eigenaar: Afdeling Zorg", 1, "een spatie zonder breedte (U+200B, ZERO WIDTH SPACE)"),
    ("\ufeff:start: 2024-03-01", 1, "een byte-order-markering (U+FEFF, ZERO WIDTH NO-BREAK SPACE)"),
    (":start\uff1a2024-03-01", 7, "een dubbele punt in volle breedte (in plaats van een gewone dubbele punt) "
                                  "(U+FF1A, FULLWIDTH COLON)"),
])
def test_each_character_is_named_with_its_column(regel: str, kolom: int, naam: str) -> None:
    [(f, blok)] = blokregels.findings(PLAN, BLOK.format(regel=regel))
    assert (f.bestand, f.regelnummer, f.code, f.regel) == (PLAN, 3, "teken-in-blokregel", "invoer")
    assert f.melding.startswith(f"In regel 3, kolom {kolom}, staat {naam}.")
    assert f.oplossing.endswith(":start: 2024-03-01") or f.oplossing.endswith(":eigenaar: Afdeling Zorg")
    assert (blok.begin, blok.eind) == (1, 4)
    assert "\t" not in f.melding + f.oplossing and "\u200b" not in f.melding + f.oplossing


@pytest.mark.parametrize("regel", [
    ":start: 2024-03-01",
    ":eigenaar: Afdeling\u00a0Zorg",  # a no-break space in a value is allowed
    ":eigenaar: \u200b",  # an invisible value: the onzichtbaar rule's (required means visible)
])
def test_a_clean_block_a_value_and_a_tab_in_running_text_are_not_reported(regel: str) -> None:
    assert blokregels.findings(PLAN, BLOK.format(regel=regel)) == []


def test_the_opening_line_too() -> None:
    [(f, _)] = blokregels.findings(PLAN, ":::{actie}\u00a0Preventie\n:id: UA-ALB-1\n:::\n")
    assert f.melding.startswith("In regel 1, kolom 11, staat een harde spatie (U+00A0, NO-BREAK SPACE).")
    assert "de openingsregel van een blok" in f.melding
    assert blokregels.findings(PLAN, ":::{actie} Preventie\u200b\n:::\n") == []  # the title: the rule's


def test_the_consequences_give_way_to_the_cause(tmp_path: Path) -> None:
    (tmp_path / "requirements" / "uitvoeringsplannen").mkdir(parents=True)
    (tmp_path / PLAN).write_text(BLOK.format(regel=":start:\t2024-03-01"), encoding="utf-8")
    geen_id = invoer.ID_ONTBREEKT(PLAN, 1, **invoer.ID_ONTBREEKT.voorbeeld)
    elders = invoer.ID_ONTBREEKT(PLAN, 9, **invoer.ID_ONTBREEKT.voorbeeld)
    uit = blokregels.in_plaats_van_gevolgen([geen_id, elders], tmp_path, [PLAN])
    assert [f.code for f in uit] == ["teken-in-blokregel", "id-ontbreekt"]
    assert uit[1] is elders  # outside the block: not a consequence
    assert blokregels.in_plaats_van_gevolgen([geen_id], None, [PLAN]) == [geen_id]


def test_the_quick_check_names_the_tab(tmp_path: Path) -> None:
    pad = tmp_path / "albrandswaard.md"
    pad.write_text(BLOK.format(regel=":start:\t2024-03-01"), encoding="utf-8")
    assert [(f.regelnummer, f.code) for f in snelcontrole(pad)] == [(3, "teken-in-blokregel")]

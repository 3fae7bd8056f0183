"""The message catalogue (hgkm/model/messages/) is the one source of every message.

The checks make their findings through its factories, the guide (docs/meldingen.md)
renders its tables from it, and these tests read it too: every message is complete,
its example fills it, the guide shows every message, and what the checks print was
made by the template the guide shows (tests/test_invoer.py checks that per mistake).
"""

from __future__ import annotations

import html as html_lib
import re
import shutil
from pathlib import Path

import pytest

from hgkm import ROOT
from hgkm.model.findings import ERNST
from hgkm.model.messages import CATALOGUS, GROEPEN, Message, per_groep
from hgkm.tools.build import build

from conftest import copy_fixture

GIDS = ROOT / "docs" / "meldingen.md"


def gemaakt_door(tekst: str, sjabloon: str) -> bool:
    """Whether `tekst` is `sjabloon` filled in: its literal parts, in order, with anything between."""
    delen = re.split(r"\{[^{}]*\}", sjabloon.replace("{{", "\x00").replace("}}", "\x01"))
    patroon = ".*?".join(re.escape(d.replace("\x00", "{").replace("\x01", "}")) for d in delen)
    return re.fullmatch(patroon, tekst, flags=re.DOTALL) is not None


@pytest.mark.parametrize("message", CATALOGUS.values(), ids=lambda m: m.code)
def test_each_message_is_complete_and_its_example_fills_it(message: Message) -> None:
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", message.code)
    assert message.regel in ERNST and message.groep in GROEPEN
    assert message.titel.strip() and message.oorzaak.strip() and message.oplossing.strip()
    ontbreekt = message.velden - set(message.voorbeeld) - {"gemeente", "regiovisie"}
    assert not ontbreekt, f"{message.code}: no example value for {sorted(ontbreekt)}"
    oorzaak, oplossing = message.voorbeeld_teksten()
    assert gemaakt_door(oorzaak, message.oorzaak) and gemaakt_door(oplossing, message.oplossing)
    finding = message("requirements/uitvoeringsplannen/x.md", 3, "UA-X-1", **message.voorbeeld)
    assert (finding.code, finding.regel, finding.melding, finding.oplossing) == (message.code, message.regel, oorzaak, oplossing)


def test_every_group_is_a_table_of_the_guide() -> None:
    bron = GIDS.read_text(encoding="utf-8")
    tabellen = re.findall(r"^```\{meldingen\} (\S+)$", bron, flags=re.MULTILINE)
    assert sorted(tabellen) == sorted(GROEPEN)
    assert all(per_groep(groep) for groep in GROEPEN)


def test_the_built_guide_shows_every_message_with_its_example(tmp_path: Path) -> None:
    """docs/meldingen.md itself, built for real: a row per message, with the text a writer gets."""
    src = copy_fixture("minimaal", tmp_path)
    shutil.copy(GIDS, src / "meldingen.md")
    result = build(src, tmp_path / "html")
    html = (tmp_path / "html" / "meldingen.html").read_text(encoding="utf-8")
    rijen = re.findall(r'<tr class="[^"]*" id="melding-([a-z0-9-]+)"', html)
    assert sorted(rijen) == sorted(CATALOGUS), result.log[-2000:]  # each once, none left out
    for message in CATALOGUS.values():
        oorzaak, oplossing = message.voorbeeld_teksten()
        rij = html.split(f'id="melding-{message.code}"', 1)[1].split("</tr>", 1)[0]
        tekst = html_lib.unescape(re.sub(r"<[^>]+>", "", rij))
        assert oorzaak in tekst and oplossing in tekst, (message.code, tekst)

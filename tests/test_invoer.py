"""Every mistake a policy writer makes gets a located, Dutch message.

The corpus tests/fixtures/fouten holds one file per mistake (its name says which).
FOUTEN below lists, per mistake, the place and the message `make check` must
report; docs/meldingen.md shows writers the same messages (both from hgkm/model/messages/). The corpus is built
for real, once, through the command line `make check` runs.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from htmlcheck import writer_code
from test_meldingen import gemaakt_door

from hgkm import ROOT
from hgkm.model.messages import CATALOGUS
from hgkm.sources import item_count, sanitize
from hgkm.tools.build import build


FOUTEN_DIR = Path(__file__).parent / "fixtures" / "fouten"
PLANNEN = "requirements/uitvoeringsplannen"
PEILDATUM = "2025-06-01"

# mistake: (file:line, rule, part of the message, part of the fix)
FOUTEN: dict[str, tuple[str, str, str, str]] = {
    "dode koppeling": (
        f"{PLANNEN}/dode-koppeling.md:5", "invoer",
        "verwijst met :opgaven: naar OG-TEST-9, maar een item met die ID bestaat niet",
        "Controleer de spelling van de ID",
    ),
    "koppeling naar de verkeerde soort": (
        f"{PLANNEN}/verkeerde-soort.md:5", "invoer",
        "verwijst met :opgaven: naar WT-TEST-1, maar dat is een taak; hier hoort een opgave.",
        "Verwijs met :opgaven: naar een opgave (zie de pagina Metamodel). Een taak noemt u met  :taken: WT-TEST-1",
    ),
    "datum in de verkeerde vorm": (
        f"{PLANNEN}/datumformaat.md:5", "invoer",
        ':start: "1-3-2024" geen geldige datum',
        "Schrijf de datum als JJJJ-MM-DD",
    ),
    "einde voor het begin": (
        f"{PLANNEN}/eind-voor-start.md:5", "integriteit",
        "eindigt (2024-01-31) voordat zij begint (2024-03-01)",
        "Zet de einddatum na de begindatum",
    ),
    "datum buiten de looptijd": (
        f"{PLANNEN}/buiten-looptijd.md:5", "integriteit",
        "de startdatum 2023-06-01 valt buiten de looptijd",
        "Kies een datum binnen de looptijd",
    ),
    "dubbele ID": (
        f"{PLANNEN}/dubbele-id.md:16", "invoer",
        "De ID UA-A-DUBBEL komt twee keer voor.",
        "Geef één van beide items een andere, unieke ID",
    ),
    "ID past niet in het patroon": (
        f"{PLANNEN}/id-patroon.md:5", "invoer",
        "De ID ua-a-klein is ongeldig",
        "Schrijf de ID bijvoorbeeld als UA-GEMEENTE-1",
    ),
    "eigenaar ontbreekt": (
        f"{PLANNEN}/zonder-eigenaar.md:5", "invoer",
        "ontbreekt het verplichte veld :eigenaar:",
        "Voeg een regel toe, bijvoorbeeld  :eigenaar:",
    ),
    "plan ontbreekt": (
        f"{PLANNEN}/zonder-plan.md:5", "invoer",
        "ontbreekt het verplichte veld :plan:",
        "Voeg een regel toe, bijvoorbeeld  :plan:",
    ),
    "onbekende status": (
        f"{PLANNEN}/onbekende-status.md:5", "invoer",
        ':status: "bezig" geen toegestane waarde',
        "Kies een van: gepland, lopend, afgerond, vervallen",
    ),
    "lijst als YAML": (
        f"{PLANNEN}/yaml-lijst.md:5", "invoer",
        "de lijst bij :opgaven: staat tussen haken ([...]), zoals in YAML",
        "Schrijf OG-TEST-1, WT-TEST-1 zonder haken, gescheiden door komma's",
    ),
    "actie in twee plannen": (
        f"{PLANNEN}/twee-plannen.md:5", "invoer",
        "noemt :plan: meer dan één item",
        "Laat één ID staan",
    ),
    "blok niet afgesloten": (
        f"{PLANNEN}/open-blok.md:5", "invoer",
        "Het blok dat hier begint (:::{actie}) wordt nergens afgesloten",
        "Sluit het blok af met een regel met alleen  :::",
    ),
    "typfout in de soort": (
        f"{PLANNEN}/typfout-blok.md:5", "vertrouwen",
        "Het blok {actei} mag niet in een uitvoeringsplan (bedoelt u actie?)",
        "De inhoud van dit blok is niet opgenomen",
    ),
    "typfout in een optie": (
        f"{PLANNEN}/typfout-optie.md:5", "invoer",
        "De optie :opgave: bestaat niet (bedoelt u opgaven?)",
        "bijvoorbeeld opgaven",
    ),
    "onbekende gemeente": (
        f"{PLANNEN}/onbekende-gemeente.md:5", "invoer",
        "noemt gemeente GM-ONBEKEND, maar die gemeente staat niet in de kennisbank",
        "Controleer de ID op de pagina Gemeenten",
    ),
    "gemeente buiten de regio": (
        f"{PLANNEN}/gemeente-buiten-regio.md:5", "integriteit",
        "noemt gemeente Buitendorp, maar die hoort niet bij de regio",
        "Kies een gemeente van de regio",
    ),
    "leeg bestand": (
        f"{PLANNEN}/leeg.md:1", "invoer",
        "Dit bestand is leeg of heeft geen titel",
        "Begin het bestand met een titelregel",
    ),
    "plan buiten de map": (
        "losse-map/plan.md:1", "invoer",
        "Dit bestand staat in geen enkele inhoudsopgave",
        "Zet een uitvoeringsplan in de map requirements/uitvoeringsplannen/",
    ),
    "uitzondering zonder motivering": (
        f"{PLANNEN}/uitzondering-zonder-motivering.md:5", "invoer",
        "ontbreekt het verplichte veld :motivering:",
        ":motivering:",
    ),
    "verlopen uitzondering": (
        f"{PLANNEN}/uitzondering-verlopen.md:5", "uitzondering",
        "is verlopen op 2024-12-31",
        "verleng de uitzondering met een nieuw besluit",
    ),
    "geen UTF-8": (
        f"{PLANNEN}/niet-utf8.md:5", "invoer",
        "Dit bestand is geen UTF-8-tekst",
        "Sla het bestand op als UTF-8",
    ),
    "item verdwenen (ingesprongen als code)": (
        f"{PLANNEN}/ingesprongen.md:5", "invoer",
        "Dit item staat niet in de kennisbank: actie UA-A-INSPRING",
        "Controleer of het blok goed is geopend en afgesloten",
    ),
    "ID ontbreekt": (
        f"{PLANNEN}/zonder-id.md:5", "invoer",
        "Dit item heeft geen ID, dus het is niet opgenomen.",
        ":id: UA-GEMEENTE-1",
    ),
    "titel ontbreekt": (
        f"{PLANNEN}/zonder-titel.md:5", "invoer",
        "Dit item heeft geen titel.",
        "Zet de titel op de openingsregel",
    ),
    "optie twee keer": (
        f"{PLANNEN}/dubbele-optie.md:11", "invoer",
        "De optie :eigenaar: staat twee keer in dit item (ook op regel 10)",
        "Houd één regel :eigenaar: over",
    ),
    "tags als YAML": (
        f"{PLANNEN}/tags-als-yaml.md:14", "invoer",
        "De waarde van :tags: staat tussen haken ([...]), zoals in YAML",
        ":tags: jeugd, preventie",
    ),
    "HTML met script": (
        f"{PLANNEN}/html-en-script.md:6", "invoer",
        "Hier staat HTML met een script (<script…)",
        "Haal de HTML weg",
    ),
    "HTML met onerror": (
        f"{PLANNEN}/html-en-script.md:8", "invoer",
        "Hier staat HTML met een script (<img…)",
        "Haal de HTML weg",
    ),
    "javascript-link": (
        f"{PLANNEN}/html-en-script.md:12", "invoer",
        "Hier staat een link die een script start",
        "Gebruik alleen links die beginnen met https://",
    ),
    "HTML-commentaar": (
        f"{PLANNEN}/html-en-script.md:16", "invoer",
        "Hier staat HTML-commentaar",
        "Zet voor een regel die niet op de site mag een %",
    ),
    "raw-blok": (
        f"{PLANNEN}/html-en-script.md:31", "vertrouwen",
        "Een raw- of eval-rst-blok zet HTML of scripts rechtstreeks in de pagina",
        "Haal het blok weg",
    ),
    "eval-rst-blok": (
        f"{PLANNEN}/html-en-script.md:35", "vertrouwen",
        "Een raw- of eval-rst-blok zet HTML of scripts rechtstreeks in de pagina",
        "Haal het blok weg",
    ),
    "eval-rst met een javascript-link": (
        f"{PLANNEN}/html-en-script.md:43", "vertrouwen",
        "Een raw- of eval-rst-blok zet HTML of scripts rechtstreeks in de pagina",
        "Haal het blok weg",
    ),
    "kop die een niveau overslaat": (
        f"{PLANNEN}/losse-tekstfouten.md:5", "invoer",
        "Deze kop slaat een niveau over: na een kop met 1 #-tekens komt er een met 3.",
        "Gebruik steeds één # meer dan de kop erboven",
    ),
    "leeg verplicht veld": (
        f"{PLANNEN}/leeg-veld.md:5", "invoer",
        "Bij actie UA-A-LEEG is :eigenaar: leeg.",
        "Vul het veld in, bijvoorbeeld  :eigenaar: Afdeling Maatschappelijke Ontwikkeling",
    ),
    "lege koppeling naar het plan": (
        f"{PLANNEN}/leeg-veld.md:16", "invoer",
        "Bij actie UA-A-LEEGPLAN ontbreekt het verplichte veld :plan:.",
        "Voeg een regel toe, bijvoorbeeld  :plan: UP-…",
    ),
    "veld van een andere soort item": (
        f"{PLANNEN}/veld-van-andere-soort.md:5", "invoer",
        "UP-VELD: het veld :eigenaar: hoort niet bij een plan, dus de waarde is weggelaten.",
        "Haal de regel weg, of zet het veld bij een item van de soort waar het bij hoort",
    ),
    "include van een bestand dat er niet is": (
        "docs/invoegen.md:4", "invoer",
        "Het bestand docs/bestaat-niet.md bestaat niet, dus dit blok kan het niet invoegen.",
        "Controleer de naam en de map van het bestand",
    ),
    "tekst op de openingsregel van een blok met opties": (
        f"{PLANNEN}/blokfouten.md:8", "invoer",
        "Bij het blok {note} staat tekst op de openingsregel én staan er opties onder",
        "Zet de tekst onder de opties, na een lege regel.",
    ),
    "optie die het blok niet kent": (
        f"{PLANNEN}/blokfouten.md:9", "invoer",
        "Het blok {note} kent de optie :kleur: niet; die regel telt niet mee.",
        "Gebruik een van deze opties: :class:, :collapsible:, :name:, of haal de regel weg.",
    ),
    "include zonder bestandsnaam": (
        "docs/invoegen.md:8", "invoer",
        "Het blok {include} mist wat er achter de openingsregel hoort",
        "Zet het op de openingsregel achter {include}, of haal het blok weg.",
    ),
    "tabel zonder rijen": (
        f"{PLANNEN}/blokfouten.md:53", "invoer",
        "Het blok {csv-table} is leeg.",
        "Zet tekst tussen de openingsregel en de regel die het blok afsluit",
    ),
    "leeg blok": (
        f"{PLANNEN}/blokfouten.md:18", "invoer",
        "Het blok {note} is leeg.",
        "Zet tekst tussen de openingsregel en de regel die het blok afsluit",
    ),
    "codeblok met een onbekende taal": (
        f"{PLANNEN}/blokfouten.md:22", "invoer",
        "De taal planning achter de openingsregel van dit codeblok bestaat niet",
        "Schrijf  ```text  voor gewone tekst",
    ),
    "codeblok dat niet is wat het zegt": (
        f"{PLANNEN}/blokfouten.md:27", "invoer",
        "De inhoud van dit codeblok is geen geldige json",
        "Verbeter de code, of schrijf  ```text",
    ),
    "optie die met | begint": (
        f"{PLANNEN}/opties-teken.md:10", "invoer",
        "Een waarde in de opties van dit {actie}-blok begint met | of >",
        'zet haar helemaal tussen aanhalingstekens, bijvoorbeeld  :eigenaar: "|Afdeling Zorg|"',
    ),
    "blok zonder soort": (
        f"{PLANNEN}/blokfouten.md:32", "invoer",
        "Dit blok heeft tussen { } geen soort.",
        "Schrijf de soort tussen de haakjes",
    ),
    "optie zonder naam": (
        f"{PLANNEN}/typfout-optie.md:18", "invoer",
        "Een regel in dit item begint met :: en heeft dus geen naam van een veld.",
        "Zet de naam tussen de dubbele punten",
    ),
    "tekst in een blok dat geen tekst mag hebben": (
        "docs/invoegen.md:12", "invoer",
        "In het blok {include} mag geen tekst staan; die tekst komt niet op de site.",
        "Zet de tekst buiten het blok",
    ),
    "blokoptie met een waarde die niet past": (
        "docs/invoegen.md:18", "invoer",
        "De waarde eerste past niet bij de optie :start-line: van het blok {include}",
        "Kijk in het voorbeeld welke waarde er hoort",
    ),
    "blokoptie zonder naam": (
        f"{PLANNEN}/blokfouten.md:48", "invoer",
        "Een regel in het blok {note} begint met :: en heeft dus geen naam van een optie",
        "Zet de naam tussen de dubbele punten, of haal de regel weg.",
    ),
    "eerste kop met twee hekjes": (
        f"{PLANNEN}/eerste-kop.md:1", "invoer",
        "De eerste kop van dit bestand heeft 2 #-tekens; een pagina begint met één #.",
        "Begin het bestand met een kop als  # Uitvoeringsplan Gemeentenaam",
    ),
    "link naar een pagina die niet bestaat": (
        f"{PLANNEN}/losse-tekstfouten.md:7", "invoer",
        "De link naar niet-bestaand.md werkt niet",
        "Controleer de bestandsnaam (met .md) of de kop",
    ),
    "verwijzing naar een item dat niet bestaat": (
        f"{PLANNEN}/losse-tekstfouten.md:7", "invoer",
        "De verwijzing {need}`UA-BESTAAT-NIET` werkt niet",
        "Controleer de spelling van de ID",
    ),
    "afbeelding die niet bestaat": (
        f"{PLANNEN}/losse-tekstfouten.md:9", "invoer",
        "De afbeelding requirements/uitvoeringsplannen/ontbreekt.png bestaat niet",
        "Zet het bestand in dezelfde map als de pagina",
    ),
    "onbekende opmaak": (
        f"{PLANNEN}/losse-tekstfouten.md:11", "invoer",
        "{onbekend}`…` is geen bekende opmaak in de tekst.",
        "Verwijs naar een item met",
    ),
    "include in een plan": (
        f"{PLANNEN}/html-en-script.md:47", "vertrouwen",
        "Het blok {include} mag niet in een uitvoeringsplan",
        "Zet de tekst in dit bestand zelf",
    ),
    "include van buiten de kennisbank": (
        "docs/invoegen.md:21", "vertrouwen",
        "Het blok {include} haalt een bestand van buiten de kennisbank op (../../../../../../../../etc/hostname)",
        "Verwijs alleen naar een bestand in de kennisbank",
    ),
}


@pytest.fixture(scope="module")
def check(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, dict, str, Path]:
    """`python -m hgkm check` over the fouten corpus: exit code, JSON report, stderr, outdir."""
    out = tmp_path_factory.mktemp("fouten") / "html"
    proc = subprocess.run(
        [sys.executable, "-m", "hgkm", "check", "--bron", str(FOUTEN_DIR), "--uit", str(out),
         "--peildatum", PEILDATUM, "--format", "json"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    return proc.returncode, json.loads(proc.stdout or "{}"), proc.stderr, out


@pytest.fixture(scope="module")
def streng(tmp_path_factory: pytest.TempPathFactory):
    """The corpus built as `make html` builds: warnings are errors."""
    return build(FOUTEN_DIR, tmp_path_factory.mktemp("fouten-streng") / "html", strict=True)


def _found(report: dict, plaats: str, regel: str, melding: str) -> list[dict]:
    return [
        f for f in report["bevindingen"]
        if f["plaats"] == plaats and f["regel"] == regel and melding in f["melding"]
    ]


@pytest.mark.parametrize("fout", FOUTEN)
def test_each_mistake_has_a_located_dutch_message(check, fout):
    returncode, report, _, _ = check
    plaats, regel, melding, oplossing = FOUTEN[fout]
    found = _found(report, plaats, regel, melding)
    assert found, f"{fout}: geen bevinding '{melding}' op {plaats}; wel: " + "\n".join(
        f"{f['plaats']} {f['melding']}" for f in report["bevindingen"] if f["plaats"].split(":")[0] == plaats.split(":")[0]
    )
    assert any(oplossing in f["oplossing"] for f in found), found
    assert all(f["ernst"] == "blokkerend" for f in found)


def test_check_fails_and_every_build_warning_is_translated(check):
    returncode, report, stderr, _ = check
    assert returncode == 1
    assert not report["geslaagd"]
    assert "Traceback" not in stderr
    untranslated = [f for f in report["bevindingen"] if f["melding"].startswith("Sphinx meldt")]
    assert untranslated == []


def test_every_finding_has_a_place(check):
    _, report, _, _ = check
    assert all(f["bestand"] and f["plaats"].split(":")[-1].isdigit() for f in report["bevindingen"])


def test_make_html_fails_without_a_traceback(streng):
    assert streng.returncode != 0
    assert "Traceback" not in streng.log and "Exception occurred" not in streng.log


@pytest.mark.parametrize("fout", FOUTEN)
def test_make_html_gives_the_same_dutch_message(streng, fout):
    plaats, _, melding, _ = FOUTEN[fout]
    pad, regel = plaats.rsplit(":", 1)
    # the same place (a file without a line shows as line 1 in the report) and the same words
    assert re.search(rf"{re.escape(pad)}(:{regel})?: (WARNING|ERROR|CRITICAL): .*{re.escape(melding)}", streng.log), fout


def test_every_finding_is_made_by_a_message_of_the_guide(check):
    """Each finding names its message in the catalogue, and its texts are that message's templates
    filled in: the template docs/meldingen.md shows (tests/test_meldingen.py renders it)."""
    _, report, _, _ = check
    assert report["bevindingen"]
    for f in report["bevindingen"]:
        message = CATALOGUS.get(f["code"])
        assert message is not None, f"finding without a catalogue message: {f}"
        assert message.regel == f["regel"], f
        assert gemaakt_door(f["melding"], message.oorzaak), (message.code, f["melding"])
        assert gemaakt_door(f["oplossing"], message.oplossing), (message.code, f["oplossing"])


# ------------------------------------------------------------------ security

GEVAARLIJK = re.compile(r"(?i)<script|onerror\s*=|onclick\s*=|javascript:")


#: The theme's own inline script that names the page (pydata-sphinx-theme), the same on every page.
_PAGENAME = re.compile(r"DOCUMENTATION_OPTIONS\.pagename = '[^']*'")


def _hostile_lines(html: str) -> set[str]:
    return {
        _PAGENAME.sub("DOCUMENTATION_OPTIONS.pagename = ''", line.strip().replace("../", ""))
        for line in html.splitlines()
        if GEVAARLIJK.search(line)
    }


def test_no_script_reaches_the_html(check):
    """Only the theme's own <script src=...> tags are in the page; none of the writer's."""
    out = check[3]
    page = (out / PLANNEN / "html-en-script.html").read_text(encoding="utf-8")
    theme = (out / "index.html").read_text(encoding="utf-8")
    assert "<p>Klik hier</p>" in page  # the text of the link survives, the link does not
    assert writer_code(page, theme) == set()
    # and not even as text: the sanitizer removed the markup before MyST read it
    assert _hostile_lines(page) - _hostile_lines(theme) == set()
    needs = (out / "needs.json").read_text(encoding="utf-8")
    assert not GEVAARLIJK.search(needs)


def test_doctree_guard_removes_script_links_whatever_the_syntax():
    """rST (inside eval-rst, or from any directive) is not bound by MyST's URL schemes."""
    from docutils import nodes
    from docutils.core import publish_doctree

    doctree = publish_doctree(
        "`a <JaVaScRiPt:alert(1)>`_ `b <https://veiligthuis.nl>`_ `c <data:text/html,x>`_ "
        "`d <pagina.html#kop>`_\n\n.. image:: javascript:alert(2)\n",
        settings_overrides={"report_level": 5},
    )
    assert sanitize.ontsmet_doctree(doctree) == 3
    # an unsafe link becomes its text: a reference without a target would stop Sphinx's writer
    assert [n.get("refuri") for n in doctree.findall(nodes.reference)] == ["https://veiligthuis.nl", "pagina.html#kop"]
    assert doctree.astext().startswith("a b c d")
    assert not list(doctree.findall(nodes.image))


def test_sanitizer_keeps_lines_and_code():
    text = 'Regel 1 <img\nsrc=x onerror="alert(1)">\n`<b>code</b>` en [x](javascript:alert(2))\n```\n<script>\n```\n'
    clean = sanitize.ontsmet(text)
    assert clean.count("\n") == text.count("\n")
    assert "`<b>code</b>`" in clean and "\n<script>\n" in clean
    assert "onerror" not in clean and "javascript" not in clean and "<img" not in clean


# ------------------------------------------------------------ the counting


def test_scan_follows_myst_fences():
    text = (
        "::::{note}\n"  # 1
        ":::{actie} Binnen\n"  # 2
        ":id: UA-X-1\n"  # 3
        ":::\n"  # 4
        "::::\n"  # 5
        "```markdown\n"  # 6: an example in a code block is not an item
        ":::{actie} Voorbeeld\n"  # 7
        ":::\n"  # 8
        "```\n"  # 9
        "````{actie} Met backticks\n"  # 10
        "```python\n"  # 11
        "```\n"  # 12
        "````\n"  # 13
        ":::{plan} Open\n"  # 14
    )
    blokken = list(item_count.blokken(text.splitlines()))
    items = [(b.naam, b.regelnummer, b.eind, b.need_id) for b in blokken if b.naam in {"actie", "plan"}]
    assert items == [("actie", 2, 4, "UA-X-1"), ("actie", 10, 13, ""), ("plan", 14, None, "")]


def test_count_reports_a_block_without_need_unless_explained():
    bronnen = {"p.md": ":::{actie} A\n:id: UA-P-1\n:::\n\n:::{actie} B\n:id: UA-P-2\n:::\n"}
    gemaakt = [item_count.Item("UA-P-1", "p.md", 1)]
    found = list(item_count.findings(bronnen, gemaakt))
    assert [(f.plaats, f.need_id) for f in found] == [("p.md:5", "UA-P-2")]
    assert "Dit item staat niet in de kennisbank: actie UA-P-2" in found[0].melding
    uitgelegd = [{"bestand": "p.md", "regelnummer": 5, "bericht": "Need could not be created"}]
    assert list(item_count.findings(bronnen, gemaakt, uitgelegd)) == []


def test_a_field_in_the_wrong_form_gets_a_dutch_message_and_an_example():
    """A pattern violation on a field other than the ID (gemeente :centrumgemeente:)."""
    from hgkm.rules.schema import _schema_finding
    from hgkm.model.corpus import Need

    need = Need.from_dict({"id": "GM-X", "type": "gemeente", "title": "X", "docname": "requirements/gemeenten",
                           "lineno": 12, "centrumgemeente": "Rotterdam"})
    finding = _schema_finding(need, {
        "field": "centrumgemeente",
        "schema_path": "fields > schema > properties > centrumgemeente > pattern",
        "validation_msg": "'Rotterdam' does not match '^GM-[A-Z0-9-]+$'",
    })
    assert finding.plaats == "requirements/gemeenten.md:12"
    assert finding.melding == 'Bij gemeente GM-X heeft :centrumgemeente: "Rotterdam" niet de vorm die het metamodel vraagt.'
    assert finding.oplossing.endswith(":centrumgemeente: GM-ROTTERDAM")
    assert "does not match" not in finding.melding + finding.oplossing


#: Findings that follow from a mistake above, besides its own message: (place, rule).
GEVOLGEN = {
    # a plan for a gemeente outside the region covers nothing for it
    (f"{PLANNEN}/gemeente-buiten-regio.md:5", "dekking-opgaven"),
    (f"{PLANNEN}/gemeente-buiten-regio.md:5", "dekking-taken"),
    # the same kinds of HTML once more, further down the same file
    (f"{PLANNEN}/html-en-script.md:10", "invoer"),
    (f"{PLANNEN}/html-en-script.md:14", "invoer"),
    (f"{PLANNEN}/html-en-script.md:23", "invoer"),
    (f"{PLANNEN}/html-en-script.md:28", "invoer"),
    (f"{PLANNEN}/html-en-script.md:36", "invoer"),  # the rST raw block inside the eval-rst block
    # no option of the block is read, so the need has no ID either
    (f"{PLANNEN}/opties-teken.md:5", "invoer"),
    # the misspelt :opgave: is dropped, so the actie serves nothing
    (f"{PLANNEN}/typfout-optie.md:5", "integriteit"),
}


def _gedeeld_plan(finding: dict) -> bool:
    """This corpus keeps one mistake per file, so its acties share the plan of aadorp.md;
    the rule that an actie stands with its plan has its own fixtures (regels/vertrouwen,
    vijandig), and here it is the expected consequence of the layout."""
    return finding["regel"] == "vertrouwen" and "maar dat plan staat in een ander bestand" in finding["melding"]


def test_no_finding_beyond_the_listed_mistakes(check):
    """Every finding of the fouten corpus is one of FOUTEN: no noise, no duplicate reports."""
    _, report, _, _ = check
    verwacht = {(plaats, regel) for plaats, regel, _, _ in FOUTEN.values()} | GEVOLGEN
    extra = [
        f"{f['plaats']} [{f['regel']}] {f['melding']}"
        for f in report["bevindingen"]
        if (f["plaats"], f["regel"]) not in verwacht and not _gedeeld_plan(f)
        and f["regel"] != "termijn"  # deadlines of these plans: tests/fixtures/regels/termijn
    ]
    assert extra == [], "\n".join(extra)

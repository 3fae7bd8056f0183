"""sphinx-needs' own findings, made located and Dutch (the `invoer` rule).

sphinx-needs checks each need against the metamodel (required fields, allowed
values, link targets, the ID pattern). Its schema messages carry no file:line
(sphinx-needs #1606) and are English; its build warnings are English. This module
turns both into findings a policy writer can act on. It checks nothing itself.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterator
from pathlib import Path

from hgkm.model import declaration
from hgkm.model.corpus import Corpus
from hgkm.model.findings import Finding
from hgkm.rules.schema import schema_findings
from hgkm.sources import trust

# ------------------------------------------------------------ build warnings

_TRANSLATIONS: list[tuple[re.Pattern[str], str, str]] = [
    (
        re.compile(r"Need '(?P<need>[^']+)' has unknown outgoing link '(?P<target>[^']*)' in field '(?P<field>[^']+)'"),
        "{need} verwijst met :{field}: naar {target}, maar een item met die ID bestaat niet (dode koppeling).",
        "Controleer de spelling van de ID; scheid meerdere ID's met komma's, zonder [ ].",
    ),
    (
        re.compile(r"Unknown option ''"),
        "Een regel in dit item begint met :: en heeft dus geen naam van een veld.",
        "Zet de naam tussen de dubbele punten, bijvoorbeeld  :eigenaar: Afdeling Zorg",
    ),
    (
        re.compile(r"Unknown option '(?P<option>[^']+)'"),
        "De optie :{option}: bestaat niet{suggestie}.",
        "Gebruik een optie uit de pagina Metamodel{suggestie_fix}.",
    ),
    (
        re.compile(r"Given ID '(?P<need>[^']+)' does not match configured regex"),
        "De ID {need} is ongeldig: een ID bestaat uit hoofdletters, cijfers en streepjes en begint met het voorvoegsel van de soort.",
        "Schrijf de ID bijvoorbeeld als UA-GEMEENTE-1. Het item is niet opgenomen tot dit is opgelost.",
    ),
    (
        re.compile(r"A need with ID '?(?P<need>[^' ]+)'? already exists"),
        "De ID {need} komt twee keer voor.",
        "Geef één van beide items een andere, unieke ID. Het tweede item is niet opgenomen.",
    ),
    (
        re.compile(r"Unknown directive type:? ''"),
        "Dit blok heeft tussen {{ }} geen soort.",
        "Schrijf de soort tussen de haakjes, bijvoorbeeld  :::{{actie}} Voorlichting op scholen",
    ),
    (
        re.compile(r"Unknown directive type:? '?(?P<directive>[^'\s.]+)"),
        "Het blok {{{directive}}} bestaat niet{suggestie}.",
        "Gebruik een van de soorten: {typen}{suggestie_fix}. De inhoud van dit blok is niet opgenomen.",
    ),
    (
        re.compile(r"No ID defined, but 'needs_id_required'"),
        "Dit item heeft geen ID, dus het is niet opgenomen.",
        "Voeg direct onder de openingsregel een regel toe als  :id: UA-GEMEENTE-1",
    ),
    (
        re.compile(r"Invalid value for 'id' option: 'id' must not be empty"),
        "Dit item heeft een lege :id:, dus het is niet opgenomen.",
        "Vul de ID in, bijvoorbeeld  :id: UA-GEMEENTE-1",
    ),
    (
        re.compile(r"No title given, but title is required"),
        "Dit item heeft geen titel.",
        "Zet de titel op de openingsregel, achter de soort, bijvoorbeeld  :::{{actie}} Voorlichting op scholen",
    ),
    (
        re.compile(r"(?:Field|Link option) '(?P<field>[^']+)' (?:is not nullable|has unknown value|is invalid)"),
        "Het veld :{field}: van dit item is leeg of ongeldig, dus het item is niet opgenomen.",
        "Vul het veld in zoals de pagina Metamodel beschrijft, of haal de regel weg.",
    ),
    (
        re.compile(r"Field '(?P<field>[^']+)' is not declared on need type '(?P<soort>[^']+)' and cannot be set in need '(?P<need>[^']+)'"),
        "{need}: het veld :{field}: hoort niet bij een {soort}, dus de waarde is weggelaten.",
        "Haal de regel weg, of zet het veld bij een item van de soort waar het bij hoort (zie de pagina Metamodel).",
    ),
    # Mistakes in the plain text around the items (MyST and Sphinx report them in English).
    (
        re.compile(r"Non-consecutive header level increase; H(?P<van>\d) to H(?P<naar>\d)"),
        "Deze kop slaat een niveau over: na een kop met {van} #-tekens komt er een met {naar}.",
        "Gebruik steeds één # meer dan de kop erboven: # Plan, ## Onderdeel, ### Deel daarvan.",
    ),
    (
        re.compile(r"Document headings start at H(?P<naar>\d), not H1"),
        "De eerste kop van dit bestand heeft {naar} #-tekens; een pagina begint met één #.",
        "Begin het bestand met een kop als  # Uitvoeringsplan Gemeentenaam",
    ),
    (
        re.compile(r"cross-reference target not found: '(?P<doel>[^']+)'"),
        "De link naar {doel} werkt niet: die pagina of kop bestaat niet in de kennisbank.",
        "Controleer de bestandsnaam (met .md) of de kop; een item noemt u met  {{need}}`OG-RR24-1`",
    ),
    (
        re.compile(r"linked need (?P<doel>\S+) not found"),
        "De verwijzing {{need}}`{doel}` werkt niet: een item met die ID bestaat niet.",
        "Controleer de spelling van de ID, bijvoorbeeld  {{need}}`OG-RR24-1`",
    ),
    (
        re.compile(r"image file not readable: (?P<doel>\S+)"),
        "De afbeelding {doel} bestaat niet in de kennisbank.",
        "Zet het bestand in dezelfde map als de pagina en controleer de naam, of haal de afbeelding weg.",
    ),
    (
        re.compile(r'Unknown interpreted text role "(?P<rol>[^"]+)"'),
        "{{{rol}}}`…` is geen bekende opmaak in de tekst.",
        "Verwijs naar een item met  {{need}}`OG-RR24-1`; schrijf andere tekst zonder {{…}}.",
    ),
    (
        re.compile(r"""Directive "include": file not found: '(?P<pad>[^']+)'"""),
        "Het bestand {pad} bestaat niet, dus dit blok kan het niet invoegen.",
        "Controleer de naam en de map van het bestand, of haal het blok weg.",
    ),
    (
        re.compile(r"'(?P<naam>[^']+)': Unknown option key: ''"),
        "Een regel in het blok {{{naam}}} begint met :: en heeft dus geen naam van een optie; die regel telt niet mee.",
        "Zet de naam tussen de dubbele punten, of haal de regel weg.",
    ),
    (
        re.compile(r"'(?P<naam>[^']+)': Unknown option key: '(?P<option>[^']+)' \(allowed: \[(?P<mag>[^\]]*)\]\)"),
        "Het blok {{{naam}}} kent de optie :{option}: niet; die regel telt niet mee.",
        "Gebruik een van deze opties: {mag_kaal}, of haal de regel weg.",
    ),
    (
        re.compile(r"'(?P<naam>[^']+)': Splitting content across first line and body, when an options block is present"),
        "Bij het blok {{{naam}}} staat tekst op de openingsregel én staan er opties onder; dit blok hoort op de openingsregel geen tekst te hebben.",
        "Zet de tekst onder de opties, na een lege regel.",
    ),
    (
        # MyST reads the options YAML-like: a value starting with | or > (or an unclosed quote) breaks all of them
        re.compile(r"'(?P<naam>[^']+)': Invalid options format"),
        "Een waarde in de opties van dit {{{naam}}}-blok begint met | of >, of met een aanhalingsteken dat niet "
        "wordt gesloten; daardoor telt geen enkele optie van dit blok mee, ook de :id: niet.",
        'Begin de waarde met een letter of cijfer, of zet haar helemaal tussen aanhalingstekens, bijvoorbeeld  :eigenaar: "|Afdeling Zorg|"',
    ),
    (
        re.compile(r"Pygments lexer name '(?P<taal>[^']*)' is not known"),
        "De taal {taal} achter de openingsregel van dit codeblok bestaat niet; de code staat er zonder kleuren.",
        "Schrijf  ```text  voor gewone tekst, of een bekende taal zoals  ```python  of  ```json",
    ),
    (
        re.compile(r"""Lexing literal_block .* as "(?P<taal>[^"]+)" resulted in an error"""),
        "De inhoud van dit codeblok is geen geldige {taal}; de code staat er zonder kleuren.",
        "Verbeter de code, of schrijf  ```text  als het gewone tekst is.",
    ),
    (
        re.compile(r"'(?P<naam>[^']+)': Has content, but none permitted"),
        "In het blok {{{naam}}} mag geen tekst staan; die tekst komt niet op de site.",
        "Zet de tekst buiten het blok, onder de regel die het afsluit.",
    ),
    (
        re.compile(r"'(?P<naam>[^']+)': Invalid option value for '(?P<option>[^']+)': (?P<waarde>[^:]*):"),
        "De waarde {waarde} past niet bij de optie :{option}: van het blok {{{naam}}}; die regel telt niet mee.",
        "Kijk in het voorbeeld welke waarde er hoort (vaak een getal), of haal de regel weg.",
    ),
    (
        re.compile(r"Directive '(?P<naam>[^']+)': (?P<aantal>\d+) argument\(s\) required, 0 supplied"),
        "Het blok {{{naam}}} mist wat er achter de openingsregel hoort (bijvoorbeeld een bestandsnaam).",
        "Zet het op de openingsregel achter {{{naam}}}, of haal het blok weg.",
    ),
    (
        re.compile(r'(?:Content block expected for the|The) "(?P<naam>[^"]+)" directive'
                   r'(?:; none found| requires content; none supplied)'),
        "Het blok {{{naam}}} is leeg.",
        "Zet tekst tussen de openingsregel en de regel die het blok afsluit, of haal het blok weg.",
    ),
    (
        re.compile(r"""Directive ["'](?P<naam>[^"']+)["']"""),
        "Het blok {{{naam}}} klopt niet en is overgeslagen.",
        "Vergelijk het blok met de voorbeelden op de pagina Meldingen en in het voorbeeldplan; vraag zo nodig een beheerder.",
    ),
    (
        re.compile(r"Need could not be created: (?P<reason>.+?)(?: \[|$)"),
        "Een item kon niet worden gemaakt: {reason}",
        "Vergelijk het item met de pagina Metamodel en met het voorbeeldplan.",
    ),
]


def _suggestion(word: str, candidates: list[str]) -> tuple[str, str]:
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    if not close:
        return "", ""
    return f" (bedoelt u {close[0]}?)", f", bijvoorbeeld {close[0]}"


def relative(bestand: str, root: Path | None) -> str:
    """A path relative to the project, as policy writers see it in their editor."""
    if root and bestand:
        # the path as named first (a symlink is reported where it stands), then resolved
        for pad, basis in ((Path(os.path.abspath(bestand)), Path(os.path.abspath(root))),
                           (Path(bestand).resolve(), root.resolve())):
            if pad.is_relative_to(basis):
                return str(pad.relative_to(basis))
    return bestand


# Build warnings that need more than a template: another place, or the need itself.
_DEAD_LINK = re.compile(
    r"Need '(?P<need>[^']+)' has unknown outgoing link '(?P<target>[^']*)' in field '(?P<field>[^']+)'"
)
_WRONG_TYPE = re.compile(
    r"Need '(?P<need>[^']+)' link '(?P<target>[^']*)' in field '(?P<field>[^']+)': "
    r"target need type '(?P<actual>[^']+)' is not one of (?P<allowed>.+?) \("
)
_NO_TITLE = re.compile(r"toctree contains reference to document '(?P<doc>[^']+)' that doesn't have a title")
_NOT_IN_TOCTREE = re.compile(r"document isn't included in any toctree")
_MISSING_DOC = re.compile(r"toctree contains reference to nonexisting document '(?P<doc>[^']+)'")
_RAW_DISABLED = re.compile(r'"raw" directive disabled')


def _special(melding: dict, bestand: str, corpus: Corpus | None) -> Finding | None:
    """Translations that need more than a template (or None)."""
    text = str(melding.get("bericht", ""))
    regel = melding.get("regelnummer")
    if isinstance(bevinding := melding.get("bevinding"), dict):
        # made as a Finding (hgkm.sources.gate.warn): its fields, placed where it was emitted
        return Finding.from_dict({**bevinding, "bestand": bestand, "regelnummer": regel})
    if m := _DEAD_LINK.search(text):
        need_id, target, field = m["need"], m["target"], m["field"]
        if target.startswith("[") or target.endswith("]"):
            need = corpus.needs.get(need_id) if corpus else None
            waarden = [v.strip("[] ") for v in (need.link(field) if need else [target])]
            lijst = ", ".join(v for v in waarden if v)
            return Finding(
                "invoer", need_id, bestand, regel,
                f"{need_id}: de lijst bij :{field}: staat tussen haken ([...]), zoals in YAML. "
                "Dan worden de haken deel van de ID's en vindt de kennisbank ze niet.",
                f"Schrijf {lijst} zonder haken, gescheiden door komma's:  :{field}: {lijst}",
            )
        if field == "gemeenten":
            return Finding(
                "invoer", need_id, bestand, regel,
                f"{need_id} noemt gemeente {target}, maar die gemeente staat niet in de kennisbank.",
                "Controleer de ID op de pagina Gemeenten (bijvoorbeeld GM-VLAARDINGEN). Staat de "
                "gemeente er echt niet bij, voeg dan eerst een gemeente-item toe.",
            )
        return None
    if m := _WRONG_TYPE.search(text):
        need_id, target, field, actual = m["need"], m["target"], m["field"], m["actual"]
        allowed = " of ".join(re.findall(r"[\w-]+", m["allowed"]))
        andere = declaration.links_to(actual)
        elders = f" Een {actual} noemt u met  :{andere[0]}: {target}" if andere else ""
        return Finding(
            "invoer", need_id, bestand, regel,
            f"{need_id} verwijst met :{field}: naar {target}, maar dat is een {actual}; hier hoort een {allowed}.",
            f"Verwijs met :{field}: naar een {allowed} (zie de pagina Metamodel).{elders}",
        )
    if m := _NO_TITLE.search(text):
        return Finding(
            "invoer", "", f"{m['doc']}.md", 1,
            "Dit bestand is leeg of heeft geen titel, dus de site kan er niet naar verwijzen.",
            "Begin het bestand met een titelregel, bijvoorbeeld  # Uitvoeringsplan Vlaardingen  "
            "en zet het plan eronder (kopieer het voorbeeldplan), of verwijder het bestand.",
        )
    if _NOT_IN_TOCTREE.search(text):
        # Sphinx locates this warning by document name, without the suffix.
        bestand = bestand if Path(bestand).suffix else f"{bestand}.md"
        return Finding(
            "invoer", "", bestand, regel,
            "Dit bestand staat in geen enkele inhoudsopgave: lezers van de site vinden het niet.",
            "Zet een uitvoeringsplan in de map requirements/uitvoeringsplannen/ (die map komt "
            "vanzelf in de inhoudsopgave). Een andere pagina neemt u op in een toctree, "
            "bijvoorbeeld in index.md.",
        )
    if m := _MISSING_DOC.search(text):
        return Finding(
            "invoer", "", bestand, regel,
            f"De inhoudsopgave verwijst naar {m['doc']}, maar dat bestand bestaat niet.",
            "Controleer de naam (zonder .md) of haal de regel uit de toctree weg.",
        )
    if _RAW_DISABLED.search(text):
        return Finding("vertrouwen", "", bestand, regel, trust.RAW_MELDING, trust.RAW_OPLOSSING)
    return None


#: Prefix of a build warning this module has no translation for.
ONVERTAALD = "Sphinx meldt: "


def build_finding(melding: dict, root: Path | None, corpus: Corpus | None = None) -> Finding:
    text = str(melding.get("bericht", ""))
    bestand = relative(str(melding.get("bestand") or ""), root)
    if special := _special(melding, bestand, corpus):
        return special
    for pattern, melding_tpl, fix_tpl in _TRANSLATIONS:
        m = pattern.search(text)
        if not m:
            continue
        values = m.groupdict()
        word = values.get("option") or values.get("directive") or ""
        pool = declaration.option_names() if "option" in values else declaration.type_names()
        suggestie, suggestie_fix = _suggestion(word, pool) if word else ("", "")
        values.update(suggestie=suggestie, suggestie_fix=suggestie_fix, typen=", ".join(declaration.type_names()))
        if "mag" in values:
            values["mag_kaal"] = ", ".join(f":{o.strip().strip(chr(39))}:" for o in values["mag"].split(","))
        values.setdefault("need", "Een item")
        return Finding(
            "invoer",
            values.get("need") or "",
            bestand,
            melding.get("regelnummer"),
            melding_tpl.format(**values),
            fix_tpl.format(**values),
        )
    return Finding(
        "invoer",
        "",
        bestand,
        melding.get("regelnummer"),
        f"{ONVERTAALD}{text}",
        "Lees de melding en vergelijk het bestand met het voorbeeldplan; vraag zo nodig een beheerder.",
    )


def build_findings(corpus: Corpus, root: Path | None = None) -> Iterator[Finding]:
    """The warnings the build itself printed, translated where we know them."""
    for melding in corpus.build_meldingen:
        yield build_finding(melding, root, corpus)


def findings(corpus: Corpus) -> Iterator[Finding]:
    yield from schema_findings(corpus)
    yield from build_findings(corpus)

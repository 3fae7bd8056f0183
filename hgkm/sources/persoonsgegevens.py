"""Personal data in the text of content files (rule persoonsgegevens, issue 32).

Huiselijk geweld is the most sensitive subject a gemeente writes about, and what is merged is
public twice: on the site and in the git history. This line scan finds what points at a
person: an e-mail address (except the functional addresses a region lists in its settings,
`hgkm_functionele_adressen`, and the reserved example domains of RFC 2606), a `mailto:` link
to any other address, a Dutch telephone number, a BSN (nine digits that pass the elfproef),
an IBAN (that passes the mod-97 check), a street with a house number and a date of birth
(only after a cue such as "geboren"). Years, dates, amounts, IDs and kenmerken are left
alone: every kind has a check beyond its shape.

The same detector (`treffers`) runs over the whole git history (hgkm.tools.privacy). A value
is never repeated in full, in a finding or on a terminal: `masker` shows its edges only.

Linear time on any line (tests/test_lineair.py): the e-mail addresses are found from each
`@` outwards, the other patterns have no nested or overlapping repetition.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from hgkm.model.findings import Finding
from hgkm.model.messages import privacy as m
from hgkm.sources.item_count import regels

#: kind -> what the writer is told it looks like, and what to do instead
SOORTEN: dict[str, tuple[str, str]] = {
    "e-mail": ("een e-mailadres", "Noem een team of functie zonder adres, of een functioneel adres van de "
               "organisatie (zoals info@…) dat de beheerders in conf.py zetten (hgkm_functionele_adressen)."),
    "mailto": ("een mailto-link naar een adres dat niet in de lijst van functionele adressen staat",
               "Link alleen naar een functioneel adres uit conf.py (hgkm_functionele_adressen), of haal de "
               "link weg."),
    "telefoon": ("een telefoonnummer", "Noem het algemene nummer van de organisatie in de tekst niet; verwijs "
                 "naar haar website, of noem een team of functie."),
    "bsn": ("een burgerservicenummer (BSN)", "Haal het nummer weg. Een BSN hoort nooit in een beleidstekst."),
    "iban": ("een bankrekeningnummer (IBAN)", "Haal het nummer weg. Een rekeningnummer hoort niet in een "
             "beleidstekst."),
    "adres": ("een straat met huisnummer", "Haal het huisnummer weg, of noem alleen de wijk of de organisatie "
              "(een adres kan naar een gezin wijzen)."),
    "geboortedatum": ("een geboortedatum", "Haal de datum weg. Noem hoogstens een leeftijdsgroep, zoals "
                      "'kinderen tot 12 jaar'."),
}

#: Reserved for examples (RFC 2606, RFC 6761; example.nl by SIDN): no person behind them.
_VOORBEELD_DOMEINEN = ("example.com", "example.org", "example.net", "example.nl")
_VOORBEELD_TLD = (".example", ".test", ".invalid", ".localhost")

_LOKAAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_DOMEIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
_MAILTO = "mailto:"

#: A run of a number as it is written: digits with spaces, dashes, dots, brackets, a plus.
_GETAL = re.compile(r"[+(]?\d[\d ()./-]*")
_DATUM_IN = re.compile(r"\d{1,2}[-./]\d{1,2}[-./](?:19|20)\d\d")
_IBAN = re.compile(r"\b[A-Z]{2}\d\d ?[A-Z0-9]{4}")
#: International Bank Account Number lengths of the countries a Dutch text meets most.
_IBAN_LENGTE = {"NL": 18, "BE": 16, "DE": 22, "LU": 20, "FR": 27, "GB": 22, "ES": 24, "IT": 27, "AT": 20,
                "CH": 21, "PL": 28, "PT": 25, "IE": 22, "DK": 18, "SE": 24, "NO": 15, "FI": 18, "TR": 26,
                "MA": 28, "SR": 0}
#: A capitalised word, a space and a house number (the word is judged in code).
_WOORD_NUMMER = re.compile(r"\b([A-Z]\w*) (\d{1,4})(?:([a-zA-Z])\b|-\d{1,4}\b|\b)")
_STRAAT = ("straat", "straatweg", "laan", "weg", "plein", "singel", "kade", "gracht", "dijk", "dreef", "hof",
           "steeg", "plantsoen", "boulevard", "allee", "kanaal")
#: "Laan van Nooitgedacht 3a": a street name of its own, then words
_STRAAT_LOS = frozenset({"laan", "plein", "kade", "weg", "dijk", "singel", "hof", "dreef", "gracht", "straat"})
_TUSSEN = frozenset({"van", "de", "der", "den", "het", "'t", "op", "aan", "in", "ten", "ter", "te", "bij"})
_GEBOORTE = re.compile(r"(?i)\b(?:geboren|geb\.|geboortedatum|geboortedag)")
_DATUM = re.compile(r"(?i)\b(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}-\d\d-\d\d|\d{1,2} (?:jan|feb|mrt|maa|apr|mei|"
                    r"jun|jul|aug|sep|okt|nov|dec)[a-z]{0,6}\.? \d{4})\b")
_VENSTER = 40  # characters after a birth cue in which a date counts


@dataclass(frozen=True)
class Treffer:
    """Something in a line that looks like personal data: its kind and where (0-based, end exclusive)."""

    soort: str
    start: int
    eind: int
    waarde: str


def masker(waarde: str) -> str:
    """A value shown without revealing it: its first two and last two characters."""
    waarde = waarde.strip()
    return "…" if len(waarde) <= 6 else f"{waarde[:2]}…{waarde[-2:]}"


# ------------------------------------------------------------------ e-mail


def _is_domein(domein: str) -> bool:
    delen = domein.split(".")
    return len(delen) >= 2 and all(delen) and delen[-1].isalpha() and len(delen[-1]) >= 2


def voorbeeld(adres: str) -> bool:
    domein = adres.rpartition("@")[2].lower()
    return domein in _VOORBEELD_DOMEINEN or domein.endswith(tuple(f".{d}" for d in _VOORBEELD_DOMEINEN)) \
        or domein.endswith(_VOORBEELD_TLD)


def _emails(line: str) -> Iterator[tuple[int, int]]:
    """Each e-mail address: from every `@`, the local part left and the domain right."""
    apestaart = line.find("@")
    while apestaart != -1:
        start = apestaart
        while start > 0 and line[start - 1] in _LOKAAL:
            start -= 1
        eind = apestaart + 1
        while eind < len(line) and line[eind] in _DOMEIN:
            eind += 1
        while eind > apestaart + 1 and line[eind - 1] in ".-":
            eind -= 1
        while start < apestaart and line[start] == ".":
            start += 1
        if start < apestaart and _is_domein(line[apestaart + 1:eind]):
            yield start, eind
        apestaart = line.find("@", apestaart + 1)


def _mailtos(line: str) -> Iterator[tuple[int, int]]:
    """Each `mailto:` link target, up to the end of the address."""
    klein = line.lower()
    plek = klein.find(_MAILTO)
    while plek != -1:
        eind = plek + len(_MAILTO)
        while eind < len(line) and (line[eind] in _LOKAAL or line[eind] == "@"):
            eind += 1
        yield plek, eind
        plek = klein.find(_MAILTO, eind)


# ------------------------------------------------------------------ numbers


def elfproef(cijfers: str) -> bool:
    """The BSN check: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11 (and not all zeros)."""
    if len(cijfers) != 9 or not cijfers.isdigit() or cijfers == "0" * 9:
        return False
    som = sum(int(c) * w for c, w in zip(cijfers[:8], range(9, 1, -1))) - int(cijfers[8])
    return som % 11 == 0


def iban_geldig(iban: str) -> bool:
    """ISO 13616: the country's length, and the number mod 97 is 1."""
    iban = iban.replace(" ", "").upper()
    if _IBAN_LENGTE.get(iban[:2]) != len(iban) or not iban.isalnum():
        return False
    getal = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    return int(getal) % 97 == 1


def is_telefoon(tekst: str) -> bool:
    """A Dutch telephone number as people write it (or an international one with +)."""
    tekst = tekst.replace("(0)", " ").strip()
    if "/" in tekst or _DATUM_IN.search(tekst):
        return False
    cijfers = "".join(c for c in tekst if c.isdigit())
    if tekst.startswith(("+31", "(+31)", "0031")):
        rest = cijfers[4:] if tekst.startswith("0031") else cijfers[2:]
        return len(rest) == 9 and rest[0] != "0"
    if tekst.startswith(("+", "(+")):
        return 10 <= len(cijfers) <= 15 and cijfers[0] != "0"
    if not cijfers.startswith("0") or cijfers.startswith("00"):
        return False
    if cijfers[:4] in ("0800", "0900", "0906", "0909"):
        return len(cijfers) in (8, 11)
    delen = [d for d in re.split(r"[ .()-]+", tekst) if d]
    if len(cijfers) != 10 or len(delen) > 5 or not all(d.isdigit() for d in delen):
        return False
    eerste = delen[0]
    return len(eerste) == 10 or len(eerste) in (3, 4) or eerste == "06"


def _is_bsn(token: str) -> bool:
    vorm = token.replace(".", "")
    return (token.isdigit() or re.fullmatch(r"\d{3}\.\d{3}\.\d{3}|\d{4}\.\d\d\.\d{3}", token) is not None) \
        and elfproef(vorm)


def _getallen(line: str, bezet: list[tuple[int, int]]) -> Iterator[Treffer]:
    for run in _GETAL.finditer(line):
        if run.start() and (line[run.start() - 1].isalnum() or line[run.start() - 1] in "-_/.,€$"):
            continue  # part of an ID, a word, a path, a time or an amount
        tekst = run.group().rstrip(" ./-(")
        if tekst.endswith(")") and tekst.count("(") < tekst.count(")"):
            tekst = tekst[:-1]
        volgend = line[run.start() + len(tekst):run.start() + len(tekst) + 1]
        if volgend.isalnum() and not volgend.isdigit():
            tekst = tekst.rsplit(" ", 1)[0] if " " in tekst else ""  # "12 maanden": not the last group
        tokens = [(t.start(), t.group()) for t in re.finditer(r"\S+", tekst)]
        i = 0
        while i < len(tokens):
            gevonden = None
            for n in range(min(5, len(tokens) - i), 0, -1):
                start = tokens[i][0]
                stuk = tekst[start:tokens[i + n - 1][0] + len(tokens[i + n - 1][1])]
                if is_telefoon(stuk):
                    gevonden = ("telefoon", start, stuk, n)
                    break
                if n == 1 and _is_bsn(stuk):
                    gevonden = ("bsn", start, stuk, 1)
            if gevonden:
                soort, start, stuk, n = gevonden
                begin = run.start() + start
                if not _in(begin, bezet):
                    yield Treffer(soort, begin, begin + len(stuk), stuk)
                i += n
            else:
                i += 1


def _ibans(line: str) -> Iterator[tuple[int, int, bool]]:
    """Each IBAN-shaped run (start, end) and whether it is a valid IBAN; an invalid one is no
    telephone number either."""
    for kandidaat in _IBAN.finditer(line):
        tekens, eind = 0, kandidaat.start()
        lengte = _IBAN_LENGTE.get(line[kandidaat.start():kandidaat.start() + 2], 0)
        while eind < len(line) and tekens < (lengte or 34):
            if line[eind].isalnum():
                tekens += 1
            elif not (line[eind] == " " and eind + 1 < len(line) and line[eind + 1].isalnum()):
                break
            eind += 1
        yield kandidaat.start(), eind, tekens == lengte and iban_geldig(line[kandidaat.start():eind])


# ------------------------------------------------------------------ addresses and dates


def _straatnaam(line: str, woord_start: int, woord: str) -> int | None:
    """Where the street name ending in `woord` begins, or None when `woord` ends none."""
    klein = woord.lower()
    if any(klein.endswith(s) and len(klein) > len(s) + 1 for s in _STRAAT):
        return woord_start
    # "Laan van Nooitgedacht", "Plein 1940-1945"-like: a street word, then up to three small words
    woorden = line[max(0, woord_start - 60):woord_start].split()[-4:]
    for k in range(len(woorden)):
        kop, rest = woorden[k], woorden[k + 1:]
        if kop[:1].isupper() and kop.lower() in _STRAAT_LOS and rest and all(w.lower() in _TUSSEN for w in rest):
            return line.rfind(kop, 0, woord_start)
    return None


def _adressen(line: str) -> Iterator[Treffer]:
    for kandidaat in _WOORD_NUMMER.finditer(line):
        woord, nummer = kandidaat.group(1), kandidaat.group(2)
        if len(nummer) == 4 and nummer[:2] in ("19", "20"):
            continue  # a year
        na = line[kandidaat.end():kandidaat.end() + 2]
        if na[:1] in "%:" and na or re.match(r"[.,]\d", na):
            continue  # a percentage, a time, a decimal or section number
        start = _straatnaam(line, kandidaat.start(1), woord)
        if start is not None:
            yield Treffer("adres", start, kandidaat.end(), line[start:kandidaat.end()])


def _geboortedata(line: str) -> Iterator[Treffer]:
    for cue in _GEBOORTE.finditer(line):
        if datum := _DATUM.search(line, cue.end(), cue.end() + _VENSTER):
            yield Treffer("geboortedatum", datum.start(), datum.end(), datum.group())


def _in(plek: int, spannen: list[tuple[int, int]]) -> bool:
    return any(a <= plek < b for a, b in spannen)


def treffers(line: str, functioneel: Iterable[str] = ()) -> list[Treffer]:
    """Everything in one line that looks like personal data, in order of place."""
    lijst = {a.strip().lower() for a in functioneel}
    uit: list[Treffer] = []
    mailto: list[tuple[int, int]] = []
    if "@" in line or ":" in line:
        for start, eind in _mailtos(line):
            mailto.append((start, eind))
            adres = line[start + len(_MAILTO):eind]
            if adres and adres.lower() not in lijst and not voorbeeld(adres):
                uit.append(Treffer("mailto", start, eind, adres))
        for start, eind in _emails(line):
            adres = line[start:eind]
            if not _in(start, mailto) and adres.lower() not in lijst and not voorbeeld(adres):
                uit.append(Treffer("e-mail", start, eind, adres))
    bezet = [(t.start, t.eind) for t in uit] + mailto
    if any(c.isdigit() for c in line):
        for start, eind, geldig in _ibans(line):
            if geldig:
                uit.append(Treffer("iban", start, eind, line[start:eind]))
            bezet.append((start, eind))
        uit += (t for t in _geboortedata(line) if not _in(t.start, bezet))
        bezet += [(t.start, t.eind) for t in uit]
        uit += _getallen(line, bezet)
        uit += (t for t in _adressen(line) if not _in(t.start, bezet))
    return sorted(uit, key=lambda t: (t.start, t.soort))


def findings(bestand: str, text: str, functioneel: Iterable[str] = ()) -> Iterator[Finding]:
    """A located finding for everything in `text` that looks like personal data."""
    functioneel = tuple(functioneel)
    for nr, line in enumerate(regels(text), start=1):
        for treffer in treffers(line, functioneel):
            wat, advies = SOORTEN[treffer.soort]
            yield m.PERSOONSGEGEVEN(bestand, nr, soort=wat, kolom=treffer.start + 1, regel=nr,
                                    gemaskeerd=masker(treffer.waarde), advies=advies)

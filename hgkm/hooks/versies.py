"""The upstream versions the speed-ups were verified against; on any other version they step aside.

hgkm.hooks.speedups, .heap and .backlinks replace private names of Sphinx and sphinx-needs
(listed in each module). They were compared with the originals on exactly these versions
(tests/test_speedups.py: the same pages and diagrams with and without them; the national
bench: the same needs.json and pages). A private name can change in any release, so under
any other installed version they are not installed: the build is slower, never different,
and says so in one info line (not a warning: `-W` stays green). Raising a pin means running
those tests and adding the version here, in the same change.

The trust boundary (hgkm.sources.gate) is not a speed-up: it stays, whatever the version.
"""

from __future__ import annotations

from importlib import metadata

#: distribution -> the versions the speed-ups were verified against
GEVERIFIEERD: dict[str, tuple[str, ...]] = {
    "sphinx": ("9.0.4",),
    "sphinx-needs": ("9.1.0",),
}


def afwijkend() -> dict[str, str]:
    """The installed upstreams whose version the speed-ups were not verified against."""
    result = {}
    for naam, versies in GEVERIFIEERD.items():
        try:
            versie = metadata.version(naam)
        except metadata.PackageNotFoundError:
            versie = "niet geïnstalleerd"
        if versie not in versies:
            result[naam] = versie
    return result


def melding(anders: dict[str, str]) -> str:
    """The one info line of a build without the speed-ups."""
    wat = ", ".join(f"{naam} {versie} (getest: {', '.join(GEVERIFIEERD[naam])})" for naam, versie in anders.items())
    return f"De versnellingen van de machinerie staan uit: {wat}. De bouw is trager, de uitkomst hetzelfde."

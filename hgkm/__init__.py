"""Machinery of the HGKM regiovisie knowledge base: metamodel, rules, reports, Sphinx glue."""

from importlib import metadata
from pathlib import Path

try:
    #: The engine's version, as installed (shown on every page and in needs.json).
    __version__ = metadata.version("hgkm")
except metadata.PackageNotFoundError:  # run from a checkout without installing
    __version__ = "0+onbekend"

#: The package itself: its templates/, static/ and locale/ sit beside the subpackages.
PACKAGE = Path(__file__).resolve().parent
#: The repository root of this knowledge base (the folder holding conf.py).
ROOT = Path(__file__).resolve().parent.parent
#: The one declaration of the metamodel, shared by every region: it ships with the engine, so
#: a region's knowledge base uses this one (and says which version it expects), never a copy.
METAMODEL_TOML = PACKAGE / "ubproject.toml"

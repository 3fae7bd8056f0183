"""Machinery of the HGKM regiovisie knowledge base: metamodel, rules, reports, Sphinx glue."""

from pathlib import Path

#: The package itself: its templates/, static/ and locale/ sit beside the subpackages.
PACKAGE = Path(__file__).resolve().parent
#: The repository root (the folder holding conf.py and ubproject.toml).
ROOT = Path(__file__).resolve().parent.parent
#: The one declaration of the metamodel.
METAMODEL_TOML = ROOT / "ubproject.toml"

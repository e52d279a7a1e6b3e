# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q

# Qt's system libraries that a bare Debian lacks (offscreen and tests), and
# the extra ones a real window under X needs.
QT_DEBS := libegl1 libgl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libdbus-1-3 fonts-dejavu-core
X_DEBS := libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0

.PHONY: run test lint bench bench-align bench-corpus bench-index bench-dask bench-quotes bench-gui eval-align eval-html eval-quotes package clean system-deps system-deps-x screenshot

run: system-deps system-deps-x $(VENV)/.installed
	$(PY) -m viewer $(ARGS)

test: system-deps $(VENV)/.installed-test
	$(VENV)/bin/ruff check viewer tests benchmarks
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check viewer tests benchmarks
	$(VENV)/bin/lint-imports

screenshot: system-deps $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(PY) -m viewer --screenshot resources/screenshot.png

# Installs missing Debian packages when run as root; otherwise says which.
system-deps:
	@sh packaging/ensure-debs.sh $(QT_DEBS)

system-deps-x:
	@sh packaging/ensure-debs.sh $(X_DEBS)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -e '.[test]'
	@touch $@ $(VENV)/.installed

bench: bench-align bench-corpus bench-index bench-dask bench-quotes bench-gui

bench-index: $(VENV)/.installed-test
	$(PY) benchmarks/bench_corpus.py

# The corpus index on Dask: local cluster, loopback scheduler, equality with matrix.
bench-dask: $(VENV)/.installed-test
	$(PY) benchmarks/bench_index.py
	$(PY) benchmarks/bench_index.py 10k

bench-quotes: $(VENV)/.installed-test
	$(PY) benchmarks/bench_quotes.py
	$(PY) benchmarks/bench_fidelity.py

bench-gui: system-deps $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/bench_pair_switch.py

# Hostile and odd inputs at full size (issue 15): each command in bounded time, exit 0 or 2.
bench-hostile: $(VENV)/.installed-test
	$(PY) benchmarks/bench_hostile.py

bench-align: $(VENV)/.installed-test
	$(PY) benchmarks/bench_align.py

bench-corpus: $(VENV)/.installed-test
	$(PY) benchmarks/bench_matrix.py

eval-align: $(VENV)/.installed-test
	$(PY) benchmarks/eval_align.py

# Saved web pages against human ground truth (../shared/corpora/web-pages): body F1, title, date.
eval-html: $(VENV)/.installed-test
	$(PY) benchmarks/eval_html.py $(ARGS)

# Quote F1 and speaker accuracy on every hand-annotated set (BBC tuned/dev/test, web dev/test).
eval-quotes: $(VENV)/.installed-test
	$(PY) benchmarks/eval_quotes.py --set all

# The desktop build (packaging/README.md): validate the desktop entry and AppStream metainfo,
# freeze the app with PyInstaller into dist/article-viewer/, then smoke-run the result.
APP_ID := org.articleviewer.ArticleViewer
PACKAGE_DEBS := desktop-file-utils appstream

package: system-deps $(VENV)/.installed-package
	@sh packaging/ensure-debs.sh $(PACKAGE_DEBS)
	desktop-file-validate packaging/linux/$(APP_ID).desktop
	appstreamcli validate --no-net packaging/linux/$(APP_ID).metainfo.xml
	$(PY) packaging/build_bundle.py
	$(PY) packaging/smoke_test.py dist/article-viewer/article-viewer --compare-source

$(VENV)/.installed-package: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -e '.[package]'
	@touch $@ $(VENV)/.installed

clean:
	rm -rf $(VENV) build dist .pytest_cache

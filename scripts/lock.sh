#!/usr/bin/env bash
# Rewrites requirements/lock.txt from the current .venv (after adding a dependency to pyproject.toml and
# installing it there).
set -euo pipefail
cd "$(dirname "$0")/.."
{
  echo "# Every dependency pinned (pip freeze of a working .venv, minus storyline itself and the model,"
  echo "# which requirements/model.txt pins by hash). Regenerate with: scripts/lock.sh"
  .venv/bin/python -m pip freeze --all --exclude-editable | grep -viE "^(en-core-web-sm|storyline|pip)=="
} > requirements/lock.txt

#!/usr/bin/env bash
# Sets up the project with its test dependencies and runs the whole test suite.
# Usage: bash scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh dev
exec .venv/bin/python -m pytest "$@"

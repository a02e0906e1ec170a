#!/usr/bin/env bash
# Prepares a fresh machine: a Java runtime for Spark, a virtualenv in .venv, the project installed.
# Usage: bash scripts/setup.sh [extra]   (extra "dev" adds the test dependencies)
set -euo pipefail
cd "$(dirname "$0")/.."

extra="${1:-}"
python_bin="${PYTHON:-python3}"

if ! "$python_bin" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Fleet Intelligence needs Python 3.11 or newer; set PYTHON=/path/to/python3.11." >&2
    exit 1
fi

if ! command -v java >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "No Java runtime found; installing openjdk-17-jre-headless for Spark." >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            openjdk-17-jre-headless >/dev/null
    else
        echo "Spark needs Java 17; install it (e.g. apt-get install openjdk-17-jre-headless)." >&2
        exit 1
    fi
fi

if [ ! -x .venv/bin/python ]; then
    "$python_bin" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
if [ -n "$extra" ]; then
    .venv/bin/python -m pip install --quiet -e ".[$extra]"
else
    .venv/bin/python -m pip install --quiet -e .
fi

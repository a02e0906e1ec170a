#!/usr/bin/env bash
# From a fresh clone to the four curated tables and the fleet report, on the embedded default.
# Usage: bash scripts/demo.sh [instances]   (default 500)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
.venv/bin/fleet sample --instances "${1:-500}" --raw-uri ./.fleet/raw --clean
FLEET_RAW_URI=./.fleet/raw .venv/bin/fleet run

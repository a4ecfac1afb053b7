#!/usr/bin/env bash
# The Vitest suite again with the wall clock 400 days ahead (monotonic time stays real, so timers
# work): a test whose answer depends on today's date fails here. Its report joins the summary.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/preflight.mjs --shifted
FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f +400d npx --no-install vitest run --outputFile.json=test-results/vitest-shifted.json
node scripts/test-summary.mjs test-results/vitest.json test-results/vitest-shifted.json test-results/playwright.json

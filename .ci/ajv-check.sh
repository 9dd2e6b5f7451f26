#!/usr/bin/env bash
# Proves the published JSON Schema outside Java: installs the pinned ajv 8 and ajv-formats from
# monitor-io/src/test/ajv/package-lock.json and validates the golden valid and invalid exchange files with ajv's
# draft 2020-12 validator, and the golden result documents against the result schema (check-results.mjs, issue 15).
# Exits non-zero if ajv disagrees with either corpus.
set -euo pipefail
cd "$(dirname "$0")/../monitor-io/src/test/ajv"
npm ci --no-audit --no-fund --loglevel=error
node check.mjs
node check-results.mjs

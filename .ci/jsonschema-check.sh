#!/usr/bin/env bash
# Proves the published JSON Schema with a second validator, Python's jsonschema (draft 2020-12, formats on), on the
# golden files, as .ci/ajv-check.sh does with ajv, and checks that no pattern-constrained string accepts a trailing
# line feed (issue 15); and the golden result documents against the result schema (results_check.py). Installs jsonschema from PyPI (pinned range) when the interpreter does not have it.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c 'import jsonschema' 2>/dev/null; then
    python3 -m pip install --quiet --disable-pip-version-check 'jsonschema>=4.18,<5'
fi
python3 -c 'import jsonschema, importlib.metadata as m; print("jsonschema", m.version("jsonschema"))'
python3 monitor-io/src/test/python/jsonschema_check.py
python3 monitor-io/src/test/python/results_check.py

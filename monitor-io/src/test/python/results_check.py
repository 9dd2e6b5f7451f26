"""Validates result documents against the published result schema (results-v1) with Python's jsonschema (draft
2020-12, format assertions on), as monitor-io/src/test/ajv/check-results.mjs does with ajv: the golden valid
documents must pass, each golden invalid one (listed in invalid/manifest.json) must fail, and every .json file in
the directories given as arguments (fresh output of 'monitor estimate' and 'monitor report', from .ci/run) must pass.

Usage: python3 monitor-io/src/test/python/results_check.py [DIR...]  (exit 0 when jsonschema agrees)
"""
import json
import pathlib
import sys

import schema_checks

HERE = pathlib.Path(__file__).resolve().parent
SCHEMA = HERE.parent.parent / "main/resources/org/tipmonitor/io/schema/results-v1.schema.json"
GOLDEN = HERE.parent / "resources/org/tipmonitor/io/results"


def json_files(directory):
    return sorted(p for p in pathlib.Path(directory).glob("*.json") if p.name != "manifest.json")


def main(directories):
    validator = schema_checks.validator(SCHEMA)
    tally = schema_checks.Tally()
    check = tally.check

    for directory in [GOLDEN / "valid", *directories]:
        for path in json_files(directory):
            errors = list(validator.iter_errors(json.loads(path.read_text(encoding="utf-8"))))
            check(not errors, f"{path} is rejected: {[e.message[:200] for e in errors[:3]]}")
    manifest = json.loads((GOLDEN / "invalid/manifest.json").read_text(encoding="utf-8"))
    listed = {entry["file"] for entry in manifest["files"]}
    for path in json_files(GOLDEN / "invalid"):
        check(path.name in listed, f"invalid/{path.name} is not in the manifest")
        check(not validator.is_valid(json.loads(path.read_text(encoding="utf-8"))),
              f"invalid/{path.name} passes the result schema")
    print(f"jsonschema (result schema): {tally.passed} passed, {tally.failed} failed")
    return tally.status()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Validates the golden exchange files against the published JSON Schema with Python's jsonschema (draft 2020-12,
format assertions on), as monitor-io/src/test/ajv/check.mjs does with ajv: valid files must pass; invalid files whose
manifest entry says schemaRejects: true must fail; files marked null must not parse as one JSON text; files marked
false break a rule only the library checks and are not asserted. Also checks that a trailing line feed is refused
in every string the schema constrains with a pattern (issue 15: Python's `$` matches before a final newline, which
the schema's patterns guard against with a look-ahead that every regex dialect reads alike).

Usage: python3 monitor-io/src/test/python/jsonschema_check.py  (exit 0 when jsonschema agrees with the corpus)
"""
import copy
import json
import pathlib
import sys

import schema_checks

HERE = pathlib.Path(__file__).resolve().parent
SCHEMA = HERE.parent.parent / "main/resources/org/tipmonitor/io/schema/exchange-v1.schema.json"
GOLDEN = HERE.parent / "resources/org/tipmonitor/io/golden"


def parse(path):
    # As check.mjs: UTF-8 decoded with replacement characters (the reader, not the schema, refuses invalid UTF-8).
    return json.loads(path.read_bytes().decode("utf-8", errors="replace"))


def main():
    validator = schema_checks.validator(SCHEMA)
    tally = schema_checks.Tally()
    check = tally.check

    valid = sorted((GOLDEN / "valid").glob("*.json"))
    for path in valid:
        errors = list(validator.iter_errors(parse(path)))
        check(not errors, f"valid/{path.name} is rejected: {[e.message for e in errors[:3]]}")
    manifest = json.loads((GOLDEN / "invalid/manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        path = GOLDEN / "invalid" / entry["file"]
        try:
            document = parse(path)
        except (ValueError, UnicodeDecodeError):
            check(entry["schemaRejects"] is None, f"invalid/{entry['file']} does not parse")
            continue
        if entry["schemaRejects"] is None:
            check(False, f"invalid/{entry['file']} parses as JSON, but is expected not to")
        elif entry["schemaRejects"]:
            check(not validator.is_valid(document), f"invalid/{entry['file']} is accepted, expected rejected")
    # A trailing line feed after every pattern-constrained string of a valid file: person keys, record ids, the
    # dataset id, dates and the creation time.
    sample = parse(GOLDEN / "valid/victims-and-offenders.json")
    mutated = 0
    for pointer, value in strings(sample):
        document = copy.deepcopy(sample)
        set_at(document, pointer, value + "\n")
        before = validator.is_valid(copy.deepcopy(sample))
        if before and constrained(validator, sample, pointer):
            mutated += 1
            check(not validator.is_valid(document), f"a trailing line feed at {pointer} is accepted")
    check(mutated > 0, "no pattern-constrained string found to mutate")
    # Where validators disagree on dates and timestamps: golden/format-edges.json records each one's verdict; this
    # asserts Python's column (check.mjs asserts ajv's, the Java tests the library's and networknt's).
    edges = json.loads((GOLDEN / "format-edges.json").read_text(encoding="utf-8"))
    for edge in edges["cases"]:
        document = parse(GOLDEN / edges["document"])
        set_at(document, edge["pointer"], edge["value"])
        check(validator.is_valid(document) == edge["jsonschema"],
              f"format edge {edge['value']} at {edge['pointer']} ({edge['note']}): jsonschema's verdict differs from "
              "the recorded one")
    print(f"jsonschema: {tally.passed} passed, {tally.failed} failed ({mutated} trailing-newline mutations)")
    return tally.status()


def strings(node, pointer=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from strings(value, f"{pointer}/{i}")
    elif isinstance(node, str):
        yield pointer, node


def set_at(document, pointer, value):
    parts = pointer.split("/")[1:]
    node = document
    for part in parts[:-1]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    last = parts[-1]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value


def constrained(validator, document, pointer):
    """Whether the schema constrains the string's shape (a pattern, format, enum or const): a bell character there
    is then an error at this location; free text is not asserted."""
    probe = copy.deepcopy(document)
    set_at(probe, pointer, "\u0007")
    return any("/" + "/".join(str(p) for p in e.absolute_path) == pointer and e.validator in ("pattern", "format",
               "enum", "const") for e in validator.iter_errors(probe))


if __name__ == "__main__":
    sys.exit(main())

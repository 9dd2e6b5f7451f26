"""What the two Python schema checks share (jsonschema_check.py for the exchange schema, results_check.py for the
result schema): a draft 2020-12 validator with format assertions on, checked as a schema first, and a tally of
checks that prints each failure to standard error."""
import json
import sys

from jsonschema import Draft202012Validator, FormatChecker


def validator(schema_path):
    """A validator of the schema at schema_path, after checking that it is a valid draft 2020-12 schema."""
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


class Tally:
    """Counts passed and failed checks; a failed check prints 'FAIL message' to standard error."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, message):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL " + message, file=sys.stderr)

    def status(self):
        """The exit status: 0 when every check passed."""
        return 1 if self.failed else 0

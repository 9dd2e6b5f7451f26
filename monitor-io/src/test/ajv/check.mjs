// Validates the golden exchange files against the published JSON Schema with ajv's draft 2020-12 validator and
// ajv-formats (format assertions on, as the Java tests do). Valid files must pass; invalid files whose manifest
// entry says schemaRejects: true must fail; files marked null must not even parse as one JSON text; files marked
// false break a rule only the library checks, and are listed without assertion.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const here = dirname(fileURLToPath(import.meta.url));
const schemaPath = join(here, "../../main/resources/org/tipmonitor/io/schema/exchange-v1.schema.json");
const golden = join(here, "../resources/org/tipmonitor/io/golden");

// strict mode catches unknown keywords and formats; strictTypes is off because the conditional subschemas
// (if/then) name properties without repeating "type": "object", which is valid JSON Schema.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));

// Parse exactly as a strict consumer would: UTF-8 that must decode cleanly, no byte-order mark.
function parse(bytes) {
  const text = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes);
  return JSON.parse(text);
}

let passed = 0;
let failed = 0;
function check(ok, message) {
  if (ok) {
    passed++;
  } else {
    failed++;
    console.error("FAIL " + message);
  }
}

for (const name of readdirSync(join(golden, "valid")).filter((n) => n.endsWith(".json")).sort()) {
  const ok = validate(parse(readFileSync(join(golden, "valid", name))));
  check(ok, `valid/${name} is rejected: ${ajv.errorsText(validate.errors)}`);
}

const manifest = JSON.parse(readFileSync(join(golden, "invalid", "manifest.json"), "utf8"));
for (const entry of manifest.files) {
  const bytes = readFileSync(join(golden, "invalid", entry.file));
  let document;
  let parseError = null;
  try {
    document = parse(bytes);
  } catch (e) {
    parseError = e;
  }
  if (entry.schemaRejects === null) {
    check(parseError !== null, `invalid/${entry.file} parses as JSON, but is expected not to`);
    continue;
  }
  if (parseError !== null) {
    check(false, `invalid/${entry.file} does not parse: ${parseError.message}`);
    continue;
  }
  const ok = validate(document);
  if (entry.schemaRejects) {
    check(!ok, `invalid/${entry.file} (${entry.codes.join(", ")}) passes the schema`);
  } else {
    check(ok, `invalid/${entry.file} breaks a library-only rule but the schema rejects it: `
      + ajv.errorsText(validate.errors));
  }
}

// Where validators disagree on dates and timestamps (issue 15, item 5): golden/format-edges.json records each one's
// verdict; this asserts ajv's column (the Java tests assert the library's and networknt's, jsonschema_check.py
// Python's).
const edges = JSON.parse(readFileSync(join(golden, "format-edges.json"), "utf8"));
for (const edge of edges.cases) {
  const document = parse(readFileSync(join(golden, edges.document)));
  const parts = edge.pointer.split("/").slice(1);
  let node = document;
  for (const part of parts.slice(0, -1)) {
    node = node[part];
  }
  node[parts[parts.length - 1]] = edge.value;
  check(validate(document) === edge.ajv,
    `format edge ${edge.value} at ${edge.pointer} (${edge.note}): ajv ${edge.ajv ? "rejects" : "accepts"} it, `
    + "the recorded verdict says otherwise");
}

console.log(`ajv: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

// Validates result documents against the published result schema (results-v1, draft 2020-12) with ajv and
// ajv-formats, as check.mjs does for exchange files: the golden valid documents must pass, each golden invalid one
// (listed in invalid/manifest.json with the rule it breaks) must fail. Every further argument is a directory of
// result documents the command line wrote (.ci/run passes fresh 'monitor estimate' and 'monitor report' output);
// each of its .json files must pass.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const here = dirname(fileURLToPath(import.meta.url));
const schemaPath = join(here, "../../main/resources/org/tipmonitor/io/schema/results-v1.schema.json");
const golden = join(here, "../resources/org/tipmonitor/io/results");

// strictTypes is off for the table rows' if/then/else, which name properties without repeating "type": "object".
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));

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
const read = (path) => JSON.parse(readFileSync(path, "utf8"));
const jsonFiles = (dir) => readdirSync(dir).filter((n) => n.endsWith(".json") && n !== "manifest.json").sort();

for (const dir of [join(golden, "valid"), ...process.argv.slice(2)]) {
  for (const name of jsonFiles(dir)) {
    const ok = validate(read(join(dir, name)));
    check(ok, `${join(dir, name)} is rejected: ${ajv.errorsText(validate.errors)}`);
  }
}
const manifest = read(join(golden, "invalid", "manifest.json"));
const listed = new Set(manifest.files.map((entry) => entry.file));
for (const name of jsonFiles(join(golden, "invalid"))) {
  check(listed.has(name), `invalid/${name} is not in the manifest`);
  check(!validate(read(join(golden, "invalid", name))), `invalid/${name} passes the result schema`);
}

console.log(`ajv (result schema): ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

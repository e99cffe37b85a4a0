// The published JSON Schema (www/channel-sprawl.schema.json) agrees with the core: every demo
// dataset passes it, and every invalid fixture, which the core refuses, fails it too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";

const read = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url)));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(read("www/channel-sprawl.schema.json"));

test("every demo dataset is valid against the schema", () => {
  for (const name of readdirSync(new URL("../../www/data/", import.meta.url))) {
    assert.ok(validate(read(`www/data/${name}`)), `${name}: ${JSON.stringify(validate.errors)}`);
  }
  assert.ok(validate([read("www/data/dell.json"), read("www/data/bt.json")]), "a comparison array");
  assert.ok(validate(read("tests/fixtures/valid.json")), JSON.stringify(validate.errors));
  // A field left null is left out, for the title as for a space's fields (the core reads it so).
  assert.ok(validate({ company: "Acme", title: null, spaces: [{ name: "a", platform: "blog", theme: "t", url: null }] }), JSON.stringify(validate.errors));
});

test("every invalid fixture is rejected by the schema", () => {
  const files = ["tests/fixtures/invalid.json", ...readdirSync(new URL("../fixtures/invalid/", import.meta.url)).map((f) => `tests/fixtures/invalid/${f}`)];
  assert.ok(files.length >= 8);
  for (const file of files) assert.equal(validate(read(file)), false, `${file} passed the schema`);
});

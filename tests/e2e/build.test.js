// What scripts/bundle.mjs makes of the wasm builds, checked on the files it wrote.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const root = new URL("../../", import.meta.url).pathname;

/** The numbers of a wasm's exported functions: the JS API names each one by its index as text. */
function exportedNumbers(file) {
  const module = new WebAssembly.Module(readFileSync(file));
  const stubs = {};
  for (const i of WebAssembly.Module.imports(module)) {
    (stubs[i.module] ??= {})[i.name] = i.kind === "function" ? () => {} : new WebAssembly.Table({ initial: 200, element: "externref" });
  }
  const { exports } = new WebAssembly.Instance(module, stubs);
  return Object.values(exports).filter((f) => typeof f === "function").map((f) => Number(f.name));
}

// V8 writes those names through its cache of small integers as text (128 entries, by the low 7
// bits), which numbers that keep landing on the same entries grow for good to 64 KB of the
// page's heap (tests/e2e/api.test.js).
test("every build's exported functions are numbered below 128, so their names share no entry of V8's number cache", () => {
  for (const pkg of ["pkg", "pkg/csv", "pkg/export"]) {
    const numbers = exportedNumbers(`${root}www/${pkg}/channel_sprawl_bg.wasm`);
    assert.ok(numbers.length >= 20, `${pkg}: only ${numbers.length} exported functions found`);
    assert.ok(numbers.every((n) => Number.isInteger(n) && n >= 0 && n < 128), `${pkg}: exported functions numbered ${numbers.join(", ")}`);
  }
});

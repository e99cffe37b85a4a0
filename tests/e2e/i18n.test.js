// The interface text exists in every language with the same keys and plural forms, so adding a
// language is copying one table (js/i18n.js) and translating it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { STRINGS } from "../../js/i18n.js";

function shape(value, path = "") {
  if (Array.isArray(value)) return [`${path}[${value.length}]`];
  if (value && typeof value === "object") return Object.keys(value).sort().flatMap((k) => shape(value[k], path ? `${path}.${k}` : k));
  return [path];
}

test("every language has the same keys as English", () => {
  const english = shape(STRINGS.en);
  for (const [lang, table] of Object.entries(STRINGS)) assert.deepEqual(shape(table), english, `${lang} differs from en`);
});

test("every slot used in English is available in each translation", () => {
  const slots = (text) => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const walk = (en, other, path) => {
    if (typeof en === "string") return assert.deepEqual(slots(other), slots(en), path);
    for (const k of Object.keys(en)) walk(en[k], other[k], `${path}.${k}`);
  };
  for (const [lang, table] of Object.entries(STRINGS)) walk(STRINGS.en, table, lang);
});

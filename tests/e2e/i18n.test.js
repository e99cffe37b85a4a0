// The interface text exists in every language with the same keys and plural forms, so adding a
// language is copying one table (js/lang/en.js) and translating it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { LANGUAGES, numberFormat } from "../../js/i18n.js";

// Every table, as the loader gets it: English bundled, the others from their own modules.
const STRINGS = Object.fromEntries(await Promise.all(LANGUAGES.map(async (lang) => [lang, (await import(`../../js/lang/${lang}.js`)).default])));

// The JSON reader's messages are translated by their English wording, in a `syntax` table that
// English does without (tests/i18n.rs checks it has every message).
const withoutSyntax = ({ syntax, ...table }) => table;

function shape(value, path = "") {
  if (Array.isArray(value)) return [`${path}[${value.length}]`];
  if (value && typeof value === "object") return Object.keys(value).sort().flatMap((k) => shape(value[k], path ? `${path}.${k}` : k));
  return [path];
}

test("every language has the same keys as English", () => {
  const english = shape(STRINGS.en);
  for (const [lang, table] of Object.entries(STRINGS)) assert.deepEqual(shape(withoutSyntax(table)), english, `${lang} differs from en`);
});

test("every slot used in English is available in each translation", () => {
  const slots = (text) => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const walk = (en, other, path) => {
    if (typeof en === "string") return assert.deepEqual(slots(other), slots(en), path);
    for (const k of Object.keys(en)) walk(en[k], other[k], `${path}.${k}`);
  };
  for (const [lang, table] of Object.entries(STRINGS)) walk(STRINGS.en, table, lang);
});

test("numbers are written as Intl.NumberFormat writes them, in every language", () => {
  const samples = [0, 1, 7, 12, 127, 128, 999, 1000, 1234, 9999, 10000, 54321, 100000, 200000, 1234567, 987654321, 0.005, 0.014, 0.015, 0.1, 0.245, 0.2749, 0.275, 0.5, 0.995, 0.9951, 1.005, 2.5, 1234.567, 99999.999, 0.0004, 12.3456, -3, -0.25];
  for (const lang of Object.keys(STRINGS)) {
    const symbols = STRINGS[lang].number;
    const pairs = [
      [numberFormat(symbols, 3), new Intl.NumberFormat(lang)],
      [numberFormat(symbols, 0, true), new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 })],
      [numberFormat(symbols, 2), new Intl.NumberFormat(lang, { maximumFractionDigits: 2 })],
    ];
    for (const [ours, intl] of pairs) {
      for (const n of samples) {
        assert.equal(ours.format(n), intl.format(n), `${lang}: ${n} (${JSON.stringify(intl.resolvedOptions().style)})`);
      }
    }
  }
});

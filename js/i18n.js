// The languages of the interface. English is bundled in the loader; every other table is a
// module of its own (js/lang/<code>.js → www/pkg/channel-sprawl-<code>.js) that the loader fetches
// only for a page in that language: an English page downloads no French. Numbers are written with
// each table's `number` symbols (what Intl.NumberFormat writes for the language, without the
// ≈13 ms its first formatter costs). tests/e2e/i18n.test.js checks every key exists in all tables.
import en from "./lang/en.js";

/** Every language with a table, English first. */
export const LANGUAGES = ["en", "fr"];

/** The tables loaded so far, by language code. */
export const STRINGS = { en };

// Numbers in the reader's language, from the table's symbols: the same text as Intl.NumberFormat
// for en and fr, without the ≈13 ms of ICU start-up its first formatter costs on a page.
export function numberFormat({ group, decimal, percent }, digits = 0, asPercent = false) {
  return {
    format(n) {
      const unit = 10 ** digits;
      // Shift the shortest decimal text, as Intl rounds it (1.005 → 100.5 % → 101 %), not the binary.
      // An integer (a count, mostly) is shifted by multiplying, exactly, without that text.
      const shifted = Number.isInteger(n) ? Math.abs(n) * unit * (asPercent ? 100 : 1) : Number(`${Math.abs(n)}e${digits + (asPercent ? 2 : 0)}`);
      const scaled = Math.round(Number.isFinite(shifted) ? shifted : Math.abs(n) * (asPercent ? 100 : 1) * unit);
      const whole = digitsOf(Math.floor(scaled / unit)).replace(/\B(?=(\d{3})+$)/g, group);
      const fraction = digits ? digitsOf(scaled % unit).padStart(digits, "0").replace(/0+$/, "") : "";
      const text = (n < 0 && scaled ? "-" : "") + whole + (fraction ? decimal + fraction : "");
      return asPercent ? percent.replace("{n}", text) : text;
    },
  };
}

// A whole number's digits, without `String(n)`: V8 writes small integers as text through a cache
// of 128 entries, indexed by the number's low 7 bits, which grows for good to 8,192 entries (64 KB
// of the page's JS heap) once numbers keep sharing entries. The counts and totals of a chart of
// many spaces do, and those of the bench's page: JS heap after GC 1216 → 1155 KB with 100,000
// spaces (`node bench/ab.mjs --large`), 1114 → 1053 KB with 100.
function digitsOf(n) {
  if (!Number.isSafeInteger(n) || n < 0) return String(n);
  let text = "";
  do {
    text = "0123456789"[n % 10] + text;
    n = Math.floor(n / 10);
  } while (n > 0);
  return text;
}

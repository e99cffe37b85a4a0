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
      const shifted = Number(`${Math.abs(n)}e${digits + (asPercent ? 2 : 0)}`);
      const scaled = Math.round(Number.isFinite(shifted) ? shifted : Math.abs(n) * (asPercent ? 100 : 1) * unit);
      const whole = String(Math.floor(scaled / unit)).replace(/\B(?=(\d{3})+$)/g, group);
      const fraction = digits ? String(scaled % unit).padStart(digits, "0").replace(/0+$/, "") : "";
      const text = (n < 0 && scaled ? "-" : "") + whole + (fraction ? decimal + fraction : "");
      return asPercent ? percent.replace("{n}", text) : text;
    },
  };
}

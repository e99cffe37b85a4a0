// Hostile datasets in the browser: each one draws, or shows its problems in place, as expected, quickly,
// with no markup from the data in the DOM, no link that is not http(s), and no page error.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { launch, open } from "./browser.mjs";

const dir = new URL("../fixtures/hostile/", import.meta.url);
const files = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(new URL(f, dir), "utf8")]));
let env;
before(async () => (env = await launch()));
after(() => env.close());

// Made in the page: too big to commit.
const GENERATED = {
  "100 KB strings": `(() => { const s = "é".repeat(50000); return { company: s, themes: [{ id: "t", label: s }], spaces: [{ name: s, platform: s, themes: ["t"], department: s }] }; })()`,
  "100,000 spaces in 1,000 groups": `({ company: "Big", spaces: Array.from({ length: 100000 }, (_, i) => ({ name: "s" + i, platform: "p" + (i % 37), themes: ["t" + (i % 1000)], function: "f" + (i % 5000) })) })`,
  "10,000 themes": `({ company: "Many", themes: Array.from({ length: 10000 }, (_, i) => ({ id: "t" + i })), spaces: Array.from({ length: 10000 }, (_, i) => ({ name: "s" + i, platform: "blog", themes: ["t" + i] })) })`,
  "deep nesting": `(() => { let v = []; for (let i = 0; i < 5000; i++) v = [v]; return { company: "Deep", spaces: [{ name: "a", platform: "b", themes: ["t"], extra: v }] }; })()`,
  "wrong top-level type": `[[1, 2, 3]]`,
};

async function mountIn(page, source, isText) {
  return page.evaluate(
    async ([source, isText]) => {
      const { mount } = await import("/channel-sprawl.js");
      const fig = document.createElement("figure");
      document.querySelector("#main").replaceChildren(fig);
      const data = isText ? source : (0, eval)(source);
      const start = performance.now();
      await mount(fig, data, { lang: "en" });
      const ms = performance.now() - start;
      const root = fig.querySelector("[data-channel-sprawl-host]")?.shadowRoot;
      const all = root ? [...root.querySelectorAll("*")] : [];
      const tags = [...new Set(all.map((e) => e.tagName.toLowerCase()))];
      const hrefs = all.filter((e) => e.hasAttribute("href")).map((e) => e.getAttribute("href"));
      // Open every drill-down: links only appear there.
      const handle = fig.channelSprawl;
      const keys = root ? [...root.querySelectorAll(".cs-entry[data-key]")].map((b) => b.dataset.key).slice(0, 5) : [];
      for (const key of keys) {
        handle.select(key);
        for (const a of root.querySelectorAll("a")) hrefs.push(a.getAttribute("href"));
      }
      return { ms, ready: fig.hasAttribute("data-channel-sprawl-ready"), alert: root?.querySelector("[role=alert]")?.textContent ?? null, tags, hrefs };
    },
    [source, isText],
  );
}

// What each one gives: a chart, or the problems said in its place (the first named here).
const EXPECTED = {
  "bom.json": "drawn",
  "duplicate-keys.json": "drawn",
  "empty-strings.json": /company: must not be empty/,
  "hostile-urls.json": "drawn",
  "markup-everywhere.json": "drawn",
  "numbers.json": /spaces\[1\]\.audience: an audience is a number/,
  "scripts-of-the-world.json": "drawn",
  "100 KB strings": "drawn",
  "100,000 spaces in 1,000 groups": "drawn",
  "10,000 themes": "drawn",
  "deep nesting": /line 1, column 141: /,
  "wrong top-level type": /dataset: expected an object with "company/,
};

const ALLOWED_TAGS = new Set(["dl", "dt", "dd", "abbr", "div", "p", "select", "option", "label", "span", "input", "button", "canvas", "ol", "li", "ul", "section", "h3", "strong", "dialog", "a", "details", "summary", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"]);

for (const [name, source] of [...Object.entries(files).map(([f, t]) => [f, t, true]), ...Object.entries(GENERATED).map(([n, s]) => [n, s, false])]) {
  test(`hostile: ${name}`, async () => {
    const page = await open(env, "/test/blank.html");
    const result = await mountIn(page, source, source === files[name]);
    const expected = EXPECTED[name];
    if (expected === "drawn") assert.ok(result.ready && !result.alert, `drawn, not: ${result.alert}`);
    else assert.match(result.alert ?? "", expected);
    for (const tag of result.tags) assert.ok(ALLOWED_TAGS.has(tag), `<${tag}> in the widget`);
    for (const href of result.hrefs) assert.match(href, /^https?:\/\//, `link ${href}`);
    assert.deepEqual(page.problems.filter((p) => !p.startsWith("channel-sprawl")), [], "no page error");
    assert.ok(result.ms < 15000, `${result.ms} ms`);
    console.log(`# ${name}: ${result.ready ? "drawn" : "error shown"} in ${Math.round(result.ms)} ms${result.alert ? ` — ${result.alert.slice(0, 90)}` : ""}`);
    await page.context().close();
  });
}

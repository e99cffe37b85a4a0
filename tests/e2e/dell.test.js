// The Dell post end to end: mounted, drawn with every theme colour, a click on a known segment
// selects it (event detail + drill-down links), the figure keeps its content.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, open, ready, SHOTS, canvasColors, legend, clickAtAngle, nextSelect, drillDown } from "./browser.mjs";

const dell = JSON.parse(readFileSync(new URL("../../www/data/dell.json", import.meta.url)));
let env;
before(async () => (env = await launch()));
after(() => env.close());

/** The expected count of a theme: spaces sharing a function count once (data-dedupe). */
function expected(theme) {
  const seen = new Set();
  const names = [];
  for (const s of dell.spaces) {
    if (!s.themes.includes(theme)) continue;
    const unit = s.function ? s.function.toLowerCase() : Symbol();
    if (seen.has(unit)) continue;
    seen.add(unit);
    names.push(s.name);
  }
  return names;
}

test("the Dell post draws every theme in its legend colour", async () => {
  const page = await open(env, "/posts/dell.html");
  await ready(page, "#dell");
  const entries = await legend(page, "#dell");
  assert.deepEqual(entries.map((e) => e.label), dell.themes.map((t) => t.label));
  const colors = await canvasColors(page, "#dell");
  for (const e of entries) assert.ok(colors.has(e.color), `${e.label} ${e.color} is not on the canvas`);
  const summary = await page.locator("#dell .cs-summary").textContent();
  assert.match(summary, /^97 espaces → \d+ une fois les copies fusionnées · 9 thèmes · \d+ plateformes$/);
  await page.locator("#dell").screenshot({ path: SHOTS + "dell-post.png" });
  assert.deepEqual(page.problems, []);
});

test("by country, a colour the palette repeats is dotted on the legend's swatch as on its segment", async () => {
  const page = await open(env, "/posts/dell.html#dell=g.country~d.0");
  await ready(page, "#dell");
  const entries = await legend(page, "#dell");
  assert.ok(entries.length > 11, `${entries.length} countries`);
  for (const [i, e] of entries.entries()) {
    const earlier = entries.slice(0, i).some((o) => o.color === e.color);
    assert.equal(e.dotted, earlier, `${e.label} ${e.color}: ${earlier ? "repeats an earlier colour" : "a colour of its own"}`);
  }
  assert.ok(entries.some((e) => e.dotted));
  assert.deepEqual(page.problems, []);
});

test("clicking the first segment selects Expertise with the deduplicated spaces", async () => {
  const page = await open(env, "/posts/dell.html");
  await ready(page, "#dell");
  const event = await nextSelect(page, "#dell");
  await clickAtAngle(page, "#dell", 8);
  const detail = await event();
  const names = expected("expertise");
  assert.equal(detail.groupBy, "theme");
  assert.equal(detail.key, "expertise");
  assert.equal(detail.label, "Expertise");
  assert.equal(detail.count, names.length);
  assert.deepEqual(detail.spaces, names);
  // The drill-down lists the group's spaces, links only for http(s) URLs, opened safely.
  await drillDown(page, "#dell");
  const heading = await page.locator("#dell .cs-drill-title").textContent();
  assert.equal(heading, `Expertise : ${names.length} espaces`);
  const links = await page.locator("#dell .cs-spaces a").evaluateAll((as) => as.map((a) => [a.textContent, a.href, a.target, a.rel]));
  assert.ok(links.length >= names.length - 3);
  for (const [, href, target, rel] of links) {
    assert.match(href, /^https?:/);
    assert.equal(target, "_blank");
    assert.equal(rel, "noopener noreferrer");
  }
  const listed = await page.locator("#dell .cs-spaces > li").count();
  assert.equal(listed, names.length, "one row per counted space; copies fold under it");
  // A space with copies: its link, then a disclosure button for them (not a link inside a
  // <summary>); the parts are separated in the text too, as a screen reader reads it.
  const row = page.locator("#dell .cs-spaces > li", { has: page.locator(".cs-copies") }).first();
  assert.match((await row.textContent()).replace(/\s+/g, " "), /^Dell Community Forums Forum · États-Unis 3 copies par pays/);
  const copies = row.getByRole("button", { name: "3 copies par pays" });
  assert.equal(await copies.getAttribute("aria-expanded"), "false");
  assert.equal(await row.locator("li").first().isVisible(), false);
  await copies.click();
  assert.equal(await copies.getAttribute("aria-expanded"), "true");
  assert.equal(await row.locator("li").count(), 3);
  assert.equal(await row.locator("li").first().isVisible(), true);
  assert.equal(await page.locator("#dell .cs-drill summary, #dell .cs-drill button a").count(), 0);
  await page.locator("#dell").screenshot({ path: SHOTS + "dell-selected.png" });
  // Clicking again clears, with key null.
  const cleared = await nextSelect(page, "#dell");
  await clickAtAngle(page, "#dell", 8);
  assert.equal((await cleared()).key, null);
  assert.equal(await page.locator("#dell .cs-drill").isHidden(), true);
});

test("the BT post has no Facebook among its platforms", async () => {
  const page = await open(env, "/posts/bt.html");
  await ready(page, "#bt");
  await page.locator("#bt select").first().selectOption("platform");
  const keys = await page.locator("#bt .cs-legend .cs-entry[data-key]").evaluateAll((bs) => bs.map((b) => b.dataset.key));
  assert.deepEqual(keys.sort(), ["forum", "microblog", "twitter"]);
  assert.match(await page.locator("#bt .cs-summary").textContent(), /^6 espaces · 5 thèmes · 3 plateformes$/);
  // Every BT space has its own function: no country copies, so no toggle that would change nothing.
  assert.equal(await page.locator("#bt").getByRole("button", { name: "Compter une fois les copies par pays" }).count(), 0);
  await page.locator("#bt").screenshot({ path: SHOTS + "bt-post.png" });
  assert.deepEqual(page.problems, []);
});

test("the sprawl profile says what the chart means: Dell sprawls, BT focuses", async () => {
  const page = await open(env, "/posts/dell.html");
  await ready(page, "#dell");
  await page.locator("#dell .cs-profile summary").click();
  const text = await page.locator("#dell .cs-profile dl").textContent();
  assert.match(text, /Plateformes11 · Twitter 45, /);
  assert.match(text, /Réplication× 1,\d+/);
  assert.match(text, /Concentration sur les thèmes0,\d+ · étalé/);
  // What the figures mean is written under them, for every reader (not a pointer's tooltip).
  const notes = await page.locator("#dell .cs-profile .cs-notes li").allTextContents();
  assert.match(notes[0], /^Réplication : Espaces par fonction distincte/);
  assert.ok(notes.some((n) => n.startsWith("Concentration sur les plateformes, Concentration sur les thèmes : Indice de Herfindahl")), notes.join(" | "));
  assert.equal(await page.locator("#dell .cs-profile .cs-notes").isVisible(), true);
  await page.locator("#dell").screenshot({ path: SHOTS + "dell-profile.png" });
  const bt = await open(env, "/posts/bt.html");
  await ready(bt, "#bt");
  await bt.locator("#bt .cs-profile summary").click();
  assert.match(await bt.locator("#bt .cs-profile dl").textContent(), /Réplication× 1Plateformes3/);
});

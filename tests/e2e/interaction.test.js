// Readers explore: hover and tap show a tooltip, legend entries select/hide/isolate, the grouping,
// dedupe and chart type change from the figure's own controls, "Other" folds and expands, the
// chart enlarges into a dialog, and the state survives a reload through the URL fragment.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, ready, SHOTS, legend, pointAtAngle, hoverAtAngle, clickAtAngle, nextSelect, recordSelects, canvasColors, download, drillDown } from "./browser.mjs";

let env;
before(async () => (env = await launch()));
after(() => env.close());

test("hovering a segment shows its tooltip inside the figure; leaving hides it", async () => {
  const page = await open(env, "/posts/dell.html");
  await ready(page, "#dell");
  const { at: p, tip } = await hoverAtAngle(page, "#dell", 8);
  const text = await tip.textContent();
  // The share is of the spaces the ring's centre counts (17 of 62 is 27 %, not 17 of the ring's 102).
  const [, count, pct] = text.match(/^Expertise(\d+) espaces · (\d+)\s%Surtout /);
  const centre = Number(await page.locator("#dell .cs-center strong").textContent());
  assert.equal(Number(pct), Math.round((100 * Number(count)) / centre));
  const [fig, box] = [await page.locator("#dell [data-channel-sprawl-host]").boundingBox(), await tip.boundingBox()];
  assert.ok(box.x >= fig.x && box.x + box.width <= fig.x + fig.width, "the tooltip stays inside the figure");
  assert.ok(!(p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height), "the tooltip does not cover the pointer");
  await page.locator("#dell").screenshot({ path: SHOTS + "dell-hover.png" });
  await page.mouse.move(5, 5);
  await tip.waitFor({ state: "hidden" });
});

test("touch: a tap selects a segment and shows its figures in the ring's hole, through changes of the view and size; a second tap clears both", async () => {
  const page = await open(env, "/posts/dell.html", { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  await ready(page, "#dell");
  const centre = page.locator("#dell .cs-center");
  const total = "62 espaces";
  const text = async () => (await centre.evaluate((c) => [...c.children].map((e) => e.textContent).join(" "))).replace(/\s/g, " ");
  assert.equal(await text(), total);
  const p = await pointAtAngle(page, "#dell", 8);
  let selected = await nextSelect(page, "#dell");
  await page.touchscreen.tap(p.x, p.y);
  assert.equal((await selected()).key, "expertise");
  // In the hole, where they cover no segment: its name, count and share; no tooltip by the finger.
  assert.equal(await text(), "Expertise 17 espaces · 27 %");
  assert.equal(await page.locator("#dell .cs-tooltip").isHidden(), true);
  const [hole, name] = [await page.locator("#dell canvas").boundingBox(), await centre.locator(".cs-center-name").boundingBox()];
  assert.ok(name.width <= 0.5 * Math.min(hole.width, hole.height), `the name in the hole: ${name.width} px wide`);
  await drillDown(page, "#dell");
  await page.locator("#dell").screenshot({ path: SHOTS + "dell-mobile.png" });
  selected = await nextSelect(page, "#dell");
  let q = await pointAtAngle(page, "#dell", 8); // the screenshot may have scrolled
  await page.touchscreen.tap(q.x, q.y);
  assert.equal((await selected()).key, null);
  assert.equal(await text(), total);
  // A long name keeps to two lines in the hole.
  await page.touchscreen.tap(...Object.values(await pointAtAngle(page, "#dell", 150)));
  const long = await centre.locator(".cs-center-name").evaluate((e) => [e.textContent, e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)]);
  assert.equal(long[0], "Communication & évènements");
  assert.ok(long[1] <= 2.05, `${long[1]} lines`);
  // The selection's figures stay while the view changes around it (another group hidden, the
  // pie and back), and follow the hole's size (turned, narrower).
  await page.locator('#dell .cs-tool[data-act="hide"][data-key="promotions"]').tap();
  assert.match(await text(), /^Communication & évènements 16 espaces · \d+ %$/);
  await page.locator("#dell select").nth(1).selectOption("pie");
  await page.locator("#dell select").nth(1).selectOption("donut");
  assert.match(await text(), /^Communication & évènements 16 /);
  await page.setViewportSize({ width: 320, height: 700 });
  await page.waitForFunction(() => {
    const root = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot;
    return root.querySelector(".cs-center-name").getBoundingClientRect().width <= 0.5 * root.querySelector("canvas").getBoundingClientRect().width;
  });
  // Selected from the legend with a finger: the same.
  await page.locator('#dell .cs-entry[data-key="support"]').tap();
  assert.match(await text(), /^Support client 3 espaces · /);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('#dell .cs-tool[data-act="hide"][data-key="promotions"]').tap(); // shown again
  // Tapped, then the groups change: the segment shown goes with them, not onto the group that
  // takes its place (no pointer leaves it on a touch screen).
  q = await pointAtAngle(page, "#dell", 8);
  await page.touchscreen.tap(q.x, q.y);
  assert.match(await text(), /^Expertise /);
  await page.locator('#dell .cs-tool[data-act="hide"][data-key="expertise"]').tap();
  // The spaces the ring draws now, of all: those of the other themes.
  const rest = "58 espaces sur 62";
  assert.equal(await text(), rest);
  // A mouse over the same chart: a tooltip again, the count in the hole.
  await page.mouse.move(q.x, q.y);
  await page.locator("#dell .cs-tooltip").waitFor();
  assert.equal(await text(), rest);
});

test("in a narrow column, the centre gives the ring's count alone where \"espaces sur 62\" would not fit the hole, and says it again where it does; the chart's name gives the same count", async () => {
  const page = await open(env, "/test/blank.html", { viewport: { width: 1000, height: 900 } });
  await page.evaluate(async () => {
    const { mount } = await import("/channel-sprawl.js");
    const data = await (await fetch("/data/dell.json")).json();
    const div = document.createElement("div");
    div.id = "narrow";
    div.style.width = "200px";
    document.querySelector("#main").append(div);
    await mount(div, data, { lang: "fr", dedupe: true });
  });
  await page.locator('#narrow .cs-tool[data-act="hide"][data-key="expertise"]').click();
  const fit = await page.locator("#narrow canvas").evaluate((canvas) => {
    const root = canvas.getRootNode();
    const c = canvas.getBoundingClientRect();
    const outer = Math.min(c.width, c.height) / 2 - 12;
    const [cx, cy, hole] = [c.left + c.width / 2, c.top + c.height / 2, 0.58 * outer];
    const unit = root.querySelector(".cs-center span").getBoundingClientRect();
    const corners = [[unit.left, unit.top], [unit.right, unit.top], [unit.left, unit.bottom], [unit.right, unit.bottom]];
    return { text: root.querySelector(".cs-center span").textContent, out: Math.max(...corners.map(([x, y]) => Math.hypot(x - cx, y - cy))) - hole, hole, label: canvas.getAttribute("aria-label") };
  });
  assert.equal(fit.text.replace(/\s/g, " "), "espaces");
  assert.ok(fit.out <= 2, `the line reaches ${fit.out.toFixed(1)} px past a hole of ${fit.hole.toFixed(1)} px`);
  await page.locator("#narrow").evaluate((div) => (div.style.width = "400px"));
  await page.waitForFunction(() => document.querySelector("#narrow [data-channel-sprawl-host]").shadowRoot.querySelector(".cs-center span").textContent.replace(/\s/g, " ") === "espaces sur 62", null, { timeout: 5000 });
  assert.match(fit.label.replace(/\s/g, " "), /^Les espaces sociaux de Dell par thème : 58 espaces sur 62\./);
  assert.deepEqual(page.problems, []);
});

test("a tap whose drill-down opens below the screen brings its heading and first space into view", async () => {
  // On a phone the legend sits between the ring and the drill-down: the list the tap opened
  // would start below the screen, and the tap would seem to show only a tooltip.
  const page = await open(env, "/posts/dell.html", { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  await ready(page, "#dell");
  const p = await pointAtAngle(page, "#dell", 90);
  const rows = page.locator("#dell .cs-drill li");
  const top = async (selector) => (await page.locator(selector).first().boundingBox()).y;
  const before = await page.evaluate(() => scrollY);
  await page.touchscreen.tap(p.x, p.y);
  await rows.first().waitFor();
  // Scrolled (smoothly) until the first space's row is on screen, and no further: the ring stays.
  await page.waitForFunction(() => {
    const row = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.querySelector(".cs-drill li");
    return row.getBoundingClientRect().bottom <= innerHeight;
  }, null, { timeout: 5000 });
  assert.ok((await page.evaluate(() => scrollY)) > before, "the page scrolled");
  assert.match(await page.locator("#dell .cs-drill-title").textContent(), /^Éducation/);
  assert.ok((await top("#dell canvas")) >= 0, "the ring is still on screen");
  // A selection from the page's script (or a shared link) does not move the reader's page.
  await page.evaluate((y) => scrollTo(0, y), before);
  const still = await page.evaluate(() => scrollY);
  await page.evaluate(() => document.querySelector("#dell").channelSprawl.select("promotions"));
  await page.locator("#dell .cs-drill-title", { hasText: "Promotions" }).waitFor();
  await page.evaluate(() => new Promise((done) => setTimeout(done, 400)));
  assert.equal(await page.evaluate(() => scrollY), still, "select() leaves the scroll alone");
  assert.ok((await top("#dell .cs-drill li")) > (await page.evaluate(() => innerHeight)), "its list is still below the screen");
  // At 400 % zoom (a 320 × 225 window), the selection made from a legend entry with the keys: the
  // drill-down below stays there rather than scroll the focused entry out of view (WCAG 2.4.11).
  const zoomed = await open(env, "/posts/dell.html", { viewport: { width: 320, height: 225 } });
  await ready(zoomed, "#dell");
  const entry = zoomed.locator("#dell .cs-entry").first();
  await entry.focus();
  await zoomed.keyboard.press("Enter");
  await zoomed.locator("#dell .cs-drill li").first().waitFor({ state: "attached" });
  await zoomed.evaluate(() => new Promise((done) => setTimeout(done, 600)));
  const kept = await entry.boundingBox();
  assert.ok(kept.y >= 0 && kept.y + kept.height <= 225, JSON.stringify(kept));
  // A theme that keeps the page from scrolling sideways (<body> then reads as a scrolling box,
  // but the page is what scrolls).
  await page.evaluate(() => document.querySelector("#dell").channelSprawl.select(null));
  await page.addStyleTag({ content: "html, body { height: 100%; } body { overflow-x: hidden; }" });
  await page.evaluate((y) => scrollTo(0, y), before);
  const b = await pointAtAngle(page, "#dell", 90);
  await page.touchscreen.tap(b.x, b.y);
  await page.waitForFunction(() => {
    const row = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.querySelector(".cs-drill li");
    return row && row.getBoundingClientRect().bottom <= innerHeight;
  }, null, { timeout: 5000 });
  // A box that clips without a scroll bar (a theme's card cut at a height) is not scrolled: the
  // reader could not scroll it back.
  await page.evaluate(() => document.querySelector("#dell").channelSprawl.select(null));
  await page.evaluate(() => Object.assign(document.querySelector("#dell").style, { maxHeight: "700px", overflow: "hidden", display: "block" }));
  const q = await pointAtAngle(page, "#dell", 90);
  const [card, window] = await page.evaluate(() => [document.querySelector("#dell").scrollTop, scrollY]);
  await page.touchscreen.tap(q.x, q.y);
  await rows.first().waitFor({ state: "attached" });
  await page.evaluate(() => new Promise((done) => setTimeout(done, 500)));
  assert.deepEqual(await page.evaluate(() => [document.querySelector("#dell").scrollTop, scrollY]), [card, window]);
});

test("a tap or a click focuses the chart without the keyboard's focus ring", async () => {
  // A tap on Éducation selects it and shows it as a click does, with no ring on another segment.
  const viewport = { width: 390, height: 844 };
  // The canvas after the next two frames (a change is painted in the next one).
  const pixels = (page) =>
    page.evaluate(async () => {
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      return document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.querySelector("canvas").toDataURL();
    });
  const touch = await open(env, "/posts/dell.html", { hasTouch: true, isMobile: true, viewport });
  await ready(touch, "#dell");
  const p = await pointAtAngle(touch, "#dell", 90);
  await touch.touchscreen.tap(p.x, p.y);
  assert.match(await touch.locator("#dell .cs-center").textContent(), /^Éducation/);
  const mouse = await open(env, "/posts/dell.html", { viewport });
  await ready(mouse, "#dell");
  const q = await pointAtAngle(mouse, "#dell", 90);
  await mouse.mouse.click(q.x, q.y);
  await mouse.locator("#dell .cs-tooltip").waitFor();
  assert.equal(await pixels(touch), await pixels(mouse), "tapped and clicked draw the same");
  await clickAtAngle(mouse, "#dell", 90); // and clear it again, for what follows
  // A click on the hole focuses the canvas: still no ring; an arrow key shows it.
  const hovered = await pixels(mouse);
  await mouse.mouse.move(5, 5);
  const plain = await pixels(mouse);
  await clickAtAngle(mouse, "#dell", 0, 0);
  assert.equal(await mouse.evaluate(() => document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.activeElement?.tagName), "CANVAS");
  assert.equal(await pixels(mouse), plain, "no ring after a click");
  await mouse.keyboard.press("ArrowRight");
  assert.notEqual(await pixels(mouse), plain, "the ring after an arrow key");
  assert.notEqual(hovered, plain);
});

test("legend: select like the segment, hide re-normalises, isolate, bring back", async () => {
  const page = await open(env, "/posts/bt.html");
  await ready(page, "#bt");
  const before = await legend(page, "#bt");
  const selected = await nextSelect(page, "#bt");
  await page.locator('#bt .cs-entry[data-key="support"]').click();
  const detail = await selected();
  assert.deepEqual([detail.key, detail.count], ["support", before.find((e) => e.key === "support").count]);
  assert.equal((await legend(page, "#bt")).find((e) => e.key === "support").pressed, true);

  await page.getByRole("button", { name: "Masquer Conversation" }).click();
  assert.match(await page.locator("#bt .cs-summary").textContent(), /1 masqué$/);
  const colors = await canvasColors(page, "#bt");
  const hidden = before.find((e) => e.key === "conversation").color;
  assert.equal(colors.has(hidden), false, "a hidden group is not drawn");
  assert.match(await page.locator("#bt .cs-live").textContent(), /Masqué : Conversation/);
  await page.getByRole("button", { name: "Afficher Conversation" }).click();
  assert.equal((await legend(page, "#bt")).length, before.length);

  const centre = () => page.locator("#bt .cs-center").evaluate((c) => [...c.children].map((e) => e.textContent).join(" ").replace(/\s/g, " "));
  assert.equal(await centre(), "6 espaces");
  await page.getByRole("button", { name: "Afficher seulement Expertise" }).click();
  assert.deepEqual((await legend(page, "#bt")).map((e) => e.key), ["expertise"]);
  // The hole counts what the ring draws now, of how many: not 6 spaces around a ring of 4.
  assert.equal(await centre(), "4 espaces sur 6");
  // BT has no group small enough for "Other": no link offers to fold (isolating expands Other).
  const fold = page.locator('#bt .cs-link[data-act="fold"]');
  assert.equal(await fold.count(), 0);
  await page.getByRole("button", { name: "Afficher tous les groupes" }).click();
  assert.equal((await legend(page, "#bt")).length, before.length);
  assert.equal(await fold.count(), 0);
  assert.equal(await centre(), "6 espaces");
});

test("pointing at or focusing a legend entry emphasises its segment, as a hover on the ring does", async () => {
  const page = await open(env, "/posts/bt.html");
  await ready(page, "#bt");
  const entries = await legend(page, "#bt");
  const painted = async (on = page) => {
    await on.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const colors = await canvasColors(on, "#bt");
    return entries.filter((e) => colors.has(e.color)).map((e) => e.key);
  };
  const all = entries.map((e) => e.key);
  assert.deepEqual(await painted(), all);
  // Over Support's entry (or its tools): Support in its colour, the others faded; no tooltip.
  await page.locator('#bt .cs-entry[data-key="support"]').hover();
  assert.deepEqual(await painted(), ["support"]);
  assert.equal(await page.locator("#bt .cs-tooltip").isHidden(), true);
  await page.getByRole("button", { name: "Masquer Support client" }).hover();
  assert.deepEqual(await painted(), ["support"]);
  await page.mouse.move(1, 1);
  assert.deepEqual(await painted(), all);
  // From the keyboard: focusing an entry does the same, leaving the legend undoes it.
  await page.getByRole("button", { name: "Afficher seulement Expertise" }).focus();
  assert.deepEqual(await painted(), ["expertise"]);
  await page.locator("#bt .cs-select").first().focus();
  assert.deepEqual(await painted(), all);
  // A tap focuses the entry too (after the finger has left), but only a focus from the keyboard
  // emphasises: after the tap, nothing stays faded.
  const touch = await open(env, "/posts/bt.html", { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  await ready(touch, "#bt");
  await touch.locator('#bt .cs-entry[data-key="support"]').tap();
  assert.deepEqual(await painted(touch), all);
});

test("a big segment's drill-down lists 200 spaces at a time, and keeps what it listed", async () => {
  const page = await open(env, "/test/blank.html");
  const spaces = Array.from({ length: 450 }, (_, i) => ({ name: `Space ${i + 1}`, platform: "forum", themes: ["support"] }));
  spaces.push({ name: "The blog", platform: "blog", themes: ["promo"] });
  await page.evaluate(async (data) => {
    const { mount } = await import("/channel-sprawl.js");
    const fig = document.createElement("div");
    fig.id = "big";
    document.querySelector("#main").append(fig);
    (await mount(fig, JSON.stringify(data))).select("support");
  }, { company: "Acme", spaces });
  const rows = page.locator("#big .cs-spaces > li");
  const more = page.locator("#big .cs-more button");
  await rows.first().waitFor(); // the drill-down is shown once the extras module is there
  assert.equal(await rows.count(), 200);
  assert.equal(await more.textContent(), "Show 200 more of the 250 not listed");
  await more.click();
  assert.equal(await rows.count(), 400);
  assert.equal(await more.textContent(), "Show the last 50");
  await more.focus();
  await page.keyboard.press("Enter");
  assert.equal(await rows.count(), 450);
  assert.equal(await more.count(), 0, "no button once every space is listed");
  const focused = () => page.evaluate(() => document.querySelector("#big [data-channel-sprawl-host]").shadowRoot.activeElement?.textContent);
  assert.match(await focused(), /^Space 401\D/, "the focus goes to the first row the last click listed");
  // Hiding another group redraws the chart and its drill-down: the same 450 rows, in order.
  await page.getByRole("button", { name: "Hide Promo" }).click();
  assert.deepEqual(await rows.evaluateAll((li) => [li.length, li[0].textContent, li[449].textContent]), [450, "Space 1 Forum", "Space 450 Forum"]);
  assert.deepEqual(page.problems, []);
});

test("an Other of 450 themes expands 200 legend entries at a time; isolating one writes the shown group to the URL", async () => {
  const mountMany = (page) =>
    page.evaluate(async (data) => {
      const { mount } = await import("/channel-sprawl.js");
      const fig = document.createElement("div");
      fig.id = "many";
      document.querySelector("#main").append(fig);
      await mount(fig, JSON.stringify(data));
    }, { company: "Acme", spaces: Array.from({ length: 450 }, (_, i) => ({ name: `Space ${i}`, platform: "forum", themes: [`t${i}`] })) });
  const page = await open(env, "/test/blank.html");
  await mountMany(page);
  const items = page.locator("#many .cs-item");
  const more = page.locator('#many .cs-link[data-act="more"]');
  assert.deepEqual((await legend(page, "#many")).map((e) => e.key), ["t0", "t1", "t2", "t3", "t4", "~other"], "every theme under 2 %: the first five of equal ones, and Other");
  await page.getByRole("button", { name: "Show the groups in Other" }).click();
  assert.equal((await legend(page, "#many")).length, 200);
  assert.equal(await more.textContent(), "Show 200 more of the 250 not listed");
  await more.click();
  assert.equal((await legend(page, "#many")).length, 400);
  const focused = () => page.evaluate(() => document.querySelector("#many [data-channel-sprawl-host]").shadowRoot.activeElement?.dataset.key);
  assert.equal(await focused(), "t200", "the focus goes to the first entry the click listed");
  // The table too lists 200 groups at a time; its total is every group's.
  await page.getByRole("button", { name: "Table", exact: true }).click();
  const tableRows = page.locator("#many .cs-table tbody tr");
  await tableRows.first().waitFor();
  assert.equal(await tableRows.count(), 200);
  assert.match(await page.locator("#many .cs-table tfoot").textContent(), /^Total450100%$/);
  const tableMore = page.locator("#many .cs-table .cs-more button");
  await tableMore.click();
  assert.equal(await tableRows.count(), 400);
  assert.equal(await tableMore.textContent(), "Show the last 50");
  await tableMore.click();
  assert.equal(await tableRows.count(), 450);
  assert.equal(await tableMore.count(), 0, "no button once every group is listed");
  const active = () => page.evaluate(() => document.querySelector("#many [data-channel-sprawl-host]").shadowRoot.activeElement?.firstChild?.textContent);
  assert.equal(await active(), "T400", "the focus goes to the first row the last click listed");
  await page.getByRole("button", { name: "Table", exact: true }).click();
  await page.getByRole("button", { name: "Show only T5", exact: true }).click();
  assert.deepEqual((await legend(page, "#many")).map((e) => e.key), ["t5"]);
  assert.equal(await page.locator("#many .cs-item.is-hidden").count(), 399, "hidden entries follow, as many rows as were listed");
  assert.equal(await more.textContent(), "Show the last 50");
  const url = page.url();
  assert.match(url, /#many=v\.t5$/, "the one shown group, not 449 hidden ones");
  const again = await open(env, url.slice(url.indexOf("/test")));
  await mountMany(again);
  assert.deepEqual((await legend(again, "#many")).map((e) => e.key), ["t5"]);
  assert.match(await again.locator("#many .cs-summary").textContent(), /449 hidden/);
  await again.getByRole("button", { name: "Show all groups" }).click();
  assert.equal((await legend(again, "#many")).length, 200, "all 450 shown again, Other still expanded: a page of them");
  assert.deepEqual([...page.problems, ...again.problems], []);
});

test("group by, dedupe and chart type from the figure's controls", async () => {
  const page = await open(env, "/posts/dell.html");
  await ready(page, "#dell");
  const summary = page.locator("#dell .cs-summary");
  assert.match(await summary.textContent(), /^97 espaces → \d+ une fois les copies fusionnées/);
  const dedupe = page.getByRole("button", { name: "Compter une fois les copies par pays" });
  assert.equal(await dedupe.getAttribute("aria-pressed"), "true");
  await dedupe.click();
  assert.equal(await dedupe.getAttribute("aria-pressed"), "false");
  assert.match(await summary.textContent(), /^97 espaces · 9 thèmes/);
  assert.match(await page.locator("#dell .cs-live").textContent(), /^Chaque espace compté : 97 espaces\.$/);

  await page.locator("#dell select").first().selectOption("platform");
  const platforms = await legend(page, "#dell");
  assert.equal(platforms[0].key, "twitter");
  assert.equal(platforms[0].count, 45, "45 Twitter accounts");
  assert.ok(!platforms.some((e) => e.key === "-"), "every space has a platform");

  await page.locator("#dell select").first().selectOption("department");
  await page.locator("#dell select").first().selectOption("country");
  const countries = await legend(page, "#dell");
  assert.equal(countries[0].label, "Monde");

  await page.locator("#dell select").nth(1).selectOption("bar");
  await page.locator("#dell").screenshot({ path: SHOTS + "dell-bars.png" });
  // Bars: the first row's bar is hit at its left end.
  const box = await page.locator("#dell canvas").boundingBox();
  const selected = await nextSelect(page, "#dell");
  await page.mouse.click(box.x + 20, box.y + 12 + 14);
  assert.equal((await selected()).key, countries[0].key);
  // A short bar's row is one target: past its end on the canvas, and its label.
  const row = countries.findIndex((e) => e.count === 2);
  const past = await nextSelect(page, "#dell");
  await page.mouse.click(box.x + box.width - 10, box.y + 12 + 14 + 28 * row);
  assert.equal((await past()).key, countries[row].key);
  const byLabel = await nextSelect(page, "#dell");
  await page.locator("#dell .cs-bars li").nth(row + 1).click();
  assert.equal((await byLabel()).key, countries[row + 1].key);
});

test("small groups fold into Other, which lists and expands them", async () => {
  const page = await open(env, "/test/two-charts.html");
  await ready(page, "#one");
  await page.locator("#one select").first().selectOption("country");
  const folded = await legend(page, "#one");
  const other = folded.find((e) => e.key === "~other");
  assert.ok(other, "countries under 5 % fold into Other");
  await page.locator('#one .cs-entry[data-key="~other"]').click();
  assert.match(await page.locator("#one .cs-folded").textContent(), /^Other: /);
  await page.locator("#one .cs-folded button").click();
  const expanded = await legend(page, "#one");
  assert.equal(await page.locator("#one .cs-live").textContent(), `Other expanded: ${expanded.length} groups.`);
  assert.ok(!expanded.some((e) => e.key === "~other"));
  assert.equal(expanded.reduce((s, e) => s + e.count, 0), folded.reduce((s, e) => s + e.count, 0), "folding keeps the total");
  await page.locator('#one .cs-link[data-act="fold"]').click();
  assert.deepEqual(await legend(page, "#one"), folded, "the legend's link folds them back");
  assert.equal(await page.locator("#one .cs-live").textContent(), "Small groups folded into Other.");
  // The second chart on the page was not touched.
  assert.equal((await legend(page, "#two"))[0].key, "forum");
});

test("enlarge opens a modal dialog; Escape closes it and focus returns", async () => {
  const page = await open(env, "/posts/dell.html", { viewport: { width: 1280, height: 900 } });
  await ready(page, "#dell");
  const small = await page.locator("#dell canvas").boundingBox();
  const button = page.getByRole("button", { name: "Agrandir" });
  await button.click();
  const dialog = page.locator("#dell dialog[open]");
  await dialog.waitFor();
  await page.waitForFunction(() => {
    const c = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.querySelector("dialog canvas");
    return c && c.width >= c.getBoundingClientRect().width * devicePixelRatio - 1 && c.getBoundingClientRect().width > 400;
  });
  const big = await page.locator("#dell dialog canvas").boundingBox();
  assert.ok(big.width > small.width * 1.4, `enlarged ${big.width} vs ${small.width}`);
  // Same interactions inside the dialog.
  const selected = await nextSelect(page, "#dell");
  await clickAtAngle(page, "#dell dialog", 8);
  assert.equal((await selected()).key, "expertise");
  await page.screenshot({ path: SHOTS + "dell-enlarged.png" });
  const cleared = await nextSelect(page, "#dell");
  await page.keyboard.press("Escape"); // clears the selection first, and only that
  assert.equal((await cleared()).key, null);
  assert.equal(await dialog.count(), 1, "the first Escape leaves the dialog open");
  // From a legend entry too: Escape clears the selection first, and only that.
  await dialog.locator('.cs-entry[data-key="education"]').click();
  await dialog.locator('.cs-entry[data-key="education"]').focus();
  const fromLegend = await nextSelect(page, "#dell");
  await page.keyboard.press("Escape");
  assert.equal((await fromLegend()).key, null);
  assert.equal(await dialog.count(), 1, "the dialog stays open");
  await page.keyboard.press("Escape"); // then closes
  await dialog.waitFor({ state: "detached" }).catch(() => dialog.waitFor({ state: "hidden" }));
  assert.equal(await page.evaluate(() => document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.activeElement?.textContent), "Agrandir");

  // On a phone, the enlarged chart is at least as large as the one in the post.
  const phone = await open(env, "/posts/dell.html", { viewport: { width: 390, height: 844 } });
  await ready(phone, "#dell");
  const inPost = await phone.locator("#dell canvas").boundingBox();
  await phone.getByRole("button", { name: "Agrandir" }).click();
  await phone.locator("#dell dialog[open] canvas").waitFor();
  const enlarged = await phone.locator("#dell dialog canvas").boundingBox();
  assert.ok(enlarged.width >= inPost.width, `enlarged ${enlarged.width} vs ${inPost.width} in the post`);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 390, `page ${overflow} px wide`);
  // A long drill-down scrolls under the dialog's title and Close button, which stay in reach.
  await phone.locator('#dell dialog .cs-entry[data-key="expertise"]').click();
  await phone.locator("#dell dialog").evaluate((d) => (d.scrollTop = d.scrollHeight));
  const closeButton = await phone.locator("#dell dialog").getByRole("button", { name: "Fermer" }).boundingBox();
  assert.ok(closeButton.y >= 0 && closeButton.y + closeButton.height <= 844, JSON.stringify(closeButton));
  // What the keyboard focuses comes into view below the head, not under it (Twitter's 45
  // accounts make a drill-down longer than the screen).
  const tall = await open(env, "/posts/dell.html#dell=g.platform~s.twitter", { viewport: { width: 390, height: 700 } });
  await ready(tall, "#dell");
  await tall.getByRole("button", { name: "Agrandir" }).click();
  await tall.locator("#dell dialog[open] .cs-drill a").first().waitFor();
  const [top, bottom, under] = await tall.locator("#dell dialog").evaluate((d) => {
    const headBottom = () => d.querySelector(".cs-dialog-head").getBoundingClientRect().bottom;
    // The last link that can be scrolled to sit half under the head, then focused.
    const max = d.scrollHeight - d.clientHeight;
    const wanted = (a) => d.scrollTop + a.getBoundingClientRect().top - headBottom() + 10;
    const link = [...d.querySelectorAll(".cs-drill a")].filter((a) => a.getClientRects().length && wanted(a) <= max).at(-1);
    d.scrollTop = wanted(link);
    const under = link.getBoundingClientRect().top < headBottom();
    link.focus();
    return [link.getBoundingClientRect().top, headBottom(), under];
  });
  assert.ok(under && top >= bottom - 1, `focus at ${top}, the head down to ${bottom}`);
  // Held sideways too (little height), and closing it puts the reader back where they were,
  // though the post behind scrolled meanwhile.
  const sideways = await open(env, "/posts/dell.html", { viewport: { width: 740, height: 360 }, hasTouch: true, isMobile: true });
  await ready(sideways, "#dell");
  const before = await sideways.locator("#dell canvas").boundingBox();
  const enlarge = sideways.getByRole("button", { name: "Agrandir" });
  await enlarge.scrollIntoViewIfNeeded();
  // With the table shown: it goes along, under the legend.
  await sideways.getByRole("button", { name: "Tableau" }).tap();
  await enlarge.scrollIntoViewIfNeeded();
  const place = await sideways.evaluate(() => scrollY);
  assert.ok(place > 0);
  await enlarge.tap();
  await sideways.locator("#dell dialog[open] canvas").waitFor();
  const wide = await sideways.locator("#dell dialog canvas").boundingBox();
  assert.ok(wide.width >= before.width, `enlarged ${wide.width} vs ${before.width} in the post`);
  // The ring whole in the window (under the title it was cut), the legend beside it; the list a
  // selection opens scrolls beside the ring, which stays in view, as does the Close button.
  const whole = async (when) => {
    const ring = await sideways.locator("#dell dialog canvas").boundingBox();
    assert.ok(ring.y >= 0 && ring.y + ring.height <= 360, `${when}: the ring at ${ring.y}–${ring.y + ring.height} in a 360 px window`);
    return ring;
  };
  const ring = await whole("opened");
  const expertise = sideways.locator('#dell dialog .cs-entry[data-key="expertise"]');
  assert.ok((await expertise.boundingBox()).x >= ring.x + ring.width, "the legend beside the ring");
  await sideways.screenshot({ path: SHOTS + "dell-enlarged-sideways.png" });
  // The table whole, not squeezed into a box of its own (it had been 4 px tall), and what the
  // keyboard focuses kept below the head, as tall as it is in its column.
  const [table, rows, padding, head] = await sideways.locator("#dell dialog").evaluate((d) => {
    const table = d.querySelector(".cs-table");
    return [table.clientHeight, table.scrollHeight, parseFloat(d.style.scrollPaddingTop), d.querySelector(".cs-dialog-head").offsetHeight];
  });
  assert.ok(table > 150 && table >= rows - 1, `the table ${table} px tall for ${rows} px of rows`);
  assert.ok(head > 52 && padding === head, `scroll padding ${padding} px for a head ${head} px tall`);
  // Turned to a narrower window, the title wraps onto more lines: the padding follows.
  await sideways.setViewportSize({ width: 568, height: 320 });
  const turned = () =>
    sideways.locator("#dell dialog").evaluate((d) => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok([parseFloat(d.style.scrollPaddingTop), d.querySelector(".cs-dialog-head").offsetHeight])))));
  const [padding2, head2] = await turned();
  assert.ok(head2 > head && padding2 === head2, `turned: scroll padding ${padding2} px for a head ${head2} px tall`);
  // There, the ring's column leaves the other 260 px at least: the table's columns fit in it.
  const [tableWidth, tableNeeds] = await sideways.locator("#dell dialog .cs-table").evaluate((t) => [t.clientWidth, t.scrollWidth]);
  assert.ok(tableWidth >= 250 && tableNeeds <= tableWidth + 1, `the table ${tableWidth} px wide for ${tableNeeds} px`);
  await sideways.setViewportSize({ width: 740, height: 360 });
  await turned();
  // A tap on the ring (Expertise, from twelve o'clock) brings its list into view beside it.
  const [cx, cy, r] = [ring.x + ring.width / 2, ring.y + ring.height / 2, ring.width / 2 - 12];
  await sideways.touchscreen.tap(cx + r * 0.3, cy - r * 0.75);
  const list = await drillDown(sideways, "#dell dialog");
  await sideways.waitForFunction(() => {
    const d = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.querySelector("dialog");
    const [y, before] = [d.scrollTop, window.__top];
    window.__top = y;
    return y > 0 && y === before;
  }, null, { polling: 150, timeout: 5000 });
  const first = await list.locator("li").first().boundingBox();
  assert.ok(first.y >= 0 && first.y + first.height <= 360, `the list's first space at ${first.y}`);
  await sideways.locator("#dell dialog").evaluate((d) => (d.scrollTop = d.scrollHeight));
  await whole("scrolled to the list's end");
  const close = await sideways.getByRole("button", { name: "Fermer" }).boundingBox();
  assert.ok(close.y >= 0 && close.y + close.height <= 360, `Close at ${close.y}`);
  await sideways.evaluate(() => scrollBy(0, 900));
  await sideways.getByRole("button", { name: "Fermer" }).tap();
  // Once the dialog's close event has put the chart back.
  await sideways.waitForFunction(() => !document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.querySelector("dialog canvas"));
  assert.equal(await sideways.evaluate(() => scrollY), place);
  // Opened again, turned again: the padding follows the new head, not the first one.
  await enlarge.tap();
  await sideways.locator("#dell dialog[open]").waitFor();
  await sideways.setViewportSize({ width: 568, height: 320 });
  const [padding3, head3] = await turned();
  assert.ok(head3 > 52 && padding3 === head3, `reopened: scroll padding ${padding3} px for a head ${head3} px tall`);
});

test("the state is written to the URL fragment and restored on load", async () => {
  const page = await open(env, "/posts/dell.html");
  await ready(page, "#dell");
  await page.locator("#dell select").first().selectOption("platform");
  await page.locator('#dell .cs-entry[data-key="twitter"]').click();
  await page.getByRole("button", { name: "Masquer Blog" }).click();
  const url = page.url();
  assert.match(url, /#dell=g\.platform~h\.blog~s\.twitter$/);
  const again = await open(env, url.slice(url.indexOf("/posts")));
  await ready(again, "#dell");
  assert.equal(await again.locator("#dell select").first().inputValue(), "platform");
  const entries = await legend(again, "#dell");
  assert.equal(entries.find((e) => e.key === "twitter").pressed, true);
  assert.ok(!entries.some((e) => e.key === "blog"));
  assert.match(await again.locator("#dell .cs-drill-title").textContent(), /^Twitter : \d+ espaces$/);

  // "Other" too, whose key starts with the fields' separator.
  await again.locator("#dell select").first().selectOption("country");
  await again.locator('#dell .cs-entry[data-key="~other"]').click();
  const other = again.url();
  assert.match(other, /#dell=g\.country~s\.%7Eother$/);
  const third = await open(env, other.slice(other.indexOf("/posts")));
  await ready(third, "#dell");
  assert.equal((await legend(third, "#dell")).find((e) => e.key === "~other").pressed, true);
  assert.match(await third.locator("#dell .cs-drill-title").textContent(), /^Autres : \d+ espaces$/);
});

test("a page that routes with its fragment (#/…) keeps its route: the charts write no state there", async () => {
  const page = await open(env, "/posts/dell.html#/dell");
  await ready(page, "#dell");
  await page.locator("#dell select").first().selectOption("platform");
  await page.locator('#dell .cs-entry[data-key="twitter"]').click();
  assert.equal((await legend(page, "#dell")).find((e) => e.key === "twitter").pressed, true);
  assert.equal(await page.evaluate(() => location.hash), "#/dell");
  // The app's next route leaves the chart as it is.
  await page.evaluate(() => (location.hash = "#!/bt"));
  await page.waitForTimeout(50);
  assert.equal(await page.locator("#dell select").first().inputValue(), "platform");
  assert.equal(await page.evaluate(() => location.hash), "#!/bt");
  assert.deepEqual(page.problems, []);
});

test("regrouping clears the selection, with one event, and merging copies says the selection anew with its count", async () => {
  const page = await open(env, "/posts/dell.html");
  await ready(page, "#dell");
  const take = await recordSelects(page, "#dell");
  const events = async (atLeast) => (await take(atLeast)).map((d) => `${d.groupBy}:${d.key}:${d.count}`);
  await page.locator('#dell .cs-entry[data-key="communication"]').click();
  assert.deepEqual(await events(), ["theme:communication:16"]);
  // The department "Communication" would be other spaces under the same key: not the reader's.
  await page.locator("#dell select").first().selectOption("department");
  assert.deepEqual(await events(), ["department:null:0"]);
  // So from a link in the post, or Back: one event.
  await page.locator('#dell .cs-entry[data-key="communication"]').click();
  await page.evaluate(() => (location.hash = "#dell=g.platform"));
  assert.deepEqual(await events(2), ["department:communication:11", "platform:null:0"]);
  // Every copy counted: more spaces in the same group, said anew.
  await page.locator('#dell .cs-entry[data-key="twitter"]').click();
  await page.locator("#dell .cs-toggle").click();
  const [twitter, copies] = await events();
  assert.equal(twitter, "platform:twitter:20");
  assert.equal(copies, "platform:twitter:45");
  assert.match(await page.locator("#dell .cs-drill-title").textContent(), /^Twitter : 45 espaces/);
});

test("a group selected in an expanded Other is selected again from the link, Other still expanded", async () => {
  const page = await open(env, "/posts/dell.html");
  await ready(page, "#dell");
  await page.locator("#dell select").first().selectOption("platform");
  await page.locator('#dell .cs-tool[data-act="expand"]').click();
  await page.locator('#dell .cs-entry[data-key="podcast"]').click();
  assert.match(page.url(), /#dell=g\.platform~s\.podcast~o\.1$/);
  await page.reload();
  await ready(page, "#dell");
  assert.equal((await legend(page, "#dell")).find((e) => e.key === "podcast").pressed, true);
  assert.match(await page.locator("#dell .cs-drill-title").textContent(), /^Podcast/);
  assert.match(page.url(), /#dell=g\.platform~s\.podcast~o\.1$/);
  // Back to the page's own view: Other folded again.
  await page.evaluate(() => (location.hash = "#dell="));
  await page.locator('#dell .cs-entry[data-key="podcast"]').waitFor({ state: "detached" });
});

test("as bars on a phone, a long label gives way and its count stays whole", async () => {
  const page = await open(env, "/posts/dell.html#dell=c.bar", { viewport: { width: 360, height: 740 } });
  await ready(page, "#dell");
  const rows = await page.locator("#dell .cs-bars li").evaluateAll((lis) =>
    lis.map((li) => {
      const [label, count] = [li.firstElementChild, li.querySelector(".cs-count")];
      const [box, c] = [li.getBoundingClientRect(), count.getBoundingClientRect()];
      return { label: label.textContent, count: count.textContent, inside: c.left >= box.left && c.right <= box.right + 0.5, whole: count.scrollWidth <= count.clientWidth };
    }),
  );
  const long = rows.find((r) => r.label.startsWith("Communication"));
  assert.deepEqual([long.count, long.inside, long.whole], ["16", true, true]);
  for (const r of rows) assert.ok(r.inside && r.whole, JSON.stringify(r));
});

test("on a phone, a link in the post to a view of a chart taller than the screen shows it from its top", async () => {
  const page = await open(env, "/posts/dell.html", { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  await ready(page, "#dell");
  const tall = await page.locator("#dell").evaluate((f) => f.offsetHeight > innerHeight);
  assert.ok(tall);
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await page.evaluate(() => (location.hash = "#dell=d.0"));
  await page.waitForFunction(() => Math.abs(document.querySelector("#dell").getBoundingClientRect().top) < 2);
});

test("a page with a <base href> keeps its own address: the view goes into its fragment, and events still come", async () => {
  for (const base of ["/", "https://example.com/blog/"]) {
    const page = await open(env, "/posts/dell.html");
    await ready(page, "#dell");
    // Added once the page has loaded, so that its own files still load from it.
    await page.evaluate((href) => document.head.prepend(Object.assign(document.createElement("base"), { href })), base);
    const selected = await nextSelect(page, "#dell");
    await page.locator('#dell .cs-entry[data-key="support"]').click();
    assert.equal((await selected()).key, "support", base);
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).hash, "/posts/dell.html#dell=s.support", base);
    assert.deepEqual(page.problems, [], base);
  }
});

test("a page opened from a shared link keeps the link's settings in the URL as the reader goes on", async () => {
  // The figure's own settings: by theme, a donut, copies merged (data-dedupe).
  const page = await open(env, "/posts/dell.html#dell=g.platform~c.bar~d.0");
  await ready(page, "#dell");
  await page.locator('#dell .cs-entry[data-key="facebook"]').click();
  assert.match(page.url(), /#dell=g\.platform~c\.bar~d\.0~s\.facebook$/);
  // Back to the figure's own settings: nothing left to write for them.
  await page.locator("#dell select").nth(1).selectOption("donut");
  await page.locator("#dell .cs-toggle").click();
  await page.locator("#dell select").first().selectOption("theme");
  assert.match(page.url(), /\/posts\/dell\.html$/);
});

test("a link in the post to a view of the chart shows it, and Back returns to the view before", async () => {
  const page = await open(env, "/posts/dell.html");
  await ready(page, "#dell");
  await page.evaluate(() => {
    const links = [
      ["by-platform", "#dell=g.platform~h.blog~s.facebook"],
      ["bars", "#dell=c.bar"],
      ["elsewhere", "#other-chart=g.country"],
    ];
    for (const [id, href] of links) document.querySelector("main").prepend(Object.assign(document.createElement("a"), { id, href, textContent: id }));
    // Counts the hashchange events once the charts have handled them (listeners run in order).
    window.hashchanges = 0;
    addEventListener("hashchange", () => window.hashchanges++);
  });
  let changes = 0;
  /** Follows a link (or goes back) and waits until the charts have seen the new fragment. */
  const go = async (step) => {
    await step();
    await page.waitForFunction((n) => window.hashchanges >= n, ++changes);
  };
  const state = async () => ({
    groupBy: await page.locator("#dell select").first().inputValue(),
    chart: await page.locator("#dell select").nth(1).inputValue(),
    keys: (await legend(page, "#dell")).map((e) => e.key + (e.pressed ? "*" : "")),
    drill: await page.locator("#dell .cs-drill-title").count(),
  });
  await page.locator("#dell .cs-entry").first().click(); // the reader's own selection first
  await drillDown(page, "#dell"); // its drill-down, once the extras module is there
  const mine = await state();
  await go(() => page.locator("#by-platform").click());
  const linked = await state();
  assert.equal(linked.groupBy, "platform");
  assert.ok(linked.keys.includes("facebook*") && !linked.keys.some((k) => k.startsWith("blog")), linked.keys.join());
  assert.match(await page.locator("#dell .cs-drill-title").textContent(), /^Facebook : \d+ espaces$/);
  assert.match(await page.locator("#dell .cs-live").textContent(), /^Sélection : Facebook/, "the change is announced");
  // Settings the link leaves out are the figure's own: by theme, as a bar chart, nothing selected.
  await go(() => page.locator("#bars").click());
  assert.deepEqual({ ...(await state()), keys: undefined }, { groupBy: "theme", chart: "bar", keys: undefined, drill: 0 });
  // Back, twice: the platform view, then the reader's own.
  await go(() => page.goBack());
  assert.deepEqual(await state(), linked);
  await go(() => page.goBack());
  assert.deepEqual(await state(), mine);
  // A link to another chart's view leaves this one as it is, and its entry in the address.
  await go(() => page.locator("#elsewhere").click());
  assert.deepEqual(await state(), mine);
  assert.match(await page.evaluate(() => location.hash), /^#other-chart=g\.country&dell=s\.\w+$/);

  // Back to the post's own address (no fragment): the figure's own view again.
  const fresh = await open(env, "/posts/dell.html");
  await ready(fresh, "#dell");
  const own = await fresh.locator("#dell .cs-summary").textContent();
  await fresh.evaluate(() => document.querySelector("main").prepend(Object.assign(document.createElement("a"), { id: "twitter", href: "#dell=g.platform~d.0~s.twitter", textContent: "twitter" })));
  await fresh.locator("#twitter").click();
  await fresh.locator("#dell .cs-drill-title").waitFor();
  await fresh.goBack();
  await fresh.waitForFunction(() => location.hash === "");
  await fresh.locator("#dell .cs-drill-title").waitFor({ state: "detached" });
  assert.equal(await fresh.locator("#dell select").first().inputValue(), "theme");
  assert.equal(await fresh.locator("#dell .cs-summary").textContent(), own, "copies merged again");
});

test("a link to a view of the chart brings the chart into view, as a link to an anchor would", async () => {
  const viewport = { width: 900, height: 700 };
  const inView = () => {
    const top = document.querySelector("#dell").getBoundingClientRect().top;
    return top >= -1 && top < innerHeight / 2;
  };
  // A shared link: the page opens at the chart (706 px down, below the fold), not at the top.
  const shared = await open(env, "/posts/dell.html#dell=g.platform~s.twitter", { viewport });
  await shared.waitForSelector("#dell[data-channel-sprawl-ready]");
  await shared.waitForFunction(inView);
  // Without one, the page stays where it opened.
  const page = await open(env, "/posts/dell.html", { viewport });
  await page.waitForSelector("#dell[data-channel-sprawl-ready]");
  assert.equal(await page.evaluate(() => scrollY), 0);
  // A link in the post far from the chart: the chart comes into view with the view it names.
  await page.evaluate(() => (location.hash = "#dell=c.bar"));
  await page.waitForFunction(inView);
  assert.equal(await page.locator("#dell select").nth(1).inputValue(), "bar");
});

test("a link to an anchor of the page that carries a chart's view goes to the anchor, the view restored", async () => {
  // A reader followed `#notes` (a table of contents), then chose a view: the address they share is
  // `#notes&acme=…`, which names no element for the browser.
  const page = await open(env, "/test/blank.html#notes&acme=g.platform~s.twitter", { viewport: { width: 900, height: 700 } });
  const data = { company: "Acme", spaces: [{ name: "@Acme", platform: "Twitter", themes: ["support"] }, { name: "Acme page", platform: "Facebook", themes: ["promo"] }] };
  await page.evaluate((data) => {
    document.querySelector("#main").innerHTML = `<figure id="acme" data-channel-sprawl><script type="application/json">${JSON.stringify(data)}</script></figure>
      <div style="height: 2000px"></div><h2 id="notes">Notes</h2><div style="height: 2000px"></div>`;
  }, data);
  await page.waitForSelector("#acme[data-channel-sprawl-ready]", { state: "attached" });
  await page.waitForFunction(() => Math.abs(document.querySelector("#notes").getBoundingClientRect().top) < 2, null, { timeout: 5000 });
  assert.equal(await page.locator("#acme select").first().inputValue(), "platform");
  assert.deepEqual((await legend(page, "#acme")).filter((e) => e.pressed).map((e) => e.key), ["twitter"]);
  // A footnote's old-style anchor (`<a name>`), as the browser would find it.
  const named = await open(env, "/test/blank.html#fn1&acme=s.support", { viewport: { width: 900, height: 700 } });
  await named.evaluate((data) => {
    document.querySelector("#main").innerHTML = `<figure id="acme" data-channel-sprawl><script type="application/json">${JSON.stringify(data)}</script></figure>
      <div style="height: 2000px"></div><p><a name="fn1">1.</a> A note.</p><div style="height: 2000px"></div>`;
  }, data);
  await named.waitForSelector("#acme[data-channel-sprawl-ready]", { state: "attached" });
  await named.waitForFunction(() => Math.abs(document.querySelector("a[name=fn1]").getBoundingClientRect().top) < 2, null, { timeout: 5000 });
  // Not a name of something else (the page's <meta name="description">), not an anchor after
  // the chart's entry: the chart, as for a shared link to its view.
  for (const hash of ["#description&acme=s.support", "#acme=s.support&notes"]) {
    const other = await open(env, "/test/blank.html" + hash, { viewport: { width: 900, height: 700 } });
    await other.evaluate((data) => {
      document.head.append(Object.assign(document.createElement("meta"), { name: "description", content: "A page" }));
      document.querySelector("#main").innerHTML = `<div style="height: 1500px"></div><figure id="acme" data-channel-sprawl><script type="application/json">${JSON.stringify(data)}</script></figure>
        <div style="height: 2000px"></div><h2 id="notes">Notes</h2><div style="height: 2000px"></div>`;
    }, data);
    await other.waitForSelector("#acme[data-channel-sprawl-ready]", { state: "attached" });
    await other.waitForFunction(() => Math.abs(document.querySelector("#acme").getBoundingClientRect().top) < 2, null, { timeout: 5000 });
  }
});

test("a link cut short in the middle of an escape (%E0%A4%A) costs its own field only, not the chart", async () => {
  // Another figure's malformed entry, then this one's: its valid grouping holds, its selection
  // (malformed) is dropped; the chart is drawn, with no problem reported.
  const page = await open(env, "/posts/dell.html#x%E0%A4=s.y&dell=g.platform~s.%E0%A4%A");
  await ready(page, "#dell");
  assert.equal(await page.locator("#dell select").first().inputValue(), "platform");
  assert.equal((await legend(page, "#dell")).some((e) => e.pressed), false);
  // The same from a link in the page, after the load.
  await page.evaluate(() => (location.hash = "#dell=g.country~s.%E0"));
  await page.waitForFunction(() => document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.querySelector("select").value === "country");
  assert.deepEqual(page.problems, []);
});

test("a hidden group whose key has a comma stays hidden after a reload", async () => {
  const page = await open(env, "/test/blank.html");
  const data = { company: "Acme", spaces: ["Sales, EMEA", "Support", "R&D"].map((department, i) => ({ name: `s${i}`, platform: "blog", themes: ["t"], department })) };
  const mountAgain = () =>
    page.evaluate(async (data) => {
      const { mount } = await import("/channel-sprawl.js");
      document.querySelector("#acme")?.remove();
      const figure = Object.assign(document.createElement("figure"), { id: "acme" });
      document.body.append(figure);
      await mount(figure, data, { groupBy: "department" });
    }, data);
  await mountAgain();
  await page.getByRole("button", { name: "Hide Sales, EMEA" }).click();
  assert.match(page.url(), /#acme=h\.sales%252C%20emea$/);
  await mountAgain(); // reads the fragment again
  assert.deepEqual((await legend(page, "#acme")).map((e) => e.key), ["support", "r&d"]);
});

test("export: a PNG at twice the resolution, an SVG from the core renderer and a CSV of the current view", async () => {
  const page = await open(env, "/posts/dell.html", { acceptDownloads: true });
  await ready(page, "#dell");
  await page.locator("#dell select").first().selectOption("platform");
  await page.getByRole("button", { name: "Masquer Blog" }).click();
  const css = await page.locator("#dell canvas").boundingBox();

  const svgFile = await download(page, page.getByRole("button", { name: "Télécharger le graphique en image SVG" }));
  assert.equal(svgFile.name, "dell-platform.svg");
  const svg = svgFile.bytes.toString();
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    return { error: doc.querySelector("parsererror") !== null, root: doc.documentElement.tagName, texts: [...doc.querySelectorAll("text")].map((t) => t.textContent.trim()) };
  }, svg);
  assert.deepEqual([parsed.error, parsed.root], [false, "svg"]);
  assert.ok(parsed.texts.includes("Les espaces sociaux de Dell par plateforme"), parsed.texts.join(" | "));
  assert.ok(parsed.texts.some((t) => t === "Twitter"), "the legend is in the SVG");
  // What the reader sees: Blog, hidden, is neither drawn nor listed, and the summary counts it.
  assert.ok(!parsed.texts.includes("Blog"), parsed.texts.join(" | "));
  assert.match(parsed.texts.join(" "), /11 plateformes · 1 masqué /);

  // The PNG is that picture at twice its size (title and legend included), not the canvas alone.
  const png = await download(page, page.getByRole("button", { name: "Télécharger le graphique en image PNG" }));
  assert.equal(png.name, "dell-platform.png");
  const bytes = png.bytes;
  assert.equal(bytes.subarray(1, 4).toString(), "PNG");
  const size = svg.match(/<svg[^>]*width="(\d+)"[^>]*height="(\d+)"/).slice(1).map(Number);
  assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [size[0] * 2, size[1] * 2], "the SVG's picture at 2×");
  assert.ok(size[0] * 2 > css.width * 2, "wider than the canvas alone");

  // As a French spreadsheet reads one: a byte-order mark (accents), `;` between fields, `,` as
  // the decimal point.
  const text = (await download(page, page.getByRole("button", { name: "Télécharger les chiffres en CSV" }))).bytes.toString();
  assert.ok(text.startsWith("\ufeff"), "a byte-order mark");
  const rows = text.slice(1).trim().split("\r\n").map((r) => r.split(";").map((c) => c.slice(1, -1)));
  assert.deepEqual(rows[0], ["Groupe", "key", "Espaces", "Part"]);
  const entries = await legend(page, "#dell");
  assert.deepEqual(rows.slice(1).map((r) => [r[1], Number(r[2])]), entries.map((e) => [e.key, e.count]));
  assert.ok(rows.slice(1).every((r) => /^0,\d{4}$/.test(r[3])), rows.map((r) => r[3]).join());
  assert.ok(!rows.some((r) => r[1] === "blog"), "hidden groups are not exported");

  // By country, the SVG's legend names the countries as the widget's does, not by their codes.
  await page.locator("#dell select").first().selectOption("country");
  const countrySvg = (await download(page, page.getByRole("button", { name: "Télécharger le graphique en image SVG" }))).bytes.toString();
  const names = (await legend(page, "#dell")).map((e) => e.label);
  const written = [...countrySvg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].trim());
  assert.ok(names.includes("Royaume-Uni"), names.join());
  for (const name of names) assert.ok(written.includes(name), `${name} in the SVG's legend: ${written.join(" | ")}`);
  assert.ok(!written.includes("GB"));
});

test("the picture's ring is as large as the screen's: every count the screen writes on a segment, the picture writes too", async () => {
  const page = await open(env, "/posts/dell.html", { viewport: { width: 1100, height: 900 }, acceptDownloads: true });
  await ready(page, "#dell");
  assert.equal(Math.round((await page.locator("#dell canvas").boundingBox()).width), 340);
  const svg = (await download(page, page.getByRole("button", { name: "Télécharger le graphique en image SVG" }))).bytes.toString();
  // The segments' own labels: centred on them.
  const onSegments = [...svg.matchAll(/<text(?=[^>]*text-anchor="middle")(?=[^>]*dy="0.5ex")[^>]*>\s*([^<]*?)\s*<\/text>/g)].map((m) => m[1]);
  // Support client's 3, the smallest, has room on the screen's ring.
  assert.deepEqual(onSegments.sort(), (await legend(page, "#dell")).map((e) => String(e.count)).sort());
});

test("the last group shown cannot be hidden: its hide button is disabled", async () => {
  const page = await open(env, "/posts/bt.html");
  await ready(page, "#bt");
  const keys = (await legend(page, "#bt")).map((e) => e.key);
  for (const key of keys.slice(0, -1)) await page.locator(`#bt .cs-tool[data-act="hide"][data-key="${key}"]`).click();
  const last = page.locator(`#bt .cs-tool[data-act="hide"][data-key="${keys.at(-1)}"]`);
  assert.equal(await last.isDisabled(), true);
  assert.deepEqual((await legend(page, "#bt")).map((e) => e.key), keys.slice(-1), "one group still drawn");
  // Showing another enables it again.
  await page.locator(`#bt .cs-tool[data-act="hide"][data-key="${keys[0]}"]`).click();
  assert.equal(await last.isDisabled(), false);
});

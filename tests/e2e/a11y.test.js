// Accessibility: axe-core finds no violation on the demo pages and on the chart in each state
// (selected, table view, dialog open, dark); the keyboard alone does every task; the live region
// speaks; the accessible name summarises; the table's total equals the chart's.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { launch, open, ready, SHOTS, legend, nextSelect, canvasColors, pointAtAngle, hoverAtAngle, drillDown, splitWords } from "./browser.mjs";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
let env;
before(async () => (env = await launch()));
after(() => env.close());

async function axe(page, label) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  assert.deepEqual(summary, [], `${label}: axe violations`);
}

for (const path of ["/index.html", "/posts/dell.html", "/posts/bt.html", "/posts/comparaison.html", "/guide.html", "/csp-strict.html", "/hostile-theme.html", "/test/errors.html"]) {
  test(`axe: no violations on ${path}`, async () => {
    const page = await open(env, path, { bypassCSP: true }); // axe is injected as an inline script
    await page.waitForFunction(() => [...document.querySelectorAll("[data-channel-sprawl]")].every((f) => f.hasAttribute("data-channel-sprawl-ready") || f.hasAttribute("data-channel-sprawl-error")));
    await axe(page, path);
  });
}

for (const scheme of ["light", "dark"]) {
  test(`axe: no violations in each state of the Dell chart (${scheme})`, async () => {
    const page = await open(env, "/posts/dell.html", { colorScheme: scheme });
    await ready(page, "#dell");
    await page.evaluate(() => document.querySelector("#dell").channelSprawl.select("education"));
    await axe(page, "selected");
    await page.locator("#dell .cs-button", { hasText: "Tableau" }).click();
    await page.locator("#dell .cs-table tbody tr").first().waitFor(); // fetched on first use
    await axe(page, "table view");
    await page.locator("#dell .cs-button", { hasText: "Agrandir" }).click();
    await page.locator("#dell dialog[open]").waitFor();
    await axe(page, "dialog open");
    await page.screenshot({ path: `${SHOTS}dell-dialog-${scheme}.png` });
  });
}

test("keyboard only: tab to the chart, arrows, Enter, Escape, with live announcements", async () => {
  const page = await open(env, "/posts/dell.html");
  await ready(page, "#dell");
  const live = page.locator("#dell .cs-live");
  const canvas = page.locator("#dell canvas");
  // Focus order inside the widget: controls, then the chart, then the legend.
  await page.locator("#dell select").first().focus();
  const order = [];
  for (let i = 0; i < 9; i++) {
    await page.keyboard.press("Tab");
    order.push(await page.evaluate(() => {
      const host = document.querySelector("#dell [data-channel-sprawl-host]");
      const a = host.shadowRoot.activeElement;
      return a ? a.tagName.toLowerCase() + (a.className ? "." + a.className.split(" ")[0] : "") : "outside";
    }));
  }
  // grouping, chart type, dedupe, table, enlarge, PNG, SVG, CSV, then the chart and the legend.
  assert.deepEqual(order, ["select.cs-select", "button.cs-button", "button.cs-button", "button.cs-button", "button.cs-button", "button.cs-button", "button.cs-button", "canvas", "button.cs-entry"]);
  await canvas.focus();
  const name = await canvas.getAttribute("aria-label");
  // The grouping once: the title names it already.
  assert.match(name, /^Les espaces sociaux de Dell par thème : \d+ espaces\. Les plus grands : /);
  await page.keyboard.press("ArrowRight");
  assert.match(await live.textContent(), /^Éducation : \d+ espaces, \d+\s%/);
  const event = await nextSelect(page, "#dell");
  await page.keyboard.press("Enter");
  assert.equal((await event()).key, "education");
  assert.match(await live.textContent(), /^Sélection : Éducation, \d+ espaces, \d+\s%\.$/);
  await page.keyboard.press("End");
  await page.keyboard.press("Home");
  await page.keyboard.press("Escape");
  assert.equal(await live.textContent(), "Sélection effacée.");
  await page.locator("#dell").screenshot({ path: SHOTS + "dell-keyboard-focus.png" });

  // Group by with the keyboard: the select, then the announcement.
  await page.locator("#dell select").first().focus();
  await page.keyboard.press("ArrowDown");
  assert.match(await live.textContent(), /^Regroupé par plateforme : \d+ groupes\.$/);
});

test("Escape on a drill-down link clears the selection and puts the focus on the group's legend entry, not on the page", async () => {
  for (const [path, fig] of [
    ["/posts/dell.html", "#dell"],
    ["/posts/comparaison.html", "#comparaison"],
  ]) {
    const page = await open(env, path, { viewport: { width: 1100, height: 900 } });
    await ready(page, fig);
    await page.locator(`${fig} canvas`).first().focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    const link = (await drillDown(page, fig)).locator("a").first();
    await link.focus();
    const cleared = await nextSelect(page, fig);
    await page.keyboard.press("Escape");
    assert.equal((await cleared()).key, null);
    const focused = await page.evaluate((fig) => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a ? `${a.className} ${a.dataset.key ?? a.dataset.sharedKey}` : "none";
    }, fig);
    assert.equal(focused, "cs-entry education", `${path}: the focus after Escape`);
  }
});

test("the keyboard takes over from a pointer resting on the chart", async () => {
  const page = await open(env, "/posts/dell.html");
  await ready(page, "#dell");
  await hoverAtAngle(page, "#dell", 8); // resting on Expertise
  await page.locator("#dell canvas").focus();
  await page.keyboard.press("ArrowRight");
  assert.match(await page.locator("#dell .cs-live").textContent(), /^Éducation : \d+ espaces/);
  assert.match(await page.locator("#dell .cs-tooltip").textContent(), /^Éducation/);
});

test("the table's total equals the chart's", async () => {
  const page = await open(env, "/posts/dell.html");
  await ready(page, "#dell");
  await page.locator("#dell .cs-button", { hasText: "Tableau" }).click();
  await page.locator("#dell .cs-table tbody tr").first().waitFor(); // fetched on first use
  const rows = await page.locator("#dell .cs-table tbody tr").evaluateAll((trs) => trs.map((tr) => Number(tr.children[1].textContent.replace(/\s/g, ""))));
  const total = Number((await page.locator("#dell .cs-table tfoot td").first().textContent()).replace(/\s/g, ""));
  const entries = await legend(page, "#dell");
  assert.equal(total, rows.reduce((a, b) => a + b, 0));
  assert.equal(total, entries.reduce((a, e) => a + e.count, 0));
  // By theme, the total exceeds the spaces the centre counts (Dell's 62 once copies are merged):
  // the table says why.
  const centre = await page.locator("#dell .cs-center strong").textContent();
  assert.ok(total > Number(centre), `${total} > ${centre}`);
  const note = page.locator("#dell .cs-table .cs-note");
  assert.equal(await note.textContent(), `Un espace qui sert plusieurs thèmes compte dans chacun : ${total} pour ${centre} espaces. Les parts se rapportent aux ${centre} espaces.`);
  // Each share is of the spaces the centre counts (so by theme they add up to more than 100 %),
  // and the footer has none.
  const shares = await page.locator("#dell .cs-table tbody tr").evaluateAll((trs) => trs.map((tr) => Number(tr.children[2].textContent.replace(/\D/g, ""))));
  assert.deepEqual(shares, rows.map((n) => Math.round((100 * n) / Number(centre))));
  assert.equal(await page.locator("#dell .cs-table tfoot td").nth(1).textContent(), "");
  // The caption names the grouping once: the title already says "par thème".
  const caption = page.locator("#dell .cs-table caption");
  assert.equal(await caption.textContent(), "Les espaces sociaux de Dell par thème");
  // Regrouped, the title names the new grouping (it ended with the figure's own), and so does the
  // caption; the chart's accessible name too.
  await page.locator("#dell .cs-select").first().selectOption("platform");
  assert.equal(await page.locator("#dell .cs-title").textContent(), "Les espaces sociaux de Dell par plateforme");
  assert.equal(await caption.textContent(), "Les espaces sociaux de Dell par plateforme");
  assert.match(await page.locator("#dell canvas").getAttribute("aria-label"), /^Les espaces sociaux de Dell par plateforme : /);
  assert.equal(await note.count(), 0, "by platform, every space is in one group");
  assert.equal((await page.locator("#dell .cs-table tfoot td").nth(1).textContent()).replace(/\s/g, ""), "100%");
  // By country, one account's copies are in several countries: counted once in the centre, in
  // each country's group.
  await page.locator("#dell .cs-select").first().selectOption("country");
  assert.match(await note.textContent(), /^Les copies d’un même compte dans plusieurs groupes, comptées une fois en tout, comptent dans chacun : 97 pour 62 espaces\./);
});

test("reflows down to 320 px wide without horizontal scrolling", async () => {
  const page = await open(env, "/posts/dell.html", { viewport: { width: 320, height: 800 } });
  await ready(page, "#dell");
  const overflow = await page.evaluate(() => {
    const host = document.querySelector("#dell [data-channel-sprawl-host]");
    const box = host.shadowRoot.querySelector(".cs");
    return { page: document.documentElement.scrollWidth, widget: box.scrollWidth - box.clientWidth, canvas: host.shadowRoot.querySelector("canvas").getBoundingClientRect().width };
  });
  assert.ok(overflow.page <= 320, `page is ${overflow.page} px wide`);
  assert.equal(overflow.widget, 0);
  assert.ok(overflow.canvas > 200 && overflow.canvas <= 300, `canvas ${overflow.canvas}`);
  // The copies toggle's label wraps as a checkbox's does: every line starts beside the box.
  const lines = await page.evaluate(() => {
    const toggle = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.querySelector(".cs-toggle");
    const range = document.createRange();
    range.selectNodeContents(toggle);
    return [...range.getClientRects()].map((r) => Math.round(r.left));
  });
  assert.ok(lines.length >= 2, `the label wraps at 320 px: ${lines}`);
  assert.ok(lines.every((x) => Math.abs(x - lines[0]) <= 1), `lines start at ${lines}`);
  // And with everything a reader can open: the profile, the table, a drill-down.
  await page.locator("#dell .cs-profile summary").click();
  await page.locator("#dell .cs-profile dd").first().waitFor();
  await page.locator("#dell .cs-button", { hasText: "Tableau" }).click();
  await page.locator("#dell .cs-table tbody tr").first().waitFor();
  await page.locator('#dell .cs-entry[data-key="education"]').click();
  await page.locator("#dell .cs-drill li").first().waitFor();
  const opened = await page.evaluate(() => {
    const box = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.querySelector(".cs");
    return { page: document.documentElement.scrollWidth, widget: box.scrollWidth - box.clientWidth };
  });
  assert.deepEqual(opened, { page: 320, widget: 0 });
  await page.screenshot({ path: SHOTS + "dell-320.png", fullPage: true });
});

test("beside the ring, the legend's labels break between words, and a long legend starts level with the ring", async () => {
  // 600 px for the widget: room for the ring and the legend side by side only if the ring gives
  // up some width. Seven themes, the longest words 13 letters ("Communication").
  const page = await open(env, "/test/blank.html", { viewport: { width: 624, height: 900 } });
  const measure = (spaces) =>
    page.evaluate(async (spaces) => {
      const { mount } = await import("/channel-sprawl.js");
      document.querySelectorAll("figure").forEach((f) => (f.channelSprawl?.destroy(), f.remove()));
      const figure = document.createElement("figure");
      figure.id = "wide";
      figure.style.margin = "0";
      document.querySelector("main").append(figure);
      await mount(figure, { company: "Wide", spaces }, {});
      const root = figure.querySelector("[data-channel-sprawl-host]").shadowRoot;
      const box = (e) => e.getBoundingClientRect();
      const plot = box(root.querySelector(".cs-plot")), legend = box(root.querySelector(".cs-legend"));
      const body = box(root.querySelector(".cs-body"));
      const offCentre = Math.round(plot.left + plot.width / 2 - (body.left + body.width / 2));
      return { beside: legend.left >= plot.right, plot: Math.round(plot.width), topGap: Math.round(plot.top - legend.top), legendTaller: legend.height > plot.height, offCentre };
    }, spaces);
  const themes = ["support", "expertise", "education", "communication", "entertainment", "promotions", "hr"];
  const seven = await measure([{ name: "hub", platform: "forum", themes }]);
  assert.deepEqual(await splitWords(page, "#wide"), [], "words broken across lines");
  assert.ok(seven.beside, "legend beside the ring");
  assert.ok(seven.plot >= 240 && seven.plot < 340, `the ring gave up width: ${seven.plot} px`);
  // Thirty groups: a legend much taller than the ring, which stays at the top, level with it.
  const thirty = await measure(Array.from({ length: 60 }, (_, i) => ({ name: `s${i}`, platform: "blog", themes: [`theme${i % 30}`] })));
  assert.ok(thirty.legendTaller && thirty.beside);
  assert.equal(thirty.topGap, 0, "the ring is level with the legend's top");
  // Narrower, the legend goes under the ring, which is centred on its line.
  await page.setViewportSize({ width: 520, height: 900 });
  const under = await measure([{ name: "hub", platform: "forum", themes }]);
  assert.ok(!under.beside);
  assert.equal(under.offCentre, 0, "the ring alone on its line is centred");
});

test("on a phone zoomed in (260 to 320 px), the legend's names stay whole, its counts in line, each row's tools together", async () => {
  const page = await open(env, "/posts/dell.html", { viewport: { width: 260, height: 800 } });
  await ready(page, "#dell");
  // Hidden groups too: a row with one tool.
  await page.locator('#dell .cs-tool[data-act="hide"][data-key="hr"]').click();
  for (const width of [260, 280, 300, 320, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    assert.deepEqual(await splitWords(page, "#dell"), [], `${width} px: words broken across lines`);
    const rows = await page.locator("#dell .cs-item:has(.cs-tool)").evaluateAll((items) =>
      items.map((item) => {
        const [entry, ...tools] = [...item.children].map((e) => e.getBoundingClientRect());
        return { below: tools[0].top >= entry.bottom - 1, toolLines: new Set(tools.map((t) => Math.round(t.top))).size, count: Math.round(item.querySelector(".cs-count").getBoundingClientRect().right), least: Math.min(...tools.map((t) => Math.min(t.width, t.height))) };
      }),
    );
    assert.equal(rows.length, 9, "eight groups and a hidden one");
    assert.equal(new Set(rows.map((r) => r.below)).size, 1, `${width} px: every row's tools beside its name, or every row's under it`);
    assert.deepEqual(new Set(rows.map((r) => r.toolLines)), new Set([1]), `${width} px: a row's tools on one line`);
    assert.equal(new Set(rows.map((r) => r.count)).size, 1, `${width} px: counts in line`);
    assert.ok(rows.every((r) => r.least >= 24), "tools 24 px at least (WCAG 2.5.8)");
    if (width === 260) assert.ok(rows[0].below, "at 260 px, the tools under the names");
    if (width === 390) assert.ok(!rows[0].below, "at 390 px, beside them");
  }
});

test("the widget's text follows the reader's default text size (the browser's setting), not the page's; so do the counts on the ring", async () => {
  const page = await open(env, "/posts/dell.html");
  await ready(page, "#dell");
  // The counts drawn on the ring: its black pixels (the labels on its lighter segments; the
  // separators and the background are white).
  const ink = () =>
    page.locator("#dell canvas").evaluate((c) => {
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) n += d[i] < 24 && d[i + 1] < 24 && d[i + 2] < 24 && d[i + 3] > 200;
      return n;
    });
  const usualInk = await ink();
  const sizes = () =>
    page.evaluate(() => {
      const root = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot;
      const px = (s) => parseFloat(getComputedStyle(root.querySelector(s)).fontSize);
      return { label: px(".cs-label"), summary: px(".cs-summary"), title: px(".cs-title"), total: px(".cs-center strong") };
    });
  const usual = await sizes();
  assert.deepEqual(usual, { label: 15, summary: 13, title: 17, total: 30 });
  // A page that sets its own text small (a root of 10 px, and 12 px on everything, the widget's
  // element too), or the widget's font to the bare generic monospace, leaves it so.
  await page.addStyleTag({ content: "html { font-size: 10px } body, figure * { font-size: 12px !important } #dell { --channel-sprawl-font: monospace }" });
  assert.deepEqual(await sizes(), usual);
  // A reader who asked for larger text (20 px instead of 16) gets it in the widget too.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 20 } });
  await page.reload();
  await ready(page, "#dell");
  const { total, ...large } = await sizes();
  for (const [k, v] of Object.entries(large)) assert.ok(v >= usual[k] * 1.2, `${k}: ${v} px against ${usual[k]}`);
  assert.equal(total, 30, "the total in the hole keeps the ring's scale");
  // The counts on the ring at 1.25 times the size: about 1.56 times the ink.
  const largeInk = await ink();
  assert.ok(usualInk > 20 && largeInk > usualInk * 1.35, `the counts' ink: ${usualInk} px, then ${largeInk}`);
  // Much larger (32 px): the bars' names stay within their 28 px rows, accents and all.
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32 } });
  await page.reload();
  await ready(page, "#dell");
  await page.locator("#dell select").nth(1).selectOption("bar");
  const cut = await page.locator("#dell .cs-bars li > :first-child").evaluateAll((names) => names.filter((n) => n.scrollHeight > n.clientHeight).map((n) => n.textContent));
  assert.deepEqual(cut, []);
  await page.locator("#dell").screenshot({ path: SHOTS + "dell-large-text.png" });
});

test("right-to-left names keep their place in the English text around them", async () => {
  const page = await open(env, "/test/blank.html");
  const spaces = [
    { name: "حساب الدعم", platform: "تويتر", themes: ["support"], country: "SA" },
    { name: "@acme", platform: "blog", themes: ["support"] },
  ];
  const boxes = await page.evaluate(async (spaces) => {
    const { mount } = await import("/channel-sprawl.js");
    const figure = document.createElement("figure");
    document.querySelector("main").append(figure);
    await mount(figure, { company: "Acme", themes: [{ id: "support", label: "الدعم" }], spaces }, {});
    figure.channelSprawl.select("support");
    const root = figure.querySelector("[data-channel-sprawl-host]").shadowRoot;
    for (let i = 0; i < 100 && !root.querySelector(".cs-drill li"); i++) await new Promise((r) => setTimeout(r, 20));
    /** The box of `part` within `node`'s text. */
    const rect = (node, part) => {
      const text = node.nodeType === Node.TEXT_NODE ? node : node.firstChild;
      const range = document.createRange();
      const at = text.data.indexOf(part);
      range.setStart(text, at);
      range.setEnd(text, at + part.length);
      const r = range.getBoundingClientRect();
      return { left: Math.round(r.left), right: Math.round(r.right) };
    };
    const heading = root.querySelector(".cs-drill-title");
    const line = root.querySelector(".cs-drill li .cs-space");
    return {
      heading: heading.textContent,
      label: rect(heading, "الدعم"),
      count: rect(heading, "2"),
      name: line.querySelector(".cs-name").getBoundingClientRect().left,
      meta: line.querySelector(".cs-meta").getBoundingClientRect().left,
    };
  }, spaces);
  // "الدعم: 2 spaces": the label, then its count, left to right (not "2 الدعم: spaces").
  assert.ok(boxes.label.right <= boxes.count.left, JSON.stringify(boxes));
  // The name, then its platform (also Arabic) and country: not "تويتر حساب الدعم".
  assert.ok(boxes.name < boxes.meta, JSON.stringify(boxes));
});

test("printed: the chart, its legend and an open drill-down, without the controls", async () => {
  const page = await open(env, "/posts/dell.html");
  await ready(page, "#dell");
  await page.locator('#dell .cs-entry[data-key="support"]').click();
  await page.locator("#dell .cs-drill li").first().waitFor();
  const shown = () =>
    page.evaluate(() => {
      const root = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot;
      const seen = (selector) => [...root.querySelectorAll(selector)].some((e) => e.getClientRects().length > 0);
      const out = {};
      for (const s of [".cs-title", "canvas", ".cs-legend .cs-label", ".cs-drill li", ".cs-controls", ".cs-tool", ".cs-profile"]) out[s] = seen(s);
      return out;
    });
  const screen = await shown();
  assert.ok(Object.values(screen).every(Boolean), JSON.stringify(screen));
  await page.emulateMedia({ media: "print" });
  assert.deepEqual(await shown(), { ".cs-title": true, canvas: true, ".cs-legend .cs-label": true, ".cs-drill li": true, ".cs-controls": false, ".cs-tool": false, ".cs-profile": false });
  await page.locator("#dell").screenshot({ path: SHOTS + "dell-print.png" });
  // On paper, which is white, a reader in the dark scheme gets the light one; the legend's
  // swatches print though the browser prints no backgrounds by default.
  // (Media query listeners run at the next frame.)
  const scheme = (wanted) => page.waitForFunction((w) => document.querySelector("#dell [data-channel-sprawl-host]").dataset.scheme === w, wanted);
  await page.emulateMedia({ media: "screen", colorScheme: "dark" });
  await scheme("dark");
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  await scheme("light");
  const [corner] = await page.locator("#dell canvas").evaluate((c) => [...c.getContext("2d").getImageData(1, 1, 1, 1).data]);
  assert.ok(corner > 200 || corner === 0, `the canvas's corner ${corner}: white or transparent, not the dark scheme's`);
  assert.equal(await page.locator("#dell .cs-swatch").first().evaluate((s) => getComputedStyle(s).printColorAdjust), "exact");
  await page.emulateMedia({ media: "screen", colorScheme: "dark" });
  await scheme("dark");
  // Printed with the enlarged view open: the chart is printed in its post, the dialog closed.
  await page.getByRole("button", { name: "Agrandir" }).click();
  await page.locator("#dell dialog[open]").waitFor();
  await page.emulateMedia({ media: "print" });
  await page.locator("#dell dialog").waitFor({ state: "hidden" });
  assert.deepEqual(await shown(), { ".cs-title": true, canvas: true, ".cs-legend .cs-label": true, ".cs-drill li": true, ".cs-controls": false, ".cs-tool": false, ".cs-profile": false });
  assert.equal(await page.locator("#dell dialog canvas").count(), 0);
});

test("printed, a chart the reader never scrolled to is drawn too, at twice the screen's resolution", async () => {
  const page = await open(env, "/guide.html", { viewport: { width: 900, height: 400 } });
  await page.waitForSelector("#example[data-channel-sprawl-ready]");
  const canvas = () =>
    page.evaluate(() => {
      const c = document.querySelector("#example [data-channel-sprawl-host]").shadowRoot.querySelector("canvas");
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      for (let i = 3; i < d.length; i += 4) painted += d[i] > 0 ? 1 : 0;
      return { painted, ratio: c.width / c.getBoundingClientRect().width };
    });
  assert.equal((await canvas()).painted, 0, "below the fold, not drawn yet");
  // At twice the resolution (the media query's change comes a frame or two later), and drawn.
  const atRatio = (r) =>
    page.waitForFunction((r) => {
      const c = document.querySelector("#example [data-channel-sprawl-host]").shadowRoot.querySelector("canvas");
      return c.width === Math.round(r * c.getBoundingClientRect().width);
    }, r);
  await page.emulateMedia({ media: "print" });
  await atRatio(2);
  const printed = await canvas();
  assert.ok(printed.painted > 10000, `${printed.painted} pixels drawn`);
  // Back to the screen's resolution.
  await page.emulateMedia({ media: "screen" });
  await atRatio(1);
  // A chart in view prints at 2× too (the resolution media query's own change must not undo it).
  const inView = await open(env, "/posts/dell.html", { viewport: { width: 900, height: 1400 } });
  await ready(inView, "#dell");
  await inView.emulateMedia({ media: "print" });
  await inView.waitForFunction(() => {
    const c = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.querySelector("canvas");
    return c.width === 2 * c.clientWidth;
  });
  await inView.waitForTimeout(100);
  assert.equal(await inView.evaluate(() => {
    const c = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.querySelector("canvas");
    return c.width / c.clientWidth;
  }), 2, "still at 2× once the media queries settled");
});

test("200 % zoom: crisp canvas at twice the pixels, no overflow", async () => {
  const page = await open(env, "/posts/dell.html", { viewport: { width: 640, height: 900 }, deviceScaleFactor: 2 });
  await ready(page, "#dell");
  const sizes = await page.evaluate(() => {
    const c = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.querySelector("canvas");
    return { backing: c.width, css: c.getBoundingClientRect().width, page: document.documentElement.scrollWidth };
  });
  assert.equal(sizes.backing, Math.round(sizes.css * 2));
  assert.ok(sizes.page <= 640);
  // A page zoomed with CSS (zoom: 2 on <html>): the canvas's pixels as drawn, not as devicePixelRatio says.
  const zoomed = await open(env, "/posts/dell.html", { viewport: { width: 1280, height: 900 } });
  await zoomed.addStyleTag({ content: "html { zoom: 2 }" });
  await ready(zoomed, "#dell");
  // Drawn 2× its own CSS size (offsetWidth), as large as it shows (getBoundingClientRect).
  await zoomed.waitForFunction(() => {
    const c = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.querySelector("canvas");
    return c.width === Math.round(c.getBoundingClientRect().width) && c.width === 2 * c.offsetWidth;
  });
  // And after printing, still as drawn.
  await zoomed.emulateMedia({ media: "print" });
  await zoomed.emulateMedia({ media: "screen" });
  await zoomed.waitForTimeout(100);
  assert.equal(await zoomed.evaluate(() => {
    const c = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.querySelector("canvas");
    return c.width / c.offsetWidth;
  }), 2);
});

test("dark scheme: dark canvas, dark palette, still no axe violation; forced colours stay usable", async () => {
  const page = await open(env, "/posts/dell.html", { colorScheme: "dark" });
  await ready(page, "#dell");
  const colors = await canvasColors(page, "#dell");
  assert.ok(colors.has("#1c1c1e"), "dark background on the canvas");
  for (const e of await legend(page, "#dell")) assert.ok(colors.has(e.color), `${e.label} ${e.color}`);
  await page.locator("#dell").screenshot({ path: SHOTS + "dell-dark.png" });
  const forced = await open(env, "/posts/bt.html", { forcedColors: "active" });
  await ready(forced, "#bt");
  await forced.locator('#bt .cs-entry[data-key="support"]').click();
  await drillDown(forced, "#bt");
  assert.equal(await forced.locator("#bt .cs-drill").isVisible(), true);
  await axe(forced, "forced colours");
  await forced.locator("#bt").screenshot({ path: SHOTS + "bt-forced-colors.png" });
});

test("keyboard only: the other tasks of the interaction issue", async () => {
  const page = await open(env, "/posts/dell.html");
  await ready(page, "#dell");
  const live = page.locator("#dell .cs-live");
  const active = () => page.evaluate(() => document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.activeElement?.getAttribute("aria-label") || document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.activeElement?.textContent);
  // Dedupe with Space.
  // Its name is its label alone: the tick drawn when pressed is not read out (aria-pressed says it).
  const dedupe = page.getByRole("button", { name: "Compter une fois les copies par pays", exact: true });
  await dedupe.focus();
  await page.keyboard.press("Space");
  assert.match(await live.textContent(), /^Chaque espace compté : 97 espaces\.$/);
  assert.equal(await dedupe.getAttribute("aria-pressed"), "false");
  await page.keyboard.press("Enter");
  assert.match(await live.textContent(), /^Copies par pays comptées une fois : \d+ espaces\.$/);
  assert.equal(await dedupe.getAttribute("aria-pressed"), "true");
  // Hide a group from its legend tool with Enter, then bring it back: the focus goes from the
  // group's "hide" to its "show" and back (the legend is rebuilt each time).
  await page.getByRole("button", { name: "Masquer Conversation" }).focus();
  await page.keyboard.press("Enter");
  assert.match(await live.textContent(), /^Masqué : Conversation\.$/);
  assert.equal(await active(), "Afficher Conversation");
  await page.keyboard.press("Enter");
  assert.match(await live.textContent(), /^Affiché : Conversation\.$/);
  assert.equal(await active(), "Masquer Conversation");
  // Isolating keeps it on the group's "show only".
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  assert.equal(await active(), "Afficher seulement Conversation");
  assert.match(await live.textContent(), /^Seul groupe affiché : Conversation\.$/);
  await page.keyboard.press("Enter");
  assert.match(await live.textContent(), /^Tous les groupes affichés\.$/);
  // Select from the legend with Enter; the drill-down's links are reachable with Tab. Its close
  // button sends the focus back to the group's entry.
  await page.locator('#dell .cs-entry[data-key="support"]').focus();
  await page.keyboard.press("Enter");
  await page.locator("#dell .cs-drill").waitFor();
  await page.getByRole("button", { name: "Effacer la sélection" }).focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("#dell .cs-drill li").count(), 0);
  assert.match(await active(), /^Support client/);
  await page.keyboard.press("Enter");
  await page.locator("#dell .cs-drill li").first().waitFor();
  // Enlarge with Enter, close with Escape: focus comes back to the button.
  await page.getByRole("button", { name: "Agrandir" }).focus();
  await page.keyboard.press("Enter");
  await page.locator("#dell dialog[open]").waitFor();
  await page.keyboard.press("Escape"); // clears the selection (focus is on the chart)
  await page.keyboard.press("Escape"); // closes
  assert.equal(await page.locator("#dell dialog[open]").count(), 0);
  assert.equal(await active(), "Agrandir");
});

test("odd data on a narrow English page: unbroken words stay inside, tiny shares are <1%, one group is one, bars keep their width", async () => {
  const page = await open(env, "/test/blank.html", { viewport: { width: 320, height: 800 } });
  const long = "x".repeat(200);
  const result = await page.evaluate(async (long) => {
    const { mount } = await import("/channel-sprawl.js");
    const add = (id) => {
      const fig = document.createElement("figure");
      fig.id = id;
      document.querySelector("#main").append(fig);
      return fig;
    };
    const root = (fig) => fig.querySelector("[data-channel-sprawl-host]").shadowRoot;
    // 300 spaces: one theme of 1 (a third of a percent), one with a 200-letter name and platform.
    const spaces = Array.from({ length: 298 }, (_, i) => ({ name: `s${i}`, platform: "blog", themes: ["big"] }));
    spaces.push({ name: "tiny", platform: "blog", themes: ["tiny"] }, { name: "long", platform: long, themes: [long] });
    const a = add("odd");
    const handle = await mount(a, { company: "Acme", spaces }, { otherBelow: 0 });
    handle.select(long);
    while (!root(a).querySelector(".cs-drill:not([aria-busy]) .cs-spaces")) await new Promise((done) => setTimeout(done, 20)); // the drill-down's module
    const box = root(a).querySelector(".cs");
    const inside = [box.scrollWidth - box.clientWidth, document.documentElement.scrollWidth];
    const table = root(a).querySelector(".cs-button:not(.cs-toggle)"); // Table
    table.click();
    await new Promise((done) => setTimeout(done, 100));
    const tiny = [...root(a).querySelectorAll(".cs-table tbody tr")].find((r) => r.cells[0].textContent === "Tiny");
    // No departments: one group, "Not set".
    const select = root(a).querySelector("select");
    select.value = "department";
    select.dispatchEvent(new Event("change"));
    // Bars in a figure with the browser's default margins, and an Arabic label.
    const b = add("bars");
    await mount(b, { company: "Acme", spaces: [{ name: "a", platform: "blog", themes: ["خدمة العملاء"] }, { name: "b", platform: "blog", themes: ["Communication and events with the community"] }] }, { chart: "bar" });
    return {
      inside,
      tiny: tiny?.cells[2].textContent,
      said: root(a).querySelector(".cs-live").textContent,
      bars: root(b).querySelector("canvas").getBoundingClientRect().width,
      arabic: root(b).querySelector(".cs-bars li span").textContent,
    };
  }, long);
  assert.deepEqual(result.inside, [0, 320], "no sideways scroll from a 200-letter word");
  assert.equal(result.tiny, "<1%");
  assert.equal(result.said, "Grouped by department: 1 group.");
  assert.ok(result.bars > 80, `bars ${result.bars} px wide`);
  assert.ok(result.arabic.startsWith("\u2068") && result.arabic.endsWith("\u2069"), "the label isolated from its count");
  // 300 platforms of one space each: a concentration of 0.003, not "0".
  const hhi = await page.evaluate(async () => {
    const { mount } = await import("/channel-sprawl.js");
    const fig = document.createElement("figure");
    document.querySelector("#main").append(fig);
    await mount(fig, { company: "Acme", spaces: Array.from({ length: 300 }, (_, i) => ({ name: `s${i}`, platform: `p${i}`, themes: ["t"] })) });
    const root = fig.querySelector("[data-channel-sprawl-host]").shadowRoot;
    root.querySelector(".cs-profile summary").click();
    while (!root.querySelector(".cs-profile dd")) await new Promise((done) => setTimeout(done, 20));
    const dts = [...root.querySelectorAll(".cs-profile dt")];
    return dts.find((dt) => dt.textContent === "Concentration over platforms")?.nextElementSibling.textContent;
  });
  assert.equal(hhi, "<0.01 · sprawling");
  // A total of 100,000 in the hole of a 280 px ring: in a smaller type that fits.
  const big = await page.evaluate(async () => {
    const { mount } = await import("/channel-sprawl.js");
    const fig = document.createElement("figure");
    document.querySelector("#main").prepend(fig);
    await mount(fig, { company: "Acme", spaces: Array.from({ length: 100000 }, (_, i) => ({ name: `s${i}`, platform: "blog", themes: ["t"] })) });
    const root = fig.querySelector("[data-channel-sprawl-host]").shadowRoot;
    const total = root.querySelector(".cs-center strong").getBoundingClientRect().width;
    return { total, ring: root.querySelector("canvas").getBoundingClientRect().width };
  });
  assert.ok(big.total < big.ring * 0.58 * 0.9, `"100,000" ${big.total} px in a hole of ${big.ring * 0.58} px`);
});

test("the controls' edges stand out 3:1, the legend's counts line up, and on a phone the menus share a line and the tooltip takes the plot's width", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const page = await open(env, "/posts/dell.html#dell=g.platform", { colorScheme, viewport: { width: 320, height: 800 } });
    await ready(page, "#dell");
    const seen = await page.evaluate(() => {
      const root = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot;
      const rgb = (c) => c.match(/\d+/g).slice(0, 3).map(Number);
      const luminance = (c) => {
        const [r, g, b] = rgb(c).map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const ratio = (a, b) => {
        const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
        return (x + 0.05) / (y + 0.05);
      };
      const bg = getComputedStyle(root.querySelector(".cs")).backgroundColor;
      const edges = [...root.querySelectorAll(".cs-select, .cs-controls .cs-button:not(.cs-toggle)")].map((e) => ratio(getComputedStyle(e).borderTopColor, bg));
      const counts = [...root.querySelectorAll(".cs-legend .cs-count")].map((c) => Math.round(c.getBoundingClientRect().right));
      const menus = [...root.querySelectorAll(".cs-select")].map((e) => Math.round(e.getBoundingClientRect().top));
      return { least: Math.min(...edges), counts, rows: root.querySelectorAll(".cs-legend .cs-item").length, menus };
    });
    assert.equal(new Set(seen.menus).size, 1, `on a phone the two menus share a line: tops ${seen.menus}`);
    assert.ok(seen.least >= 3, `${colorScheme}: a control's edge at ${seen.least.toFixed(2)}:1`);
    assert.equal(new Set(seen.counts).size, 1, `${colorScheme}: counts' right edges ${seen.counts}`);
    assert.ok(seen.counts.length === seen.rows, "Other's row has its count too");
    // The tooltip at 320 px: the plot's width, not the room on one side of the pointer.
    const box = await page.locator("#dell canvas").boundingBox();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.15);
    const tip = page.locator("#dell .cs-tooltip");
    await tip.waitFor();
    const room = await tip.evaluate((e) => parseFloat(e.style.maxWidth));
    assert.ok(room >= box.width - 10, `tooltip up to ${room} px wide in a ${box.width} px plot`);
    const t = await tip.boundingBox();
    assert.ok(t.x >= box.x && t.x + t.width <= box.x + box.width, "inside the plot");
  }
});

test("the keys' help shows for the keyboard, not after a click and Escape, and keeps its place while the focus moves in the widget", async () => {
  const page = await open(env, "/posts/dell.html");
  await ready(page, "#dell");
  const help = async () =>
    page.evaluate(() => {
      const root = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot;
      const p = root.querySelector(".cs-help");
      return { height: Math.round(p.getBoundingClientRect().height), shown: getComputedStyle(p).visibility === "visible" && p.getBoundingClientRect().height > 1, widget: Math.round(root.querySelector(".cs").getBoundingClientRect().height) };
    });
  const hidden = await help();
  assert.equal(hidden.shown, false);
  // A click on a segment, then Escape (a key): still no help, and the widget keeps its height.
  const p = await pointAtAngle(page, "#dell", 45);
  await page.mouse.click(p.x, p.y);
  await page.locator("#dell .cs-drill-title").waitFor();
  await page.keyboard.press("Escape");
  await page.locator("#dell .cs-drill-title").waitFor({ state: "detached" });
  assert.deepEqual(await help(), hidden);
  // From the keyboard: Tab from the last control to the chart.
  await page.locator("#dell .cs-button", { hasText: "CSV" }).focus();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.activeElement?.tagName), "CANVAS");
  const shown = await help();
  assert.ok(shown.shown && shown.height > 10, JSON.stringify(shown));
  // On to the legend: the text goes, its place stays (a click there lands where the reader aimed).
  await page.keyboard.press("Tab");
  assert.deepEqual(await help(), { ...shown, shown: false });
  // Out of the widget: the place goes too.
  await page.locator("#dell .cs-entry").first().evaluate((b) => b.blur());
  assert.deepEqual(await help(), hidden);
});

test("in a comparison, the keys' help keeps its place while the focus goes on to the shared legend", async () => {
  const page = await open(env, "/posts/comparaison.html", { viewport: { width: 1200, height: 900 } });
  await page.waitForSelector("#comparaison[data-channel-sprawl-ready]");
  const canvas = page.locator("#comparaison canvas").first();
  await canvas.scrollIntoViewIfNeeded();
  await canvas.focus();
  await page.keyboard.press("ArrowRight"); // the keys: the help line shows
  const entry = page.locator("#comparaison [data-shared-key]").first();
  await entry.scrollIntoViewIfNeeded();
  const before = await entry.boundingBox();
  await page.mouse.move(before.x + 20, before.y + before.height / 2);
  await page.mouse.down();
  assert.deepEqual(await entry.boundingBox(), before, "the legend did not move under the pointer");
  await page.mouse.up();
  assert.equal(await entry.getAttribute("aria-pressed"), "true");
  // Once the focus leaves the comparison, no company keeps the help's place.
  await page.locator("h1").first().click();
  const kept = await page.evaluate(() =>
    [...document.querySelector("#comparaison [data-channel-sprawl-compare]").shadowRoot.querySelectorAll("[data-channel-sprawl-host]")].map((h) => h.shadowRoot.querySelector(".cs-help").getBoundingClientRect().height),
  );
  assert.ok(kept.every((h) => h <= 1), JSON.stringify(kept));
});

test("the enlarged chart is named and keeps its live region and keys' help; Escape dismisses a tooltip; the widget says its language", async () => {
  const page = await open(env, "/posts/dell.html");
  await ready(page, "#dell");
  // The widget's language on its host (a French chart on a French page here; it could differ).
  assert.equal(await page.locator("#dell [data-channel-sprawl-host]").getAttribute("lang"), "fr");
  await page.locator("#dell").getByRole("button", { name: "Agrandir" }).click();
  const dialog = page.locator("#dell dialog[open]");
  await dialog.waitFor();
  const inside = await page.evaluate(() => {
    const root = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot;
    const d = root.querySelector("dialog");
    return { live: d.contains(root.querySelector(".cs-live")), help: d.contains(root.querySelector(".cs-help")), title: root.getElementById(d.getAttribute("aria-labelledby"))?.closest("dialog") === d };
  });
  assert.deepEqual(inside, { live: true, help: true, title: true });
  assert.match(await dialog.ariaSnapshot(), /^- dialog "Les espaces sociaux de Dell par thème"/);
  // A selection inside the dialog is heard.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /^Sélection/.test(document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.querySelector("dialog .cs-live").textContent));
  await page.keyboard.press("Escape"); // clears the selection
  await page.keyboard.press("Escape"); // closes
  await dialog.waitFor({ state: "detached" }).catch(() => dialog.waitFor({ state: "hidden" }));
  // Back in place once the dialog's close event has run.
  await page.waitForFunction(() => !!document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.querySelector(".cs > .cs-live"));
  // The pointer's tooltip: Escape hides it, the pointer still on the segment.
  const box = await page.locator("#dell canvas").boundingBox();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.3);
  const tip = page.locator("#dell .cs-tooltip");
  await tip.waitFor();
  await page.keyboard.press("Escape");
  await tip.waitFor({ state: "hidden" });
});

test("after Show all or expanding Other, the focus goes to the legend's first entry, not to a control that took the button's place", async () => {
  const page = await open(env, "/posts/dell.html#dell=g.country");
  await ready(page, "#dell");
  await page.locator('#dell .cs-tool[data-act="expand"]').focus();
  await page.keyboard.press("Enter");
  const focused = () =>
    page.evaluate(() => {
      const root = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot;
      const a = root.activeElement;
      return a === root.querySelector(".cs-legend button") ? "first entry" : `${a?.className} ${a?.dataset.act ?? ""}`;
    });
  assert.equal(await focused(), "first entry");
});

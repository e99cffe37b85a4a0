// Comparing companies (SPEC §1): one chart per company side by side, on one scale (painted area
// proportional to the number of spaces), the same colour for a theme in every chart, and one set
// of controls and one selection for all.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, open, ready, SHOTS, legend, nextSelect, recordSelects, download, scrolled } from "./browser.mjs";

const count = (name) => JSON.parse(readFileSync(new URL(`../../www/data/${name}.json`, import.meta.url))).spaces.length;
let env;
before(async () => (env = await launch()));
after(() => env.close());

/** Painted (non-background) pixels of each canvas in the figure. */
function paintedAreas(page, figure) {
  return page.evaluate((sel) => {
    const outer = document.querySelector(sel).querySelector("[data-channel-sprawl-compare]").shadowRoot;
    return [...outer.querySelectorAll("[data-channel-sprawl-host]")].map((host) => {
      const c = host.shadowRoot.querySelector("canvas");
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      const [r0, g0, b0] = [d[0], d[1], d[2]];
      // Each pixel counts by how far it is from the background: anti-aliased edges count in part.
      // (A segment's colour is at least 3:1 from the background, so its distance is large.)
      let n = 0;
      for (let i = 0; i < d.length; i += 4) n += Math.min(1, (Math.abs(d[i] - r0) + Math.abs(d[i + 1] - g0) + Math.abs(d[i + 2] - b0)) / 180);
      return n;
    });
  }, figure);
}

/** What a chart's canvas has drawn: the box of its pixels unlike its corner's, in page pixels. */
function inked(canvas) {
  return canvas.evaluate((canvas) => {
    const { width, height } = canvas;
    const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
    const corner = data.slice(0, 4).join();
    let [top, bottom, left, right] = [height, 0, width, 0];
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        if (data.slice((y * width + x) * 4, (y * width + x) * 4 + 4).join() !== corner) [top, bottom, left, right] = [Math.min(top, y), Math.max(bottom, y), Math.min(left, x), Math.max(right, x)];
    const box = canvas.getBoundingClientRect();
    const k = box.width / width;
    return { top: box.top + top * k, bottom: box.top + bottom * k, left: box.left + left * k, right: box.left + right * k };
  });
}

/** Compares `datasets` in a new figure `#id` on the blank test page (`css`: the figure's style). */
function compareOnBlank(page, id, datasets, css = "") {
  return page.evaluate(
    async ([id, datasets, css]) => {
      const { mount } = await import("/channel-sprawl.js");
      const fig = document.createElement("figure");
      fig.id = id;
      fig.style.cssText = css;
      document.querySelector("#main").append(fig);
      await mount(fig, datasets);
    },
    [id, datasets, css],
  );
}

test("Dell and BT side by side: one scale, one colour per theme, one selection", async () => {
  const page = await open(env, "/posts/comparaison.html", { viewport: { width: 1100, height: 1000 } });
  await ready(page, "#comparaison");
  await page.waitForTimeout(100);
  const [dell, bt] = await paintedAreas(page, "#comparaison");
  const expected = count("bt") / count("dell");
  assert.ok(Math.abs(bt / dell - expected) / expected < 0.05, `area ratio ${(bt / dell).toFixed(4)} vs spaces ratio ${expected.toFixed(4)}`);

  const entries = await legend(page, "#comparaison");
  const colors = new Map();
  for (const e of entries) {
    if (colors.has(e.key)) assert.equal(e.color, colors.get(e.key), `${e.key} has one colour`);
    colors.set(e.key, e.color);
  }

  // One shared legend: every theme once, with each company's count.
  const shared = page.locator("#comparaison .cs-shared .cs-entry[data-shared-key]");
  assert.equal(await shared.count(), 9);
  assert.equal(await page.locator('#comparaison .cs-shared [data-shared-key="support"]').getAttribute("aria-label"), "Support client : Dell 9, BT 3");
  // A company without the group: 0 said, where "–" is shown.
  assert.equal(await page.locator('#comparaison .cs-shared [data-shared-key="education"]').getAttribute("aria-label"), "Éducation : Dell 16, BT 0");
  assert.equal(await page.locator("#comparaison .cs-legend:not(.cs-shared)").first().isHidden(), true);

  // Selecting a theme there selects it in both charts; each company sends its own event.
  const selected = await nextSelect(page, "#comparaison");
  await page.locator('#comparaison .cs-shared [data-shared-key="support"]').click();
  const first = await selected();
  assert.equal(first.key, "support");
  assert.equal(await page.locator('#comparaison .cs-shared [data-shared-key="support"]').getAttribute("aria-pressed"), "true");
  const titles = await page.locator("#comparaison .cs-drill-title").allTextContents();
  assert.deepEqual(titles, ["Support client : 9 espaces", "Support client : 3 espaces"]);
  // Said once, for both companies (not once per chart, without the company).
  const lives = () => page.evaluate(() => [...document.querySelector("[data-channel-sprawl-compare]").shadowRoot.querySelectorAll("[data-channel-sprawl-host]")].map((h) => h.shadowRoot.querySelector(".cs-live").textContent));
  const [said, silent] = await lives();
  assert.match(said, /^Sélection : Support client, Dell 9 espaces, 9\s%; BT 3 espaces, 50\s%\.$/);
  assert.equal(silent, "");
  // A theme only Dell has: BT's selection clears instead of keeping the old one.
  await page.locator('#comparaison .cs-shared [data-shared-key="education"]').click();
  assert.deepEqual(await page.locator("#comparaison .cs-drill-title").allTextContents(), ["Éducation : 16 espaces"]);
  assert.deepEqual((await lives()).map((t) => t.replace(/\s%/, " %")), ["Sélection : Éducation, Dell 16 espaces, 16 %.", ""]);

  // The profiles line up in one table, a column per company.
  const profile = await page.locator("#comparaison [data-channel-sprawl-compare] table").evaluate((t) => [...t.rows].map((r) => [...r.cells].map((c) => c.textContent)));
  assert.deepEqual(profile[0], ["", "Dell", "BT"]);
  assert.deepEqual(profile.find((r) => r[0] === "Réplication"), ["Réplication", "× 1,56", "× 1"]);
  assert.match(await page.locator("#comparaison [data-channel-sprawl-compare] .cs-notes li").first().textContent(), /^Réplication : Espaces par fonction distincte/);

  // One control regroups both.
  await page.locator("#comparaison select").first().selectOption("platform");
  const twitter = (await legend(page, "#comparaison")).filter((e) => e.key === "twitter").map((e) => e.count);
  assert.deepEqual(twitter, [45, 1]);
  // Dell's one microblog is under its 2 % threshold, but BT shows microblogs: Dell's chart keeps
  // it out of its Other, so the shared row counts it (it read "– · 2") and selecting it lights
  // Dell's segment too.
  const microblog = page.locator('#comparaison .cs-entry[data-shared-key="microblog"]');
  assert.equal((await microblog.locator(".cs-count").textContent()).replace(/\s/g, ""), "1·2");
  assert.ok((await legend(page, "#comparaison")).some((e) => e.key === "microblog" && e.count === 1), "a segment in Dell's chart");
  // More countries than the palette's ten colours: the shared legend dots a repeated colour, as
  // the rings do.
  // By department, groups only BT has reuse colours of Dell's: dotted in the legend's own order.
  for (const by of ["country", "department"]) {
    await page.locator("#comparaison select").first().selectOption(by);
    const dots = await page.locator("#comparaison .cs-entry[data-shared-key] .cs-swatch").evaluateAll((ss) =>
      ss.map((s) => [s.style.getPropertyValue("--swatch"), getComputedStyle(s).backgroundImage.includes("radial-gradient")]),
    );
    assert.ok(dots.length > 10, `${dots.length} groups by ${by}`);
    assert.deepEqual(dots.map(([, dotted]) => dotted), dots.map(([color], i) => dots.slice(0, i).some(([c]) => c === color)), by);
  }
  await page.locator("#comparaison select").first().selectOption("platform");
  await page.locator("#comparaison").screenshot({ path: SHOTS + "comparaison.png" });

  // Pointing at a shared entry emphasises that group in both charts: the others fade.
  const swatches = Object.fromEntries((await legend(page, "#comparaison")).map((e) => [e.key, e.color]));
  const painted = () =>
    page.evaluate(async (colors) => {
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      const hosts = document.querySelector("[data-channel-sprawl-compare]").shadowRoot.querySelectorAll("[data-channel-sprawl-host]");
      return [...hosts].map((host) => {
        const canvas = host.shadowRoot.querySelector("canvas");
        const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
        const seen = new Set();
        for (let i = 0; i < data.length; i += 4) seen.add("#" + [data[i], data[i + 1], data[i + 2]].map((c) => c.toString(16).padStart(2, "0")).join(""));
        return Object.keys(colors).filter((k) => seen.has(colors[k]));
      });
    }, swatches);
  await page.locator('#comparaison .cs-shared [data-shared-key="twitter"]').hover();
  assert.deepEqual(await painted(), [["twitter"], ["twitter"]]);
  await page.mouse.move(1, 1);
  assert.ok((await painted()).every((keys) => keys.length > 1));

  // Hiding a group from the shared legend with the keyboard: the focus follows it to its "show".
  const focused = () => page.evaluate(() => document.querySelector("[data-channel-sprawl-compare]").shadowRoot.activeElement?.getAttribute("aria-label"));
  await page.locator('#comparaison .cs-shared button[aria-label="Masquer Facebook"]').focus();
  await page.keyboard.press("Enter");
  assert.equal(await focused(), "Afficher Facebook");
  await page.keyboard.press("Enter");
  assert.equal(await focused(), "Masquer Facebook");
  assert.deepEqual(page.problems, []);
});

test("on a phone, a tap on the smaller ring shows its figures clear of it, and the larger ring's hole shows the same group's", async () => {
  const page = await open(env, "/posts/comparaison.html", { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  await ready(page, "#comparaison");
  const bt = page.locator("#comparaison canvas").nth(1);
  await bt.scrollIntoViewIfNeeded();
  // BT's ring, in page pixels.
  const ring = await inked(bt);
  const outer = (ring.bottom - ring.top) / 2;
  assert.ok(outer > 15 && outer < 80, `BT's ring is the smaller one: ${outer} px`);
  // A tap on its first segment (Expertise, from twelve o'clock). Where BT's chart is when its
  // select event goes, after Dell's list opened above it (before the page brings BT's own into
  // view): where the finger was.
  const at = () =>
    page.evaluate(() => document.querySelector("#comparaison [data-channel-sprawl-compare]").shadowRoot.querySelectorAll("[data-channel-sprawl-host]")[1].shadowRoot.querySelector("canvas").getBoundingClientRect().top);
  const tapped = await at();
  await page.evaluate(() => {
    const canvas = document.querySelector("#comparaison [data-channel-sprawl-compare]").shadowRoot.querySelectorAll("[data-channel-sprawl-host]")[1].shadowRoot.querySelector("canvas");
    document.querySelector("#comparaison").addEventListener("channel-sprawl:select", (e) => {
      if (e.detail.company === "BT") window.__btAt = canvas.getBoundingClientRect().top;
    });
  });
  const selected = await recordSelects(page, "#comparaison");
  await page.touchscreen.tap((ring.left + ring.right) / 2 + outer * 0.2, ring.top + outer * 0.15);
  const details = await selected(1);
  assert.deepEqual(details.map((d) => `${d.company} ${d.key}`), ["Dell expertise", "BT expertise"]);
  const kept = await page.evaluate(() => window.__btAt);
  assert.ok(Math.abs(kept - tapped) < 1, `BT's chart at ${kept} once selected, at ${tapped} when tapped`);
  const tip = page.locator("#comparaison .cs-tooltip:visible");
  await tip.waitFor();
  // Dell's drill-down opened above BT's chart, which stays in sight (it had been pushed 380 px
  // down, off the screen, with its tooltip); its tooltip on the screen, clear of the ring. (Once
  // the page has scrolled BT's own list into view, smoothly.)
  await scrolled(page);
  const [t, now] = [await tip.boundingBox(), await inked(bt)];
  assert.ok(now.top >= 0 && now.bottom <= 844, `BT's ring at ${now.top}–${now.bottom}`);
  assert.ok(t.y >= 0 && t.y + t.height <= 844, `the tooltip at ${t.y}–${t.y + t.height}`);
  assert.ok(t.y + t.height <= now.top || t.y >= now.bottom, `the tooltip (${t.y}–${t.y + t.height}) clear of the ring (${now.top}–${now.bottom})`);
  assert.match(await tip.textContent(), /^Expertise4 espaces/);
  // Dell's hole, where it has the room: the same group's figures.
  const dell = await page.locator("#comparaison .cs-center").first().evaluate((c) => [...c.children].map((e) => e.textContent).join(" ").replace(/\s/g, " "));
  assert.match(dell, /^Expertise 20 espaces · \d+ %$/);
  await page.locator("#comparaison").screenshot({ path: SHOTS + "comparaison-tap-390.png" });
  // Zoomed in further (250 px): the shared legend's rows within it, the page not wider than the screen.
  await page.setViewportSize({ width: 250, height: 700 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  assert.deepEqual(await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]), [250, 250]);
});

test("on a phone, a small ring's tooltip goes where the reader sees it: above the ring, clear of the list that opens under it, but below the ring at the top of the screen or just under the enlarged view's head", async () => {
  const page = await open(env, "/posts/comparaison.html", { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  await ready(page, "#comparaison");
  const bt = page.locator("#comparaison canvas").nth(1);
  const tip = page.locator("#comparaison .cs-tooltip:visible");
  // BT's canvas 5 px from the top of the screen, its title scrolled away; a tap on the ring's upper half.
  await page.evaluate(() => {
    const canvas = document.querySelector("#comparaison [data-channel-sprawl-compare]").shadowRoot.querySelectorAll("[data-channel-sprawl-host]")[1].shadowRoot.querySelector("canvas");
    scrollBy(0, canvas.getBoundingClientRect().top - 5);
  });
  let ring = await inked(bt);
  let r = (ring.bottom - ring.top) / 2;
  await page.touchscreen.tap((ring.left + ring.right) / 2 + r * 0.2, ring.top + r * 0.15);
  await tip.waitFor();
  let [t, now] = [await tip.boundingBox(), await inked(bt)];
  assert.ok(t.y >= 0 && t.y >= now.bottom, `below the ring (${now.top}–${now.bottom}), on the screen: ${t.y}–${t.y + t.height}`);
  // In the middle of the screen, a tap on the lower half: above the ring, where it hides
  // neither the ring nor the list that opens under it.
  await page.keyboard.press("Escape");
  await page.evaluate(() => scrollBy(0, -300));
  ring = await inked(bt);
  r = (ring.bottom - ring.top) / 2;
  await page.touchscreen.tap((ring.left + ring.right) / 2 - r * 0.2, ring.bottom - r * 0.15);
  await tip.waitFor();
  await scrolled(page);
  [t, now] = [await tip.boundingBox(), await inked(bt)];
  const list = await page.locator("#comparaison .cs-drill").nth(1).boundingBox();
  assert.ok(t.y >= 0 && t.y + t.height <= now.top && t.y + t.height <= list.y, `above the ring (${now.top}) and its list (${list.y}): ${t.y}–${t.y + t.height}`);
  // Enlarged on a phone held sideways, BT's ring just under the dialog's head: a tap on its
  // upper half, its figures under the ring, not under the head.
  await page.keyboard.press("Escape");
  await page.setViewportSize({ width: 568, height: 320 });
  await page.locator("#comparaison").getByRole("button", { name: "Agrandir" }).first().tap();
  const dialog = page.locator("#comparaison dialog[open]");
  await dialog.waitFor();
  const head = await dialog.evaluate((d) => {
    const canvas = d.querySelectorAll("[data-channel-sprawl-host]")[1].shadowRoot.querySelector("canvas");
    const head = d.querySelector(".cs-dialog-head").getBoundingClientRect().bottom;
    d.scrollTop += canvas.getBoundingClientRect().top - head;
    return d.querySelector(".cs-dialog-head").getBoundingClientRect().bottom;
  });
  ring = await inked(page.locator("#comparaison dialog canvas").nth(1));
  r = (ring.bottom - ring.top) / 2;
  await page.touchscreen.tap((ring.left + ring.right) / 2 + r * 0.2, ring.top + r * 0.15);
  const inDialog = page.locator("#comparaison dialog .cs-tooltip:visible");
  await inDialog.waitFor();
  [t, now] = [await inDialog.boundingBox(), await inked(page.locator("#comparaison dialog canvas").nth(1))];
  assert.ok(t.y >= head && t.y >= now.bottom, `below the ring (${now.top}–${now.bottom}) and the head (${head}): ${t.y}–${t.y + t.height}`);
  assert.deepEqual(page.problems, []);
});

test("stacked on a phone, the smaller company's chart is only as tall as its ring, on the same scale; side by side, its plot is square again", async () => {
  const page = await open(env, "/posts/comparaison.html", { viewport: { width: 390, height: 844 } });
  await ready(page, "#comparaison");
  const settle = () => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(ok)))));
  const canvases = page.locator("#comparaison canvas");
  const sizes = () => canvases.evaluateAll((cs) => cs.map((c) => [c.getBoundingClientRect().width, c.getBoundingClientRect().height]));
  const expected = count("bt") / count("dell");
  const scaled = async (when) => {
    const [dell, bt] = await paintedAreas(page, "#comparaison");
    assert.ok(Math.abs(bt / dell - expected) / expected < 0.05, `${when}: area ratio ${(bt / dell).toFixed(4)} vs spaces ratio ${expected.toFixed(4)}`);
  };
  const stacked = async () => {
    await settle();
    const [[dellWidth, dellHeight], [width, height]] = await sizes();
    assert.deepEqual([dellHeight, width], [dellWidth, dellWidth], "Dell's plot square, BT's as wide");
    // BT's canvas holds its ring and the core's margin (render::PAD, 12 px) around it, no more.
    const [ring, box] = [await inked(canvases.nth(1)), await canvases.nth(1).boundingBox()];
    const across = ring.bottom - ring.top;
    assert.ok(across > 40 && height <= Math.max(96, across + 2 * 12 + 3), `BT's plot ${height} px tall for a ring ${across} px across`);
    assert.ok(ring.top - box.y >= 8 && box.y + box.height - ring.bottom >= 8, `the ring (${ring.top}–${ring.bottom}) inside its canvas (${box.y}–${box.y + box.height})`);
    await scaled("stacked");
  };
  await stacked();
  await page.locator("#comparaison").screenshot({ path: SHOTS + "comparaison-stacked-390.png" });
  // Side by side: both plots square, the rings level (another test), the scale kept.
  await page.setViewportSize({ width: 1100, height: 900 });
  await settle();
  const [[dellWidth, dellHeight], [width, height]] = await sizes();
  assert.deepEqual([height, dellHeight], [width, dellWidth], "square plots side by side");
  await scaled("side by side");
  await page.setViewportSize({ width: 390, height: 844 });
  await stacked();
  assert.deepEqual(page.problems, []);
});

test("in the dark scheme, the shared legend and the profiles follow the charts", async () => {
  const page = await open(env, "/posts/comparaison.html", { viewport: { width: 1100, height: 1000 }, colorScheme: "dark" });
  await ready(page, "#comparaison");
  const backgrounds = () =>
    page.evaluate(() => {
      const outer = document.querySelector("#comparaison [data-channel-sprawl-compare]").shadowRoot;
      const bg = (el) => getComputedStyle(el).backgroundColor;
      return { chart: bg(outer.querySelector("[data-channel-sprawl-host]").shadowRoot.querySelector(".cs")), legend: bg(outer.querySelector(".cs-shared").parentElement) };
    });
  assert.deepEqual(await backgrounds(), { chart: "rgb(28, 28, 30)", legend: "rgb(28, 28, 30)" });
  // The reader's system switches to light: the charts and what they share switch together.
  await page.emulateMedia({ colorScheme: "light" });
  await page.waitForFunction(() => document.querySelector("#comparaison [data-channel-sprawl-compare]").dataset.scheme === "light");
  assert.deepEqual(await backgrounds(), { chart: "rgb(255, 255, 255)", legend: "rgb(255, 255, 255)" });
  await page.locator("#comparaison").screenshot({ path: SHOTS + "comparaison-light-after-dark.png" });
  assert.deepEqual(page.problems, []);
});

test("as bars too, one scale: BT's longest bar is to Dell's as 3 is to 45", async () => {
  const page = await open(env, "/posts/comparaison.html#comparaison=g.platform~c.bar", { viewport: { width: 1100, height: 1000 } });
  await ready(page, "#comparaison");
  // The longest bar of each chart, in CSS pixels: the painted run of its first row.
  const longest = await page.evaluate(async () => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const hosts = document.querySelector("#comparaison [data-channel-sprawl-compare]").shadowRoot.querySelectorAll("[data-channel-sprawl-host]");
    return [...hosts].map((h) => {
      const c = h.shadowRoot.querySelector("canvas");
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      const y = Math.round(12 * devicePixelRatio + 14 * devicePixelRatio); // the first row's middle
      const [r0, g0, b0] = [d[0], d[1], d[2]];
      let painted = 0;
      for (let x = 0; x < c.width; x++) {
        const i = (y * c.width + x) * 4;
        if (Math.abs(d[i] - r0) + Math.abs(d[i + 1] - g0) + Math.abs(d[i + 2] - b0) > 60) painted++;
      }
      return painted / devicePixelRatio / (c.width / devicePixelRatio);
    });
  });
  // Dell's Twitter (45) fills its row; BT's Forum (3) a fifteenth of its own, within a pixel or two.
  assert.ok(longest[0] > 0.8, `Dell ${longest[0]}`);
  assert.ok(Math.abs(longest[1] / longest[0] - 3 / 45) < 0.03, `BT ${longest[1]} against Dell ${longest[0]}`);
  assert.deepEqual(page.problems, []);
});

test("mount() with an array of datasets compares them", async () => {
  const page = await open(env, "/test/blank.html");
  const keys = await page.evaluate(async () => {
    const { mount } = await import("/channel-sprawl.js");
    const fig = document.createElement("figure");
    document.querySelector("#main").append(fig);
    const a = { company: "A", spaces: [{ name: "a", platform: "blog", themes: ["x"] }] };
    const b = { company: "B", spaces: [{ name: "b", platform: "blog", themes: ["x", "y"] }] };
    const handle = await mount(fig, [a, b]);
    const events = [];
    fig.addEventListener("channel-sprawl:select", (e) => events.push([e.detail.company, e.detail.key, e.detail.count]));
    handle.select("x");
    const selected = [...events];
    // The first chart's copies toggle drives both: it shows when either company has copies.
    const toggle = () => fig.querySelector("[data-channel-sprawl-compare]").shadowRoot.querySelector("[data-channel-sprawl-host]").shadowRoot.querySelector(".cs-toggle");
    const copies = [toggle().hidden];
    const b2 = { company: "B", spaces: [1, 2].map((n) => ({ name: `b${n}`, platform: "blog", themes: ["x"], function: "b" })) };
    await handle.update([a, b2]);
    copies.push(toggle().hidden);
    return { events: selected, copies };
  });
  assert.deepEqual(keys.events.sort(), [["A", "x", 1], ["B", "x", 1]]);
  assert.deepEqual(keys.copies, [true, false], "hidden without copies, shown when the second company has some");
});

test("side by side, the rings are level: the other charts keep their controls' band empty; on a line of their own, they drop it", async () => {
  const measure = (page) =>
    page.evaluate(() => {
      const outer = document.querySelector("#comparaison [data-channel-sprawl-compare]").shadowRoot;
      return [...outer.querySelectorAll("[data-channel-sprawl-host]")].map((host) => {
        const root = host.shadowRoot;
        const box = (el) => el.getBoundingClientRect();
        const canvas = box(root.querySelector("canvas"));
        const controls = root.querySelector(".cs-controls");
        const select = root.querySelector("select");
        select.focus();
        const focusable = root.activeElement === select;
        select.blur();
        return {
          left: canvas.left,
          middle: canvas.top + canvas.height / 2,
          controls: box(controls).height,
          shown: getComputedStyle(controls).visibility === "visible",
          focusable,
        };
      });
    });
  const wide = await open(env, "/posts/comparaison.html", { viewport: { width: 1100, height: 1000 } });
  await ready(wide, "#comparaison");
  const [dell, bt] = await measure(wide);
  assert.ok(bt.left > dell.left, "side by side");
  assert.ok(Math.abs(bt.middle - dell.middle) < 1, `ring centres at ${dell.middle} and ${bt.middle}`);
  // Still level after a regrouping (the copies toggle's row kept in BT's empty band).
  await wide.locator("#comparaison select").first().selectOption("platform");
  const [dellAfter, btAfter] = await measure(wide);
  assert.ok(Math.abs(btAfter.middle - dellAfter.middle) < 1, `after regrouping, ring centres at ${dellAfter.middle} and ${btAfter.middle}`);
  assert.deepEqual([dell.shown, dell.focusable, bt.shown, bt.focusable], [true, true, false, false], "only the first chart's controls are seen and reached");
  assert.equal(bt.controls, dell.controls);
  assert.deepEqual(wide.problems, []);

  const narrow = await open(env, "/posts/comparaison.html", { viewport: { width: 390, height: 900 } });
  await ready(narrow, "#comparaison");
  const stacked = await measure(narrow);
  assert.equal(stacked[1].left, stacked[0].left, "stacked");
  assert.equal(stacked[1].controls, 0, "no empty band under the second chart's title");
  assert.equal(stacked[1].focusable, false);
  await narrow.locator("#comparaison").screenshot({ path: SHOTS + "comparaison-390.png" });
  assert.deepEqual(narrow.problems, []);

  // Three companies on 800 px: two share the first line, level; the third wraps, without a band.
  const three = await open(env, "/test/blank.html", { viewport: { width: 800, height: 900 } });
  await three.evaluate(async () => {
    const { mount } = await import("/channel-sprawl.js");
    const [dell, bt] = await Promise.all(["dell", "bt"].map((n) => fetch(`/data/${n}.json`).then((r) => r.json())));
    const fig = document.createElement("figure");
    fig.id = "comparaison";
    document.querySelector("#main").append(fig);
    await mount(fig, [dell, bt, { ...bt, company: "BT bis" }]);
  });
  await three.waitForTimeout(100);
  const [a, b, c] = await measure(three);
  assert.ok(b.left > a.left && c.left === a.left, "two on the first line, the third below");
  assert.ok(Math.abs(b.middle - a.middle) < 1, `ring centres at ${a.middle} and ${b.middle}`);
  assert.equal(b.controls, a.controls);
  assert.equal(c.controls, 0, "no empty band on a line of its own");
  assert.deepEqual(three.problems, []);
});

test("a comparison enlarges as a whole: every company's chart, larger, with the shared legend; the focus stays in the dialog", async () => {
  const page = await open(env, "/posts/comparaison.html", { viewport: { width: 1100, height: 900 } });
  await ready(page, "#comparaison");
  const sizes = () => page.locator("#comparaison canvas").evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().width));
  const before = await sizes();
  await page.locator("#comparaison").getByRole("button", { name: "Agrandir" }).click();
  const dialog = page.locator("#comparaison dialog[open]");
  await dialog.waitFor();
  await page.waitForTimeout(100);
  assert.equal(await dialog.locator("canvas").count(), 2, "both companies' charts are in the dialog");
  const after = await sizes();
  for (const [i, w] of after.entries()) assert.ok(w > before[i] * 1.3, `chart ${i}: ${w} px enlarged, ${before[i]} in the post`);
  assert.equal(await dialog.locator(".cs-title").first().textContent(), "Dell · BT");
  const entries = dialog.locator(".cs-shared .cs-entry[data-shared-key]");
  assert.ok((await entries.count()) >= 9, "the shared legend is in the dialog");
  assert.equal(await dialog.getByRole("button", { name: "Agrandir" }).count(), 0, "no Enlarge button inside the enlarged view");
  // Select from the keyboard, then clear from the drill-down: the focus goes to the shared
  // legend's entry, in the dialog.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await dialog.getByRole("button", { name: "Effacer la sélection" }).first().focus();
  await page.keyboard.press("Enter");
  const focused = await page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return { tag: a.tagName, inDialog: !!a.closest("dialog"), key: a.dataset.sharedKey };
  });
  assert.deepEqual(focused, { tag: "BUTTON", inDialog: true, key: "expertise" });
  // A group only Dell has, selected; Escape on BT's chart clears it first, and keeps the dialog.
  await dialog.locator('.cs-shared .cs-entry[data-shared-key="education"]').click();
  await dialog.locator("canvas").nth(1).focus();
  await page.keyboard.press("Escape");
  assert.equal(await dialog.locator('.cs-shared .cs-entry[aria-pressed="true"]').count(), 0);
  assert.equal(await dialog.isVisible(), true);
  // Escape closes it: the charts go back to their size in the post, the focus to Enlarge.
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" }).catch(() => dialog.waitFor({ state: "hidden" }));
  // Once the dialog's close event has put everything back, the focus on Enlarge.
  await page.waitForFunction(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a?.textContent === "Agrandir";
  });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  assert.deepEqual(await sizes(), before);
  assert.equal(await page.locator("#comparaison .cs-shared .cs-entry").first().isVisible(), true);
  assert.deepEqual(page.problems, []);
});

test("a theme one company's dataset colours has that colour in every company's chart", async () => {
  const page = await open(env, "/test/blank.html");
  const p = { company: "P", themes: [{ id: "news", color: "#00ff00" }], spaces: [{ name: "p", platform: "blog", themes: ["news", "hr"] }] };
  const q = { company: "Q", spaces: [{ name: "q", platform: "twitter", themes: ["news"] }] };
  await compareOnBlank(page, "pq", [p, q]);
  const colors = await page.evaluate(() => {
    const fig = document.querySelector("#pq");
    const hosts = fig.querySelector("[data-channel-sprawl-compare]").shadowRoot.querySelectorAll("[data-channel-sprawl-host]");
    return [...hosts].map((h) => h.shadowRoot.querySelector('.cs-entry[data-key="news"] .cs-swatch').style.getPropertyValue("--swatch"));
  });
  assert.deepEqual(colors, ["#00ff00", "#00ff00"]);
  assert.deepEqual(page.problems, []);
});

test("a comparison's bars keep one scale whatever their labels, its centre total comes back after bars, and an expanded Other folds back", async () => {
  const page = await open(env, "/test/blank.html", { viewport: { width: 1000, height: 900 } });
  const seen = await page.evaluate(async () => {
    const { mount } = await import("/channel-sprawl.js");
    const fig = document.createElement("figure");
    document.querySelector("#main").append(fig);
    const spaces = (n, theme) => Array.from({ length: n }, (_, i) => ({ name: `${theme}${i}`, platform: "blog", themes: [theme] }));
    // Alpha: B 10 and 60 tiny themes (folded into Other); Beta: B 10 and a long label.
    const alpha = { company: "Alpha", spaces: [...spaces(10, "b"), ...Array.from({ length: 60 }, (_, i) => ({ name: `t${i}`, platform: "blog", themes: [`t${i}`] }))] };
    // Beta: B 10, a long label, and C 60: as bars, Alpha's longest is a sixth of the longest of all.
    const beta = { company: "Beta", spaces: [...spaces(10, "b"), ...spaces(2, "a-long-theme-label-that-takes-the-whole-label-column"), ...spaces(60, "c")] };
    const handle = await mount(fig, [alpha, beta]);
    const outer = fig.querySelector("[data-channel-sprawl-compare]").shadowRoot;
    const roots = [...outer.querySelectorAll("[data-channel-sprawl-host]")].map((h) => h.shadowRoot);
    const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const set = async (value) => {
      const select = roots[0].querySelectorAll("select")[1];
      select.value = value;
      select.dispatchEvent(new Event("change"));
      await frames();
    };
    await set("bar");
    // The painted run of B's row in each chart's canvas, in CSS pixels.
    const run = (root) => {
      const c = root.querySelector("canvas");
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      const rows = [...root.querySelectorAll(".cs-bars li")];
      const row = rows.findIndex((li) => li.textContent.startsWith("B "));
      const css = c.getBoundingClientRect().height;
      const y = Math.round((12 + ((row + 0.5) * (css - 24)) / rows.length) * devicePixelRatio);
      let painted = 0;
      for (let x = 0; x < c.width; x++) {
        const i = (y * c.width + x) * 4;
        if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 60) painted++;
      }
      return painted / devicePixelRatio;
    };
    const bars = roots.map(run);
    await set("donut");
    const centres = roots.map((r) => !r.querySelector(".cs-center").hidden);
    // Expand Alpha's Other from the shared legend, then fold it back from there.
    outer.querySelector('.cs-tool[data-act="expand"]').click();
    await frames();
    const fold = outer.querySelector('.cs-link[data-act="fold"]');
    fold?.click();
    await frames();
    return { bars, centres, fold: !!fold, folded: !!outer.querySelector('.cs-entry[data-shared-key="~other"]') };
  });
  assert.ok(Math.abs(seen.bars[0] - seen.bars[1]) <= 2, `B's bar: ${seen.bars.join(" and ")} px`);
  assert.deepEqual(seen.centres, [true, true], "both totals shown again as donuts");
  // A company whose bars are short (its largest group 1 against 12) but whose ring is not (10
  // spaces against 12): its total comes back in the hole after bars.
  const centre = await page.evaluate(async () => {
    const { mount } = await import("/channel-sprawl.js");
    const fig = document.createElement("figure");
    document.querySelector("#main").append(fig);
    const alpha = { company: "Alpha", spaces: Array.from({ length: 10 }, (_, i) => ({ name: `a${i}`, platform: "blog", themes: [`t${i}`] })) };
    const beta = { company: "Beta", spaces: Array.from({ length: 12 }, (_, i) => ({ name: `b${i}`, platform: "blog", themes: ["t"] })) };
    await mount(fig, [alpha, beta], { chart: "bar" });
    const root = fig.querySelector("[data-channel-sprawl-compare]").shadowRoot.querySelector("[data-channel-sprawl-host]").shadowRoot;
    const select = root.querySelectorAll("select")[1];
    select.value = "donut";
    select.dispatchEvent(new Event("change"));
    return !root.querySelector(".cs-center").hidden;
  });
  assert.equal(centre, true);
  assert.deepEqual([seen.fold, seen.folded], [true, true], "the shared legend folds Other back");
  assert.deepEqual(page.problems, []);
});

test("a comparison's exports hold every company: the pictures side by side on one scale, the figures a row per company and group", async () => {
  const page = await open(env, "/posts/comparaison.html#comparaison=g.platform", { viewport: { width: 1100, height: 1000 }, acceptDownloads: true });
  await ready(page, "#comparaison");
  const button = (name) => page.locator("#comparaison").getByRole("button", { name });
  const svg = (await download(page, button("Télécharger le graphique en image SVG"))).bytes.toString();
  const picture = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const root = doc.documentElement;
    return {
      error: doc.querySelector("parsererror") !== null,
      size: [root.getAttribute("width"), root.getAttribute("height")].map(Number),
      title: root.querySelector(":scope > title")?.textContent,
      columns: [...root.querySelectorAll(":scope > svg")].map((s) => ({ x: Number(s.getAttribute("x")), texts: [...s.querySelectorAll("text")].map((t) => t.textContent.trim()) })),
    };
  }, svg);
  assert.equal(picture.error, false);
  assert.equal(picture.title, "Les espaces sociaux de Dell par plateforme · Les espaces sociaux de BT par plateforme");
  assert.deepEqual(picture.columns.map((c) => c.x), [0, picture.size[0] / 2]);
  const [dell, bt] = picture.columns.map((c) => c.texts);
  assert.ok(dell.includes("Les espaces sociaux de Dell par plateforme") && dell.includes("Twitter"), dell.join(" | "));
  assert.ok(bt.includes("Les espaces sociaux de BT par plateforme") && bt.includes("Forum"), bt.join(" | "));
  // BT's ring, a sixteenth of Dell's area, has no room for its count (the widget hides it too).
  assert.ok(dell.includes("97") && !bt.includes("6"), bt.join(" | "));

  const png = (await download(page, button("Télécharger le graphique en image PNG"))).bytes;
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], picture.size.map((n) => n * 2), "the SVG's picture at 2×");

  const csv = (await download(page, button("Télécharger les chiffres en CSV"))).bytes.toString();
  const rows = csv.replace(/^\ufeff/, "").trim().split("\r\n").map((r) => r.split(";").map((c) => c.slice(1, -1)));
  assert.deepEqual(rows[0], ["Entreprise", "Groupe", "key", "Espaces", "Part"]);
  const shared = await page.locator("#comparaison .cs-shared .cs-entry[data-shared-key]").evaluateAll((bs) =>
    bs.map((b) => [b.dataset.sharedKey, b.querySelector(".cs-count").textContent.split(" · ")]),
  );
  const counts = (company, i) => shared.filter(([, c]) => c[i] !== "–").map(([key, c]) => [company, key, c[i]]).sort();
  assert.deepEqual(rows.slice(1).map((r) => [r[0], r[2], r[3]]).sort(), [...counts("Dell", 0), ...counts("BT", 1)].sort());
  assert.deepEqual(page.problems, []);
});

test("a comparison's picture has one scale whatever the screen's: three equal companies, one of them wrapped onto a wider line, are drawn alike", async () => {
  const page = await open(env, "/test/blank.html", { viewport: { width: 700, height: 900 }, acceptDownloads: true });
  const spaces = Array.from({ length: 10 }, (_, i) => ({ name: `s${i}`, platform: "blog", themes: [`t${i % 3}`] }));
  await compareOnBlank(page, "abc", ["A", "B", "C"].map((company) => ({ company, spaces })), "width: 620px; margin: 0");
  await page.locator("#abc canvas").first().waitFor();
  const widths = await page.locator("#abc canvas").evaluateAll((cs) => cs.map((c) => Math.round(c.getBoundingClientRect().width)));
  assert.ok(widths[2] > widths[0], `the third on a wider line: ${widths}`);
  const svg = (await download(page, page.locator("#abc").getByRole("button", { name: "Download the chart as an SVG image" }))).bytes.toString();
  const rings = await page.evaluate((text) => {
    const root = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
    // Each column's segments, relative to its own column.
    return [...root.querySelectorAll(":scope > svg")].map((col) => [...col.querySelectorAll("path, polygon, polyline, circle")].map((p) => p.getAttribute("d") ?? p.getAttribute("points") ?? p.getAttribute("r")).join(" "));
  }, svg);
  assert.equal(rings.length, 3);
  assert.ok(rings[0].length > 100, rings[0]);
  assert.equal(rings[2], rings[0]);
  assert.equal(rings[1], rings[0]);
});

test("hiding and isolating act on every company alike: a group one company lacks, shown alone, leaves that company's chart empty, and the address says so", async () => {
  const page = await open(env, "/posts/comparaison.html#comparaison=g.platform", { viewport: { width: 1100, height: 1000 } });
  await ready(page, "#comparaison");
  const state = () =>
    page.evaluate(() => {
      const outer = document.querySelector("#comparaison [data-channel-sprawl-compare]").shadowRoot;
      const roots = [...outer.querySelectorAll("[data-channel-sprawl-host]")].map((h) => h.shadowRoot);
      return {
        drawn: roots.map((r) => [...r.querySelectorAll(".cs-legend .cs-item:not(.is-hidden) .cs-entry[data-key]")].map((b) => b.dataset.key)),
        note: roots.map((r) => (r.querySelector(".cs-center").hidden ? "" : r.querySelector(".cs-center").textContent)),
        shown: [...outer.querySelectorAll(".cs-shared .cs-entry[data-shared-key]")].map((b) => b.dataset.sharedKey),
        hidden: [...outer.querySelectorAll(".cs-shared .is-hidden .cs-label")].map((s) => s.textContent),
        hash: location.hash,
      };
    });
  // BT has no Facebook page: Facebook alone leaves BT's chart with no group, and says so.
  await page.locator("#comparaison").getByRole("button", { name: "Afficher seulement Facebook" }).click();
  const alone = await state();
  assert.deepEqual(alone.drawn, [["facebook"], []]);
  assert.deepEqual(alone.note, ["17espaces sur 97", "Aucun des groupes affichés"]);
  assert.deepEqual(alone.shown, ["facebook"]);
  assert.ok(alone.hidden.includes("Twitter") && alone.hidden.includes("Forum"), alone.hidden.join());
  assert.equal(new Set(alone.hidden).size, alone.hidden.length, "each hidden group listed once");
  assert.equal(alone.hash, "#comparaison=g.platform~v.facebook");
  // The last group shown cannot be hidden (no company's chart would hide it), as in one chart.
  assert.equal(await page.locator("#comparaison").getByRole("button", { name: "Masquer Facebook" }).isDisabled(), true);
  // The link restores it for both companies.
  await page.reload();
  await ready(page, "#comparaison");
  assert.deepEqual(await state(), alone);
  // Isolating it again shows every group of both.
  await page.locator("#comparaison").getByRole("button", { name: "Afficher seulement Facebook" }).click();
  const all = await state();
  assert.deepEqual(all.hidden, []);
  assert.ok(all.drawn[1].includes("twitter") && all.drawn[1].includes("forum"));
  assert.equal(all.hash, "#comparaison=g.platform");
  // Facebook alone, then Blog (Dell's too) alone: BT still shows none, and the address says so.
  await page.locator("#comparaison").getByRole("button", { name: "Afficher seulement Facebook" }).click();
  await page.locator("#comparaison").getByRole("button", { name: "Afficher Blog" }).click();
  await page.locator("#comparaison").getByRole("button", { name: "Afficher seulement Blog" }).click();
  const blog = await state();
  assert.deepEqual(blog.drawn, [["blog"], []]);
  assert.equal(blog.hash, "#comparaison=g.platform~v.blog");
  await page.reload();
  await ready(page, "#comparaison");
  assert.deepEqual((await state()).drawn, [["blog"], []]);
  assert.deepEqual(page.problems, []);
});

test("a comparison keeps its expanded Other in the address: a group selected in it is there again from the link", async () => {
  const page = await open(env, "/posts/comparaison.html#comparaison=g.platform", { viewport: { width: 1100, height: 1000 } });
  await ready(page, "#comparaison");
  await page.locator("#comparaison").getByRole("button", { name: "Détailler le groupe Autres" }).click();
  assert.match(page.url(), /#comparaison=g\.platform~o\.1$/);
  await page.locator('#comparaison .cs-shared .cs-entry[data-shared-key="flickr"]').click();
  await page.locator("#comparaison").getByRole("button", { name: "Masquer LinkedIn" }).click();
  assert.match(page.url(), /~o\.1$/);
  await page.reload();
  await ready(page, "#comparaison");
  assert.equal(await page.locator('#comparaison .cs-shared .cs-entry[data-shared-key="flickr"]').getAttribute("aria-pressed"), "true");
  assert.deepEqual(page.problems, []);
});

test("regrouping a comparison clears its selection with one event per company", async () => {
  const page = await open(env, "/posts/comparaison.html");
  await ready(page, "#comparaison");
  const take = await recordSelects(page, "#comparaison");
  const events = async () => (await take()).map((d) => `${d.company}:${d.groupBy}:${d.key}`).sort();
  await page.locator('#comparaison .cs-shared .cs-entry[data-shared-key="expertise"]').click();
  assert.deepEqual(await events(), ["BT:theme:expertise", "Dell:theme:expertise"]);
  // Each in the new grouping.
  await page.locator("#comparaison select").first().selectOption("platform");
  assert.deepEqual(await events(), ["BT:platform:null", "Dell:platform:null"]);
});

test("the shared legend's × is disabled where no company's chart would hide its group, and Escape on it clears a selection", async () => {
  const page = await open(env, "/test/blank.html", { viewport: { width: 1000, height: 900 } });
  const p = { company: "P", spaces: [{ name: "p1", platform: "blog", themes: ["a"] }, { name: "p2", platform: "blog", themes: ["b"] }] };
  const q = { company: "Q", spaces: [{ name: "q1", platform: "blog", themes: ["b"] }, { name: "q2", platform: "blog", themes: ["c"] }] };
  await compareOnBlank(page, "pq", [p, q]);
  await page.locator("#pq").getByRole("button", { name: "Hide B" }).click();
  // P shows A alone, Q shows C alone: neither can go.
  assert.equal(await page.locator("#pq").getByRole("button", { name: "Hide A" }).isDisabled(), true);
  assert.equal(await page.locator("#pq").getByRole("button", { name: "Hide C" }).isDisabled(), true);
  await page.locator("#pq").getByRole("button", { name: "Show B" }).click();
  assert.equal(await page.locator("#pq").getByRole("button", { name: "Hide A" }).isDisabled(), false);
  // Escape on a shared legend entry clears the selection made there.
  const entry = page.locator('#pq .cs-shared .cs-entry[data-shared-key="b"]');
  await entry.click();
  assert.equal(await entry.getAttribute("aria-pressed"), "true");
  await page.keyboard.press("Escape");
  assert.equal(await entry.getAttribute("aria-pressed"), "false");
  assert.deepEqual(page.problems, []);
});

test("a group only the second company has is hidden and shown again from the shared legend", async () => {
  const page = await open(env, "/test/blank.html", { viewport: { width: 1000, height: 900 } });
  const p = { company: "P", spaces: [{ name: "p", platform: "blog", themes: ["news"] }] };
  const q = { company: "Q", spaces: [{ name: "q", platform: "blog", themes: ["news"] }, { name: "r", platform: "blog", themes: ["hr"] }] };
  await compareOnBlank(page, "pq", [p, q]);
  const hrDrawn = () => page.locator("#pq").evaluate((fig) => {
    const roots = [...fig.querySelector("[data-channel-sprawl-compare]").shadowRoot.querySelectorAll("[data-channel-sprawl-host]")].map((h) => h.shadowRoot);
    return roots[1].querySelector('.cs-legend .cs-item:not(.is-hidden) .cs-entry[data-key="hr"]') !== null;
  });
  assert.equal(await hrDrawn(), true);
  await page.locator("#pq").getByRole("button", { name: "Hide Hr" }).click();
  assert.equal(await hrDrawn(), false);
  await page.locator("#pq").getByRole("button", { name: "Show Hr" }).click();
  assert.equal(await hrDrawn(), true);
  assert.deepEqual(page.problems, []);
});

test("a company whose data has a problem says so in its column, and the others are still compared", async () => {
  const page = await open(env, "/test/blank.html", { viewport: { width: 1000, height: 900 } });
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const good = (company) => ({ company, spaces: [{ name: "a", platform: "blog", themes: ["news"] }, { name: "b", platform: "forum", themes: ["hr"] }] });
  await compareOnBlank(page, "broken", [{ company: "Broken", spaces: [{ name: "x", platform: "blog", themes: [] }] }, good("Good"), good("AlsoGood")]);
  const seen = await page.evaluate(() => {
    const fig = document.querySelector("#broken");
    const outer = fig.querySelector("[data-channel-sprawl-compare]").shadowRoot;
    const roots = [...outer.querySelectorAll("[data-channel-sprawl-host]")].map((h) => h.shadowRoot);
    return {
      ready: fig.hasAttribute("data-channel-sprawl-ready"),
      alerts: roots.map((r) => r.querySelector('[role="alert"] li')?.textContent ?? null),
      canvases: roots.map((r) => r.querySelector("canvas") !== null),
      // The first company drawn has the controls; the next keeps their band, inert.
      controls: roots.map((r) => (r.querySelector(".cs-controls") ? !r.querySelector(".cs-controls").inert : null)),
      legend: [...outer.querySelectorAll(".cs-shared .cs-count")].map((c) => c.textContent),
    };
  });
  assert.deepEqual(seen, {
    ready: true,
    alerts: ["[0].spaces[0].themes: a space needs at least one theme", null, null],
    canvases: [false, true, true],
    controls: [null, true, false],
    legend: ["1 · 1", "1 · 1"],
  });
  assert.ok(errors.some((e) => e.includes("[0].spaces[0].themes")), errors.join("\n"));
});

test("a link to a group only the second company has selects it there, and select events name the group last", async () => {
  const page = await open(env, "/posts/comparaison.html#comparaison=g.department~s.service%20client", { viewport: { width: 1100, height: 1000 } });
  await ready(page, "#comparaison");
  const pressed = () => page.locator("#comparaison .cs-shared .cs-entry[aria-pressed=true]").evaluateAll((bs) => bs.map((b) => b.dataset.sharedKey));
  assert.deepEqual(await pressed(), ["service client"]);
  assert.equal(await page.evaluate(() => location.hash), "#comparaison=g.department~s.service%20client");
  // Back to themes; a selection both have, then one only Dell has: BT's clearing comes first.
  await page.locator("#comparaison select").first().selectOption("theme");
  const events = await page.evaluate(() => {
    const fig = document.querySelector("#comparaison");
    const seen = [];
    fig.addEventListener("channel-sprawl:select", (e) => seen.push(`${e.detail.company}:${e.detail.key}`));
    fig.channelSprawl.select("expertise");
    seen.push("|");
    const has = fig.channelSprawl.select("education");
    return [...seen, has];
  });
  assert.deepEqual(events, ["Dell:expertise", "BT:expertise", "|", "BT:null", "Dell:education", true]);
  assert.deepEqual(page.problems, []);
});

test("a comparison's table shows every company's, its profiles are one table, and regrouping announces every company's groups", async () => {
  const page = await open(env, "/posts/comparaison.html", { viewport: { width: 1100, height: 1000 } });
  await ready(page, "#comparaison");
  const roots = (fn) =>
    page.evaluate((body) => {
      const outer = document.querySelector("#comparaison [data-channel-sprawl-compare]").shadowRoot;
      return [...outer.querySelectorAll("[data-channel-sprawl-host]")].map((h) => new Function("r", body)(h.shadowRoot));
    }, fn);
  assert.deepEqual(await roots("return r.querySelector('.cs-profile').hidden"), [true, true], "no profile per company: one table below");
  await page.locator("#comparaison").getByRole("button", { name: "Tableau" }).click();
  await page.waitForFunction(() => {
    const outer = document.querySelector("#comparaison [data-channel-sprawl-compare]").shadowRoot;
    return [...outer.querySelectorAll("[data-channel-sprawl-host]")].every((h) => h.shadowRoot.querySelector(".cs-table tbody tr"));
  });
  assert.deepEqual(await roots("return r.querySelectorAll('.cs-table tbody tr').length"), [9, 5]);
  await page.locator("#comparaison select").first().selectOption("department");
  assert.deepEqual(await roots("return r.querySelector('.cs-profile').hidden"), [true, true], "nor after regrouping");
  const said = await roots("return r.querySelector('.cs-live').textContent");
  const shared = await page.locator("#comparaison .cs-shared .cs-entry[data-shared-key]").count();
  assert.equal(said[0], `Regroupé par service : ${shared} groupes.`);
  assert.deepEqual(await roots("return r.querySelectorAll('.cs-table tbody tr').length > 0"), [true, true], "the tables follow the grouping");
  assert.deepEqual(page.problems, []);
});

test("one scale whatever each chart's size: a company wrapped onto a line of its own, with a larger canvas, is drawn as large as the others", async () => {
  const page = await open(env, "/test/blank.html", { viewport: { width: 1100, height: 900 } });
  const same = (company) => ({ company, spaces: Array.from({ length: 50 }, (_, i) => ({ name: `s${i}`, platform: "blog", themes: [i % 3 ? "news" : "hr"] })) });
  await compareOnBlank(page, "four", ["A", "B", "C", "D"].map(same), "width: 1000px; margin: 0");
  await ready(page, "#four");
  const sizes = await page.locator("#four canvas").evaluateAll((cs) => cs.map((c) => Math.round(c.getBoundingClientRect().width)));
  assert.ok(sizes[3] > sizes[0] + 20, `the fourth chart, alone on its line, has the larger canvas: ${sizes}`);
  const areas = await paintedAreas(page, "#four");
  for (const a of areas) assert.ok(Math.abs(a / areas[0] - 1) < 0.03, `painted areas ${areas.map(Math.round)}`);
  // As bars too: the same bars, the same length.
  await page.locator("#four select").nth(1).selectOption("bar");
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  const bars = await paintedAreas(page, "#four");
  for (const a of bars) assert.ok(Math.abs(a / bars[0] - 1) < 0.03, `painted bars ${bars.map(Math.round)}`);
  assert.deepEqual(page.problems, []);
});

test("a company with no spaces yet: its profile column says nothing it cannot know", async () => {
  const page = await open(env, "/test/blank.html");
  await compareOnBlank(page, "zero", [{ company: "Acme", spaces: [{ name: "a", platform: "blog", themes: ["x"] }] }, { company: "Zero", spaces: [] }]);
  const column = await page.evaluate(() => {
    const table = document.querySelector("#zero").querySelector("[data-channel-sprawl-compare]").shadowRoot.querySelector(".cs-table table");
    return Object.fromEntries([...table.querySelectorAll("tbody tr")].map((tr) => [tr.querySelector("th").textContent, tr.querySelectorAll("td")[1].textContent]));
  });
  assert.deepEqual(column, {
    Spaces: "0 spaces, 0 distinct functions",
    Replication: "–",
    Platforms: "–",
    Themes: "0",
    Countries: "0",
    "Concentration over platforms": "–",
    "Concentration over themes": "–",
    Unowned: "–",
  });
});

test("a link whose shown group no company has (older than the data) is ignored, as a single chart ignores it", async () => {
  const page = await open(env, "/posts/comparaison.html#comparaison=v.renamed-theme", { viewport: { width: 1100, height: 1000 } });
  await ready(page, "#comparaison");
  const drawn = await page.locator("#comparaison canvas").evaluateAll((cs) => cs.length);
  const notes = await page.evaluate(() =>
    [...document.querySelector("#comparaison [data-channel-sprawl-compare]").shadowRoot.querySelectorAll("[data-channel-sprawl-host]")].map((h) => h.shadowRoot.querySelector(".cs-summary").textContent),
  );
  assert.equal(drawn, 2);
  assert.ok(notes.every((n) => !/masqué/.test(n)), notes.join(" | "));
  assert.deepEqual(page.problems, []);
});

// Hardening in the browser: a strict CSP page with zero violations, a hostile blog theme that
// neither breaks the look nor the hit-testing, and lifecycles that leave nothing behind.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, ready, SHOTS, clickAtAngle, hoverAtAngle, nextSelect, legend, download } from "./browser.mjs";

let env;
before(async () => (env = await launch()));
after(() => env.close());

test("strict CSP: the widget works with zero securitypolicyviolation events", async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const response = await page.goto(env.base + "/csp-strict.html");
  assert.match(response.headers()["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  await ready(page, "#bt");
  await ready(page, "#inline");
  const selected = await nextSelect(page, "#inline");
  await clickAtAngle(page, "#inline", 30);
  assert.equal((await selected()).key, "support");
  await page.locator("#bt .cs-button", { hasText: "Agrandir" }).click();
  await page.locator("#bt dialog[open]").waitFor();
  await page.keyboard.press("Escape");
  // The PNG export: the whole figure (title and legend), painted on a canvas, not loaded as an
  // image (which `default-src 'self'` forbids for blob: URLs).
  const warnings = [];
  page.on("console", (m) => m.type() !== "log" && warnings.push(m.text()));
  const { bytes } = await download(page, page.locator("#bt .cs-button", { hasText: "PNG" }));
  const canvas = await page.locator("#bt canvas").boundingBox();
  assert.ok(bytes.readUInt32BE(16) > 2 * canvas.width + 100, `a ${bytes.readUInt32BE(16)} px wide picture, not the ${2 * canvas.width} px canvas`);
  assert.deepEqual(warnings, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await context.close();
});

test("a CSP that forbids WebAssembly: each chart says what its script-src lacks, not that a file is broken", async () => {
  const page = await env.browser.newPage();
  await page.route("**/csp-strict.html", async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'" };
    await route.fulfill({ response, headers });
  });
  await page.goto(env.base + "/csp-strict.html");
  const alert = page.locator("#bt [role=alert]");
  await alert.waitFor();
  assert.match(await alert.textContent(), /Content-Security-Policy de la page .*'wasm-unsafe-eval'/);
  // The guide gives bloggers the very policy the strict page is served with.
  const policy = (await page.request.get(env.base + "/csp-strict.html")).headers()["content-security-policy"];
  const guide = await (await page.request.get(env.base + "/guide.html")).text();
  assert.ok(guide.includes(policy), policy);
  await page.close();
});

test("a hostile blog theme: same look, hit-testing still lands on the right segment", async () => {
  const page = await open(env, "/hostile-theme.html");
  await ready(page, "#dell");
  const canvas = await page.evaluate(() => {
    const c = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.querySelector("canvas");
    const r = c.getBoundingClientRect();
    return { w: r.width, h: r.height, bw: c.width, bh: c.height };
  });
  assert.equal(Math.round(canvas.w), Math.round(canvas.h), "the donut's canvas stays square");
  // The theme's `figure div { width: 50%; padding: 30px; … }` does not reach the widget's host.
  const host = await page.evaluate(() => {
    const h = document.querySelector("#dell [data-channel-sprawl-host]");
    const fig = document.querySelector("#dell");
    const cs = getComputedStyle(h);
    return { width: h.getBoundingClientRect().width, room: fig.clientWidth - parseFloat(getComputedStyle(fig).paddingLeft) - parseFloat(getComputedStyle(fig).paddingRight), padding: cs.paddingLeft, background: cs.backgroundColor };
  });
  assert.deepEqual([Math.round(host.width), host.padding, host.background], [Math.round(host.room), "0px", "rgba(0, 0, 0, 0)"]);
  // In a wide figure, the legend keeps its counts near its labels.
  const wide = await open(env, "/hostile-theme.html", { viewport: { width: 1400, height: 900 } });
  await ready(wide, "#dell");
  const [legendWidth, widgetWidth] = await wide.locator("#dell .cs-legend").evaluate((l) => [l.getBoundingClientRect().width, l.closest(".cs").getBoundingClientRect().width]);
  assert.ok(widgetWidth > 1100 && legendWidth <= 28 * 15, `a ${legendWidth} px legend in a ${widgetWidth} px widget`);
  for (const [degrees, key] of [[8, "expertise"], [140, "communication"], [280, "promotions"]]) {
    const selected = await nextSelect(page, "#dell");
    await clickAtAngle(page, "#dell", degrees);
    assert.equal((await selected()).key, key, `${degrees}°`);
  }
  // Widget buttons keep their own look: not the theme's uppercase serif.
  const button = await page.evaluate(() => {
    const b = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.querySelector(".cs-button");
    const cs = getComputedStyle(b);
    return { transform: cs.textTransform, font: cs.fontFamily, box: cs.boxSizing };
  });
  assert.equal(button.transform, "none");
  assert.match(button.font, /^system-ui/);
  assert.equal(button.box, "border-box");
  await page.locator("#dell").screenshot({ path: SHOTS + "hostile-theme.png" });
});

test("in a blog's narrow sidebar the widget is laid out as on a phone: group names whole, menus' names above them", async () => {
  const page = await open(env, "/test/blank.html", { viewport: { width: 1200, height: 900 } });
  const layout = await page.evaluate(async () => {
    // (A ResizeObserver loop with undelivered notifications is an error event on the window.)
    window.__errors = [];
    addEventListener("error", (e) => __errors.push(e.message));
    const { mount } = await import("/channel-sprawl.js");
    const data = await (await fetch("/data/dell.json")).text();
    const look = async (width) => {
      const fig = document.createElement("figure");
      fig.style.cssText = `width: ${width}px; margin: 0`;
      document.querySelector("#main").append(fig);
      await mount(fig, data, { lang: "fr" });
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      const root = fig.querySelector("[data-channel-sprawl-host]").shadowRoot;
      return [getComputedStyle(root.querySelector(".cs-label")).webkitLineClamp, getComputedStyle(root.querySelector(".cs-field")).flexDirection];
    };
    const looks = [await look(260), await look(900)];
    // A chart with no title (a CSV without data-company has none) too.
    const untitled = document.createElement("figure");
    untitled.style.cssText = "width: 260px; margin: 0";
    untitled.append(Object.assign(document.createElement("script"), { type: "text/csv", textContent: "name,platform,themes\nA,blog,support\nB,forum,expertise\n" }));
    document.querySelector("#main").append(untitled);
    await mount(untitled, undefined, { lang: "fr" });
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    if (untitled.querySelector("[data-channel-sprawl-host]").shadowRoot.querySelector(".cs-title:not([hidden])")) throw new Error("a title");
    looks.push(untitled.querySelector("[data-channel-sprawl-host]").hasAttribute("data-narrow"));
    // The sidebar made wider and narrower again, across the threshold.
    const sidebar = document.querySelector("figure");
    for (const width of [600, 300, 600]) {
      sidebar.style.width = `${width}px`;
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    }
    return looks;
  });
  assert.deepEqual(layout, [["none", "column"], ["3", "row"], true]);
  assert.deepEqual(await page.evaluate(() => __errors), []);
});

test("under a page's CSS zoom the tooltip keeps its place by the pointer, and the enlarged view fits the window", async () => {
  const page = await open(env, "/posts/dell.html", { viewport: { width: 1000, height: 900 } });
  await page.evaluate(() => (document.querySelector("main").style.zoom = "1.25"));
  await ready(page, "#dell");
  const { at: p, tip } = await hoverAtAngle(page, "#dell", 8);
  const box = await tip.boundingBox();
  // 14 CSS px from the pointer (across, or above or below it), 17.5 on the screen at 125 %.
  const gap = Math.max(box.x - p.x, p.x - box.x - box.width, box.y - p.y, p.y - box.y - box.height);
  assert.ok(gap > 12 && gap < 22, `${gap} px from the pointer`);
  await page.getByRole("button", { name: "Agrandir" }).click();
  const dialog = page.locator("#dell dialog[open]");
  await dialog.waitFor();
  const [d, close] = [await dialog.boundingBox(), await dialog.getByRole("button", { name: "Fermer" }).boundingBox()];
  assert.ok(d.x >= 0 && d.y >= 0 && d.x + d.width <= 1000 && d.y + d.height <= 900, JSON.stringify(d));
  assert.ok(close.x + close.width <= 1000, JSON.stringify(close));
  // Its text keeps the page's zoom (a site's "larger text" may be one).
  assert.equal(await dialog.evaluate((d) => d.currentCSSZoom), 1.25);
  await page.keyboard.press("Escape");
  // The canvas as crisp as the zoom: its pixels one per pixel on the screen, and again after the
  // page changes its zoom (such a button), which leaves its size in CSS pixels as it was.
  const crisp = () =>
    page.waitForFunction(() => {
      const c = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot.querySelector("canvas");
      return Math.abs(c.width - c.getBoundingClientRect().width * devicePixelRatio) <= 1;
    }, null, { timeout: 5000 });
  await crisp();
  await page.evaluate(() => (document.querySelector("main").style.zoom = "1.75"));
  await crisp();
  // A browser without the device-pixel box (Safari throws on it) still draws the chart.
  const safari = await open(env, "/posts/dell.html");
  await safari.addInitScript(() => {
    const observe = ResizeObserver.prototype.observe;
    ResizeObserver.prototype.observe = function (target, options) {
      if (options?.box === "device-pixel-content-box") throw new TypeError("not a valid enum value");
      return observe.call(this, target, options);
    };
  });
  await safari.reload();
  await ready(safari, "#dell");
  assert.ok((await safari.locator("#dell canvas").evaluate((c) => c.width)) > 200);
  assert.deepEqual(safari.problems, []);
});

test("a reader's text spacing (WCAG 1.4.12, a page rule with !important) reaches the widget's text, its buttons and menus too", async () => {
  const page = await open(env, "/posts/dell.html");
  await page.addStyleTag({ content: "* { letter-spacing: 0.12em !important; word-spacing: 0.16em !important; line-height: 1.5 !important; }" });
  await ready(page, "#dell");
  const spacing = await page.evaluate(() => {
    const root = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot;
    return [".cs-summary", ".cs-entry .cs-label", ".cs-button", ".cs-select"].map((s) => getComputedStyle(root.querySelector(s)).letterSpacing);
  });
  for (const [i, value] of spacing.entries()) assert.ok(parseFloat(value) > 1, `${i}: ${value}`);
});

test("in a page set in columns the widget stays one piece, its legend not cut from its chart", async () => {
  const page = await open(env, "/posts/dell.html", { viewport: { width: 1200, height: 1400 } });
  await page.evaluate(() => (document.querySelector("main").style.columns = "2"));
  await ready(page, "#dell");
  assert.equal(await page.locator("#dell [data-channel-sprawl-host]").evaluate((h) => h.getClientRects().length), 1);
});

test("the CSV export defuses what a spreadsheet would run as a formula, and leaves the key of Not set as it is", async () => {
  const page = await open(env, "/test/blank.html", { acceptDownloads: true });
  await page.evaluate(async () => {
    const { mount } = await import("/channel-sprawl.js");
    const fig = document.createElement("figure");
    fig.id = "f";
    document.querySelector("#main").append(fig);
    const spaces = [
      { name: "a", platform: "=HYPERLINK(\"https://evil.example\")", themes: ["t"], department: "@SUM(1)" },
      { name: "b", platform: "+blog", themes: ["t"] },
      { name: "c", platform: "-1+2", themes: ["t"], department: "HR" },
    ];
    await mount(fig, { company: "C", spaces }, { lang: "en", groupBy: "department" });
  });
  await page.locator("#f canvas").waitFor();
  const department = (await download(page, page.locator("#f").getByRole("button", { name: "Download the figures as CSV" }))).bytes.toString();
  const rows = department.replace(/^\ufeff/, "").trim().split("\r\n").map((r) => r.split(",").map((c) => c.slice(1, -1)));
  assert.deepEqual(rows.map((r) => r.slice(0, 2)), [["Group", "key"], ["'@SUM(1)", "'@sum(1)"], ["HR", "hr"], ["Not set", "-"]]);
  await page.locator("#f select").first().selectOption("platform");
  const platform = (await download(page, page.locator("#f").getByRole("button", { name: "Download the figures as CSV" }))).bytes.toString();
  const labels = platform.replace(/^\ufeff/, "").trim().split("\r\n").slice(1).map((r) => r.split(",")[0].slice(1, -1));
  assert.deepEqual(labels.sort(), ["'+blog", "'-1+2", "'=HYPERLINK(\"\"https://evil.example\"\")"].sort());
});

test("on a right-to-left page the widget's English or French reads left to right", async () => {
  const page = await open(env, "/posts/dell.html");
  await page.evaluate(() => (document.documentElement.dir = "rtl"));
  await ready(page, "#dell");
  const directions = await page.evaluate(() => {
    const root = document.querySelector("#dell [data-channel-sprawl-host]").shadowRoot;
    return [".cs-summary", ".cs-legend", "canvas"].map((s) => getComputedStyle(root.querySelector(s)).direction);
  });
  assert.deepEqual(directions, ["ltr", "ltr", "ltr"]);
  // A comparison's shared legend too: its columns of counts in the companies' order.
  const compare = await open(env, "/posts/comparaison.html");
  await compare.evaluate(() => (document.documentElement.dir = "rtl"));
  await ready(compare, "#comparaison");
  assert.equal(await compare.locator("#comparaison .cs-shared").evaluate((l) => getComputedStyle(l).direction), "ltr");
});

test("lifecycle: 1,000 mounts and destroys, 1,000 resizes leave no listener, observer or memory behind", async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    // Count what is live: listeners on targets that still matter (not on nodes that were
    // removed, which go with them), observers, animation frames.
    const live = (window.__live = { observers: 0, targets: [] });
    const add = EventTarget.prototype.addEventListener;
    const remove = EventTarget.prototype.removeEventListener;
    const entries = new WeakMap();
    const entryOf = (target) => {
      let e = entries.get(target);
      if (!e) entries.set(target, (e = { ref: new WeakRef(target), fns: new Set() })), live.targets.push(e);
      return e;
    };
    const id = (type, fn, opts) => [type, typeof opts === "object" ? !!opts?.capture : !!opts, fn];
    const keys = new WeakMap();
    const keyOf = (type, fn, opts) => {
      const [t, c] = id(type, fn, opts);
      let m = keys.get(fn);
      if (!m) keys.set(fn, (m = new Map()));
      const k = `${t}|${c}`;
      if (!m.has(k)) m.set(k, { k });
      return m.get(k);
    };
    EventTarget.prototype.addEventListener = function (type, fn, opts) {
      if (fn) entryOf(this).fns.add(keyOf(type, fn, opts));
      return add.call(this, type, fn, opts);
    };
    EventTarget.prototype.removeEventListener = function (type, fn, opts) {
      if (fn) entryOf(this).fns.delete(keyOf(type, fn, opts));
      return remove.call(this, type, fn, opts);
    };
    window.__listeners = () => {
      let n = 0;
      live.targets = live.targets.filter((e) => e.ref.deref());
      for (const e of live.targets) {
        const t = e.ref.deref();
        if (t instanceof Node && !t.isConnected && t !== document) continue;
        n += e.fns.size;
      }
      return n;
    };
    for (const name of ["ResizeObserver", "IntersectionObserver"]) {
      const Original = window[name];
      window[name] = class extends Original {
        observe(...a) {
          if (!this.__on) (this.__on = true), live.observers++;
          return super.observe(...a);
        }
        disconnect() {
          if (this.__on) (this.__on = false), live.observers--;
          return super.disconnect();
        }
      };
    }
  });
  const page = await context.newPage();
  await page.goto(env.base + "/test/blank.html");
  const cdp = await context.newCDPSession(page);
  const heap = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    return (await cdp.send("Runtime.getHeapUsage")).usedSize;
  };
  const result = await page.evaluate(async () => {
    const { mount, stats } = await import("/channel-sprawl.js");
    const data = await (await fetch("/data/dell.json")).json();
    const main = document.querySelector("#main");
    const cycle = async () => {
      const fig = document.createElement("figure");
      main.append(fig);
      const handle = await mount(fig, data, { dedupe: true });
      handle.select("education");
      handle.destroy();
      fig.remove();
    };
    await cycle(); // warm up: module, instance, caches
    const before = { listeners: window.__listeners(), observers: window.__live.observers, ...stats() };
    for (let i = 0; i < 1000; i++) await cycle();
    await new Promise((ok) => requestAnimationFrame(ok));
    const after = { listeners: window.__listeners(), observers: window.__live.observers, ...stats() };
    return { before, after };
  });
  const heapAfterMounts = await heap();
  assert.equal(result.after.listeners, result.before.listeners, "listeners");
  assert.equal(result.after.observers, result.before.observers, "observers");
  assert.equal(result.after.charts, 0);
  assert.equal(result.after.pendingPaints, 0);
  assert.ok(result.after.wasmMemory <= result.before.wasmMemory + (1 << 20), `wasm memory ${result.before.wasmMemory} → ${result.after.wasmMemory}`);

  // Resizes and device-pixel-ratio changes of one mounted chart.
  const resized = await page.evaluate(async () => {
    const { mount, stats } = await import("/channel-sprawl.js");
    const data = await (await fetch("/data/dell.json")).json();
    const fig = document.createElement("figure");
    document.querySelector("#main").append(fig);
    await mount(fig, data);
    const host = fig.querySelector("[data-channel-sprawl-host]");
    const before = stats().wasmMemory;
    for (let i = 0; i < 1000; i++) {
      host.style.width = `${300 + (i % 200)}px`;
      await new Promise((ok) => requestAnimationFrame(ok));
    }
    const canvas = host.shadowRoot.querySelector("canvas");
    return { before, after: stats().wasmMemory, backing: canvas.width, css: canvas.getBoundingClientRect().width };
  });
  assert.ok(resized.after <= resized.before + (1 << 20), `wasm memory after resizes ${resized.before} → ${resized.after}`);
  assert.equal(resized.backing, Math.round(resized.css));

  // A device-pixel-ratio change without a resize (another screen, zoom): redrawn crisp. (Headless
  // Chromium's emulation reports only the first change to a media query, so one change here.)
  for (const scale of [2]) {
    await cdp.send("Emulation.setDeviceMetricsOverride", { width: 900, height: 1000, deviceScaleFactor: scale, mobile: false });
    await page.waitForFunction((s) => {
      const figs = document.querySelectorAll("#main figure");
      const c = figs[figs.length - 1].querySelector("[data-channel-sprawl-host]").shadowRoot.querySelector("canvas");
      return c.width === Math.round(c.getBoundingClientRect().width * s);
    }, scale);
  }
  const heapAfterResizes = await heap();
  console.log(`# lifecycle: JS heap ${(heapAfterMounts / 1e6).toFixed(2)} MB after 1,000 mounts, ${(heapAfterResizes / 1e6).toFixed(2)} MB after 1,000 resizes; wasm memory ${result.before.wasmMemory} → ${result.after.wasmMemory} bytes`);
  assert.ok(heapAfterResizes < heapAfterMounts + 2e6, "the JS heap stays flat");
  await context.close();
});

// The JS API and auto-mounting (SPEC §2): mount() returns a handle with select/update/destroy,
// figures added later mount themselves, destroy() leaves nothing behind.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, ready, legend, pointAtAngle } from "./browser.mjs";

let env;
before(async () => (env = await launch()));
after(() => env.close());

const DATA = {
  company: "Acme",
  spaces: [
    { name: "@Acme", platform: "Twitter", themes: ["support"] },
    { name: "@AcmeX", platform: "x", themes: ["support", "promo"] },
    { name: "Acme page", platform: "Facebook", themes: ["promo"] },
  ],
};

test("mount() returns a handle; select, update and destroy work", async () => {
  const page = await open(env, "/test/blank.html");
  const result = await page.evaluate(async (data) => {
    const { mount } = await import("/channel-sprawl.js");
    const fig = document.createElement("div");
    fig.id = "api";
    document.querySelector("#main").append(fig);
    const events = [];
    fig.addEventListener("channel-sprawl:select", (e) => events.push(e.detail));
    const handle = await mount(fig, JSON.stringify(data), { groupBy: "platform" });
    const same = fig.channelSprawl === handle;
    const ready = fig.hasAttribute("data-channel-sprawl-ready");
    const selected = handle.select("twitter");
    // Regrouping clears the selection: one event says so.
    const select = fig.querySelector("[data-channel-sprawl-host]").shadowRoot.querySelector("select");
    select.value = "theme";
    select.dispatchEvent(new Event("change"));
    return { same, ready, selected, events };
  }, DATA);
  assert.equal(result.same, true);
  assert.equal(result.ready, true);
  assert.equal(result.selected, true);
  assert.deepEqual(result.events, [
    { groupBy: "platform", key: "twitter", label: "Twitter", count: 2, spaces: ["@Acme", "@AcmeX"] },
    { groupBy: "theme", key: null, label: null, count: 0, spaces: [] },
  ]);

  await page.evaluate(() => document.querySelector("#api").channelSprawl.update({ company: "Acme", spaces: [{ name: "one", platform: "blog", theme: "hr" }] }));
  assert.match(await page.locator("#api .cs-summary").textContent(), /^1 space · 1 theme · 1 platform$/);

  const after = await page.evaluate(() => {
    const fig = document.querySelector("#api");
    fig.channelSprawl.destroy();
    return { children: fig.children.length, ready: fig.hasAttribute("data-channel-sprawl-ready"), handle: "channelSprawl" in fig };
  });
  assert.deepEqual(after, { children: 0, ready: false, handle: false });
  assert.deepEqual(page.problems, []);
});

test("a long dataset text crosses into the wasm intact, whatever its characters and wherever they are", async () => {
  // Texts over 256 characters take the glue's TextEncoder.encodeInto path (scripts/glue.mjs):
  // all ASCII, then non-ASCII characters (2, 3 and 4 bytes, a surrogate pair) first, in the
  // middle and last, so that the first pass stops short and the rest is written after it.
  const page = await open(env, "/test/blank.html");
  const pad = "x".repeat(300);
  const cases = [
    ["plain", ["@acme", pad]],
    ["first", ["é日😀 first", pad]],
    ["middle", [`${pad.slice(0, 150)}Café 東京 🙂${pad.slice(150)}`, "ok"]],
    ["last", [pad, "fin: naïve 😀"]],
  ];
  const got = await page.evaluate(async (cases) => {
    const { mount } = await import("/channel-sprawl.js");
    const out = {};
    for (const [id, names] of cases) {
      const fig = document.createElement("div");
      document.querySelector("#main").append(fig);
      const spaces = names.map((name) => ({ name, platform: "Blog", themes: ["t"] }));
      let detail = null;
      fig.addEventListener("channel-sprawl:select", (e) => (detail = e.detail));
      const handle = await mount(fig, JSON.stringify({ company: "Acme", spaces }));
      handle.select("t");
      out[id] = detail?.spaces;
    }
    return out;
  }, cases);
  for (const [id, names] of cases) assert.deepEqual(got[id], names, id);
  assert.deepEqual(page.problems, []);
});

test("a chart in view is painted in the frame that lays it out; one far below waits until scrolled near", async () => {
  const page = await open(env, "/test/blank.html", { viewport: { width: 800, height: 600 } });
  const inked = () =>
    page.evaluate(() =>
      [...document.querySelectorAll("#main > .fig")].map((fig) => {
        const canvas = fig.querySelector("[data-channel-sprawl-host]").shadowRoot.querySelector("canvas");
        const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
        let n = 0;
        for (let i = 3; i < data.length; i += 4) n += data[i] > 0;
        return n;
      }),
    );
  const pending = await page.evaluate(async (data) => {
    const { mount, stats } = await import("/channel-sprawl.js");
    const main = document.querySelector("#main");
    const near = document.createElement("div");
    const far = document.createElement("div");
    const gap = document.createElement("div");
    gap.style.height = "4000px";
    near.className = far.className = "fig";
    main.append(near, gap, far);
    await Promise.all([mount(near, JSON.stringify(data)), mount(far, JSON.stringify(data))]);
    // The first task after the next frame: that frame laid the charts out.
    await new Promise((ok) => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = ok;
      channel.port2.postMessage(0);
    }));
    return stats().pendingPaints;
  }, DATA);
  const [near, far] = await inked();
  assert.ok(near > 1000, `the chart in view is drawn after its first frame (${near} pixels inked)`);
  assert.equal(far, 0, "the chart 4,000 px below is not drawn yet");
  assert.equal(pending, 1);
  // Scrolled into view (as a test would, or the reader): drawn by the next animation frame, in
  // the scroll's own frame, before its animation callbacks (SPEC §2).
  await page.locator("#main > .fig").nth(1).scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(ok)));
  assert.ok((await inked())[1] > 1000, "drawn once scrolled near");
  assert.equal(await page.evaluate(async () => (await import("/channel-sprawl.js")).stats().pendingPaints), 0);
  assert.deepEqual(page.problems, []);
});

test("the segments' labels are drawn in the widget's typeface, not the browser's default sans-serif", async () => {
  const page = await open(env, "/test/blank.html");
  await mountDiv(page, "font");
  const font = await page.evaluate(() => document.querySelector("#font [data-channel-sprawl-host]").shadowRoot.querySelector("canvas").getContext("2d").font);
  // One family for the labels and the text around them: one font lookup fewer (bench/trace.mjs).
  // The canvas draws in eighths of a pixel (render::FINE): 13 px is written 104.
  assert.match(font, /^bold 104px system-ui, /);
  assert.deepEqual(page.problems, []);
});

// V8 writes small integers as text through a cache of 128 entries (by the low 7 bits) that grows
// for good to 8,192 (64 KB of the page's heap) once numbers keep landing on the same entries. The
// loader writes counts digit by digit (js/i18n.js): written with String(), the counts 258, 130
// and 2 here, all on one entry, grow it. (The wasm's exports, which the JS API names by their
// index as text, are numbered below 128: tests/e2e/build.test.js.)
test("charts leave V8's cache of small integers as text at its first size", async () => {
  const page = await open(env, "/test/blank.html");
  const theme = (i) => (i < 258 ? "a" : i < 388 ? "b" : "c");
  const shared = { company: "Shared", spaces: [...Array(390)].map((_, i) => ({ name: `s${i}`, platform: "Forum", themes: [theme(i)] })) };
  await page.evaluate(async (text) => {
    const { mount } = await import("/channel-sprawl.js");
    const fig = document.createElement("figure");
    document.querySelector("#main").append(fig);
    await mount(fig, text);
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  }, JSON.stringify(shared));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.enable");
  const chunks = [];
  cdp.on("HeapProfiler.addHeapSnapshotChunk", (e) => chunks.push(e.chunk));
  await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  const { snapshot, nodes, edges, strings } = JSON.parse(chunks.join(""));
  const nf = snapshot.meta.node_fields.length, ef = snapshot.meta.edge_fields.length;
  const edgeCount = snapshot.meta.node_fields.indexOf("edge_count"), selfSize = snapshot.meta.node_fields.indexOf("self_size");
  const sizes = [];
  for (let node = 0, edge = 0; node < nodes.length; node += nf) {
    for (let k = 0; k < nodes[node + edgeCount]; k++, edge += ef) {
      // Its name in a heap snapshot: `smi_string_cache` (V8 since 2025), `number_string_cache` before.
      if (/^(smi|number)_string_cache$/.test(strings[edges[edge + 1]])) sizes.push(nodes[edges[edge + 2] + selfSize]);
    }
  }
  assert.ok(sizes.length, "no number-to-string cache in the heap snapshot: has V8 renamed it?");
  assert.ok(Math.max(...sizes) < 4096, `the cache takes ${sizes.join(", ")} bytes`);
  assert.deepEqual(page.problems, []);
});

test("a figure added later mounts by itself", async () => {
  const page = await open(env, "/test/blank.html");
  await page.evaluate(async (data) => {
    await import("/channel-sprawl.js");
    const fig = document.createElement("figure");
    fig.id = "late";
    fig.setAttribute("data-channel-sprawl", "");
    const script = document.createElement("script");
    script.type = "application/json";
    script.textContent = JSON.stringify(data);
    fig.append(script);
    document.querySelector("#main").append(fig);
  }, DATA);
  await ready(page, "#late");
  assert.deepEqual((await legend(page, "#late")).map((e) => [e.key, e.count]), [["support", 2], ["promo", 2]]);
});

test("a figure whose data comes after it (a script child, a data-src) mounts once the data is there", async () => {
  // As a page that renders the figure, then its data: a framework, a theme that builds posts.
  const page = await open(env, "/test/blank.html");
  await page.evaluate(async (data) => {
    await import("/channel-sprawl.js");
    const figure = (id) => {
      const fig = document.createElement("figure");
      fig.id = id;
      fig.setAttribute("data-channel-sprawl", "");
      document.querySelector("#main").append(fig);
      return fig;
    };
    const [soon, later, src] = [figure("soon"), figure("later"), figure("src")];
    const script = () => Object.assign(document.createElement("script"), { type: "application/json", textContent: JSON.stringify(data) });
    queueMicrotask(() => soon.append(script()));
    // Long after the figure said it had no data.
    await new Promise((done) => setTimeout(done, 300));
    later.append(script());
    src.setAttribute("data-src", "/data/bt.json");
  }, DATA);
  for (const id of ["#soon", "#later"]) {
    await ready(page, id);
    assert.deepEqual((await legend(page, id)).map((e) => [e.key, e.count]), [["support", 2], ["promo", 2]]);
    assert.equal(await page.locator(`${id} [role="alert"]`).count(), 0);
  }
  await ready(page, "#src");
  assert.equal(await page.locator("#src .cs-title").textContent(), await page.evaluate(async () => (await (await fetch("/data/bt.json")).json()).title));
});

test("a chart the page mounted with its data is left alone when a script is added to its figure", async () => {
  const page = await open(env, "/test/blank.html");
  await mountDiv(page, "given");
  await page.evaluate(() => {
    const fig = document.querySelector("#given");
    fig.setAttribute("data-channel-sprawl", "");
    // A plugin's structured data, then a stray JSON script: neither replaces the page's data.
    fig.append(Object.assign(document.createElement("script"), { type: "application/ld+json", textContent: '{"@type":"Dataset"}' }));
    fig.append(Object.assign(document.createElement("script"), { type: "application/json", textContent: '{"company":"Other"}' }));
  });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))));
  assert.equal(await page.locator("#given[data-channel-sprawl-ready]").count(), 1);
  assert.deepEqual((await legend(page, "#given")).map((e) => [e.key, e.count]), [["support", 2], ["promo", 2]]);
  // An element that read its own data, then destroyed by the page: a script added later does not bring it back.
  const back = await page.evaluate(async (data) => {
    const { mount } = await import("/channel-sprawl.js");
    const div = document.createElement("div");
    div.append(Object.assign(document.createElement("script"), { type: "application/json", textContent: data }));
    document.querySelector("#main").append(div);
    (await mount(div)).destroy();
    div.append(Object.assign(document.createElement("script"), { type: "application/json", textContent: data }));
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 300)));
    return [div.hasAttribute("data-channel-sprawl-ready"), div.querySelectorAll("[data-channel-sprawl-host]").length];
  }, JSON.stringify(DATA));
  assert.deepEqual(back, [false, 0]);
});

test("a copy of a mounted figure (a page cache restoring a clone) mounts as a chart of its own, once", async () => {
  const page = await open(env, "/test/blank.html");
  await page.evaluate(async (data) => {
    await import("/channel-sprawl.js");
    const main = document.querySelector("#main");
    main.innerHTML = `<figure id="cached" data-channel-sprawl><script type="application/json">${JSON.stringify(data)}</script></figure>`;
  }, DATA);
  await ready(page, "#cached");
  const hosts = await page.evaluate(async () => {
    const main = document.querySelector("#main");
    const snapshot = main.cloneNode(true);
    // The clone carries the chart's element (without its shadow root) and the ready attribute.
    const copy = snapshot.querySelector("#cached");
    const stale = [copy.hasAttribute("data-channel-sprawl-ready"), copy.querySelectorAll("[data-channel-sprawl-host]").length];
    for (let i = 0; i < 3; i++) main.replaceChildren(...snapshot.cloneNode(true).childNodes);
    // Once the page's observer has seen the change (a microtask queued after its own).
    await new Promise((done) => queueMicrotask(done));
    return { stale, readyAtOnce: document.querySelector("#cached").hasAttribute("data-channel-sprawl-ready") };
  });
  assert.deepEqual(hosts, { stale: [true, 1], readyAtOnce: false });
  await ready(page, "#cached");
  assert.equal(await page.locator("#cached > [data-channel-sprawl-host]").count(), 1);
  assert.deepEqual((await legend(page, "#cached")).map((e) => [e.key, e.count]), [["support", 2], ["promo", 2]]);
});

/** Mounts DATA on a new `<div id>` of the blank page, and waits until it is drawn. */
test("charts mounted on elements without an id or the mark each keep their own view in the address", async () => {
  const page = await open(env, "/test/blank.html");
  // Three elements, mounted the last first; each regrouped its own way, then read again after a
  // reload (the page mounting them again the same way).
  const build = (data) =>
    page.evaluate(async (data) => {
      const { mount } = await import("/channel-sprawl.js");
      const main = document.querySelector("#main");
      const figs = [0, 1, 2].map(() => main.appendChild(document.createElement("div")));
      for (const fig of [figs[2], figs[0], figs[1]]) await mount(fig, JSON.stringify(data));
      return figs.length;
    }, data);
  const groupings = () => page.evaluate(() => [...document.querySelectorAll("#main > div")].map((fig) => fig.querySelector("[data-channel-sprawl-host]").shadowRoot.querySelector("select").value));
  await build(DATA);
  await page.evaluate(() => {
    for (const [i, to] of ["platform", "country", "department"].entries()) {
      const select = document.querySelectorAll("#main > div")[i].querySelector("[data-channel-sprawl-host]").shadowRoot.querySelector("select");
      select.value = to;
      select.dispatchEvent(new Event("change"));
    }
  });
  const keys = (await page.evaluate(() => location.hash.slice(1).split("&"))).map((e) => e.split("=")[0]);
  assert.equal(new Set(keys).size, 3, `one entry per chart: ${keys}`);
  assert.deepEqual(await groupings(), ["platform", "country", "department"]);
  await page.reload();
  await build(DATA);
  assert.deepEqual(await groupings(), ["platform", "country", "department"], "each chart its own view again");
  assert.deepEqual(page.problems, []);
});

test("charts the page mounts itself beside marked figures without an id: a key each, whichever loads first, none another's id", async () => {
  const page = await open(env, "/test/blank.html");
  const data = JSON.stringify(DATA);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module">import { mount } from "/channel-sprawl.js"; for (const d of document.querySelectorAll(".mine")) mount(d, ${JSON.stringify(data)});</script></head>
<body><main><div class="mine"></div><figure data-channel-sprawl><script type="application/json">${data}</script></figure>
<figure id="chart2" data-channel-sprawl><script type="application/json">${data}</script></figure><div class="mine"></div></main></body></html>`;
  await page.route("**/test/keys.html", (route) => route.fulfill({ contentType: "text/html", body: html }));
  const charts = "main > div, main > figure";
  const load = async (path) => {
    await page.goto(env.base + path);
    await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].every((e) => e.hasAttribute("data-channel-sprawl-ready")), charts);
  };
  await load("/test/keys.html");
  // Each chart its own group selected, from its legend.
  const pressed = () => page.evaluate((sel) => [...document.querySelectorAll(sel)].map((e) => e.querySelector("[data-channel-sprawl-host]").shadowRoot.querySelector('.cs-entry[aria-pressed="true"]')?.dataset.key ?? null), charts);
  const keys = ["support", "promo", "support", "promo"];
  for (const [i, key] of keys.entries()) await page.locator(charts).nth(i).locator(`.cs-entry[data-key="${key}"]`).click();
  assert.deepEqual(await pressed(), keys);
  const entries = (await page.evaluate(() => location.hash.slice(1))).split("&");
  assert.equal(new Set(entries.map((e) => e.split("=")[0])).size, 4, entries.join("&"));
  await load(`/test/keys.html#${entries.join("&")}`);
  assert.deepEqual(await pressed(), keys, "each chart's selection again after a reload");
  assert.deepEqual(page.problems, []);
});

test("a ring too small for its total (a hole under 72 px across) shows none; larger, it does", async () => {
  const page = await open(env, "/test/blank.html");
  const shown = (width) =>
    page.evaluate(async ([data, width]) => {
      const { mount } = await import("/channel-sprawl.js");
      const fig = document.createElement("div");
      fig.style.width = `${width}px`;
      document.querySelector("#main").replaceChildren(fig);
      await mount(fig, JSON.stringify(data));
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      const root = fig.querySelector("[data-channel-sprawl-host]").shadowRoot;
      const canvas = root.querySelector("canvas").getBoundingClientRect();
      const hole = 2 * 0.58 * (Math.min(canvas.width, canvas.height) / 2 - 12);
      return { hole: Math.round(hole), shown: !root.querySelector(".cs-center").hidden };
    }, [DATA, width]);
  const small = await shown(150);
  assert.ok(small.hole < 72 && !small.shown, JSON.stringify(small));
  const large = await shown(400);
  assert.ok(large.hole >= 72 && large.shown, JSON.stringify(large));
});

async function mountDiv(page, id) {
  await page.evaluate(
    async ([data, id]) => {
      const { mount } = await import("/channel-sprawl.js");
      const fig = document.createElement("div");
      fig.id = id;
      document.querySelector("#main").append(fig);
      await mount(fig, JSON.stringify(data));
    },
    [DATA, id],
  );
  await ready(page, `#${id}`);
}

test("the drill-down's module is fetched when a reader points at the chart, not with it", async () => {
  const page = await open(env, "/test/blank.html");
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await mountDiv(page, "lazy");
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
  const extras = () => fetched.filter((p) => p.endsWith("/pkg/channel-sprawl-extras.js")).length;
  assert.equal(extras(), 0, "the first chart fetched the extras module");
  const at = await pointAtAngle(page, "#lazy", 60);
  const requested = page.waitForRequest((r) => r.url().endsWith("/pkg/channel-sprawl-extras.js"));
  await page.mouse.move(at.x, at.y);
  await requested;
  await page.mouse.click(at.x, at.y);
  assert.match(await page.locator("#lazy .cs-drill-title").textContent(), /^Support: 2 spaces$/);
  assert.equal(extras(), 1);
  assert.deepEqual(page.problems, []);
});

test("when the drill-down's module fails to load, the widget says so and the next click tries again", async () => {
  const page = await open(env, "/test/blank.html");
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.route("**/pkg/channel-sprawl-extras.js*", (route) => route.abort());
  await mountDiv(page, "flaky");
  const at = await pointAtAngle(page, "#flaky", 60);
  await page.mouse.click(at.x, at.y);
  const notice = page.locator("#flaky .cs-notice");
  await notice.waitFor();
  const said = "This part of the chart could not be loaded. Check the connection and try again.";
  assert.equal(await notice.textContent(), said);
  assert.equal(await page.locator("#flaky .cs-live").textContent(), said);
  assert.ok(warnings.some((w) => w.includes("could not be loaded")), warnings.join("\n"));
  // Said where the reader looks: under the drill-down's heading, in place of its list.
  assert.equal(await page.locator("#flaky .cs-drill .cs-drill-head + .cs-notice").count(), 1);
  assert.equal(await page.locator("#flaky .cs-spaces").count(), 0);
  await page.unroute("**/pkg/channel-sprawl-extras.js*");
  await page.keyboard.press("Escape");
  await page.mouse.click(at.x, at.y);
  await page.locator("#flaky .cs-spaces li").first().waitFor();
  assert.match(await page.locator("#flaky .cs-drill-title").textContent(), /^Support: 2 spaces$/);
  assert.equal(await notice.count(), 0, "the notice goes once the module is there");
  // The browser's own line for each aborted request; nothing else.
  assert.deepEqual(page.problems.filter((p) => !p.startsWith("Failed to load resource")), []);
});

/** Holds the requests matching `pattern` (a slow network) until the function it resolves to is called. */
async function hold(page, pattern) {
  let release;
  const gate = new Promise((done) => (release = done));
  await page.route(pattern, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

test("on a slow network: the drill-down's heading at once, a second click on Table does not close it, a dialog opens only if the reader waited", async () => {
  const page = await open(env, "/test/blank.html");
  const release = await hold(page, "**/pkg/channel-sprawl-extras.js*");
  await mountDiv(page, "slow");
  const at = await pointAtAngle(page, "#slow", 60);
  await page.mouse.click(at.x, at.y);
  // The heading at once (from the loader), the list when the module arrives.
  assert.equal(await page.locator("#slow .cs-drill-title").textContent(), "Support: 2 spaces");
  assert.equal(await page.locator("#slow .cs.is-waiting").count(), 1, "the pointer says the widget is busy");
  assert.equal(await page.locator("#slow .cs-drill").getAttribute("aria-busy"), "true", "the drill-down says it is not complete yet");
  const table = page.locator("#slow .cs-button", { hasText: "Table" });
  await table.click();
  assert.equal(await table.getAttribute("aria-busy"), "true", "the control pressed says it is busy");
  await table.click();
  // Enlarge, then the reader goes on to another control: no dialog takes the focus later.
  await page.locator("#slow .cs-button", { hasText: "Enlarge" }).click();
  await page.locator("#slow select").first().focus();
  release();
  await page.locator("#slow .cs-spaces li").first().waitFor();
  await page.locator("#slow .cs-table table").waitFor();
  assert.equal(await table.getAttribute("aria-pressed"), "true", "opened once, not opened and closed");
  await page.evaluate(() => new Promise((done) => setTimeout(done, 200)));
  assert.equal(await page.locator("#slow dialog[open]").count(), 0);
  assert.equal(await page.locator("#slow .cs.is-waiting").count(), 0);
  assert.equal(await page.locator("#slow [aria-busy]").count(), 0);
});

test("when the SVG export's build fails to load, the widget says so and the next click downloads", async () => {
  const page = await open(env, "/test/blank.html");
  let failures = 1;
  await page.route("**/pkg/export/channel_sprawl_bg.wasm*", (route) => (failures-- > 0 ? route.fulfill({ status: 503, body: "" }) : route.continue()));
  await mountDiv(page, "export");
  const svg = page.locator("#export .cs-button", { hasText: "SVG" });
  await svg.click();
  await page.locator("#export .cs-notice").waitFor();
  const download = page.waitForEvent("download");
  await svg.click();
  assert.equal((await download).suggestedFilename(), "export-theme.svg");
  assert.equal(await page.locator("#export .cs-notice").count(), 0, "the notice goes once the build is there");
});

test("a second click on an export while its build is slow to come downloads one file", async () => {
  const page = await open(env, "/test/blank.html");
  const release = await hold(page, "**/pkg/export/channel_sprawl_bg.wasm*");
  await mountDiv(page, "twice");
  const downloads = [];
  page.on("download", (d) => downloads.push(d.suggestedFilename()));
  const svg = page.locator("#twice .cs-button", { hasText: "SVG" });
  await svg.click();
  await page.locator("#twice .cs.is-waiting").waitFor();
  await svg.click();
  release();
  await page.locator("#twice .cs.is-waiting").waitFor({ state: "detached" });
  await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
  assert.deepEqual(downloads, ["twice-theme.svg"]);
});

test("a language's interface text is fetched only for a chart in that language", async () => {
  const page = await open(env, "/test/blank.html");
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  const summaries = await page.evaluate(async (data) => {
    const { mount } = await import("/channel-sprawl.js");
    const add = (id, lang) => {
      const fig = document.createElement("figure");
      fig.id = id;
      if (lang) fig.setAttribute("data-lang", lang);
      document.querySelector("#main").append(fig);
      return fig;
    };
    const en = add("en");
    await mount(en, JSON.stringify(data));
    const before = performance.getEntriesByType("resource").some((e) => e.name.includes("channel-sprawl-fr"));
    // A regional code picks its language; the option wins over the attribute.
    await mount(add("fr", "fr-CA"), JSON.stringify(data));
    await mount(add("opt", "de"), JSON.stringify(data), { lang: "fr" });
    await mount(add("de", "de"), JSON.stringify(data));
    const text = (id) => document.querySelector(`#${id} [data-channel-sprawl-host]`).shadowRoot.querySelector(".cs-summary").textContent;
    return { before, en: text("en"), fr: text("fr"), opt: text("opt"), de: text("de") };
  }, DATA);
  assert.equal(summaries.before, false, "an English chart fetched the French text");
  assert.equal(summaries.en, "3 spaces · 2 themes · 2 platforms");
  assert.equal(summaries.fr, "3 espaces · 2 thèmes · 2 plateformes");
  assert.equal(summaries.opt, summaries.fr);
  assert.equal(summaries.de, summaries.en, "a language without a table falls back to English");
  assert.equal(fetched.filter((p) => p.endsWith("/pkg/channel-sprawl-fr.js")).length, 1, "the French table is fetched once");
  assert.deepEqual(page.problems, []);
});

test("a title that names a grouping names the chart's, and follows the reader's; any other title stays", async () => {
  const page = await open(env, "/test/blank.html");
  const titles = await page.evaluate(async (data) => {
    const { mount } = await import("/channel-sprawl.js");
    const out = [];
    for (const [title, groupBy] of [["Acme's spaces by theme", "theme"], ["Acme in 2010", "theme"], ["Acme's spaces by country", "theme"]]) {
      const figure = document.createElement("figure");
      document.querySelector("#main").append(figure);
      await mount(figure, { ...data, title }, { groupBy });
      const first = figure.querySelector("[data-channel-sprawl-host]").shadowRoot.querySelector(".cs-title").textContent;
      const shown = () => figure.querySelector("[data-channel-sprawl-host]").shadowRoot.querySelector(".cs-title").textContent;
      const select = figure.querySelector("[data-channel-sprawl-host]").shadowRoot.querySelector("select");
      select.value = "platform";
      select.dispatchEvent(new Event("change"));
      const regrouped = shown();
      select.value = "theme";
      select.dispatchEvent(new Event("change"));
      out.push([first, regrouped, shown()]);
    }
    return out;
  }, DATA);
  assert.deepEqual(titles, [
    ["Acme's spaces by theme", "Acme's spaces by platform", "Acme's spaces by theme"],
    ["Acme in 2010", "Acme in 2010", "Acme in 2010"],
    // A title written for another grouping than the figure's names the chart's.
    ["Acme's spaces by theme", "Acme's spaces by platform", "Acme's spaces by theme"],
  ]);
});

test("a widget themed with --channel-sprawl-bg is painted on that background, canvas included", async () => {
  const page = await open(env, "/test/blank.html");
  const corners = await page.evaluate(async (data) => {
    const { mount } = await import("/channel-sprawl.js");
    const fig = document.createElement("figure");
    fig.style.cssText = "--channel-sprawl-bg: #002b36; --channel-sprawl-fg: #fdf6e3";
    document.querySelector("#main").append(fig);
    await mount(fig, data);
    const canvas = fig.querySelector("[data-channel-sprawl-host]").shadowRoot.querySelector("canvas");
    // Painted in the next frame.
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    const at = (x, y) => [...pixels.subarray((y * canvas.width + x) * 4, (y * canvas.width + x) * 4 + 3)];
    return [at(1, 1), at(canvas.width - 2, canvas.height - 2)];
  }, DATA);
  assert.deepEqual(corners, [[0, 0x2b, 0x36], [0, 0x2b, 0x36]]);
  assert.deepEqual(page.problems, []);
});

test("an empty dataset says so, with no controls that would do nothing; data brings them", async () => {
  const page = await open(env, "/test/blank.html");
  await page.evaluate(async () => {
    const { mount } = await import("/channel-sprawl.js");
    const fig = document.createElement("figure");
    fig.id = "empty";
    document.querySelector("#main").append(fig);
    await mount(fig, { company: "Acme", spaces: [] });
  });
  const fig = page.locator("#empty");
  assert.equal(await fig.getByText("This dataset has no spaces yet.").isVisible(), true);
  assert.equal(await fig.getByRole("button").count(), 0);
  assert.equal(await fig.getByRole("combobox").count(), 0);
  await page.evaluate(() => document.querySelector("#empty").channelSprawl.update({ company: "Acme", spaces: [{ name: "a", platform: "blog", themes: ["x"] }] }));
  assert.equal(await fig.getByRole("button", { name: "Enlarge" }).isVisible(), true);
  assert.deepEqual(page.problems, []);
});

test("a blogger's slips in the options: unknown values are said in the console, data-dedupe=\"false\" is off, data-theme is any case", async () => {
  const page = await open(env, "/test/blank.html");
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  const seen = await page.evaluate(async () => {
    const { mount } = await import("/channel-sprawl.js");
    const fig = document.createElement("figure");
    fig.id = "slips";
    for (const [k, v] of [["data-chart", "doughnut"], ["data-group-by", "platforms"], ["data-dedupe", "false"], ["data-theme", "Dark"]]) fig.setAttribute(k, v);
    document.querySelector("#main").append(fig);
    const spaces = ["FR", "DE"].map((c) => ({ name: `Acme ${c}`, platform: "blog", themes: ["news"], function: "acme", country: c }));
    await mount(fig, { company: "Acme", spaces });
    const root = fig.querySelector("[data-channel-sprawl-host]");
    const selects = [...root.shadowRoot.querySelectorAll("select")].map((s) => s.value);
    return { selects, summary: root.shadowRoot.querySelector(".cs-summary").textContent, scheme: root.dataset.scheme };
  });
  assert.deepEqual(seen, { selects: ["theme", "donut"], summary: "2 spaces · 1 theme · 1 platform", scheme: "dark" });
  assert.deepEqual(warnings.filter((w) => w.startsWith("channel-sprawl (slips)")), [
    'channel-sprawl (slips): data-group-by "platforms" is not one of theme, platform, department, country; using theme.',
    'channel-sprawl (slips): data-chart "doughnut" is not one of donut, pie, bar; using donut.',
  ]);
  // The fold's threshold with a decimal comma, or as a percentage; what is neither is said, as
  // are a theme and a language the chart does not know.
  const legends = await page.evaluate(async () => {
    const { mount } = await import("/channel-sprawl.js");
    const spaces = [...Array(90).fill("big"), ...Array(3).fill("a"), ...Array(3).fill("b"), ...Array(4).fill("c")].map((t, i) => ({ name: `s${i}`, platform: "blog", themes: [t] }));
    const out = {};
    for (const [id, below, extra] of [["comma", "0,05"], ["percent", "5 %"], ["words", "five percent", [["data-theme", "night"], ["data-lang", "de"]]]]) {
      const fig = document.createElement("figure");
      fig.id = id;
      fig.setAttribute("data-other-below", below);
      for (const [k, v] of extra || []) fig.setAttribute(k, v);
      document.querySelector("#main").append(fig);
      await mount(fig, { company: "Acme", spaces });
      out[id] = [...fig.querySelector("[data-channel-sprawl-host]").shadowRoot.querySelectorAll(".cs-entry[data-key]")].map((b) => b.dataset.key);
    }
    return out;
  });
  assert.deepEqual(legends, { comma: ["big", "~other"], percent: ["big", "~other"], words: ["big", "c", "a", "b"] });
  assert.deepEqual(warnings.filter((w) => /channel-sprawl \((comma|percent|words)\)/.test(w)), [
    'channel-sprawl (words): data-other-below "five percent" is not a fraction such as 0.05 (or 5%); using 0.02.',
    'channel-sprawl (words): data-theme "night" is not one of light, dark; following the reader\'s setting.',
    'channel-sprawl (words): data-lang "de" is not one of en, fr; using en.',
  ]);
});

test("a page that switches its own theme with a class on <html> repaints the chart's background", async () => {
  const page = await open(env, "/test/blank.html");
  const corner = await page.evaluate(async (data) => {
    const { mount } = await import("/channel-sprawl.js");
    document.head.append(Object.assign(document.createElement("style"), { textContent: ".night figure { --channel-sprawl-bg: #002b36; --channel-sprawl-fg: #fdf6e3; }" }));
    const fig = document.createElement("figure");
    document.querySelector("#main").append(fig);
    await mount(fig, data);
    const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    await frames();
    document.documentElement.classList.add("night");
    await frames();
    const c = fig.querySelector("[data-channel-sprawl-host]").shadowRoot.querySelector("canvas");
    const pixel = () => [...c.getContext("2d").getImageData(1, 1, 1, 1).data.subarray(0, 3)];
    const night = pixel();
    // And the figure's own data-theme, changed live: the dark scheme's background.
    document.documentElement.classList.remove("night");
    await frames();
    fig.setAttribute("data-theme", "dark");
    await frames();
    return [night, pixel()];
  }, DATA);
  assert.deepEqual(corner, [[0, 0x2b, 0x36], [0x1c, 0x1c, 0x1e]]);
  assert.deepEqual(page.problems, []);
});

test("two figures with one id: the console says so", async () => {
  const page = await open(env, "/test/blank.html");
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.evaluate(async (data) => {
    const { mount } = await import("/channel-sprawl.js");
    for (let i = 0; i < 2; i++) {
      const fig = document.createElement("figure");
      fig.id = "same";
      document.querySelector("#main").append(fig);
      await mount(fig, data);
    }
  }, DATA);
  assert.deepEqual(warnings.filter((w) => w.includes('"same"')), ['channel-sprawl: two figures have the id "same"; a link to a view of one of them cannot say which.']);
});

// Browser benchmark: our widget against Chart.js, Frappe Charts and d3-shape, in Debian's Chromium
// driven by playwright-core. `make bench` (= build, then `node bench/run.mjs`). See bench/README.md.
//
//   node bench/run.mjs [--runs N] [--quick] [--no-profile] [--json FILE]
//
// Every load is a fresh browser context with the HTTP cache disabled; pages are interleaved run
// by run (each run visits every page once, in a rotated order) so ratios are taken pair by pair
// within a run, under the same machine noise.
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";
import { SEED, smallDataset, largeDataset, segments, peerCounts } from "./data.mjs";
import { PAGES, LABELS, dataFor, page as makePage } from "./pages.mjs";
import { startBenchServer, fileOf } from "./server.mjs";
import { namedBuild, summarize } from "./profile.mjs";

// The flags tests/e2e/browser.mjs launches Chromium with (copied, so the bench does not depend on
// the test helpers' module).
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const VIEWPORT = { width: 900, height: 1000 };
const LATER_HOVERS = 8;
const LOAD_TIMEOUT_MS = 120_000;

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
if (flag("--help") || flag("-h")) {
  console.log("node bench/run.mjs [--runs N (default 7)] [--quick (N=3)] [--no-profile] [--json FILE (raw per-run numbers)]");
  process.exit(0);
}
const RUNS = option("--runs", flag("--quick") ? 3 : 7);
const PROFILE = !flag("--no-profile");
const JSON_OUT = args.includes("--json") ? args[args.indexOf("--json") + 1] : null;
const started = Date.now();
const loadStart = os.loadavg();

// ---------------------------------------------------------------- data and pages
// The pages that are ours or the page alone, shared by a dataset `sameAs` another.
const OWN = ["none", "data", "ours", "fetch"];
// `unfolded`: the large dataset again, the peers handed all 1,000 groups (as in the issue's peer
// table, where Frappe "draws 20 slices only"); ours and the page alone are the same pages as for
// `large` (`sameAs`), so their loads are not repeated and ratios pair them with the same run.
const large = largeDataset();
const DATASETS = {
  small: { data: smallDataset(), title: "100 spaces over 9 themes" },
  large: { data: large, title: "100,000 spaces in 1,000 themes" },
  unfolded: { data: large, title: "100,000 spaces in 1,000 themes, the peers handed all 1,000 groups", below: 0, sameAs: "large" },
};
const pages = new Map();
const files = new Map(); // the `fetch` pages' data files
for (const [ds, d] of Object.entries(DATASETS)) {
  d.raw = d.sameAs ? DATASETS[d.sameAs].raw : JSON.stringify(d.data);
  d.counts = peerCounts(d.data, d.below);
  d.segments = segments(d.data);
  for (const kind of PAGES) {
    if (d.sameAs ? OWN.includes(kind) : kind === "data" && ds !== "large") continue;
    const json = dataFor(kind, d.raw, JSON.stringify(d.counts));
    pages.set(`${kind}-${ds}`, Buffer.from(makePage(kind, json, { title: d.data.title, src: `/bench/${ds}.json` })));
  }
  if (!d.sameAs) files.set(`${ds}.json`, Buffer.from(d.raw));
}
pages.set("ours20-small", Buffer.from(makePage("ours", DATASETS.small.raw, { charts: 20, title: DATASETS.small.data.title })));

// ---------------------------------------------------------------- one load
const metricsOf = (r) => Object.fromEntries(r.metrics.map((m) => [m.name, m.value]));
const isCode = (url) => /\.(m?js|wasm|css)(\?|$)/.test(url);

async function load(browser, base, name, { hovers = true, profile = false } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const urls = new Map();
    const net = { bytes: 0, codeBytes: 0, htmlBytes: 0, requests: 0, failed: 0, files: [] };
    cdp.on("Network.requestWillBeSent", (e) => urls.set(e.requestId, e.request.url));
    cdp.on("Network.loadingFinished", (e) => {
      const url = urls.get(e.requestId) || "";
      net.bytes += e.encodedDataLength;
      net.requests++;
      if (isCode(url)) net.codeBytes += e.encodedDataLength;
      if (url.includes("/bench/")) net.htmlBytes += e.encodedDataLength;
      if (/^https?:/.test(url)) net.files.push(new URL(url).pathname);
    });
    cdp.on("Network.loadingFailed", () => net.failed++);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Performance.enable");
    if (profile) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
      await cdp.send("Profiler.start");
    }
    const before = metricsOf(await cdp.send("Performance.getMetrics"));
    await page.goto(`${base}/bench/${name}.html`, { waitUntil: "domcontentloaded", timeout: LOAD_TIMEOUT_MS });
    let timer;
    const result = await Promise.race([
      page.evaluate(() => window.__bench.done),
      new Promise((_, no) => (timer = setTimeout(() => no(new Error(`no chart after ${LOAD_TIMEOUT_MS / 1000} s`)), LOAD_TIMEOUT_MS))),
    ]).finally(() => clearTimeout(timer));
    // The chart is on screen: main-thread counters now.
    const after = metricsOf(await cdp.send("Performance.getMetrics"));
    const cpuProfile = profile ? (await cdp.send("Profiler.stop")).profile : null;
    if (result.error) throw new Error(`${name}: ${result.error}`);
    const d = (k) => (after[k] - (before[k] || 0)) * 1000;
    const out = {
      ...net,
      wall: result.marks.chart,
      ready: result.marks.ready,
      task: d("TaskDuration"),
      thread: d("ThreadTime"),
      process: d("ProcessTime"),
      script: d("ScriptDuration"),
      compile: d("V8CompileDuration"),
      layout: d("LayoutDuration"),
      style: d("RecalcStyleDuration"),
      cpuProfile,
    };
    await cdp.send("HeapProfiler.collectGarbage");
    out.heap = metricsOf(await cdp.send("Performance.getMetrics")).JSHeapUsedSize;
    if (/^(ours|fetch)/.test(name)) {
      const memory = await page.evaluate(() => window.__peer.wasmMemory()).catch(() => null);
      out.wasm = memory?.bytes ?? null;
      out.wasmVia = memory?.via;
    }
    // No hovers on the peers' 1,000 unfolded groups: the hover goal is ours on that dataset (its
    // `large` loads); some peers' hit areas are slivers there.
    if (hovers && !name.startsWith("none") && !name.startsWith("data") && !name.startsWith("ours20") && !name.endsWith("-unfolded")) Object.assign(out, await hover(page));
    if (/^(ours|fetch)/.test(name)) out.segments = await page.evaluate(() => window.__peer.segments());
    return out;
  } finally {
    await context.close();
  }
}

/** First hover on segment 0, then LATER_HOVERS alternating segments 1 and 0. */
async function hover(page) {
  const points = await page.evaluate(() => [window.__peer.hoverPoint(0), window.__peer.hoverPoint(1)]);
  const times = [];
  const hovered = [];
  for (let i = 0; i <= LATER_HOVERS; i++) {
    const target = i % 2;
    await page.evaluate(() => window.__bench.armHover());
    await page.mouse.move(points[target].x, points[target].y);
    times.push(await page.evaluate(() => window.__bench.hoverResult));
    if (i === 0 || i === LATER_HOVERS) hovered.push([target, await page.evaluate(() => window.__peer.hovered())]);
  }
  const later = times.slice(1);
  return {
    hover1: times[0].latency,
    hoverN: median(later.map((t) => t.latency)),
    work1: times[0].work,
    workN: median(later.map((t) => t.work)),
    hoverOk: hovered.every(([want, got]) => want === got),
    hovered,
  };
}

// ---------------------------------------------------------------- statistics and formatting
function median(list) {
  const s = list.filter((v) => v != null && Number.isFinite(v)).sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
const summary = (list) => {
  const s = list.filter((v) => v != null && Number.isFinite(v));
  return s.length ? { med: median(s), min: Math.min(...s), max: Math.max(...s), n: s.length } : null;
};

const METRICS = [
  { key: "bytes", label: "bytes transferred (KB)", scale: 1e-3, net: true },
  { key: "codeBytes", label: "  of which .js/.wasm/.css (KB)", scale: 1e-3 },
  { key: "requests", label: "requests", dp: 0 },
  { key: "wall", label: "wall to first chart (ms)", net: true },
  { key: "ready", label: "  wall to mount() resolved (ms)" },
  { key: "task", label: "main-thread busy: TaskDuration (ms)", net: true },
  { key: "thread", label: "main-thread CPU: ThreadTime (ms)", net: true },
  { key: "script", label: "  ScriptDuration (ms)" },
  { key: "compile", label: "  V8CompileDuration (ms)" },
  { key: "style", label: "  RecalcStyleDuration (ms)" },
  { key: "layout", label: "  LayoutDuration (ms)" },
  { key: "process", label: "renderer CPU, all threads (ms)", dp: 0, net: true },
  { key: "heap", label: "JS heap after GC (MB)", scale: 1e-6, dp: 2, net: true },
  { key: "wasm", label: "wasm linear memory (MB)", scale: 1e-6, dp: 2 },
  { key: "hover1", label: "first hover → next paint (ms)" },
  { key: "hoverN", label: `later hover → next paint (ms, med of ${LATER_HOVERS})` },
  { key: "work1", label: "first hover: the page's own work (ms)" },
  { key: "workN", label: `later hover: the page's own work (ms, med of ${LATER_HOVERS})` },
];
const num = (v, m) => {
  if (v == null) return "–";
  const x = v * (m.scale ?? 1);
  const dp = m.dp ?? (Math.abs(x) >= 100 ? 0 : 1);
  return x.toFixed(dp);
};
const cell = (s, m) => (s ? `${num(s.med, m)} [${num(s.min, m)}–${num(s.max, m)}]` : "–");
const ratioCell = (s) => (s ? `${s.med.toFixed(2)}× [${s.min.toFixed(2)}–${s.max.toFixed(2)}]` : "–");
function table(header, rows, first = 40) {
  const widths = header.map((h, i) => Math.max(i === 0 ? first : 0, h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
const kb = (n) => (n / 1000).toFixed(1);

// ---------------------------------------------------------------- main
function gitHead() {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: fileURLToPath(new URL("..", import.meta.url)), encoding: "utf8" }).trim() + (execFileSync("git", ["status", "--porcelain", "--", "src", "js", "www"], { cwd: fileURLToPath(new URL("..", import.meta.url)), encoding: "utf8" }).trim() ? " (+ uncommitted changes in src/js/www)" : "");
  } catch {
    return "?";
  }
}

const server = await startBenchServer(pages, { files });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS });
const log = (...a) => process.stderr.write(a.join(" ") + "\n");
const problems = [];

// Warm-up and checks: one unmeasured load of each page (the browser's first loads are slower), our
// segments against the counts handed to the peers, and each page's hover hits the right segment.
log(`warm-up and checks (${pages.size} loads)…`);
const tWarm = Date.now();
for (const name of pages.keys()) {
  const r = await load(browser, server.base, name);
  if (r.hoverOk === false) problems.push(`${name}: hover did not land on the expected segment (${JSON.stringify(r.hovered)})`);
  if (/^(ours|fetch)-/.test(name)) {
    const ds = name.split("-")[1];
    const want = DATASETS[ds].segments.map((g) => `${g.key}=${g.count}`).join(",");
    const got = r.segments.map((g) => `${g.key}=${g.count}`).join(",");
    if (want !== got) problems.push(`${name}: our segments (${got}) differ from the peers' counts (${want})`);
  }
}

log(`warm-up done in ${((Date.now() - tWarm) / 1000).toFixed(1)} s`);
const results = {}; // name → [per run]
const order = [...PAGES.map((k) => `${k}-small`), "ours20-small", ...PAGES.map((k) => `${k}-large`), ...PAGES.map((k) => `${k}-unfolded`)].filter((n) => pages.has(n));
for (let run = 0; run < RUNS; run++) {
  const t = Date.now();
  // Rotate the order within each dataset so no page always comes first or last.
  const rotate = (list) => list.map((_, i) => list[(i + run) % list.length]);
  const names = [...rotate(order.filter((n) => n.endsWith("-small"))), ...rotate(order.filter((n) => !n.endsWith("-small")))];
  for (const name of names) {
    let r = null;
    try {
      r = await load(browser, server.base, name);
      if (r.hoverOk === false) problems.push(`run ${run + 1} ${name}: hover missed (${JSON.stringify(r.hovered)})`);
    } catch (e) {
      problems.push(`run ${run + 1} ${name}: ${String(e.message || e).split("\n")[0]}`);
    }
    (results[name] ??= []).push(r);
    if (process.env.BENCH_VERBOSE) log(`  ${name}: ${r ? `chart ${r.wall.toFixed(0)} ms` : "failed"}`);
  }
  log(`run ${run + 1}/${RUNS} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

// Where our time goes: one profiled load of ours (small, then large) against a named build.
const profiles = [];
let profileNotes = [];
const tProfile = Date.now();
if (PROFILE) {
  log("profile…");
  const named = await namedBuild();
  log(`  named build in ${((Date.now() - tProfile) / 1000).toFixed(1)} s`);
  profileNotes = named.notes;
  const pserver = await startBenchServer(pages, { overrides: named.overrides });
  try {
    for (const ds of ["small", "large"]) {
      let t = Date.now();
      await load(browser, pserver.base, `ours-${ds}`, { hovers: false }); // warm the browser on this build
      log(`  ${ds}: unprofiled load ${((Date.now() - t) / 1000).toFixed(1)} s`);
      t = Date.now();
      const r = await load(browser, pserver.base, `ours-${ds}`, { hovers: false, profile: true });
      log(`  ${ds}: profiled load ${((Date.now() - t) / 1000).toFixed(1)} s`);
      const texts = new Map();
      const source = (url) => {
        if (!texts.has(url)) {
          const path = new URL(url).pathname;
          const name = path.startsWith("/bench/") ? path.slice(7, -5) : null;
          const file = name ? null : fileOf(path, named.overrides);
          texts.set(url, name ? pages.get(name)?.toString() : file ? readFileSync(file, "utf8") : null);
        }
        return texts.get(url);
      };
      profiles.push({ ds, wall: r.wall, ...summarize(r.cpuProfile, pserver.base, source) });
    }
  } catch (e) {
    problems.push(`profile: ${String(e.message || e).split("\n")[0]}`);
  } finally {
    await pserver.close();
    named.cleanup();
  }
}

if (PROFILE) log(`profile done in ${((Date.now() - tProfile) / 1000).toFixed(1)} s`);
const version = browser.version();
await browser.close();
await server.close();
const loadEnd = os.loadavg();

log("report…");
// ---------------------------------------------------------------- report
const out = [];
const say = (s = "") => out.push(s);
const cpu = os.cpus();
say(`channel-sprawl browser benchmark — ${new Date().toISOString()}`);
say(`Chromium ${version} (${process.env.CHROMIUM || "/usr/bin/chromium"}, headless, ${FLAGS.filter((f) => f !== "--headless").join(" ")}); playwright-core; node ${process.version}`);
say(`machine: ${cpu.length} × ${cpu[0]?.model.trim() || "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; load average (1/5/15 min) at start ${loadStart.map((l) => l.toFixed(2)).join(" / ")}, at end ${loadEnd.map((l) => l.toFixed(2)).join(" / ")}`);
say(`code: ${gitHead()}; www/pkg built ${statSync(fileURLToPath(new URL("../www/pkg/channel_sprawl_bg.wasm", import.meta.url))).mtime.toISOString()}`);
say(`${RUNS} runs × ${pages.size} pages, each load a fresh context (cache disabled), viewport ${VIEWPORT.width}×${VIEWPORT.height} @1x, pages interleaved per run; data seed ${SEED}; took ${((Date.now() - started) / 1000).toFixed(0)} s`);
say("cells: median [min–max] over the runs; ratios: ours ÷ peer computed within each run, then median [min–max]");
say("no HTTP compression (as scripts/serve.mjs): transferred bytes are raw; compressed sizes of the same files are below");
say();
say("What each page gets: ours the raw inventory (it validates, groups and folds small groups into Other itself, default options);");
say("the peers are handed PRECOMPUTED counts — the same segments ours draws (listed themes in dataset order, groups under 2 % folded into");
say("Other) — and draw a donut with animation off (ours does not animate). d3 = d3-path + d3-shape only (pie/arc → SVG paths, our own hover).");
say("In `unfolded` the peers are handed all 1,000 groups of the large dataset instead (the issue's peer table), each drawing what it");
say("draws of them (Frappe: 20 slices at most); ours and `none` there are the `large` loads of the same run.");
for (const [ds, d] of Object.entries(DATASETS)) {
  const other = d.segments.find((g) => g.key === "~other");
  say(`  ${ds}: ${d.title}; ours gets ${kb(d.raw.length)} KB of JSON, peers ${d.counts.counts.length} counts (${kb(JSON.stringify(d.counts).length)} KB)` + (other ? `; ${other.folded} groups folded into Other (${other.count} of ${d.segments.reduce((s, g) => s + g.count, 0)})` : ""));
}

const columns = ["none", "data", "ours", "fetch", "chartjs", "frappe", "d3"];
const peers = columns.filter((k) => !OWN.includes(k));
// A dataset `sameAs` another shares that one's loads of ours and of the page alone.
const loadsOf = (name) => {
  const [kind, ds] = name.split("-");
  const same = DATASETS[ds]?.sameAs;
  return results[same && OWN.includes(kind) ? `${kind}-${same}` : name] || [];
};
const series = (name, key) => loadsOf(name).map((r) => (r ? r[key] : null));
for (const ds of Object.keys(DATASETS)) {
  say();
  say(`== ${ds}: ${DATASETS[ds].title} ==`);
  const rows = METRICS.map((m) => [m.label, ...columns.map((k) => cell(summary(series(`${k}-${ds}`, m.key)), m))]);
  say(table(["metric", ...columns.map((k) => LABELS[k])], rows));
  say();
  say(`ratios ours ÷ peer (${ds}), and "net": (ours − none) ÷ (peer − none), the chart's own share of the page`);
  const ratioRows = [];
  const pair = (a, b, f) => a.map((x, i) => (x != null && b[i] != null ? f(x, b[i], i) : null));
  for (const m of METRICS.filter((m) => !["ready", "wasm", "requests"].includes(m.key))) {
    const ours = series(`ours-${ds}`, m.key);
    ratioRows.push([m.label.trim(), ...peers.map((k) => ratioCell(summary(pair(ours, series(`${k}-${ds}`, m.key), (a, b) => a / b))))]);
    if (m.net) {
      const none = series(`none-${ds}`, m.key);
      // A run where the peer's page costs no more than the page alone (the renderer's CPU comes in
      // 10 ms steps) has no net ratio: it is left out rather than divided by zero.
      const net = (a, b, i) => (none[i] == null || b - none[i] < 1e-6 ? null : (a - none[i]) / (b - none[i]));
      ratioRows.push([`  net of none`, ...peers.map((k) => ratioCell(summary(pair(ours, series(`${k}-${ds}`, m.key), net))))]);
    }
  }
  say(table(["metric", ...peers.map((k) => `ours ÷ ${LABELS[k]}`)], ratioRows));
  const carried = series(`data-${ds}`, "thread");
  if (carried.some((x) => x != null)) {
    const ours = series(`ours-${ds}`, "thread");
    const none = series(`none-${ds}`, "thread");
    const minus = (a, b) => summary(a.map((x, i) => (x != null && b[i] != null ? x - b[i] : null)));
    say(`main-thread CPU of carrying the data inline (page + data − none): ${cell(minus(carried, none), {})} ms; of our chart on top of it (ours − page + data): ${cell(minus(ours, carried), {})} ms`);
    say(`the same chart with the data in a file of its own (data-src), over the page alone: ${cell(minus(series(`fetch-${ds}`, "thread"), none), {})} ms`);
  }
}

say();
say("== 20 charts (small dataset) on one page vs one chart: ours ==");
say("20 figures, one every two paragraphs (the first in view, most below the fold, drawn only when scrolled near);");
say("measured until all 20 are mounted (mount() resolved) and the first is painted");
{
  const rows = [];
  for (const m of METRICS.filter((m) => ["bytes", "wall", "ready", "task", "thread", "script", "style", "layout", "process", "heap", "wasm"].includes(m.key))) {
    const one = series("ours-small", m.key);
    const many = series("ours20-small", m.key);
    rows.push([m.label, cell(summary(one), m), cell(summary(many), m), ratioCell(summary(many.map((x, i) => (x != null && one[i] != null ? x / one[i] : null))))]);
  }
  say(table(["metric", "ours ×1", "ours ×20", "×20 ÷ ×1"], rows));
}

// Static sizes of what each page loaded (the files on disk), raw / gzip -9 / brotli q11.
say();
say("== sizes of the files each page loads (static, from disk): raw / gzip -9 / brotli 11, KB ==");
{
  const rows = [];
  // Brotli quality 11 takes ~20 s on the 7.8 MB page: quality 9 with a 16 MB window above 1 MB (marked *).
  const brotli = (buf) => brotliCompressSync(buf, { params: buf.length > 1e6 ? { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_LGWIN]: 24 } : { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  const sizes = (buf) => [buf.length, gzipSync(buf, { level: 9 }).length, brotli(buf).length];
  const seen = new Set();
  for (const k of ["ours", "chartjs", "frappe", "d3"]) {
    const first = (results[`${k}-small`] || []).find(Boolean);
    if (!first) continue;
    const total = [0, 0, 0];
    for (const path of [...new Set(first.files)].filter(isCode)) {
      const file = fileOf(path);
      if (!file) continue;
      const s = sizes(readFileSync(file));
      s.forEach((v, i) => (total[i] += v));
      if (!seen.has(path)) rows.push([`${LABELS[k]}: ${path}`, ...s.map(kb)]);
      seen.add(path);
    }
    rows.push([`${LABELS[k]}: code total`, ...total.map(kb)]);
  }
  for (const [name, html] of pages) if (!name.startsWith("ours20")) rows.push([`page HTML with inline data: ${name}${html.length > 1e6 ? " (*brotli 9)" : ""}`, ...sizes(html).map(kb)]);
  for (const [name, json] of files) rows.push([`data file of the fetch page: ${name}${json.length > 1e6 ? " (*brotli 9)" : ""}`, ...sizes(json).map(kb)]);
  const d3full = fileURLToPath(new URL("../node_modules/d3/dist/d3.min.js", import.meta.url));
  try {
    rows.push(["(for reference, not loaded: d3/dist/d3.min.js, all of d3)", ...sizes(readFileSync(d3full)).map(kb)]);
  } catch {}
  say(table(["file", "raw", "gzip", "brotli"], rows, 52));
}

if (PROFILE) {
  say();
  say("== where our time goes: V8 CPU profile (CDP Profiler, 50 µs sampling) of one load, navigation → first chart ==");
  say(`build profiled: ${profileNotes.join("; ")}`);
  say("self time = time in the function itself (not its callees); sampling adds overhead, so totals exceed the table's");
  for (const p of profiles) {
    say();
    say(`ours, ${p.ds} (${DATASETS[p.ds].title}): ${p.busy.toFixed(0)} ms sampled busy on the main thread, first chart at ${p.wall.toFixed(0)} ms`);
    say("  by origin: " + p.files.slice(0, 8).map(([f, ms]) => `${f || "?"} ${ms.toFixed(1)} ms`).join(" · "));
    const top = p.top.filter((t) => t.name !== "(program)" && t.name !== "(garbage collector)").slice(0, 10);
    const rows = [];
    for (const t of top) {
      rows.push([`  ${t.name.length > 90 ? t.name.slice(0, 87) + "…" : t.name}  ${t.where}`, t.ms.toFixed(1), ((100 * t.ms) / p.busy).toFixed(1)]);
      if (t.hotLine?.text) rows.push([`      hottest line ${t.hotLine.line}: ${t.hotLine.text}`, "", ""]);
    }
    say(table(["  top 10 self time (excl. (program), (garbage collector))", "ms", "%"], rows, 60));
  }
}

say();
say(problems.length ? `problems (${problems.length}):\n  ` + problems.join("\n  ") : "checks: our segments match the peers' counts; every hover landed on the intended segment; no load failed");
const via = results["ours-small"]?.find((r) => r && r.wasm != null)?.wasmVia;
say(via ? `wasm memory: WebAssembly.Memory buffer size, read through ${via}` : "wasm memory: not reachable (no stats() on the loader, no WebAssembly.Memory among the glue's init() exports); performance.measureUserAgentSpecificMemory needs cross-origin isolation, which the bench pages do not have");
console.log(out.join("\n"));
if (JSON_OUT) {
  const strip = (r) => r && Object.fromEntries(Object.entries(r).filter(([k]) => !["cpuProfile", "files"].includes(k)));
  const raw = Object.fromEntries(Object.entries(results).map(([name, list]) => [name, list.map(strip)]));
  writeFileSync(JSON_OUT, JSON.stringify({ date: new Date().toISOString(), chromium: version, runs: RUNS, loadStart, loadEnd, results: raw, profiles: profiles.map((p) => ({ ...p, top: p.top.slice(0, 30) })), problems }, null, 1));
}
process.exitCode = problems.some((p) => !p.includes("hover")) ? 1 : 0;

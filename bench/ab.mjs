// Interleaved A/B of builds of our chart: the bench's `ours` page (or `fetch`, with --fetch) loaded
// with each build in turn, run after run, so that machine noise hits every build alike. For a
// change whose effect is smaller than the full bench's spread: a few ms of CPU, a frame of wall
// time, a few KB of heap. Not part of the tests.
//
//   node bench/ab.mjs [--runs N] [--large] [--fetch] [--hover] [--charts N] DIR_A DIR_B [DIR_C …]
//
// `--charts 20`: the page with 20 figures of the small dataset (as `make bench`'s `ours ×20`).
//
// Each DIR is laid out like www/: its channel-sprawl.js next to its pkg/ (the loader finds the
// wasm relative to itself). `www` is the working tree's build (`make build`). To compare with a
// commit:
//
//   git worktree add /tmp/before <commit> && make -C /tmp/before build
//   node bench/ab.mjs --runs 11 /tmp/before/www www
//
// Per build: main-thread CPU (ThreadTime) and wall time to the first chart, JS heap after GC and
// wasm memory (as make bench measures them), the first and later hover's own work with --hover,
// and the medians of any performance.measure() entries the build records (an instrumented copy).
// Then each build ÷ the first, run by run.
import { chromium } from "playwright-core";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { smallDataset, largeDataset } from "./data.mjs";
import { page as makePage } from "./pages.mjs";
import { startBenchServer } from "./server.mjs";

const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 9;
const chartsAt = args.indexOf("--charts");
const CHARTS = chartsAt >= 0 ? Number(args[chartsAt + 1]) : 1;
const dirs = args.filter((a, i) => !a.startsWith("--") && (runsAt < 0 || i !== runsAt + 1) && (chartsAt < 0 || i !== chartsAt + 1));
const KIND = args.includes("--fetch") ? "fetch" : "ours";
if (dirs.length < 2 || !(RUNS > 0)) {
  console.error("usage: node bench/ab.mjs [--runs N] [--large] [--fetch] [--hover] [--charts N] DIR_A DIR_B [DIR_C …]");
  process.exit(2);
}
for (const dir of dirs) {
  if (!existsSync(resolve(dir, "channel-sprawl.js")) || !existsSync(resolve(dir, "pkg"))) {
    console.error(`${dir}: no channel-sprawl.js and pkg/ there (run make build, or scripts/bundle.mjs on it)`);
    process.exit(2);
  }
}

const data = args.includes("--large") ? largeDataset() : smallDataset();
const raw = JSON.stringify(data);
const base = makePage(KIND, KIND === "ours" ? raw : "", { title: data.title, src: "/bench/data.json", charts: CHARTS });
const pages = new Map();
const overrides = {};
dirs.forEach((dir, i) => {
  // Build i is served under /ab/i/, and its page imports its own loader there.
  overrides[`/ab/${i}/`] = resolve(dir);
  pages.set(`ab${i}`, Buffer.from(base.replace('from "/channel-sprawl.js"', `from "/ab/${i}/channel-sprawl.js"`)));
});
if (pages.get("ab0").equals(Buffer.from(base))) throw new Error("the bench page no longer imports /channel-sprawl.js; update bench/ab.mjs");
const server = await startBenchServer(pages, { overrides, files: new Map([["data.json", Buffer.from(raw)]]) });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS });

const metricsOf = (r) => Object.fromEntries(r.metrics.map((m) => [m.name, m.value]));
async function load(i) {
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Performance.enable");
    const before = metricsOf(await cdp.send("Performance.getMetrics"));
    await page.goto(`${server.base}/bench/ab${i}.html`, { waitUntil: "domcontentloaded" });
    const result = await page.evaluate(() => window.__bench.done);
    if (result.error) throw new Error(`${dirs[i]}: ${result.error}`);
    const after = metricsOf(await cdp.send("Performance.getMetrics"));
    const ms = (name) => (after[name] - before[name]) * 1000;
    const out = { cpu: ms("ThreadTime"), script: ms("ScriptDuration"), style: ms("RecalcStyleDuration"), layout: ms("LayoutDuration"), wall: result.marks.chart };
    for (const m of await page.evaluate(() => performance.getEntriesByType("measure").map((e) => [e.name, e.duration]))) out[`measure: ${m[0]}`] = m[1];
    await cdp.send("HeapProfiler.collectGarbage");
    out.heapKB = metricsOf(await cdp.send("Performance.getMetrics")).JSHeapUsedSize / 1024;
    out.wasmMB = ((await page.evaluate(() => window.__peer.wasmMemory()))?.bytes ?? NaN) / 2 ** 20;
    if (args.includes("--hover")) {
      const points = await page.evaluate(() => [window.__peer.hoverPoint(0), window.__peer.hoverPoint(1)]);
      const work = [];
      for (let k = 0; k <= 8; k++) {
        await page.evaluate(() => window.__bench.armHover());
        await page.mouse.move(points[k % 2].x, points[k % 2].y);
        const r = await page.evaluate(() => window.__bench.hoverResult);
        work.push(r.work);
        if (k === 0) Object.assign(out, { hover1: r.work, hover1handlers: r.handlers, hover1frame: r.work - r.handlers });
      }
      out.hoverN = median(work.slice(1));
    }
    return out;
  } finally {
    await context.close();
  }
}

function median(xs) {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
}
const cell = (xs, dp = 1) => (xs.some(Number.isFinite) ? `${median(xs).toFixed(dp)} [${Math.min(...xs.filter(Number.isFinite)).toFixed(dp)}–${Math.max(...xs.filter(Number.isFinite)).toFixed(dp)}]` : "–");

// One unmeasured load of each build warms the browser; then the runs, in an order rotated per run.
for (let i = 0; i < dirs.length; i++) await load(i);
const results = dirs.map(() => []);
for (let run = 0; run < RUNS; run++) {
  for (let k = 0; k < dirs.length; k++) {
    const i = (k + run) % dirs.length;
    results[i][run] = await load(i);
  }
  process.stderr.write(`run ${run + 1}/${RUNS}\r`);
}
await browser.close();
await server.close();

const keys = [...new Set(results.flat().flatMap((r) => Object.keys(r)))];
const labels = { cpu: "main-thread CPU to first chart (ms)", script: "  ScriptDuration (ms)", style: "  RecalcStyleDuration (ms)", layout: "  LayoutDuration (ms)", wall: "wall to first chart (ms)", heapKB: "JS heap after GC (KB)", wasmMB: "wasm memory (MB)", hover1: "first hover, own work (ms)", hover1handlers: "  of which pointer handlers", hover1frame: "  of which the next frame's callbacks", hoverN: "later hovers, own work (ms)" };
console.log(`A/B of ${dirs.length} builds, ${KIND} page${CHARTS > 1 ? ` with ${CHARTS} charts` : ""}, ${data.spaces.length.toLocaleString("en")} spaces; ${RUNS} interleaved runs; median [min–max]; ratios ÷ ${dirs[0]}, run by run`);
const head = ["metric", ...dirs.map((d, i) => `${"ABCDEFGH"[i]}: ${d}`), ...dirs.slice(1).map((_, i) => `${"ABCDEFGH"[i + 1]} ÷ A`)];
const rows = keys.map((key) => {
  const per = results.map((rs) => rs.map((r) => r[key]));
  const ratios = per.slice(1).map((xs) => cell(xs.map((x, run) => x / per[0][run]), 2) + "×");
  return [labels[key] || key, ...per.map((xs) => cell(xs, key === "wasmMB" ? 2 : 1)), ...ratios];
});
const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
for (const r of [head, head.map((_, c) => "-".repeat(widths[c])), ...rows]) console.log(r.map((v, c) => (c ? v.padStart(widths[c]) : v.padEnd(widths[c]))).join("  "));

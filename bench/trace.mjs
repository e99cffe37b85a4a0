// Where the main thread's time goes, by trace event: one load of each page with a Chromium trace
// (devtools.timeline + v8 categories), the renderer main thread's top-level events summed by name
// (self time: an event's duration minus its children's), navigation → the page's "chart" mark.
// With `--cpu`, the events' thread time instead of their wall time (`tdur`): what the main thread
// computed, without the waits (on the browser process, on other threads, descheduled on a busy
// machine) that wall time includes. Then the font lookups in that span: the families the browser
// process matched and the strikes (one face at one size and weight) it was asked about, each a
// synchronous call out of the renderer, inside style and layout.
//
//   node bench/trace.mjs [--runs N (default 3)] [--large] [--cpu] [ours fetch data frappe none …]   (after `make build`)
import { chromium } from "playwright-core";
import { smallDataset, largeDataset, peerCounts } from "./data.mjs";
import { page as makePage, PAGES, dataFor } from "./pages.mjs";
import { startBenchServer } from "./server.mjs";

const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const kinds = args.filter((a, i) => !a.startsWith("--") && (runsAt < 0 || i !== runsAt + 1));
const LARGE = args.includes("--large");
const CPU = args.includes("--cpu");
/** An event's duration: wall time, or with `--cpu` its thread time where the trace has one. */
const took = (e) => (CPU ? e.tdur ?? e.dur : e.dur);
const wanted = kinds.length ? kinds : ["none", "ours", "frappe"];

const data = LARGE ? largeDataset() : smallDataset();
const raw = JSON.stringify(data);
const pages = new Map();
for (const kind of PAGES) pages.set(kind, Buffer.from(makePage(kind, dataFor(kind, raw, JSON.stringify(peerCounts(data))), { title: data.title, src: "/bench/data.json" })));
const server = await startBenchServer(pages, { files: new Map([["data.json", Buffer.from(raw)]]) });
const base = server.base;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS });
const CATS = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.wasm", "blink", "blink.user_timing", "loading", "fonts", "__metadata"];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const kind of wanted) {
  const totals = new Map();
  const busy = [];
  const fonts = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await browser.startTracing(page, { categories: CATS });
    await page.goto(`${base}/bench/${kind}.html`);
    await page.evaluate(() => window.__bench.done);
    const end = await page.evaluate(() => performance.getEntriesByName("bench:chart")[0]?.startTime ?? performance.now());
    const trace = JSON.parse((await browser.stopTracing()).toString());
    await context.close();
    const events = trace.traceEvents;
    // The page's renderer: the one whose main thread records the bench's "chart" mark.
    const mark = events.find((e) => e.name === "bench:chart" || e.name === "bench:ready");
    const nav = events.find((e) => e.name === "navigationStart" && (!mark || e.pid === mark.pid));
    const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain" && e.pid === nav?.pid);
    if (!main || !nav) throw new Error("no renderer main thread in the trace");
    const t0 = nav.ts, t1 = nav.ts + end * 1000;
    const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.ts >= t0 && e.ts <= t1).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    // Self time per name, over the nesting of complete events.
    const stack = [];
    const self = new Map();
    let top = 0;
    for (const e of mine) {
      while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) self.set(parent, (self.get(parent) ?? took(parent)) - took(e));
      else top += took(e);
      self.set(e, self.get(e) ?? took(e));
      stack.push(e);
    }
    const byName = new Map();
    for (const [e, us] of self) {
      const name = e.name === "FunctionCall" || e.name === "EvaluateScript" || e.name === "v8.compile" ? `${e.name} ${(e.args?.data?.url || e.args?.data?.functionName || "").replace(base, "")}` : e.name;
      byName.set(name, (byName.get(name) ?? 0) + us / 1000);
    }
    for (const [n, ms] of byName) totals.set(n, [...(totals.get(n) ?? []), ms]);
    busy.push(top / 1000);
    const count = (name) => mine.filter((e) => e.name === name);
    const families = count("FontDataManager::onMatchFamilyStyle"), strikes = count("WebSandboxSupportLinux::GetWebFontRenderStyleForStrike");
    fonts.push({ families: families.length, strikes: strikes.length, ms: [...families, ...strikes].reduce((sum, e) => sum + e.dur, 0) / 1000 });
  }
  const rows = [...totals].map(([n, xs]) => [n, median([...xs, ...Array(RUNS - xs.length).fill(0)])]).sort((a, b) => b[1] - a[1]);
  console.log(`\n== ${kind}: top-level main-thread events ${median(busy).toFixed(1)} ms ${CPU ? "of thread time" : "of wall time"} (median of ${RUNS}), navigation → chart; self time by event ==`);
  for (const [n, ms] of rows.slice(0, 22)) if (ms >= 0.2) console.log(`${ms.toFixed(1).padStart(7)}  ${n}`);
  const of = (key) => median(fonts.map((f) => f[key]));
  console.log(`font lookups (median): ${of("families")} families matched, ${of("strikes")} strikes, ${of("ms").toFixed(1)} ms waiting on the browser process`);
}
await browser.close();
server.close();

// Where our page's heap goes, next to the page alone: one load of the bench's small page and of
// the `none` page, a heap snapshot of each after GC, self sizes summed by node type and name, the
// difference listed largest first (V8's code, strings and objects, and Blink's native objects).
//
//   node bench/heap.mjs      (after `make build`)
import { chromium } from "playwright-core";
import { smallDataset } from "./data.mjs";
import { page as makePage } from "./pages.mjs";
import { startBenchServer } from "./server.mjs";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const data = smallDataset();
const pages = new Map([["ours", Buffer.from(makePage("ours", JSON.stringify(data), { title: data.title }))], ["none", Buffer.from(makePage("none", "", { title: data.title }))]]);
const server = await startBenchServer(pages);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: FLAGS });
async function snap(kind) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.base}/bench/${kind}.html`);
  await page.evaluate(() => window.__bench.done);
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  const chunks = [];
  cdp.on("HeapProfiler.addHeapSnapshotChunk", (e) => chunks.push(e.chunk));
  await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  const s = JSON.parse(chunks.join(""));
  const f = s.snapshot.meta.node_fields, types = s.snapshot.meta.node_types[0], n = f.length;
  const it = f.indexOf("type"), iname = f.indexOf("name"), isz = f.indexOf("self_size");
  const by = new Map();
  for (let i = 0; i < s.nodes.length; i += n) {
    const type = types[s.nodes[i + it]];
    let name = type === "object" || type === "native" || type === "closure" ? s.strings[s.nodes[i + iname]] : type;
    name = `${type}:${String(name).slice(0, 50)}`;
    by.set(name, (by.get(name) || 0) + s.nodes[i + isz]);
  }
  await context.close();
  return by;
}
const none = await snap("none"), ours = await snap("ours");
const diff = [...ours].map(([k, v]) => [k, v - (none.get(k) || 0)]).sort((a, b) => b[1] - a[1]);
let total = 0; for (const [, v] of diff) total += v;
console.log("total diff KB", (total / 1024).toFixed(1));
for (const [k, v] of diff.slice(0, 30)) console.log((v / 1024).toFixed(1).padStart(8), k);
await browser.close(); server.close();

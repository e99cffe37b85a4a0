// What the first chart runs, and so how much a split of the code could take off its download: one
// load of the bench's small page stopped at the first chart, and one after two hovers. For the
// wasm, the functions V8 compiled (it compiles each on its first call: its `wasm.CompileLazy`
// trace events); for the loader and the glue, V8's precise coverage (byte ranges of functions and
// blocks that ran). Each file's bytes that ran and did not, alone in brotli, and the first chart's
// download if only what it runs were sent: the wasm with every function it did not call reduced to
// a bare `unreachable` (checked to draw the same first chart in a third load), the scripts' code
// that ran. A ceiling: a real split pays for the stubs and the loading of the rest.
//
// And the floor of a split that can never trap: the first chart's and the hovers' exports may
// reach (with other data, options or a problem in the data) more than this page's profile calls,
// and a call into code not yet loaded would kill the instance. So the wasm reduced to every
// function those exports can statically reach: direct calls, `ref.func`, and for `call_indirect`
// every table function of that signature (read from binaryen's `wasm-dis` text).
//
//   node bench/split.mjs      (after `make build`)
import { chromium } from "playwright-core";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { smallDataset } from "./data.mjs";
import { page as makePage } from "./pages.mjs";
import { startBenchServer } from "./server.mjs";

const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const WASM = new URL("../www/pkg/channel_sprawl_bg.wasm", import.meta.url);
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SCRIPTS = { "/channel-sprawl.js": "loader", "/pkg/channel_sprawl.js": "glue" };
const br = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => (n / 1000).toFixed(1);

const data = smallDataset();
const pages = new Map([["ours", Buffer.from(makePage("ours", JSON.stringify(data), { title: data.title }))]]);
const server = await startBenchServer(pages);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS });

/** One load: the wasm functions called (by index, imports counted) and each script's bytes run. */
async function load(hover, base = server.base) {
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Profiler.enable");
  await cdp.send("Debugger.enable");
  await cdp.send("Profiler.startPreciseCoverage", { callCount: true, detailed: true });
  await browser.startTracing(page, { categories: ["v8.wasm"] });
  await page.goto(`${base}/bench/ours.html`);
  await page.evaluate(() => window.__bench.done);
  const pixels = await page.evaluate(() => document.querySelector("[data-channel-sprawl-host]")?.shadowRoot?.querySelector("canvas")?.toDataURL() ?? null);
  if (hover) {
    const box = await page.locator("canvas").first().boundingBox();
    const r = Math.min(box.width, box.height) * 0.4;
    for (const dx of [r, -r]) await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2);
    await page.locator(".cs-tooltip").first().waitFor({ state: "visible", timeout: 5000 });
  }
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const called = new Set(trace.traceEvents.filter((e) => e.name === "wasm.CompileLazy").map((e) => e.args.func_index));
  const { result } = await cdp.send("Profiler.takePreciseCoverage");
  const scripts = {};
  for (const s of result) {
    const name = SCRIPTS[new URL(s.url || "about:blank").pathname];
    if (!name || !s.url.startsWith(base)) continue;
    const { scriptSource } = await cdp.send("Debugger.getScriptSource", { scriptId: s.scriptId });
    const ran = new Uint8Array(scriptSource.length);
    // Ranges nest, outer first: an inner range overrides its function's.
    for (const f of s.functions) for (const r of f.ranges) ran.fill(r.count > 0 ? 1 : 0, r.startOffset, r.endOffset);
    scripts[name] = { source: scriptSource, ran };
  }
  await context.close();
  if (!called.size) throw new Error("no wasm.CompileLazy events: does this Chromium still compile wasm lazily?");
  return { called, scripts, pixels, errors };
}

/**
 * The defined functions (0-based, imports not counted) statically reachable from the exported
 * ones in `roots` (absolute indices).
 */
function reachable(wasmPath, imports, roots) {
  const text = execFileSync(join(ROOT, "node_modules/.bin/wasm-dis"), [wasmPath], { encoding: "utf8", maxBuffer: 1 << 28 });
  const signature = (s) => {
    const params = [...s.matchAll(/\(param (?:\$\S+ )?([^)]*)\)/g)].map((m) => m[1].trim()).join(" ");
    return `${params}->${[...s.matchAll(/\(result ([^)]*)\)/g)].map((m) => m[1].trim()).join(" ")}`;
  };
  const types = new Map([...text.matchAll(/^ \(type \$(\d+) \(func(.*)\)\)$/gm)].map((m) => [m[1], signature(m[2])]));
  const funcs = new Map();
  let current = null;
  for (const line of text.split("\n")) {
    const head = line.match(/^ \(func \$(\d+) (.*)$/);
    if (head) funcs.set(Number(head[1]), (current = { signature: signature(head[2]), calls: new Set(), indirect: new Set() }));
    else if (line.startsWith(" (")) current = null;
    else if (current) {
      for (const m of line.matchAll(/\((?:return_)?call \$(\d+)|\(ref\.func \$(\d+)/g)) current.calls.add(Number(m[1] ?? m[2]));
      for (const m of line.matchAll(/\((?:return_)?call_indirect (?:\$\S+ )?\(type \$(\d+)\)/g)) current.indirect.add(types.get(m[1]));
    }
  }
  if (funcs.size === 0) throw new Error("wasm-dis printed no functions");
  const table = [...text.matchAll(/\(elem [^\n]*/g)].flatMap((m) => [...m[0].matchAll(/\$(\d+)(?=[\s)])/g)].map((n) => Number(n[1])));
  const exported = [...text.matchAll(/\(export "[^"]+" \(func \$(\d+)\)\)/g)].map((m) => Number(m[1]));
  const reached = new Set();
  const entries = exported.filter((f) => roots.has(imports + f));
  const todo = [...entries];
  while (todo.length) {
    const f = todo.pop();
    if (reached.has(f) || !funcs.has(f)) continue;
    reached.add(f);
    const fn = funcs.get(f);
    todo.push(...fn.calls);
    for (const s of fn.indirect) todo.push(...table.filter((t) => funcs.get(t)?.signature === s));
  }
  return { reached, entries: entries.length };
}

/** The module's sections, and its function bodies (with the number of imported functions). */
function sections(bytes) {
  let p = 8;
  const leb = () => {
    let n = 0, shift = 0, b;
    do {
      b = bytes[p++];
      n += (b & 127) * 2 ** shift;
      shift += 7;
    } while (b & 128);
    return n;
  };
  const out = { imports: 0, bodies: [], code: null };
  while (p < bytes.length) {
    const start = p, id = bytes[p++], size = leb(), end = p + size;
    if (id === 2) {
      for (let n = leb(); n > 0; n--) {
        for (let k = 0; k < 2; k++) {
          const length = leb(); // the module's name, then the field's
          p += length;
        }
        const kind = bytes[p++];
        if (kind === 0) (leb(), out.imports++);
        else if (kind === 1) (p++, bytes[p++] & 1 ? (leb(), leb()) : leb());
        else if (kind === 2) (bytes[p++] & 1 ? (leb(), leb()) : leb());
        else p += 2;
      }
    } else if (id === 10) {
      out.code = [start, end];
      for (let n = leb(); n > 0; n--) {
        const size = leb();
        out.bodies.push(bytes.subarray(p, p + size));
        p += size;
      }
    }
    p = end;
  }
  return out;
}

const uleb = (n) => {
  const out = [];
  do {
    let b = n & 127;
    n = Math.floor(n / 128);
    if (n) b |= 128;
    out.push(b);
  } while (n);
  return Buffer.from(out);
};

const wasm = readFileSync(WASM);
const mod = sections(wasm);
const imported = WebAssembly.Module.imports(new WebAssembly.Module(wasm)).filter((i) => i.kind === "function").length;
if (mod.imports !== imported) throw new Error(`read ${mod.imports} imported functions, the module has ${imported}`);
const first = await load(false);
const hovered = await load(true);

// The wasm's functions: run by the first chart, first run by the hovers, not run.
const parts = { first: [], hover: [], rest: [] };
mod.bodies.forEach((body, i) => {
  const index = mod.imports + i;
  parts[first.called.has(index) ? "first" : hovered.called.has(index) ? "hover" : "rest"].push(body);
});
const sum = (bodies) => bodies.reduce((n, b) => n + b.length, 0);
// The first chart's wasm: every function it did not call reduced to `unreachable`.
const UNREACHABLE = Buffer.from([3, 0, 0x00, 0x0b]); // size 3: no locals, unreachable, end
const keeping = (...sets) => {
  const bodies = mod.bodies.map((body, i) => (sets.some((set) => set.has(mod.imports + i)) ? Buffer.concat([uleb(body.length), body]) : UNREACHABLE));
  const payload = Buffer.concat([uleb(mod.bodies.length), ...bodies]);
  return Buffer.concat([wasm.subarray(0, mod.code[0]), Buffer.from([10]), uleb(payload.length), payload, wasm.subarray(mod.code[1])]);
};
const primary = keeping(first.called);
if (!WebAssembly.validate(primary)) throw new Error("the reduced wasm does not validate");
// The reduced wasm must draw the same first chart: else a function ran without a lazy compile
// (compiled some other way) and the ceiling below would be too low.
const dir = mkdtempSync(join(tmpdir(), "split-"));
writeFileSync(join(dir, "reduced.wasm"), primary);
const reducedServer = await startBenchServer(pages, { overrides: { "/pkg/channel_sprawl_bg.wasm": join(dir, "reduced.wasm") } });
const reduced = await load(false, reducedServer.base);
await reducedServer.close();
rmSync(dir, { recursive: true });
await browser.close();
await server.close();
if (first.errors.length || reduced.errors.length) throw new Error(`console errors: ${[...first.errors, ...reduced.errors].join("; ")}`);
if (!first.pixels || reduced.pixels !== first.pixels) throw new Error("the reduced wasm drew another first chart");

console.log(`What the first chart runs (bench page, ${data.spaces.length} spaces); brotli of each part alone, KB`);
const rows = [["wasm code", `${mod.bodies.length} functions`, `${parts.first.length}: ${kb(br(Buffer.concat(parts.first)))}`, `${parts.hover.length}: ${kb(br(Buffer.concat(parts.hover)))}`, `${parts.rest.length}: ${kb(br(Buffer.concat(parts.rest)))}`, kb(br(wasm))]];
let scriptsRan = 0, scriptsAll = 0;
for (const name of ["loader", "glue"]) {
  const a = first.scripts[name], b = hovered.scripts[name];
  if (!a || !b) throw new Error(`no coverage of the ${name}`);
  let ran = "", later = "", rest = "";
  for (let i = 0; i < a.source.length; i++) {
    const c = a.source[i];
    if (a.ran[i]) ran += c;
    else if (b.ran[i]) later += c;
    else rest += c;
  }
  const whole = br(Buffer.from(a.source));
  scriptsRan += br(Buffer.from(ran));
  scriptsAll += whole;
  const pct = (s) => `${((100 * s.length) / a.source.length).toFixed(0)} %`;
  rows.push([name, `${a.source.length} B`, `${pct(ran)}: ${kb(br(Buffer.from(ran)))}`, `${pct(later)}: ${kb(br(Buffer.from(later)))}`, `${pct(rest)}: ${kb(br(Buffer.from(rest)))}`, kb(whole)]);
}
const head = ["", "size", "first chart", "then hovers", "not run", "whole file"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
for (const r of [head, ...rows]) console.log(r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  "));
console.log(`wasm bytes run by the first chart: ${sum(parts.first)} of ${sum(mod.bodies)} in function bodies`);
console.log(`the wasm reduced to what the first chart calls: ${kb(br(primary))} KB brotli, with what the hovers call too ${kb(br(keeping(first.called, hovered.called)))} (whole ${kb(br(wasm))})`);
const called = new Set([...first.called, ...hovered.called]);
const { reached, entries } = reachable(WASM.pathname, mod.imports, called);
const missed = [...called].filter((f) => !reached.has(f - mod.imports));
if (missed.length) throw new Error(`the call graph misses edges: functions ${missed.join(", ")} ran but are not reachable from the exports`);
const safe = keeping(new Set([...reached].map((f) => mod.imports + f)));
if (!WebAssembly.validate(safe)) throw new Error("the statically reduced wasm does not validate");
console.log(`a split that never traps keeps what the ${entries} exports the first chart and the hovers call can reach: ${reached.size} of ${mod.bodies.length} functions, ${sum(mod.bodies.filter((_, i) => reached.has(i)))} of ${sum(mod.bodies)} B; that wasm is ${kb(br(safe))} KB brotli`);
console.log(`first chart, only what it runs: ${kb(br(primary) + scriptsRan)} KB brotli (as shipped ${kb(br(wasm) + scriptsAll)}); a split pays for its stubs and the second fetch on top`);

// Our widget, mounted with the raw inventory (it validates and groups the spaces itself).
import * as loader from "/channel-sprawl.js";

const B = __bench;
// The widget paints in a requestAnimationFrame callback once the canvas is near the viewport. The
// first 2D drawing call marks "drawn"; the first task after that frame marks "chart". The wrappers
// restore the originals on that first call, so nothing else is slowed down.
const proto = CanvasRenderingContext2D.prototype;
const saved = ["beginPath", "fill", "fillRect", "stroke", "strokeRect", "clearRect", "fillText"].filter((n) => proto[n]).map((n) => [n, proto[n]]);
let painted;
const paintedP = new Promise((r) => (painted = r));
for (const [name, original] of saved) {
  proto[name] = function (...args) {
    for (const [n, f] of saved) proto[n] = f;
    B.mark("drawn");
    B.afterThisFrame("chart").then(painted);
    return original.apply(this, args);
  };
}

const figures = [...document.querySelectorAll("figure.bench-chart")];
try {
  // Inline data is handed over as text; a figure with `data-src` (the `fetch` page) fetches it.
  await Promise.all(figures.map((f) => loader.mount(f, f.querySelector('script[type="application/json"]')?.textContent)));
  B.mark("ready");
  const failed = figures.filter((f) => !f.hasAttribute("data-channel-sprawl-ready"));
  if (failed.length) throw new Error(`${failed.length} figure(s) not ready: ` + failed[0].textContent.slice(0, 300));
  await paintedP;
  B.finish();
} catch (e) {
  B.fail(e && e.stack ? e.stack : e);
}

// Geometry for the hover: segment i's middle angle, clockwise from twelve o'clock, 80 % out on
// the ring (as tests/e2e/browser.mjs pointAtAngle), from the legend's counts.
const root = () => figures[0].querySelector("[data-channel-sprawl-host]").shadowRoot;
const counts = () => [...root().querySelectorAll(".cs-legend .cs-entry[data-key]")].map((b) => Number(b.querySelector(".cs-count").textContent.replace(/\D/g, "")));
window.__peer = {
  segments() {
    return [...root().querySelectorAll(".cs-legend .cs-entry[data-key]")].map((b) => ({ key: b.dataset.key, count: Number(b.querySelector(".cs-count").textContent.replace(/\D/g, "")) }));
  },
  hoverPoint(i) {
    const c = counts();
    const total = c.reduce((a, b) => a + b, 0);
    const before = c.slice(0, i).reduce((a, b) => a + b, 0);
    const angle = ((before + c[i] / 2) / total) * 2 * Math.PI;
    const box = root().querySelector("canvas").getBoundingClientRect();
    const r = 0.8 * (Math.min(box.width, box.height) / 2 - 12);
    return { x: box.left + box.width / 2 + r * Math.sin(angle), y: box.top + box.height / 2 - r * Math.cos(angle) };
  },
  hovered() {
    const tip = root().querySelector(".cs-tooltip");
    if (!tip || tip.hidden) return -1;
    const label = tip.querySelector("strong")?.textContent;
    return [...root().querySelectorAll(".cs-legend .cs-entry[data-key] .cs-label")].findIndex((l) => l.textContent === label);
  },
  async wasmMemory() {
    // The loader's stats() when it has one; else the glue module the loader imported (same URL,
    // same module instance): its init() returns the instance's exports once initialised, and the
    // memory is the export that is a WebAssembly.Memory (its name may be minified).
    const stats = typeof loader.stats === "function" ? loader.stats() : null;
    if (stats && stats.wasmMemory) return { bytes: stats.wasmMemory, via: "the loader's stats().wasmMemory" };
    const entries = () => performance.getEntriesByType("resource").map((e) => e.name);
    const glueUrl = entries().find((u) => /\/pkg\/[^/]*\.js(\?|$)/.test(u));
    if (!glueUrl) return null;
    const wasmLoads = entries().filter((u) => u.endsWith(".wasm")).length;
    const exports = await (await import(glueUrl)).default();
    if (entries().filter((u) => u.endsWith(".wasm")).length !== wasmLoads) return null; // not the loader's instance
    const memory = exports && Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
    return memory ? { bytes: memory.buffer.byteLength, via: "the WebAssembly.Memory export of the glue's init()" } : null;
  },
};

// Where the first chart of 100,000 spaces spends its time in the wasm: `new Widget` on the bench's
// large dataset (7.8 MB of JSON), four times in a row on one page, three fresh pages, under V8's
// default tiering and under flags that pin one tier. Not part of the tests.
//
//   node bench/tiers.mjs            (≈ 1 min; needs `make build`)
//
// Reading it: the first call runs the functions V8 compiled lazily with its baseline compiler
// (Liftoff) until their tier-up (TurboFan, compiled on other threads) lands, over fresh memory;
// the later calls run optimised code over memory already grown. `--liftoff-only` is what a call
// would cost with no tier-up at all, `--no-liftoff` compiles everything with TurboFan up front
// (at instantiation), so its first call has no baseline code left in it.
import { chromium } from "playwright-core";
import { largeDataset } from "./data.mjs";
import { startBenchServer } from "./server.mjs";

const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const VARIANTS = [[], ["--liftoff-only"], ["--no-liftoff"], ["--no-wasm-dynamic-tiering"]];
const text = JSON.stringify(largeDataset());
const server = await startBenchServer(new Map([["tiers", Buffer.from("<!doctype html><title>tiers</title><canvas></canvas>")]]));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`new Widget on 100,000 spaces (${(text.length / 1e6).toFixed(1)} MB of JSON), ms: median of 3 pages [min–max]`);
console.log(["V8 flags".padEnd(28), "1st call".padStart(18), "2nd–4th calls".padStart(18)].join(""));
try {
  for (const flags of VARIANTS) {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: [...FLAGS, ...(flags.length ? [`--js-flags=${flags.join(" ")}`] : [])] });
    const first = [];
    const later = [];
    for (let run = 0; run < 3; run++) {
      const page = await browser.newPage();
      await page.goto(`${server.base}/bench/tiers.html`);
      const times = await page.evaluate(async (text) => {
        const glue = await import("/pkg/channel_sprawl.js");
        glue.initSync({ module: await WebAssembly.compileStreaming(fetch("/pkg/channel_sprawl_bg.wasm")) });
        const canvas = document.querySelector("canvas");
        const out = [];
        for (let i = 0; i < 4; i++) {
          const t0 = performance.now();
          const widget = new glue.Widget(canvas, text, {}, () => {});
          out.push(performance.now() - t0);
          widget.free();
        }
        return out;
      }, text);
      first.push(times[0]);
      later.push(median(times.slice(1)));
      await page.close();
    }
    const cell = (xs) => `${median(xs).toFixed(0)} [${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}]`.padStart(18);
    console.log([(flags.join(" ") || "(default)").padEnd(28), cell(first), cell(later)].join(""));
    await browser.close();
  }
} finally {
  await server.close();
}

// Many groups: what a reader's clicks cost on a chart of thousands of themes (each theme one
// space, so every group is under 2 % and all fold into one Other). For each size: mount() until
// ready, then "+" on Other (every group in the legend, a page at a time), then "Show only" on the
// first group (all the others hidden), each timed from the click to the first task after the
// next frame; and the length of the page's URL after it (the fragment names the shown groups when
// they are fewer). Not part of the tests.
//
//   node bench/groups.mjs [--runs N (default 3)] [--www DIR] [SIZE …]   (after `make build`; default
//   sizes 1000 20000; --www: another build laid out like www/, e.g. a worktree's, instead of www/)
import { chromium } from "playwright-core";
import { resolve } from "node:path";
import { startBenchServer } from "./server.mjs";

const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const args = process.argv.slice(2);
const value = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : null);
const RUNS = Number(value("--runs") ?? 3);
const WWW = value("--www");
const sizes = args.filter((a, i) => !a.startsWith("--") && !["--runs", "--www"].includes(args[i - 1])).map(Number);
const SIZES = sizes.length ? sizes : [1000, 20000];

const page = '<!doctype html><html lang="en"><meta charset="utf-8"><title>groups</title><main id="main"><figure id="many"></figure></main>';
const overrides = WWW ? { "/channel-sprawl.js": resolve(WWW, "channel-sprawl.js"), "/pkg/": resolve(WWW, "pkg") + "/" } : {};
const server = await startBenchServer(new Map([["groups", Buffer.from(page)]]), { overrides });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs) => `${median(xs).toFixed(0)} [${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}]`;

console.log(`many groups: ${RUNS} runs per size, a fresh context each; ms, median [min–max]; Chromium ${browser.version()}; build ${WWW || "www"}`);
console.log("groups     mount → ready     expand Other      isolate one       legend entries   URL after (chars)");
for (const n of SIZES) {
  const text = JSON.stringify({ company: "Many", spaces: Array.from({ length: n }, (_, i) => ({ name: `Space ${i}`, platform: "blog", themes: [`t${i}`] })) });
  const m = { ready: [], expand: [], isolate: [], entries: 0, url: 0 };
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
    const tab = await context.newPage();
    await tab.goto(`${server.base}/bench/groups.html`);
    m.ready.push(
      await tab.evaluate(async (text) => {
        const { mount } = await import("/channel-sprawl.js");
        const t0 = performance.now();
        await mount(document.querySelector("#many"), text);
        return performance.now() - t0;
      }, text),
    );
    // A click in the shadow root, timed to the first task after the frame that shows it.
    const click = (selector) =>
      tab.evaluate(
        (selector) =>
          new Promise((done) => {
            const root = document.querySelector("#many [data-channel-sprawl-host]").shadowRoot;
            const t0 = performance.now();
            root.querySelector(selector).click();
            requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0)));
          }),
        selector,
      );
    m.expand.push(await click('.cs-tool[data-act="expand"]'));
    m.isolate.push(await click('.cs-tool[data-act="isolate"]'));
    m.entries = await tab.evaluate(() => document.querySelector("#many [data-channel-sprawl-host]").shadowRoot.querySelectorAll(".cs-legend .cs-item").length);
    m.url = await tab.evaluate(() => location.href.length);
    await context.close();
  }
  console.log(`${String(n).padEnd(11)}${range(m.ready).padEnd(18)}${range(m.expand).padEnd(18)}${range(m.isolate).padEnd(18)}${String(m.entries).padEnd(17)}${m.url}`);
}
await browser.close();
server.close();

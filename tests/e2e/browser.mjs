// Shared set-up for the end-to-end tests: the static server on 127.0.0.1 and Debian's Chromium
// driven by playwright-core (never a downloaded browser).
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { startServer } from "../../scripts/serve.mjs";

export const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
export const SHOTS = new URL("../../target/screenshots/", import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

export async function launch() {
  const server = await startServer(0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS });
  return {
    base,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** A new page that records console errors and page errors in `page.problems`. */
export async function open(env, path, options = {}) {
  const context = await env.browser.newContext({ viewport: { width: 900, height: 1000 }, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (m) => m.type() === "error" && page.problems.push(m.text()));
  page.on("pageerror", (e) => page.problems.push(String(e)));
  await page.goto(env.base + path);
  return page;
}

/** Waits until the figure is mounted, and its canvas drawn. */
export async function ready(page, selector = "figure[data-channel-sprawl]") {
  await page.waitForSelector(`${selector}[data-channel-sprawl-ready]`);
  await page.locator(`${selector} canvas`).first().scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

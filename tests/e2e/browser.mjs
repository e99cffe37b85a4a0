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
  // E2E_SLOW=<ms>: every part fetched on use (extras, languages, the CSV and export builds) comes that
  // much later, as on a slow network, to flush out tests that race them.
  const slow = Number(process.env.E2E_SLOW);
  if (slow > 0) {
    await context.route((url) => /\/pkg\/(channel-sprawl-(extras|fr)\.js|csv\/|export\/)/.test(url.pathname), async (route) => {
      await new Promise((done) => setTimeout(done, slow));
      await route.fallback();
    });
  }
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

/** The set of `#rrggbb` colours painted on the figure's canvas, once a change is painted (the next frame). */
export function canvasColors(page, figure) {
  return page.evaluate(async (sel) => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const canvas = document.querySelector(sel).querySelector("[data-channel-sprawl-host]").shadowRoot.querySelector("canvas");
    const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4) seen.add("#" + [data[i], data[i + 1], data[i + 2]].map((c) => c.toString(16).padStart(2, "0")).join(""));
    return [...seen];
  }, figure).then((list) => new Set(list));
}

/** Legend entries: key, label, count and swatch colour. */
export function legend(page, figure) {
  return page.locator(`${figure} .cs-legend .cs-entry[data-key]`).evaluateAll((bs) =>
    bs.map((b) => ({
      key: b.dataset.key,
      label: b.querySelector(".cs-label").textContent,
      count: Number(b.querySelector(".cs-count").textContent.replace(/\s/g, "")),
      color: b.querySelector(".cs-swatch").style.getPropertyValue("--swatch"),
      dotted: getComputedStyle(b.querySelector(".cs-swatch")).backgroundImage.includes("radial-gradient"),
      pressed: b.getAttribute("aria-pressed") === "true",
    })),
  );
}

/**
 * Waits for the figure's drill-down to be complete (its heading comes at once, its list with the
 * extras module: the section is aria-busy until then) and returns the locator of its list.
 */
/** Once the page has stopped scrolling (a smooth scroll that brings a list into view). */
export function scrolled(page) {
  return page.waitForFunction(
    () => {
      const [y, before] = [scrollY, window.__scrolledY];
      window.__scrolledY = y;
      return y === before;
    },
    null,
    { polling: 150 },
  );
}

export async function drillDown(page, figure) {
  const list = page.locator(`${figure} .cs-drill:not([aria-busy]) .cs-spaces`);
  await list.waitFor();
  return list;
}

/** The words of the figure's legend labels that are broken across two lines. */
export function splitWords(page, figure) {
  return page.evaluate((figure) => {
    const root = document.querySelector(figure).querySelector("[data-channel-sprawl-host]").shadowRoot;
    const split = [];
    for (const label of root.querySelectorAll(".cs-label")) {
      const text = label.firstChild;
      for (const m of text.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(text, m.index);
        range.setEnd(text, m.index + m[0].length);
        // A word split over two lines has client rects on two lines.
        if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) split.push(m[0]);
      }
    }
    return split;
  }, figure);
}

/** What a reader gets by clicking `button`: the download's file name and its bytes. */
export async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const chunks = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

/** The page point at `degrees` clockwise from twelve o'clock, `radius` (0–1) of the way out on the ring. */
export async function pointAtAngle(page, figure, degrees, radius = 0.8) {
  await page.locator(`${figure} canvas`).scrollIntoViewIfNeeded();
  const box = await page.locator(`${figure} canvas`).boundingBox();
  const outer = Math.min(box.width, box.height) / 2 - 12;
  const r = outer * radius;
  const a = (degrees * Math.PI) / 180;
  return { x: box.x + box.width / 2 + r * Math.sin(a), y: box.y + box.height / 2 - r * Math.cos(a) };
}

/** Points at the segment at `degrees` and waits for its tooltip: the point and the tooltip. */
export async function hoverAtAngle(page, figure, degrees) {
  const at = await pointAtAngle(page, figure, degrees);
  await page.mouse.move(at.x, at.y);
  const tip = page.locator(`${figure} .cs-tooltip`);
  await tip.waitFor();
  return { at, tip };
}

export async function clickAtAngle(page, figure, degrees, radius) {
  const p = await pointAtAngle(page, figure, degrees, radius);
  await page.mouse.click(p.x, p.y);
}

/**
 * Records every `channel-sprawl:select` the figure dispatches from now on; resolves to
 * `take(atLeast)`, which waits until that many are recorded (if given) and returns the details
 * recorded since the last `take`.
 */
export async function recordSelects(page, figure) {
  await page.evaluate((sel) => {
    const fig = document.querySelector(sel);
    fig.__recorded = [];
    fig.addEventListener("channel-sprawl:select", (e) => fig.__recorded.push(e.detail));
  }, figure);
  return async (atLeast = 0) => {
    if (atLeast) await page.waitForFunction(([sel, n]) => document.querySelector(sel).__recorded.length >= n, [figure, atLeast]);
    return page.evaluate((sel) => document.querySelector(sel).__recorded.splice(0), figure);
  };
}

/**
 * Starts recording `channel-sprawl:select` events on the figure; resolves to a function that
 * waits for the next one and returns its detail. (Installing the listener first, then acting,
 * avoids racing the page.)
 */
export async function nextSelect(page, figure) {
  const seen = await page.evaluate((sel) => {
    const fig = document.querySelector(sel);
    if (!fig.__selects) {
      fig.__selects = [];
      fig.addEventListener("channel-sprawl:select", (e) => fig.__selects.push(e.detail));
    }
    return fig.__selects.length;
  }, figure);
  return async () => {
    const handle = await page.waitForFunction(([sel, n]) => document.querySelector(sel).__selects[n], [figure, seen]);
    return handle.jsonValue();
  };
}

// Time from navigation to data-channel-sprawl-ready on the Dell post: node bench/ready.mjs (after make build).
import { launch } from "../tests/e2e/browser.mjs";
import os from "node:os";
const env = await launch();
const times = [];
for (let i = 0; i < 9; i++) {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    new MutationObserver((records, observer) => {
      for (const r of records) if (r.target.id === "dell" && r.target.hasAttribute("data-channel-sprawl-ready")) { window.__ready = performance.now(); observer.disconnect(); }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-channel-sprawl-ready"] });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await page.goto(env.base + "/posts/dell.html");
  await page.waitForSelector("#dell[data-channel-sprawl-ready]");
  times.push(await page.evaluate(() => window.__ready));
  await context.close();
}
times.sort((a, b) => a - b);
console.log(`navigation → data-channel-sprawl-ready, Dell post, 9 fresh loads: median ${times[4].toFixed(0)} ms [${times[0].toFixed(0)}–${times[8].toFixed(0)}], load ${os.loadavg()[0].toFixed(2)}`);
await env.close();

// One chart failing must not take the others down (a panic traps the whole wasm instance). With
// the test-only hook (feature `test-hooks`), chart #b panics while painting: #b shows an error,
// #a and #c keep their state and keep working on a fresh instance, and new charts still mount.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, ready, legend, clickAtAngle, nextSelect, SHOTS } from "./browser.mjs";

let env;
before(async () => (env = await launch()));
after(() => env.close());

test("a panic in one chart stays in that chart", async () => {
  const page = await open(env, "/test/containment.html");
  for (const id of ["#a", "#b", "#c"]) await ready(page, id);
  await page.evaluate(() => document.querySelector("#c").channelSprawl.select("education"));
  const before = await legend(page, "#c");

  // Arm #b's canvas and make it repaint: the paint traps.
  await page.evaluate(() => {
    const canvas = document.querySelector("#b [data-channel-sprawl-host]").shadowRoot.querySelector("canvas");
    canvas.setAttribute("data-test-panic", "");
    canvas.style.width = "300px";
  });
  await page.locator("#b [role=alert]").waitFor();
  assert.match(await page.locator("#b [role=alert]").textContent(), /stopped because of an internal error/);
  assert.ok(page.problems.some((p) => p.includes("(b): this chart failed")), page.problems.join("\n"));

  // #c kept its state on the new instance and still answers the reader.
  await page.waitForFunction(() => document.querySelector("#c [data-channel-sprawl-host]").shadowRoot.querySelector(".cs-drill:not([hidden])"));
  assert.deepEqual(await legend(page, "#c"), before);
  const selectA = await nextSelect(page, "#a");
  await clickAtAngle(page, "#a", 20);
  assert.equal((await selectA()).key, "expertise");
  await page.locator("#c .cs-button", { hasText: "Table" }).click();
  // The table's code is fetched on first use.
  await page.locator("#c .cs-table tbody tr").first().waitFor();
  assert.equal(await page.locator("#c .cs-table tbody tr").count(), before.length);

  // A chart added afterwards mounts on the new instance.
  await page.evaluate(() => {
    const fig = document.createElement("figure");
    fig.id = "d";
    fig.setAttribute("data-channel-sprawl", "");
    fig.setAttribute("data-src", "/data/bt.json");
    document.querySelector("main").append(fig);
  });
  await ready(page, "#d");
  assert.equal((await legend(page, "#d")).length, 5);
  await page.screenshot({ path: SHOTS + "containment.png", fullPage: true });
});

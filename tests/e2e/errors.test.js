// Bad data never breaks the page: each broken figure shows what is wrong and where, in place,
// and logs it; the good chart next to it works; nothing from the data becomes markup or a link.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, ready, SHOTS, canvasColors, clickAtAngle, nextSelect } from "./browser.mjs";

let env;
before(async () => (env = await launch()));
after(() => env.close());

test("a broken dataset shows every problem with its path; the good chart still works", async () => {
  const page = await open(env, "/test/errors.html");
  await ready(page, "#good");
  const alert = page.locator("#broken [role=alert]");
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /3 problems/);
  assert.match(text, /spaces\[1\]\.themes: a space needs at least one theme/);
  assert.match(text, /spaces\[2\]\.name: must not be empty/);
  assert.match(text, /spaces\[2\]\.audience: an audience is a number of at least 0/);
  assert.equal(await page.locator("#broken").getAttribute("data-channel-sprawl-ready"), null);
  const syntax = await page.locator("#syntax [role=alert]").textContent();
  // Where the text stops being JSON, by line and column.
  assert.match(syntax, /line 1, column 33: the data cannot be read: the data ends too soon/);
  // A figure without data (here a typo, data-scr) is told how to give it some.
  const nodata = await page.locator("#nodata [role=alert]").textContent();
  assert.match(nodata, /dataset: the figure has no data: give it a <script type="application\/json"> or <script type="text\/csv"> child, or a data-src attribute/);
  // Logged to the console too, with the same paths.
  assert.ok(page.problems.some((p) => p.includes("spaces[1].themes")), page.problems.join("\n"));

  // The good chart: exact dataset colours, selection works.
  const colors = await canvasColors(page, "#good");
  assert.ok(colors.has("#1b6ca8") && colors.has("#c4501b"));
  const event = await nextSelect(page, "#good");
  await clickAtAngle(page, "#good", 20);
  const detail = await event();
  assert.equal(detail.key, "support");
  assert.deepEqual(detail.spaces, ["@GoodCares", "<img src=x onerror=alert(1)>"]);
  await page.locator("#broken").screenshot({ path: SHOTS + "errors-broken.png" });
});

test("a problem is said in the reader's colour scheme", async () => {
  const page = await open(env, "/test/errors.html", { colorScheme: "dark" });
  const alert = page.locator("#broken [role=alert]");
  await alert.waitFor();
  const lightness = async () => (await alert.evaluate((e) => getComputedStyle(e).backgroundColor)).match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b);
  assert.ok((await lightness()) < 200, "a dark box");
  // And as the scheme changes: the reader's, or on paper.
  await page.emulateMedia({ colorScheme: "light" });
  await page.waitForFunction(() => document.querySelector("#broken [data-channel-sprawl-host]").dataset.scheme === "light");
  assert.ok((await lightness()) > 600, "a light box");
  await page.emulateMedia({ colorScheme: "dark", media: "print" });
  assert.ok((await lightness()) > 600, "a light box on paper");
});

test("dataset text is text: no markup from the data, no javascript: link", async () => {
  const page = await open(env, "/test/errors.html");
  await ready(page, "#good");
  await page.evaluate(() => document.querySelector("#good").channelSprawl.select("promo"));
  const drill = page.locator("#good .cs-spaces");
  await drill.waitFor();
  assert.equal(await page.locator("#good .cs-spaces img").count(), 0);
  assert.match(await drill.textContent(), /<img src=x onerror=alert\(1\)>/);
  const hrefs = await page.locator("#good .cs-spaces a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(hrefs, []);
  assert.match(await drill.textContent(), /Deals/);
  // The javascript: URL is named in a console warning, with its space, not an error.
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.reload();
  await ready(page, "#good");
  assert.ok(warnings.some((w) => w.includes('spaces[1].url: ') && w.includes('"Deals" ("javascript:alert(1)") is shown without one')), warnings.join("\n"));
});

test("the chart's code missing or served without its type: one download, or a message naming the file", async () => {
  // A .wasm served as application/octet-stream (a host that does not know the type): the chart
  // draws, from one download.
  const plain = await open(env, "/posts/bt.html");
  let downloads = 0;
  await plain.route("**/pkg/channel_sprawl_bg.wasm", async (route) => {
    downloads++;
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-type": "application/octet-stream" } });
  });
  await plain.reload();
  await ready(plain, "#bt");
  assert.equal(downloads, 1);
  // Missing (the upload forgot it): said in place of the chart, with the file's address.
  const missing = await open(env, "/posts/bt.html");
  await missing.route("**/pkg/channel_sprawl_bg.wasm", (route) => route.fulfill({ status: 404, body: "" }));
  await missing.reload();
  const alert = missing.locator("#bt [role=alert]");
  await alert.waitFor();
  assert.match(await alert.textContent(), /^Le graphique n’a pas pu charger son code depuis http:\/\/127\.0\.0\.1:\d+\/pkg\/channel_sprawl_bg\.wasm \(HTTP 404\)\.$/);
  assert.ok(!missing.problems.some((p) => /Uncaught|unhandled/i.test(p)), missing.problems.join("\n"));
  // A comparison says it in place of the whole figure, as a single chart does.
  const compared = await open(env, "/posts/comparaison.html");
  await compared.route("**/pkg/channel_sprawl_bg.wasm", (route) => route.fulfill({ status: 404, body: "" }));
  await compared.reload();
  await compared.locator("#comparaison [role=alert]").waitFor();
  assert.match(await compared.locator("#comparaison [role=alert]").textContent(), /channel_sprawl_bg\.wasm \(HTTP 404\)\.$/);
  // The glue missing: its HTTP status too, not "not a JavaScript module".
  const glue = await open(env, "/posts/bt.html");
  await glue.route("**/pkg/channel_sprawl.js", (route) => route.fulfill({ status: 404, body: "" }));
  await glue.reload();
  await glue.locator("#bt [role=alert]").waitFor();
  assert.match(await glue.locator("#bt [role=alert]").textContent(), /depuis http:\/\/127\.0\.0\.1:\d+\/pkg\/channel_sprawl\.js \(HTTP 404\)\.$/);
  // No answer at all (a connection cut): the file's address too, not a problem "in the data".
  const cut = await open(env, "/posts/bt.html");
  await cut.route("**/pkg/channel_sprawl_bg.wasm", (route) => route.abort("connectionreset"));
  await cut.reload();
  await cut.locator("#bt [role=alert]").waitFor();
  assert.match(await cut.locator("#bt [role=alert]").textContent(), /^Le graphique n’a pas pu charger son code depuis http:\/\/127\.0\.0\.1:\d+\/pkg\/channel_sprawl_bg\.wasm \(pas de réponse\)\.$/);
  assert.equal(await cut.locator("#bt [role=alert] ul").count(), 0, "no empty list");
  // A comparison needs the extras module too: missing, it is named in place of the figure.
  const extras = await open(env, "/posts/comparaison.html");
  await extras.route("**/pkg/channel-sprawl-extras.js*", (route) => route.fulfill({ status: 503, body: "" }));
  await extras.reload();
  await extras.locator("#comparaison [role=alert]").waitFor();
  assert.match(await extras.locator("#comparaison [role=alert]").textContent(), /depuis http:\/\/127\.0\.0\.1:\d+\/pkg\/channel-sprawl-extras\.js \(HTTP 503\)\.$/);
});

test("a blogger's paste slips: a script without the JSON type is named as written, one wrapped by the editor is read, curly quotes and syntax are said in the chart's language", async () => {
  const page = await open(env, "/test/blank.html");
  const data = JSON.stringify({ company: "Acme", spaces: [{ name: "@Acme", platform: "Twitter", themes: ["support"] }] });
  await page.evaluate((data) => {
    document.querySelector("#main").innerHTML = [
      `<figure id="untyped" data-channel-sprawl><script type="text/plain" data-was="no type">${data}</script></figure>`,
      `<figure id="json" data-channel-sprawl><script type="text/json">${data}</script></figure>`,
      // As an editor's automatic paragraphs leave it.
      `<figure id="wrapped" data-channel-sprawl><p><script type="application/json">${data}</script></p></figure>`,
      `<figure id="curly" data-channel-sprawl><script type="application/json">{\u201ccompany\u201d: "Acme", "spaces": []}</script></figure>`,
      `<figure id="comma" data-channel-sprawl data-lang="fr"><script type="application/json">{"company": "Acme",\n "spaces": [],\n}</script></figure>`,
      // A widget's JSON in the caption, another inside the figure beside its own CSV: not data.
      `<figure id="captioned" data-channel-sprawl><script type="application/json">${data}</script><figcaption><span><script type="application/json">{"embed": 42}</script></span></figcaption></figure>`,
      `<figure id="csv" data-channel-sprawl data-company="Acme"><script type="text/csv">name,platform,themes\n@Acme,Twitter,support</script><div><script type="application/json">{"share": true}</script></div></figure>`,
    ].join("");
  }, data);
  const alert = async (id) => {
    await page.locator(`#${id} [role=alert]`).waitFor();
    return page.locator(`#${id} [role=alert] li`).textContent();
  };
  assert.equal(await alert("untyped"), 'dataset: its data script is written <script type="text/plain" data-was="no type">: give it type="application/json" (or type="text/csv" for CSV)');
  assert.match(await alert("json"), /^dataset: its data script is written <script type="text\/json">: /);
  await ready(page, "#wrapped");
  assert.equal(await alert("curly"), "line 1, column 2: the data cannot be read: curly quotes: JSON's are straight (\")");
  assert.equal(await alert("comma"), "ligne 3, colonne 1 : les données sont illisibles : une clé entre guillemets était attendue");
  await ready(page, "#captioned");
  assert.equal(await page.locator("#captioned [data-channel-sprawl-compare]").count(), 0, "one chart, not a comparison");
  await ready(page, "#csv");
  assert.equal(await page.locator("#csv .cs-title").textContent(), "Acme");
});

test("an element that gets data-channel-sprawl after the page loaded is mounted", async () => {
  const page = await open(env, "/test/blank.html");
  await page.evaluate(() => {
    const fig = document.createElement("figure");
    fig.id = "late";
    fig.innerHTML = '<script type="application/json">{"company": "Late", "spaces": [{"name": "a", "platform": "blog", "themes": ["x"]}]}</script>';
    document.querySelector("#main").append(fig);
    return new Promise((done) => setTimeout(done, 50));
  });
  assert.equal(await page.locator("#late [data-channel-sprawl-host]").count(), 0);
  await page.evaluate(() => document.querySelector("#late").setAttribute("data-channel-sprawl", ""));
  await ready(page, "#late");
  assert.match(await page.locator("#late .cs-summary").textContent(), /^1 space/);
});

test("a page script that adds a figure and mounts it itself at once: no \"no data\" message or error on the way", async () => {
  const page = await open(env, "/test/blank.html");
  const seen = await page.evaluate(async () => {
    const { mount } = await import("/channel-sprawl.js");
    const fig = document.createElement("figure");
    fig.setAttribute("data-channel-sprawl", "");
    document.querySelector("#main").append(fig);
    await new Promise((done) => setTimeout(done)); // the page's framework renders, then mounts
    await mount(fig, { company: "App", spaces: [{ name: "a", platform: "blog", themes: ["x"] }] });
    await new Promise((done) => setTimeout(done, 50));
    return { alert: !!fig.querySelector("[data-channel-sprawl-host]")?.shadowRoot.querySelector("[role=alert]"), failed: fig.hasAttribute("data-channel-sprawl-error") };
  });
  assert.deepEqual(seen, { alert: false, failed: false });
  assert.deepEqual(page.problems, []);
});

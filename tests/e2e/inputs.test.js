// Inputs (SPEC §1, §3): inline CSV read by the core with row/column problems, data-src JSON and
// CSV, and failures that name the URL and the status, each in place of its chart only.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, ready, legend, download } from "./browser.mjs";

let env;
before(async () => (env = await launch()));
after(() => env.close());

test("inline CSV, data-src JSON and CSV draw; broken inputs say what and where", async () => {
  const page = await open(env, "/test/inputs.html");
  for (const id of ["#csv", "#src-json", "#src-csv"]) await ready(page, id);
  assert.equal(await page.locator("#csv .cs-title").textContent(), "BT, from CSV");
  assert.deepEqual((await legend(page, "#csv")).map((e) => [e.key, e.count]), [["support", 2], ["conversation", 1], ["expertise", 1], ["hr", 1], ["communication", 1]]);
  assert.match(await page.locator("#src-json .cs-summary").textContent(), /^6 spaces · 5 themes · 3 platforms$/);
  // spaces.csv is as Excel saves a sheet in French: a byte-order mark, CRLF, `;` between fields.
  assert.match(await page.locator("#src-csv .cs-summary").textContent(), /^3 spaces · 2 themes · 3 platforms$/);
  // And a sheet saved in Windows-1252 (Excel's "CSV" in Western Europe) keeps its accents.
  await ready(page, "#src-1252");
  assert.deepEqual((await legend(page, "#src-1252")).map((e) => [e.label, e.count]), [["Éducation", 2]]);
  // And Excel's "Unicode text": UTF-16 with its byte-order mark, tab-separated.
  await ready(page, "#src-utf16");
  assert.deepEqual((await legend(page, "#src-utf16")).map((e) => [e.label, e.count]), [["Éducation", 2]]);

  const csvBad = await page.locator("#csv-bad [role=alert]").textContent();
  // Rows as the blogger counts them: the header is row 1, not the line break after the tag.
  assert.match(csvBad, /row 3, column themes: a space needs at least one theme/);
  // On a French page, the place is in French too.
  assert.equal(await page.locator("#csv-bad-fr [role=alert] li").textContent(), "ligne 3, colonne platform : ce champ est obligatoire");
  assert.match(await page.locator("#src-404 [role=alert]").textContent(), /\/data\/missing\.json could not be loaded \(HTTP 404\)/);
  assert.match(await page.locator("#src-type [role=alert]").textContent(), /\/test\/blank\.html could not be loaded \(text\/html/);
  assert.ok(page.problems.some((p) => p.includes("row 3, column themes")), "logged to the console");
});

/** The inputs page, reloaded with BT's data-src held until `release()`, then `answer`ed. */
async function heldBt(answer) {
  const page = await open(env, "/test/inputs.html");
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route("**/data/bt.json", async (route) => {
    await held;
    await answer(route);
  });
  await page.reload();
  return { page, release };
}

test("the loader and its pkg/ folder are all a post needs (SPEC §1): a CSV figure draws and exports an SVG", async () => {
  const page = await open(env, "/test/blank.html");
  // Nothing else of www/ uploaded: every other address of the site answers 404.
  const uploaded = (url) => url.pathname === "/channel-sprawl.js" || url.pathname.startsWith("/pkg/") || url.pathname.startsWith("/test/");
  const missing = [];
  await page.route((url) => !uploaded(url), (route) => (missing.push(route.request().url()), route.fulfill({ status: 404, body: "" })));
  await page.evaluate(() => {
    const fig = document.createElement("figure");
    fig.id = "csv";
    fig.setAttribute("data-channel-sprawl", "");
    fig.setAttribute("data-company", "Acme");
    fig.innerHTML = '<script type="text/csv">name,platform,themes\n@Acme,Twitter,support;news\nAcme blog,blog,news</script>';
    document.querySelector("#main").append(fig);
  });
  await ready(page, "#csv");
  assert.deepEqual((await legend(page, "#csv")).map((e) => `${e.key} ${e.count}`), ["news 2", "support 1"]);
  const svg = await download(page, page.locator("#csv .cs-button", { hasText: "SVG" }));
  assert.match(svg.bytes.toString(), /^<svg[^]*Acme[^]*<\/svg>\s*$/);
  assert.deepEqual(missing, [], "nothing asked outside the loader and pkg/");
  assert.deepEqual(page.problems, []);
});

test("a data-src that takes a while says the chart is on its way, then draws it; no such line stays", async () => {
  const { page, release } = await heldBt((route) => route.continue());
  const status = page.locator("#src-json [role=status]");
  await status.waitFor();
  assert.equal(await status.textContent(), "Loading the chart…");
  release();
  await ready(page, "#src-json");
  assert.equal(await status.count(), 0);
  assert.match(await page.locator("#src-json .cs-summary").textContent(), /^6 spaces/);
  // Nor on the other figures, once drawn or failed.
  await ready(page, "#src-csv");
  await page.locator("#src-404[data-channel-sprawl-error]").waitFor({ state: "attached" });
  assert.equal(await page.locator("#src-csv [role=status], #src-404 [role=status]").count(), 0);
});

test("mount() on a figure whose own data is still loading replaces it: ready, not failed, and quiet", async () => {
  const { page, release } = await heldBt((route) => route.fulfill({ status: 500, body: "" }));
  await page.locator("#src-json [role=status]").waitFor();
  await page.evaluate(async () => {
    const { mount } = await import("/channel-sprawl.js");
    await mount(document.querySelector("#src-json"), { company: "JS Co", spaces: [{ name: "a", platform: "blog", themes: ["x"] }] });
  });
  const answered = page.waitForResponse("**/data/bt.json");
  release();
  // The replaced mount's failure (its fetch answered 500) must not reach the figure or the console.
  await answered;
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
  const fig = page.locator("#src-json");
  assert.deepEqual([await fig.getAttribute("data-channel-sprawl-ready"), await fig.getAttribute("data-channel-sprawl-error")], ["", null]);
  assert.match(await fig.locator(".cs-summary").textContent(), /^1 space /);
  assert.ok(!page.problems.some((p) => p.includes("src-json")), page.problems.join("\n"));
});

test("a chart replaced or removed while it loads builds nothing: no chart left running, no warning", async () => {
  const { page, release } = await heldBt((route) => route.continue());
  await page.locator("#src-json [role=status]").waitFor();
  const before = await page.evaluate(async () => (await import("/channel-sprawl.js")).stats().charts);
  // A single-page app navigates away while the data loads.
  await page.evaluate(() => document.querySelector("#src-json").remove());
  const answered = page.waitForResponse("**/data/bt.json");
  release();
  await answered;
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
  // update() twice without awaiting the first; mount() twice on one element.
  const seen = await page.evaluate(async () => {
    const { mount, stats } = await import("/channel-sprawl.js");
    const removed = stats().charts;
    const el = document.createElement("figure");
    document.body.append(el);
    const one = { company: "A", spaces: [{ name: "a", platform: "blog", themes: ["x"] }] };
    const handle = await mount(el, one);
    await Promise.all([handle.update({ ...one, company: "B" }), handle.update({ ...one, company: "C" })]);
    const updated = stats().charts;
    await Promise.all([mount(el, one), mount(el, { ...one, company: "D" })]);
    const mounted = stats().charts;
    el.channelSprawl.destroy();
    return { removed, updated, mounted, destroyed: stats().charts, hosts: el.children.length };
  });
  assert.deepEqual(seen, { removed: before, updated: before + 1, mounted: before + 1, destroyed: before, hosts: 0 });
  assert.ok(!page.problems.some((p) => p.includes("two figures")), page.problems.join("\n"));
});

test("several inline CSVs are compared, each named by its own data-company; CSV beside JSON is said to be unread", async () => {
  const page = await open(env, "/test/blank.html");
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.evaluate(() => {
    const csv = (company, rows) => `<script type="text/csv" data-company="${company}">\nname,platform,themes\n${rows}</script>`;
    document.querySelector("#main").innerHTML =
      `<figure id="two" data-channel-sprawl>${csv("Alpha", "a,blog,news\nb,forum,hr\n")}${csv("Beta", "c,blog,news\n")}</figure>` +
      `<figure id="mixed" data-channel-sprawl><script type="application/json">{"company": "J", "spaces": [{"name": "j", "platform": "blog", "themes": ["x"]}]}</script>${csv("C", "c,blog,news\n")}</figure>`;
  });
  await ready(page, "#two");
  await ready(page, "#mixed");
  const titles = await page.locator("#two .cs-title").allTextContents();
  assert.deepEqual(titles, ["Alpha", "Beta"]);
  assert.deepEqual(await page.locator("#mixed .cs-title").allTextContents(), ["J"]);
  assert.deepEqual(warnings.filter((w) => w.includes("(mixed)")), ["channel-sprawl (mixed): the figure has JSON data, so its CSV is not read (one or the other)."]);
  assert.deepEqual(page.problems, []);
});

test("a data-src a spreadsheet exports reads whatever its content type: CSV, or JSON when it opens with { or [", async () => {
  const page = await open(env, "/test/blank.html");
  const csv = "name,platform,themes\nHelp,forum,support\n";
  const json = JSON.stringify({ company: "J", spaces: [{ name: "j", platform: "blog", themes: ["news"] }] });
  const files = {
    "inventory.txt": ["text/plain", csv],
    "inventory.tsv": ["text/tab-separated-values", csv.replace(/,/g, "\t")],
    "export?format=csv": ["application/octet-stream", csv],
    "inventory.csv#gid=0": ["text/plain", csv],
    "data": ["", json],
  };
  await page.route("**/sheet/**", (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.split("/sheet/")[1]) + new URL(route.request().url()).search;
    const [type, body] = files[name] ?? files["inventory.txt"];
    route.fulfill({ status: 200, headers: type ? { "content-type": type } : {}, body });
  });
  const summaries = await page.evaluate(async (names) => {
    const { mount } = await import("/channel-sprawl.js");
    const out = [];
    for (const name of names) {
      const fig = document.createElement("figure");
      fig.setAttribute("data-src", "/sheet/" + name);
      fig.setAttribute("data-company", "Sheet");
      document.querySelector("#main").append(fig);
      await mount(fig);
      out.push(fig.querySelector("[data-channel-sprawl-host]").shadowRoot.querySelector(".cs-summary, [role=alert]").textContent);
    }
    return out;
  }, Object.keys(files));
  assert.deepEqual(summaries, ["1 space · 1 theme · 1 platform", "1 space · 1 theme · 1 platform", "1 space · 1 theme · 1 platform", "1 space · 1 theme · 1 platform", "1 space · 1 theme · 1 platform"]);
});

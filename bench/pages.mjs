// The bench pages, built in memory: one blog-post shape (title, paragraphs, a figure after the
// second paragraph), the data inline in the figure, the page's script inlined from bench/pages/.
import { readFileSync } from "node:fs";

const read = (name) => readFileSync(new URL(`pages/${name}`, import.meta.url), "utf8");

// `data`: the page alone with our raw inventory inline in the figure and no chart (what carrying
// the data costs the page, the 7.8 MB of the large dataset above all). `fetch`: ours with the
// inventory in a file of its own (`data-src`), what the guide advises for large inventories.
export const PAGES = ["none", "data", "ours", "fetch", "chartjs", "frappe", "d3"];
export const LABELS = { none: "none", data: "page + data", ours: "ours", fetch: "ours, data-src", chartjs: "Chart.js", frappe: "Frappe", d3: "d3-shape", ours20: "ours ×20" };
/** The data a page of `kind` carries inline: our raw inventory, the peers' counts, or nothing. */
export const dataFor = (kind, raw, counts) => (kind === "ours" || kind === "data" ? raw : kind === "none" || kind === "fetch" ? "" : counts);

/** Files served under /vendor/, from node_modules. */
export const VENDOR = {
  "chart.umd.min.js": "chart.js/dist/chart.umd.min.js",
  "frappe-charts.min.umd.js": "frappe-charts/dist/frappe-charts.min.umd.js",
  "d3-path.min.js": "d3-path/dist/d3-path.min.js",
  "d3-shape.min.js": "d3-shape/dist/d3-shape.min.js",
};
const SCRIPTS = {
  none: [],
  data: [],
  fetch: [],
  ours: [],
  chartjs: ["chart.umd.min.js"],
  frappe: ["frappe-charts.min.umd.js"],
  d3: ["d3-path.min.js", "d3-shape.min.js"],
};

const PARAGRAPHS = [
  "Ten years ago a company opened a Twitter account when someone in marketing asked for one. Today the same company runs dozens of accounts, pages, channels and forums, each opened for a good reason, few of them closed when the reason went away.",
  "We counted the spaces one company keeps on the social web and sorted them by what they are for: support, product news, promotions, recruiting, conversation. The picture below is the result, and the shape of it says more than the total.",
  "Support is where the volume is. Customers do not look for a brand's official voice; they look for an answer, and they go wherever they think one will come fastest. A company that answers in one place trains its customers to come back there.",
  "Marketing spaces multiply differently. Every launch wants its own page, every region its own handle, and every agency its own channel. Each one is cheap to open and expensive to keep alive, because an abandoned account still speaks for the brand.",
  "Recruiting and internal communication follow their own calendars. They are quiet most of the year and busy for a few weeks, which is exactly when nobody remembers who holds the password.",
  "None of this is an argument for fewer spaces as such. It is an argument for knowing what each one is for, who answers there, and what happens to it when the campaign that justified it is over.",
  "The useful question is not how many accounts a company has but how many conversations it can actually hold. A small, well-kept presence beats a sprawling one that answers nobody.",
  "If you run such an inventory yourself, start with a spreadsheet: name, platform, country, owner, purpose. The chart comes last, and it is only as honest as the list behind it.",
];

const CSS = `
body{font:17px/1.6 Georgia,"DejaVu Serif",serif;color:#222;background:#fff;margin:0}
main{max-width:760px;margin:0 auto;padding:24px}
h1{font:700 32px/1.2 system-ui,sans-serif;margin:0 0 16px}
figure{margin:24px 0}
figcaption{font-size:14px;color:#555;margin-top:6px}
.peer-box{position:relative;width:100%;height:360px}
.d3-chart{font:15px/1.45 system-ui,sans-serif}
.d3-chart .title{font-weight:650;margin:0 0 8px}
.d3-chart .body{display:flex;flex-wrap:wrap;gap:12px 20px;align-items:center}
.d3-chart .plot{position:relative;flex:none}
.d3-chart svg{display:block}
.d3-chart path{stroke:#fff;stroke-width:1}
.d3-chart svg.hovering path:not(.active){opacity:.35}
.d3-chart path.active{stroke:#1f2328;stroke-width:2}
.d3-chart .tip{position:absolute;left:0;top:0;padding:6px 10px;border-radius:6px;background:#1f2328;color:#fff;font-size:13px;pointer-events:none;white-space:nowrap}
.d3-chart .legend{list-style:none;margin:0;padding:0;display:grid;gap:4px;flex:1 1 200px}
.d3-chart .swatch{display:inline-block;width:14px;height:14px;border-radius:3px;margin-right:8px;vertical-align:-2px}
.d3-chart .count{color:#57606a;float:right}
`;

const escapeJson = (text) => text.replace(/</g, "\\u003c");

function figure(kind, json, n, src) {
  if (kind === "fetch") return `<figure class="bench-chart" id="chart${n}" data-src="${src}"><figcaption>Figure ${n}: the company's social spaces by theme.</figcaption></figure>`;
  const body = {
    ours: "",
    data: "",
    chartjs: '<div class="peer-box"><canvas></canvas></div>',
    frappe: '<div class="peer-box"></div>',
    d3: '<div class="d3-chart"></div>',
  }[kind];
  return `<figure class="bench-chart" id="chart${n}"><script type="application/json">${escapeJson(json)}</script>${body}<figcaption>Figure ${n}: the company's social spaces by theme.</figcaption></figure>`;
}

/**
 * One page: `kind` in PAGES, `json` the figure's data (raw dataset for ours, counts for peers;
 * `src` the data's URL for `fetch`),
 * `charts` figures (ours only; 1 elsewhere), each after two paragraphs.
 */
export function page(kind, json, { charts = 1, title = "Channel sprawl", src = "" } = {}) {
  const parts = [];
  const figures = kind === "none" ? 0 : charts;
  const paragraphs = Math.max(PARAGRAPHS.length, 2 * figures + 2);
  for (let i = 0; i < paragraphs; i++) {
    parts.push(`<p>${PARAGRAPHS[i % PARAGRAPHS.length]}</p>`);
    if (i % 2 === 1 && (i - 1) / 2 < figures) parts.push(figure(kind, json, (i - 1) / 2 + 1, src));
  }
  const vendor = SCRIPTS[kind].map((f) => `<script defer src="/vendor/${f}"></script>`).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — bench ${kind}</title>
<link rel="icon" href="data:,">
<style>${CSS}</style>
<script>${read("harness.js")}</script>
</head>
<body>
<main><article>
<h1>${title}</h1>
${parts.join("\n")}
</article></main>
${vendor}
<script type="module">${read(`${{ data: "none", fetch: "ours" }[kind] || kind}.js`)}</script>
</body>
</html>
`;
}

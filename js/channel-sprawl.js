// channel-sprawl loader: the one file a page includes.
//
//   <script type="module" src="/assets/channel-sprawl.js"></script>
//   <figure data-channel-sprawl><script type="application/json">{…}</script></figure>
//
// It mounts every element with `data-channel-sprawl` (now and when added later), reads its data,
// builds the widget's HTML (title, summary, controls, legend, drill-down, table) in an open
// shadow root, and hands the canvas to the wasm `Widget`, which owns the chart state, the canvas
// events and the drawing. Dataset text only ever reaches the DOM as text (`textContent`).
import { LANGUAGES, STRINGS, numberFormat } from "./i18n.js";
import { STYLES } from "./styles.js";

const ATTR = "data-channel-sprawl";
const READY = "data-channel-sprawl-ready";
// The types of a figure's data script.
const DATA_TYPES = ["application/json", "text/csv"];
const DATA_SCRIPTS = `:is(${DATA_TYPES.map((t) => `[type="${t}"]`)})`;
const FAILED = "data-channel-sprawl-error";
const EVENT = "channel-sprawl:select";
const GROUP_BYS = ["theme", "platform", "department", "country"];
const CHARTS = ["donut", "pie", "bar"];
const NOT_SET = "-";
const OTHER = "~other";
const FETCH_TIMEOUT_MS = 10000;
// Widget methods that return JSON text (see src/web.rs).
const JSON_OUT = new Set(["view", "selection", "pointer", "profile", "warnings"]);
/** Problems a wasm call threw (their JSON text) as an array; anything else as it is. */
const problemsOf = (e) => (typeof e === "string" ? JSON.parse(e) : e);

// The wasm runtime: compiled once per page, instantiated once and shared by every chart. If a
// chart ever traps (a bug), the instance is replaced by a fresh one from the same compiled module
// and every other chart is rebuilt on it from its last state; the failing chart shows an error.
// Three builds of the core: `pkg` (JSON datasets: what most readers get), `pkg/csv` (also reads
// CSV: fetched for a CSV figure instead) and `pkg/export` (also writes SVG: fetched for an export).
const compiled = {};
const runtimes = {};
// Loads of a build that failed (a network error): the next one asks again, at a new address.
const retries = {};
let generation = 0;
const charts = new Set();

let memoryBytes = () => 0;

/** Live charts and the wasm memory they hold, for tests and benchmarks. */
export function stats() {
  return { charts: charts.size, pendingPaints: dirty.size, wasmMemory: memoryBytes(), generation };
}

function loadRuntime(pkg = "pkg") {
  runtimes[pkg] ??= (async () => {
    // A file missing or not served as uploaded is said with its address, as a data-src is: the
    // site owner's to fix. One download: a .wasm without its MIME type compiles from a copy.
    const wasmUrl = new URL(`./${pkg}/channel_sprawl_bg.wasm`, import.meta.url).href;
    const module = (compiled[pkg] ??= fetch(wasmUrl)
      .then(async (response) => {
        if (!response.ok) throw { url: wasmUrl, status: `HTTP ${response.status}`, code: 1 };
        const type = response.headers.get("content-type") || "";
        try {
          return await WebAssembly.compileStreaming(response.clone()).catch(async () => WebAssembly.compile(await response.arrayBuffer()));
        } catch (e) {
          // Not the file's fault: the page's Content-Security-Policy forbids compiling WebAssembly.
          if (/Content.Security.Policy/i.test(e?.message)) throw { url: wasmUrl, status: "CSP", code: 2 };
          // Served as something else (a web page), or a wasm file cut short.
          throw { url: wasmUrl, status: (type.includes("wasm") && e?.message) || type || "not WebAssembly", code: 1 };
        }
      }, () => {
        // No answer at all: offline, a connection cut (said in the reader's words: no status).
        throw { url: wasmUrl, status: null, code: 1 };
      })
      .catch((e) => {
        compiled[pkg] = null;
        throw e;
      }));
    module.catch(() => {}); // awaited below, unless the glue fails first
    // A new generation imports its own copy of the glue (the glue keeps one instance per copy);
    // so does a load after one that failed (a failed module stays failed at its address).
    const glueUrl = new URL(`./${pkg}/channel_sprawl.js`, import.meta.url);
    if (generation || retries[pkg]) glueUrl.search = `instance=${generation}.${retries[pkg] || 0}`;
    const glue = await import(glueUrl.href).catch(() => whyNot(glueUrl));
    glue.initSync({ module: await module });
    if (pkg === "pkg") memoryBytes = glue.memory_bytes;
    return glue;
  })().catch((e) => {
    runtimes[pkg] = null;
    retries[pkg] = (retries[pkg] || 0) + 1;
    throw e;
  });
  return runtimes[pkg];
}

/** Why a module did not load, said with its address: missing (its HTTP status), not JavaScript, or no answer. */
async function whyNot(url) {
  const response = await fetch(url, { method: "HEAD" }).catch(() => null);
  throw { url: String(url), status: !response ? null : response.ok ? "not a JavaScript module" : `HTTP ${response.status}`, code: 1 };
}

async function recover(culprit, error) {
  console.error(`channel-sprawl (${culprit.key}): this chart failed and was stopped; the others go on.`, error);
  // The charts on the same instance lose their widgets with it; those on the other package go on.
  const affected = [...charts].filter((c) => c.pkg === culprit.pkg && c !== culprit);
  for (const chart of [culprit, ...affected]) chart.widget = null;
  charts.delete(culprit);
  culprit.fail([], culprit.t.crashed);
  generation++;
  runtimes[culprit.pkg] = null;
  const { Widget } = await loadRuntime(culprit.pkg);
  for (const chart of affected) chart.revive(Widget);
}

// One animation frame paints every chart that asked for it (and is near the viewport).
const dirty = new Set();
let frame = 0;
function schedulePaint(chart) {
  dirty.add(chart);
  frame ||= requestAnimationFrame(() => {
    frame = 0;
    for (const chart of [...dirty]) {
      if (!chart.visible) continue;
      dirty.delete(chart);
      chart.w.paint();
    }
  });
}
// Charts are drawn once they come this near the viewport (CSS px).
const NEAR = 256;
// The margin around the chart in its canvas, CSS px (the core's render::PAD), and the donut's
// hole against its outer radius (geometry::HOLE): where the ring is, without asking the wasm.
const PAD = 12;
const HOLE = 0.58;
// The reader's last pointer on a chart was a finger (or a pen): a selection's figures then go in
// the ring's hole, shared by every chart of the page (a comparison's too).
let touch = false;
// The drill-down, the legend and the table list this many rows at first, and as many more at
// each "show more": an Other of 20,000 themes expanded, or a segment of 50,000 spaces, would
// otherwise be that many rows built at once.
const PAGE = 200;
const CANVAS_EVENTS = ["pointerdown", "pointermove", "pointerleave", "click", "focus", "blur", "keydown"];

let sheet = null;
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
  }
  return sheet;
}

// Dataset text with right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko, …) set inside
// other text is wrapped in Unicode isolates (FSI … PDI), so that it does not reorder what is
// around it: without them, "الدعم: 3 spaces" reads "3 الدعم: spaces".
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const isolate = (text) => (RTL.test(text) ? `\u2068${text}\u2069` : text);

/** `fill("{n} spaces", {n: 3})`; arrays are [singular, plural] chosen by `n`. */
function fill(template, values, plural) {
  const text = Array.isArray(template) ? template[plural === 1 ? 0 : 1] : template;
  return text.replace(/\{(\w+)\}/g, (_, k) => (k in values ? isolate(String(values[k])) : ""));
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k === "text") node.textContent = v;
    else if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  node.append(...children);
  return node;
}

/** The interface language: `wanted` (the `lang` option), else `data-lang`, else the page's `lang`. */
function languageOf(figure, wanted) {
  wanted = (wanted || figure.getAttribute("data-lang") || figure.closest("[lang]")?.getAttribute("lang") || "en").toLowerCase();
  const base = wanted.split("-")[0];
  return LANGUAGES.includes(base) ? base : "en";
}

/** Fetches a language's table on its first chart (English is in the loader); English if it fails. */
const languages = {};
function loadLanguage(lang) {
  languages[lang] ??= import(new URL(`./pkg/channel-sprawl-${lang}.js`, import.meta.url).href).then(
    (m) => (STRINGS[lang] = m.default),
    (e) => console.warn(`channel-sprawl: the ${lang} interface text could not be loaded; showing English.`, e),
  );
  return languages[lang];
}

/** Reads the dataset of a figure: inline JSON, inline CSV, then `data-src`. */
async function readData(figure, waiting, waited) {
  // Inline text is read from the page whenever it is needed, not kept. The figure's children;
  // without any, scripts further in (an editor's paragraph around one), not in its caption or in
  // a figure inside this one.
  const within = (type) =>
    [...figure.querySelectorAll(`script${type}`)].filter((s) => !s.closest("figcaption") && [figure, null].includes(s.parentElement.closest(`[${ATTR}]`)));
  const child = (type) => within(type).filter((s) => s.parentElement === figure);
  const scripts = (type) => (child(DATA_SCRIPTS).length ? child(type) : within(type));
  const json = scripts('[type="application/json"]');
  const csv = scripts('[type="text/csv"]');
  if (json.length) {
    if (csv.length) console.warn(`channel-sprawl (${stateKey(figure)}): the figure has JSON data, so its CSV is not read (one or the other).`);
    return json.map((script) => ({ kind: "json", read: () => script.textContent }));
  }
  // Without the line break after the tag: the header is row 1, as the blogger counts. Several
  // are compared, each named by its own data-company (else the figure's).
  if (csv.length) return csv.map((script) => ({ kind: "csv", read: () => script.textContent.replace(/^\r?\n/, ""), script }));
  const src = figure.getAttribute("data-src");
  // Looked for again after the next frame: a page script may add the figure before its data (a
  // framework rendering), or mount it itself (`mount()`), which replaces this run quietly. Data
  // that comes later still mounts the figure (the page's observer, below).
  if (!src) {
    // A data script of another type (none: the browser runs it as JavaScript) is named as written.
    const other = scripts("")[0];
    if (other) throw [{ path: "", code: "script-type", detail: other.outerHTML.slice(0, other.outerHTML.indexOf(">") + 1) }];
    if (waited) throw [{ path: "", code: "no-data" }];
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
    return readData(figure, waiting, true);
  }
  const url = new URL(src, document.baseURI).href;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
  waiting?.();
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok) throw { url, status: `HTTP ${response.status}` };
    const type = response.headers.get("content-type") || "";
    // Text that is not UTF-8 is read as Windows-1252: what Excel saves a sheet as in Western Europe;
    // with a UTF-16 byte-order mark, as UTF-16 (Excel's "Unicode text", tab-separated).
    const bytes = await response.arrayBuffer();
    const [b0, b1] = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
    let text;
    try {
      text = new TextDecoder(b0 === 0xff && b1 === 0xfe ? "utf-16le" : b0 === 0xfe && b1 === 0xff ? "utf-16be" : "utf-8", { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder("windows-1252").decode(bytes);
    }
    // A web page (an error or a sign-in page served in place of the file) is no data. JSON or CSV
    // by the content type, else by the extension, else by the text: JSON opens with { or [.
    if (type.includes("html")) throw { url, status: type };
    const json = type.includes("json") || (!type.includes("csv") && (/\.json($|[?#])/i.test(url) || (!/\.csv($|[?#])/i.test(url) && /^\uFEFF?\s*[[{]/.test(text))));
    return [{ kind: json ? "json" : "csv", read: () => text }];
  } catch (e) {
    if (e && e.url) throw e;
    // No answer (offline, a connection cut, a host that refuses other sites): no status of its own.
    throw { url, status: e && e.name === "AbortError" ? "timeout" : null };
  } finally {
    clearTimeout(timer);
  }
}

// Every element `mount()` was given (marked or not) until destroyed, and the fragment key each
// figure without an id holds.
const mounts = new Set();
const heldKeys = new Map();
/**
 * Keys of this figure in the URL fragment: its id, else its place in the page among the charts
 * (the figures marked for one and every element mounted so far, in the page's order: `mount()`
 * calls register at once, before any chart is built, so charts mounted together are keyed in
 * the page's order whichever loads first), or the next place no other chart's key or id holds
 * (one mounted later above the others).
 */
function stateKey(figure) {
  if (figure.id) return figure.id;
  if (heldKeys.has(figure)) return heldKeys.get(figure);
  const all = new Set([...document.querySelectorAll(`[${ATTR}]`), ...[...mounts].filter((e) => e.isConnected), figure]);
  let n = [...all].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1)).indexOf(figure) + 1;
  // Nor another chart's id: a figure keyed "chart2" beside one whose id is chart2.
  const held = new Set([...heldKeys.values(), ...[...all].map((e) => e.id).filter(Boolean)]);
  while (held.has("chart" + n)) n++;
  heldKeys.set(figure, "chart" + n);
  return "chart" + n;
}

/** Whether a chart has scrolled the page to itself, from the fragment it was loaded with. */
let scrolledTo = false;
const openedAt = typeof location === "undefined" ? "" : location.hash;

/** `value` as the core reads an option (trimmed, in any case), if it is one of `list`. */
const option = (list, value) => list.find((x) => x === String(value ?? "").trim().toLowerCase());

/** decodeURIComponent, or null for text that is not valid percent-encoding (a link cut short). */
const decode = (text) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
};

/**
 * A fragment that is a route of the page's own (`#/…`, `#!…`: a single-page app routing with
 * it): the charts neither read their state from it nor write it there.
 */
const routed = () => /^#[!/]/.test(location.hash);

/** Fragment format: `#<key>=g.platform~s.twitter~h.a,b~d.1~c.bar~o.1` (values URI-encoded), `&` between charts. */
function readFragment(key) {
  if (routed()) return null;
  const hash = location.hash.slice(1);
  for (const part of hash.split("&")) {
    const eq = part.indexOf("=");
    if (eq < 0 || decode(part.slice(0, eq)) !== key) continue;
    const state = {};
    for (const item of part.slice(eq + 1).split("~")) {
      const dot = item.indexOf(".");
      const value = decode(item.slice(dot + 1));
      if (dot > 0 && value != null) state[item.slice(0, dot)] = value;
    }
    return state;
  }
  return null;
}

// A list of keys in one value: `,` between them, and in a key as `%2C` (`%` as `%25`).
const joinKeys = (keys) => keys.map((k) => k.replace(/%/g, "%25").replace(/,/g, "%2C")).join(",");
const splitKeys = (text) => text.split(",").map((k) => k.replace(/%2C/g, ",").replace(/%25/g, "%"));

/**
 * Escape anywhere in a widget (the chart, a legend entry, the drill-down, the enlarged view):
 * clears the selection first (in a comparison, whichever company holds it; on the chart, the
 * core has done so already), and closes the enlarged view only when nothing is selected. From
 * the drill-down, which goes, the focus goes where its × sends it (`clearFromDrill`).
 */
function escaped(e, charts, dialog) {
  if (e.key !== "Escape" || e.defaultPrevented) return;
  const holder = charts.find((c) => c.selectedKey != null);
  const drill = charts.find((c) => c.drill.contains(c.root.activeElement));
  if (holder && drill?.clearFromDrill) drill.clearFromDrill(drill.selectedKey);
  else if (holder) holder.peers ? holder.peers.selectAll(null) : holder.w.select(null);
  else if (dialog?.open) dialog.close();
  else return;
  e.preventDefault();
}

let unkept = false;

function writeFragment(key, state) {
  if (routed()) return;
  const parts = location.hash.slice(1).split("&").filter((p) => p && decode(p.split("=")[0]) !== key);
  const value = Object.entries(state)
    .filter(([, v]) => v !== "" && v != null)
    // `~` separates the fields, and encodeURIComponent leaves it as it is (the key of "Other" is `~other`).
    .map(([k, v]) => `${k}.${encodeURIComponent(v).replace(/~/g, "%7E")}`)
    .join("~");
  if (value) parts.push(`${encodeURIComponent(key)}=${value}`);
  const hash = parts.length ? "#" + parts.join("&") : "";
  if (hash !== location.hash && !(hash === "" && location.hash === "#")) {
    // The whole address: a relative one resolves against a page's <base href>, elsewhere.
    try {
      history.replaceState(history.state, "", location.href.replace(/#.*$/s, "") + hash);
    } catch (e) {
      // An address that cannot change (an opaque origin): the view is not kept, nothing else.
      if (!unkept) console.warn("channel-sprawl: the view cannot be kept in the address:", e.message);
      unkept = true;
    }
  }
}

const darkQuery = matchMedia("(prefers-color-scheme: dark)");

/**
 * Printing: every chart drawn, those a reader never scrolled near too, at twice the screen's
 * resolution at least (paper is sharper than a screen), in the light scheme (paper is white, and
 * a browser prints no backgrounds by default); back to the screen's after.
 */
let printing = false;
function forPrint(on) {
  printing = on;
  for (const chart of charts) {
    // The enlarged view closes: on paper the chart is in its post, with its legend and list.
    const dialog = chart.peers?.dialog ?? chart.dialog;
    if (on && dialog?.open) {
      dialog.close();
      (chart.peers ?? chart).shrink();
    }
    if (!chart.widget || !chart.canvas.clientWidth) continue;
    chart.restyle();
    chart.fit();
    dirty.delete(chart);
    chart.w.paint();
  }
}
// Escape dismisses a tooltip, the pointer's or the focus's, wherever the focus is (WCAG 1.4.13);
// the next move or key shows it again.
addEventListener("keydown", (e) => e.key === "Escape" && charts.forEach((c) => c.tooltip && (c.tooltip.hidden = true)));
addEventListener("beforeprint", () => forPrint(true));
addEventListener("afterprint", () => forPrint(false));
matchMedia("print").addEventListener("change", (e) => forPrint(e.matches));

const formatterCache = new Map();
function formatters(lang) {
  if (!formatterCache.has(lang)) {
    const symbols = STRINGS[lang].number;
    let regions;
    formatterCache.set(lang, {
      num: numberFormat(symbols, 3),
      pct: numberFormat(symbols, 0, true),
      decimal: numberFormat(symbols, 2),
      thousands: symbols.group,
      // Country names: Intl's, made on first use (only when grouping by country).
      get regions() {
        return (regions ??= typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames([lang], { type: "region" }) : null);
      },
    });
  }
  return formatterCache.get(lang);
}

/** A legend's group entries (not its tools or links). */
const ENTRIES = ".cs-entry[data-key], .cs-entry[data-shared-key]";

/** The group key of a legend button: a chart's own legend, or a comparison's shared one. */
const keyOf = (button) => button.dataset.key ?? button.dataset.sharedKey;

/**
 * Fills a legend with `entries`, keeping the keyboard focus on the same control: the same tool
 * (or entry) of the same group, a hidden group's "show" taking over from its "hide"; else that
 * group's first control; else the control at the same place in the list.
 */
function replaceLegend(legend, root, entries) {
  const active = root.activeElement;
  const inside = legend.contains(active);
  const key = inside ? keyOf(active) : undefined;
  const index = inside ? [...legend.querySelectorAll("button")].indexOf(active) : -1;
  legend.replaceChildren(...entries);
  if (!inside) return;
  const buttons = [...legend.querySelectorAll("button")];
  const same = key == null ? [] : buttons.filter((b) => keyOf(b) === key);
  // A group's button gone (hidden): the one now in its place. A link of the whole legend gone
  // (show all, fold, expand Other): the first entry, where the new list starts.
  (same.find((b) => b.dataset.act === active.dataset.act) || same[0] || buttons[key == null ? 0 : Math.min(index, buttons.length - 1)])?.focus();
}

/**
 * Calls `point(key)` when a reader points at or focuses a group's row in `legend` (its entry or
 * a tool), and `point(null)` when they leave it: the chart emphasises that group's segment.
 */
function pointsAt(legend, point, on) {
  const key = (e) => {
    const b = e.type.endsWith("out") ? null : e.target.closest?.(".cs-item")?.querySelector(ENTRIES);
    return b ? keyOf(b) : null;
  };
  // A focus from the keyboard only: a tap or a click focuses the entry too, and the emphasis
  // would stay after the finger or the pointer left.
  for (const type of ["pointerover", "pointerout", "focusin", "focusout"]) {
    on(legend, type, (e) => (type !== "focusin" || e.target.matches(":focus-visible")) && point(key(e)));
  }
}

/** Every group of a view (hidden and folded ones too) by key; made once per view. */
const groupsByKey = (view) => (view.byKey ??= new Map(view.legend.map((g) => [g.key, g])));

/** One mounted chart: the widget, its DOM, and everything to undo on destroy. */
class Chart {
  /** `container`: where the chart's host goes (a comparison's row); default: the figure. */
  constructor(figure, options, container) {
    this.figure = figure;
    this.options = options;
    this.lang = languageOf(figure, options.lang);
    if (!STRINGS[this.lang]) this.lang = "en"; // not loaded (see `mount`), or failed to load
    this.t = STRINGS[this.lang];
    this.formats = formatters(this.lang);
    this.cleanups = [];
    this.widget = null;
    this.visible = false;
    // Every call into the wasm goes through `this.w`: a trap is caught and contained. What the
    // widget shows comes back as JSON text.
    this.w = new Proxy({}, { get: (_, name) => (...args) => this.call((widget) => (JSON_OUT.has(name) ? JSON.parse(widget[name](...args)) : widget[name](...args))) });
    this.key = stateKey(figure);
    // A comparison's chart (in its row) is marked: its ring keeps to the left of its column.
    // An element of our own name, not a <div>: a theme's `article div { … }` does not reach it.
    this.host = el("channel-sprawl-chart", { "data-channel-sprawl-host": "", "data-part": !!container });
    // The widget's language, which may not be the page's: a screen reader speaks it with the
    // right voice.
    this.host.lang = this.lang;
    // Both are written left to right: on a right-to-left page too (`all: initial` leaves the
    // direction inherited), or its sentences come out of order.
    this.host.dir = "ltr";
    this.root = this.host.attachShadow({ mode: "open" });
    this.root.adoptedStyleSheets = [styleSheet()];
    // The reader's scheme from the start: a problem in the data is said in it too.
    this.host.dataset.scheme = this.isDark() ? "dark" : "light";
    if (container) container.append(this.host);
    // Before the caption, so the chart sits where a picture would.
    else figure.insertBefore(this.host, figure.querySelector(":scope > figcaption"));
  }

  on(target, type, handler, opts) {
    target.addEventListener(type, handler, opts);
    this.cleanups.push(() => target.removeEventListener(type, handler, opts));
  }

  call(fn) {
    if (!this.widget) return undefined;
    try {
      return fn(this.widget);
    } catch (e) {
      if (!(e instanceof WebAssembly.RuntimeError)) throw e;
      recover(this, e);
      return undefined;
    }
  }

  /**
   * While a `data-src` dataset is fetched: after a moment (a quick fetch shows the chart with no
   * flash before it), a line saying the chart is on its way, where it will be, unless something
   * (the chart, or an error) is there already.
   */
  waiting() {
    setTimeout(() => this.root.hasChildNodes() || this.root.append(el("p", { class: "cs cs-loading", role: "status", text: this.t.loading })), 300);
  }

  /** Shows `problems` in place of the chart and logs them. */
  fail(problems, heading) {
    const t = this.t;
    const lines = problems.map((p) => {
      const message = p.code ? fill(t.problems[p.code] || p.message || "", { detail: (p.code === "syntax" && t.syntax?.[p.detail]) || p.detail }) : p.message;
      // The core's places ("row 3, column name", "line 1, column 45") in the reader's words.
      const path = (p.path || t.where.dataset).replace(/^(row|line) (\d+)(, column )?/, (_, kind, n, column) => `${t.where[kind]} ${n}${column ? `, ${t.where.column} ` : ""}`);
      return path + t.where.sep + message;
    });
    // The total: the listed problems, plus those the "N more" line stands for.
    const total = problems.reduce((n, p) => n + (p.code === "more" ? Number(p.detail) : 1), 0);
    const title = heading || fill(t.invalid, { n: this.formats.num.format(total) }, total);
    this.root.replaceChildren(
      el("div", { class: "cs cs-error", role: "alert" }, el("p", { class: "cs-error-title", text: title }), lines.length ? el("ul", {}, ...lines.map((l) => el("li", { text: l }))) : ""),
    );
    console.error(`channel-sprawl (${this.key}): ${title}\n` + lines.map((l) => "  " + l).join("\n"));
    // In the reader's scheme as it changes, and the light one on paper (no widget restyles it).
    if (this.schemed) return;
    this.schemed = true;
    for (const query of [darkQuery, matchMedia("print")]) this.on(query, "change", () => (this.host.dataset.scheme = this.isDark() ? "dark" : "light"));
  }

  /**
   * Builds the chart from one dataset (a `Source`: JSON text, or CSV with its company and title),
   * unless `replaced()` says another run took this one's place meanwhile.
   */
  async load(value, replaced) {
    // CSV figures run on the build with the CSV reader.
    this.pkg = value.csv ? "pkg/csv" : "pkg";
    const { Widget } = await loadRuntime(this.pkg);
    if (!replaced()) this.build(value, Widget);
  }

  build(value, Widget) {
    const t = this.t;
    const figure = this.figure;
    const entry = readFragment(this.key);
    const fragment = entry || {};
    const attr = (name) => figure.getAttribute(name);
    // A setting the chart does not know is said in the console, as a data problem is.
    const slip = (name, value, expected, using) => console.warn(`channel-sprawl (${this.key}): ${name} "${value}" is not ${expected}; ${using}.`);
    const setting = (list, value, name) => {
      const known = option(list, value);
      if (value && !known) slip(name, value, "one of " + list.join(", "), "using " + list[0]);
      return known || list[0];
    };
    const dedupeAttr = attr("data-dedupe");
    // The figure's own settings, which the fragment leaves out (persist), as the core reads them;
    // then the fragment's. data-dedupe="false" (or 0, no, off) is read as a blogger means it.
    this.defaults = {
      g: setting(GROUP_BYS, this.options.groupBy || attr("data-group-by"), "data-group-by"),
      c: setting(CHARTS, this.options.chart || attr("data-chart"), "data-chart"),
      d: (this.options.dedupe ?? (dedupeAttr != null && !/^\s*(false|0|no|off)\s*$/i.test(dedupeAttr))) ? "1" : "0",
    };
    const { groupBy, chart, dedupe } = this.settingsIn(fragment);
    // A fraction ("0.05", "0,05" as a French blogger writes it) or a percentage ("5 %").
    const below = this.options.otherBelow ?? attr("data-other-below");
    const parts = /^\s*(\d*[.,]?\d+)\s*(%?)\s*$/.exec(String(below ?? ""));
    const otherBelow = typeof below === "number" ? below : parts ? parseFloat(parts[1].replace(",", ".")) / (parts[2] ? 100 : 1) : NaN;
    if (below != null && below !== "" && !(otherBelow >= 0 && otherBelow <= 1)) slip("data-other-below", below, "a fraction such as 0.05 (or 5%)", "using 0.02");
    const theme = attr("data-theme");
    if (theme && !option(["light", "dark"], theme)) slip("data-theme", theme, "one of light, dark", "following the reader's setting");
    const lang = this.options.lang || attr("data-lang");
    if (lang && !LANGUAGES.includes(lang.trim().toLowerCase().split("-")[0])) slip("data-lang", lang, "one of " + LANGUAGES.join(", "), "using " + this.lang);

    this.canvas = el("canvas", { tabindex: "0", role: "img", "aria-describedby": "help" });
    this.source = value;
    this.widgetOptions = {
      groupBy,
      dedupe,
      chart,
      otherBelow: otherBelow >= 0 && otherBelow <= 1 ? otherBelow : null,
      dark: this.isDark(),
      // The language's digit-group separator, for the counts drawn on the canvas.
      thousands: this.formats.thousands,
    };
    this.widget = this.create(Widget, this.widgetOptions);
    // Two figures with one id share one entry in the address: a link restores only one of them.
    if ([...charts].some((c) => c.key === this.key && c.figure !== figure)) console.warn(`channel-sprawl: two figures have the id "${this.key}"; a link to a view of one of them cannot say which.`);
    charts.add(this);
    for (const w of this.w.warnings()) {
      console.warn(`channel-sprawl (${this.key}): ${w.path}: ${fill(t.problems[w.code] || w.message, { detail: w.detail })}`);
    }

    // The skeleton; `render()` fills it from the widget's view.
    this.ids = { title: "title", help: "help" };
    this.title = el("p", { class: "cs-title", id: "title" });
    this.summary = el("p", { class: "cs-summary" });
    this.profile = el("details", { class: "cs-profile" });
    this.groupSelect = el("select", { class: "cs-select", "aria-label": t.groupBy, onchange: () => this.act((c) => c.w.set_group_by(this.groupSelect.value), "group") });
    for (const g of GROUP_BYS) this.groupSelect.append(el("option", { value: g, text: t.by[g] }));
    this.chartSelect = el("select", { class: "cs-select", "aria-label": t.chartType, onchange: () => this.act((c) => c.w.set_chart(this.chartSelect.value)) });
    for (const c of CHARTS) this.chartSelect.append(el("option", { value: c, text: t.charts[c] }));
    // A toggle button, not a checkbox: the same control for assistive technology (a labelled
    // button that is pressed or not), and no <input> on the page, whose bindings alone add 12 KB
    // to the JS heap (bench/heap.mjs).
    this.dedupeButton = el("button", {
      type: "button",
      class: "cs-button cs-toggle",
      "aria-pressed": "false",
      text: t.dedupe,
      onclick: () => {
        const on = !this.view.dedupe;
        this.act((c) => c.w.set_dedupe(on), "dedupe");
      },
    });
    this.tableButton = el("button", { type: "button", class: "cs-button", "aria-pressed": "false", "aria-controls": "table", text: t.table, onclick: () => this.toggleTable() });
    this.enlargeButton = el("button", { type: "button", class: "cs-button", text: t.enlarge, onclick: () => this.enlarge() });
    const exportPng = el("button", { type: "button", class: "cs-button", "aria-label": t.exportPng, title: t.exportPng, text: "PNG", onclick: () => this.exportPng() });
    const exportSvg = el("button", { type: "button", class: "cs-button", "aria-label": t.exportSvg, title: t.exportSvg, text: "SVG", onclick: () => this.exportSvg() });
    const exportCsv = el("button", { type: "button", class: "cs-button", "aria-label": t.exportCsv, title: t.exportCsv, text: "CSV", onclick: () => this.exportCsv() });
    this.controls = el(
      "div",
      { class: "cs-controls" },
      el("label", { class: "cs-field" }, el("span", { text: t.groupBy }), this.groupSelect),
      el("label", { class: "cs-field" }, el("span", { text: t.chartType }), this.chartSelect),
      this.dedupeButton,
      this.tableButton,
      this.enlargeButton,
      el("span", { class: "cs-export" }, exportPng, exportSvg, exportCsv),
    );
    this.center = el("div", { class: "cs-center", "aria-hidden": "true" });
    this.tooltip = el("div", { class: "cs-tooltip", role: "tooltip", id: "tooltip", hidden: true });
    this.bars = el("ul", { class: "cs-bars", "aria-hidden": "true" });
    this.plot = el("div", { class: "cs-plot" }, this.bars, this.canvas, this.center, this.tooltip);
    this.legend = el("ul", { class: "cs-legend", "aria-label": t.group });
    this.drill = el("section", { class: "cs-drill", hidden: true, "aria-live": "off" });
    // A region with a name: scrolled sideways on a phone, it takes the focus.
    this.table = el("div", { class: "cs-table", id: "table", hidden: true, role: "region", "aria-label": t.table });
    this.body = el("div", { class: "cs-body" }, this.plot, this.legend);
    this.main = el("div", { class: "cs-main" }, this.body, this.drill, this.table);
    this.live = el("p", { class: "cs-live", "aria-live": "polite" });
    this.empty = el("p", { class: "cs-empty", hidden: true, text: t.empty });
    this.container = el(
      "div",
      { class: "cs", role: "group", "aria-labelledby": "title" },
      this.title,
      this.summary,
      this.profile,
      this.controls,
      this.empty,
      this.main,
      (this.help = el("p", { class: "cs-help", id: "help", text: t.help })),
      this.live,
    );
    this.root.replaceChildren(this.container);

    this.host.dataset.scheme = this.isDark() ? "dark" : "light";
    this.on(darkQuery, "change", () => this.restyle());
    this.on(this.legend, "click", (e) => this.legendClick(e));
    // A bar's label selects it as the bar does: the row is one target (aria-hidden: the legend
    // says the same to the keyboard and screen readers).
    this.on(this.bars, "click", (e) => {
      const g = this.view.groups[[...this.bars.children].indexOf(e.target.closest("li"))];
      if (!g) return;
      this.byReader(() => this.w.toggle_select(g.key));
      this.canvas.focus({ preventScroll: true }); // as a click on the bar does: the keys go on from there
    });
    pointsAt(this.legend, (key) => this.w.point_legend(key), this.on.bind(this));
    // The extras module (drill-down, table, profile, dialog, exports) at the first sign of a
    // reader's interest, a pointer over the widget or the focus in it, once the browser is idle
    // (not in the first hover's frame).
    const load = () => loadExtras().catch(ignore);
    const prefetch = () => (typeof requestIdleCallback === "function" ? requestIdleCallback(load, { timeout: 300 }) : setTimeout(load, 50));
    for (const type of ["pointerover", "focusin"]) this.on(this.container, type, prefetch, { once: true, passive: true });
    // The profile is worked out when a reader opens it.
    this.on(this.profile, "toggle", () => this.profile.open && this.renderProfile());
    // Where the pointer is in the plot (for the tooltip): read before the widget reacts, while
    // the layout is clean, so a pointer move forces no layout.
    const track = (e) => {
      touch = e.pointerType !== "mouse";
      const box = this.plot.getBoundingClientRect();
      this.pointerAt = { x: e.clientX - box.left, y: e.clientY - box.top };
    };
    for (const type of ["pointermove", "pointerdown"]) this.on(this.canvas, type, track, { passive: true });
    this.on(this.legend, "pointerdown", (e) => (touch = e.pointerType !== "mouse"), { passive: true });
    // In a comparison, until the focus leaves the whole comparison (its shared legend, another
    // company's chart), seen from its host, where a focus inside reads as the host itself.
    const scope = this.peers?.host ?? this.container;
    this.on(scope, "focusout", (e) => scope.contains(e.relatedTarget) || this.container.classList.remove("is-keys"));
    for (const type of CANVAS_EVENTS) {
      this.on(this.canvas, type, (e) => {
        // A click or a tap focuses the canvas too: the focused segment's ring (and its
        // announcement) is for a focus from the keyboard; arrow keys bring it back anyway.
        if (type === "focus" && !this.canvas.matches(":focus-visible")) return;
        // The keys' help line, under the widget, from a focus from the keyboard or an arrow key
        // (not an Escape after a click) until the focus leaves the widget: its place stays while
        // the focus moves inside, so a click on a legend button never lands on a moved layout.
        if (type === "focus" || /^(Arrow|Home|End)/.test(e.key)) this.container.classList.add("is-keys");
        this.byReader(() => this.w.event(type, e.clientX ?? 0, e.clientY ?? 0, e.pointerType ?? "", e.key ?? "", e.altKey || e.ctrlKey || e.metaKey) && e.preventDefault());
      });
    }
    const resize = new ResizeObserver((entries) => {
      // A widget as narrow as a phone's (a blog's sidebar) is laid out as on a phone. Told by its
      // summary's width (always there, unlike a title), not its host's: the layout this changes
      // leaves the summary's size as it is, so the observer's loop has no notification it
      // cannot deliver.
      for (const e of entries) if (e.target === this.summary && e.contentRect.width) this.host.toggleAttribute("data-narrow", e.contentRect.width < 480);
      const entry = entries.findLast((e) => e.target === this.canvas);
      if (!entry) return;
      const box = entry.contentRect;
      const device = entry.devicePixelContentBoxSize?.[0]?.inlineSize;
      this.deviceRatio = device && box.width ? device / box.width : 0;
      // Read here, where the style is up to date: no style recalculation of its own.
      this.w.set_background(this.background());
      this.w.resize(box.width, box.height, this.ratio(), this.textScale());
      this.box = [box.width, box.height];
      this.peers?.rescale();
      // The hole's text for its new size (written only when that changes it).
      if (this.view) {
        this.placeCenter();
        if (this.centerShows != null || this.centerOf || (touch && this.selectedKey != null)) this.fillCenter();
      }
      this.paintIfNear();
    });
    // Its device pixels: a page's CSS zoom changed later (a "larger text" button) changes them
    // and not its size in CSS pixels. (Safari has no such box, and throws.)
    try {
      resize.observe(this.canvas, { box: "device-pixel-content-box" });
    } catch {
      resize.observe(this.canvas);
    }
    // (A comparison's charts, side by side, keep its controls on one line.)
    if (!this.host.hasAttribute("data-part")) resize.observe(this.summary);
    // A device-pixel-ratio change without a resize (zoom, another screen): redraw crisp.
    const watchRatio = () => {
      const query = matchMedia(`(resolution: ${devicePixelRatio}dppx)`);
      const changed = () => {
        query.removeEventListener("change", changed);
        this.fit();
        watchRatio();
      };
      query.addEventListener("change", changed);
      this.stopRatio = () => query.removeEventListener("change", changed);
    };
    watchRatio();
    this.cleanups.push(() => this.stopRatio());
    this.cleanups.push(() => resize.disconnect());
    this.on(this.host, "keydown", (e) => escaped(e, this.peers ? this.peers.parts : [this], this.peers?.dialog ?? this.dialog));
    // Draw only near the viewport (and at once when it scrolls near).
    if (typeof IntersectionObserver === "function") {
      const io = new IntersectionObserver((entries) => this.setVisible(entries[entries.length - 1].isIntersecting), { rootMargin: `${NEAR}px` });
      io.observe(this.host);
      this.cleanups.push(() => io.disconnect());
    } else {
      this.setVisible(true);
    }
    // The hidden groups before the first render: each widget call then renders nothing.
    if (fragment.o === "1") this.w.expand_other(true);
    if (fragment.h || fragment.v) this.hideAsIn(fragment);
    this.ready = true;
    this.render();
    if (fragment.s) this.w.select(fragment.s);
    // A link to a view of this chart (a shared one) shows it, as a link to an anchor would: the
    // page scrolls to the first such chart, unless the reader has scrolled already. A link to an
    // anchor of the page that carries the charts' views after it (`#notes&dell=s.support`, the
    // address once a reader chose a view after following `#notes`) goes to that anchor, which the
    // browser could not find in the whole fragment.
    if (entry && !scrolledTo && scrollY === 0) {
      scrolledTo = true;
      // The fragment as the page was opened with it (a chart may have rewritten it since).
      const head = openedAt.slice(1).split("&")[0];
      const id = !head.includes("=") && decode(head);
      const anchor = id && (document.getElementById(id) || document.querySelector(`a[name="${CSS.escape(id)}"]`));
      if (id && id.toLowerCase() === "top" && !anchor) scrollTo(0, 0);
      else (anchor || this.figure).scrollIntoView({ block: "start" });
    }
  }

  /**
   * After the fragment changed under the page. To one with this chart's entry (a link in the post
   * to a view of the chart, or Back to one): shows that view. To none at all (Back to the page's
   * own address): shows the figure's own view. To one without this chart's entry (a link to an
   * anchor of the page): the chart stays as it is, and writes its entry back. A comparison's first
   * chart's entry drives them all, as its controls do.
   */
  restore() {
    if (!this.ready || !this.widget || (this.peers && this.peers.parts[0] !== this)) return;
    const entry = readFragment(this.key);
    if (!entry && location.hash.length > 1) return this.persist();
    const f = entry || {};
    const { groupBy, chart, dedupe } = this.settingsIn(f);
    if (groupBy !== this.view.groupBy) this.act((c) => c.w.set_group_by(groupBy), "group");
    if (chart !== this.view.chart) this.each((c) => c.w.set_chart(chart));
    if (dedupe !== this.view.dedupe) this.act((c) => c.w.set_dedupe(dedupe), "dedupe");
    this.each((c) => {
      c.w.show_all();
      c.w.expand_other(f.o === "1");
      c.hideAsIn(f);
    });
    this.peers?.unblank();
    if (this.peers) this.peers.selectAll(f.s || null);
    else this.w.select(f.s || null);
    // Into view from its top when it is taller than the window (a phone): its title and
    // summary say what changed.
    if (entry) this.figure.scrollIntoView({ block: this.figure.offsetHeight > innerHeight ? "start" : "nearest" });
  }

  /** The grouping, chart type and dedupe `fragment` gives; the figure's own where it is silent. */
  settingsIn(fragment) {
    const d = this.defaults;
    return { groupBy: option(GROUP_BYS, fragment.g) || d.g, chart: option(CHARTS, fragment.c) || d.c, dedupe: (fragment.d ?? d.d) === "1" };
  }

  /** Hides what `fragment` hides (`h.`, or every group but those of `v.`) of the groups now. */
  hideAsIn(fragment) {
    const all = this.w.view().legend.map((g) => g.key);
    const shown = new Set(fragment.v ? splitKeys(fragment.v) : []);
    // In a comparison, a group another company has shown alone: this one shows none.
    if (this.peers && shown.size && !all.some((k) => shown.has(k))) return this.w.isolate([...shown][0]);
    this.hide(fragment.v ? all.filter((k) => !shown.has(k)) : fragment.h ? splitKeys(fragment.h) : [], all);
  }

  /**
   * Hides the groups `keys` of `all`, in as few widget calls as it takes: isolating the ones
   * left shown when they are fewer (each call regroups). At most a page of calls: a hand-made
   * fragment cannot keep the page busy for long; one that would hide every group is ignored.
   */
  hide(keys, all) {
    const hidden = new Set(keys);
    const shown = all.filter((k) => !hidden.has(k));
    if (!shown.length || shown.length === all.length) return;
    if (shown.length < all.length - shown.length) {
      this.w.isolate(shown[0]);
      for (const key of shown.slice(1, PAGE)) this.w.toggle_hidden(key);
    } else {
      for (const key of keys.slice(0, PAGE)) this.w.toggle_hidden(key);
    }
  }

  create(Widget, options) {
    const notify = (bits) => this.changed(bits);
    const v = this.source;
    try {
      return v.csv ? Widget.from_csv(this.canvas, v.text(), v.company, v.title, options, notify) : new Widget(this.canvas, v.text(), options, notify);
    } catch (e) {
      throw problemsOf(e);
    }
  }

  /**
   * Paints at once if the chart is near the viewport. Called from the ResizeObserver, which runs
   * in the frame that first laid the chart out, after layout: measuring is free there, and the
   * chart shows in that frame instead of the next one (the IntersectionObserver's first report
   * comes after the frame, and a paint it asks for waits for the frame after).
   */
  paintIfNear() {
    if (!this.visible) {
      const r = this.host.getBoundingClientRect();
      if (!r.width || r.bottom < -NEAR || r.top > innerHeight + NEAR || r.right < -NEAR || r.left > innerWidth + NEAR) return;
      this.visible = true;
    }
    if (dirty.delete(this)) this.w.paint();
  }

  /** From the IntersectionObserver, after a frame: painted at once, shown by the next one. */
  setVisible(visible) {
    this.visible = visible;
    if (visible && dirty.delete(this)) this.w.paint();
  }

  /** After another chart's failure: the same chart on a fresh wasm instance, in its last state. */
  revive(Widget) {
    const view = this.view;
    this.widget = this.create(Widget, { ...this.widgetOptions, groupBy: view.groupBy, dedupe: view.dedupe, chart: view.chart, dark: this.isDark() });
    this.hide(view.hidden, view.legend.map((g) => g.key));
    if (view.otherExpanded) this.w.expand_other(true);
    if (view.selected) this.w.select(view.selected);
    this.restyle(); // the page may have changed its theme meanwhile
    this.fit();
    this.render();
  }

  /**
   * The canvas's pixels per CSS pixel: the screen's, or its own device pixels where the browser
   * says more (a page zoomed with CSS `zoom` draws it larger), and twice at least in print.
   */
  ratio() {
    return Math.max(devicePixelRatio, this.deviceRatio || 0, printing ? 2 : 0);
  }

  /** The canvas's pixels sized to its CSS size at `ratio`. */
  fit(ratio = this.ratio()) {
    this.w.resize(this.canvas.clientWidth, this.canvas.clientHeight, ratio, this.textScale());
  }

  /**
   * The reader's text size against the usual: the widget's text is 15 px at the browser's usual
   * 16 (`medium`, the reader's font size setting). The labels on the segments follow it.
   */
  textScale() {
    return parseFloat(getComputedStyle(this.container).fontSize) / 15;
  }

  /** After the reader's or the page's colour scheme changed: the scheme, and the background under the chart. */
  restyle() {
    this.host.dataset.scheme = this.isDark() ? "dark" : "light";
    this.w.set_dark(this.isDark());
    this.w.set_background(this.background());
  }

  /** The widget's background as the page's CSS makes it (`--channel-sprawl-bg`): `#rrggbb`, or "" unless opaque sRGB. */
  background() {
    const m = /^rgba?\((\d+), (\d+), (\d+)(, [\d.]+)?\)$/.exec(getComputedStyle(this.container).backgroundColor);
    return m && !m[4] ? "#" + m.slice(1, 4).map((n) => (+n).toString(16).padStart(2, "0")).join("") : "";
  }

  isDark() {
    const theme = this.figure.getAttribute("data-theme")?.trim().toLowerCase();
    return !printing && (theme === "dark" || (theme !== "light" && darkQuery.matches));
  }

  labelOf(group, groupBy) {
    if (group.key === NOT_SET) return this.t.notSet;
    if (group.key === OTHER) return this.t.other;
    if (groupBy === "country") {
      if (group.key === "WW") return this.t.worldwide;
      try {
        return this.formats.regions?.of(group.key) || group.key;
      } catch {
        return group.key;
      }
    }
    return group.label;
  }

  spaces(n) {
    return fill(this.t.spaces, { n: this.formats.num.format(n) }, n);
  }

  /** Runs a widget call that changes the view (on every chart of a comparison), then announces it. */
  act(call, announce) {
    // In a comparison every company's chart does it: a selection one of them loses is not
    // cleared in the others meanwhile (each says its own, in its new grouping).
    if (this.peers) this.peers.syncing = true;
    try {
      this.each(call);
    } finally {
      if (this.peers) this.peers.syncing = false;
    }
    const view = this.w.view();
    // In a comparison, the groups of every company, and each company's count.
    const views = this.peers ? this.companies().map((c) => c.view) : [view];
    if (announce === "group") {
      const n = new Set(views.flatMap((v) => v.groups.map((g) => g.key))).size;
      this.say(fill(this.t.announceGroup, { phrase: this.t.byPhrase[view.groupBy], n: this.formats.num.format(n) }, n));
    } else if (announce === "dedupe") {
      const n = views.map((v) => (this.peers ? `${isolate(v.company)} ` : "") + this.spaces(v.units)).join(", ");
      this.say(fill(view.dedupe ? this.t.announceDedupe : this.t.announceNoDedupe, { n }));
    }
  }

  /** This chart, or in a comparison every company's: those with a widget. */
  companies() {
    return (this.peers?.parts ?? [this]).filter((c) => c.widget);
  }

  /** Runs `fn` on this chart and, in a comparison, on the others too. */
  each(fn) {
    this.companies().forEach(fn);
  }

  say(text) {
    // Re-setting the same text would not be announced again.
    this.live.textContent = this.live.textContent === text ? text + "\u00a0" : text;
  }

  /** Called by the widget after every change: 1 view, 2 selection, 4 pointer, 8 paint. */
  changed(bits) {
    if (bits & 8) schedulePaint(this);
    if (!this.ready) return;
    if (bits & 1) this.render(bits & 2);
    if (bits & 2) this.selectionChanged();
    // A selection is announced by itself; the focus announcement would talk over it.
    if (bits & 4) this.pointerChanged(!(bits & 2));
  }

  /** Everything around the canvas, from the core's view; `selectionNext`: the caller reports the selection next. */
  render(selectionNext) {
    const t = this.t;
    const view = (this.view = this.w.view());
    const title = this.titleOf(view);
    this.title.textContent = title;
    this.title.hidden = !title;

    const parts = [view.dedupe && view.units !== view.spaces ? `${this.spaces(view.spaces)} → ${fill(t.merged, { n: this.formats.num.format(view.units) })}` : this.spaces(view.spaces)];
    parts.push(fill(t.themes, { n: this.formats.num.format(view.themes) }, view.themes));
    parts.push(fill(t.platforms, { n: this.formats.num.format(view.platforms) }, view.platforms));
    if (view.hidden.length) parts.push(fill(t.hiddenCount, { n: this.formats.num.format(view.hidden.length) }, view.hidden.length));
    this.summary.textContent = parts.join(" · ");
    // In a comparison, the companies' profiles are one table below (Comparison.renderProfiles).
    this.profile.hidden = !!this.peers || view.spaces === 0;
    if (!this.profile.hasChildNodes()) this.profile.append(el("summary", { text: t.profile.heading }));

    // Only on a change: setting a <select>'s value re-selects its option even when it is the
    // same one (about 0.07 ms each, on every render of every chart).
    if (this.groupSelect.value !== view.groupBy) this.groupSelect.value = view.groupBy;
    if (this.chartSelect.value !== view.chart) this.chartSelect.value = view.chart;
    this.dedupeButton.setAttribute("aria-pressed", String(view.dedupe));
    // Only where it changes something: some spaces are country copies of one account.
    this.dedupeButton.hidden = !view.copies;
    this.empty.hidden = view.spaces > 0;
    this.main.hidden = view.spaces === 0;
    // Nothing to regroup, enlarge or export in an empty dataset (a comparison keeps its band).
    if (!this.peers) this.controls.hidden = view.spaces === 0;
    this.plot.dataset.chart = view.chart;
    this.plot.style.setProperty("--rows", String(Math.max(1, view.groups.length)));

    this.placeCenter();
    this.bars.replaceChildren(
      ...(view.chart === "bar" ? view.groups.map((g) => el("li", {}, el("span", { text: isolate(this.labelOf(g, view.groupBy)) }), " ", el("span", { class: "cs-count", text: this.formats.num.format(g.count) }))) : []),
    );

    // Accessible name: company, what it groups, the largest groups.
    const largest = view.groups.filter((g) => g.key !== OTHER).sort((a, b) => b.count - a.count).slice(0, 3);
    const top = largest.length ? fill(t.largest, { list: largest.map((g) => `${isolate(this.labelOf(g, view.groupBy))} ${this.formats.num.format(g.count)}`).join(", ") }) : "";
    // The grouping once: not again after a title that names it ("… by theme: 97 spaces by theme").
    const phrase = t.byPhrase[view.groupBy];
    const named = title.toLowerCase().endsWith(phrase.toLowerCase());
    this.canvas.setAttribute("aria-label", fill(t.chartName, { company: title, count: this.spaces(view.shown) + this.outOf(view), phrase: named ? "" : " " + phrase, top }));

    this.renderLegend(view);
    if (!this.table.hidden) this.renderTable(view);
    if (!selectionNext) this.selectionChanged(true);
    this.peers?.refresh();
  }

  /** The ring's radii, CSS px (as geometry::Layout lays it out: render::PAD, geometry::HOLE). */
  ring() {
    const [w, h] = this.box ?? [0, 0];
    const outer = Math.max(0, Math.min(w, h) / 2 - PAD) * Math.sqrt(this.fill ?? 1);
    return { outer, hole: outer * HOLE };
  }

  /** " of 62" after the spaces the ring draws, when groups are hidden; else nothing. */
  outOf(view) {
    return view.shown < view.units ? " " + fill(this.t.outOf, { n: this.formats.num.format(view.units) }) : "";
  }

  /**
   * The hole: the total of the spaces counted (of the groups shown, "17 spaces of 62" when some
   * are hidden); after a tap (a finger on the ring or the legend),
   * the selected group's figures where the hole holds them (its name on two lines at most,
   * about as wide as the hole at its first line), through view changes and resizes; the note
   * that no group is shown.
   */
  fillCenter() {
    const view = this.view;
    const t = this.t;
    const hole = this.ring().hole;
    const g = touch && hole >= 66 ? view.groups.find((g) => g.key === this.selectedKey) : null;
    const n = g ? g.count : view.shown;
    let unit = fill(t.spaces, { n: "" }, n).trim();
    // "of 62" where the hole holds it on the unit's line (13 px letters, about 7 px wide), else
    // the count of the ring alone; again when the hole's size changes.
    const of = g ? "" : this.outOf(view);
    this.centerOf = !!of;
    if (of && (unit + of).length * 7.2 <= 1.6 * hole) unit += of;
    const name = g && el("span", { class: "cs-center-name", text: this.labelOf(g, view.groupBy) });
    if (name) name.style.maxWidth = `${Math.round(1.75 * hole)}px`;
    const figures = [el("strong", { class: n >= 1e5 ? "cs-long" : null, text: this.formats.num.format(n) }), el("span", { text: g ? fill(t.share, { count: unit, pct: this.share(n) }) : unit })];
    this.center.replaceChildren(...(view.groups.length ? (name ? [name, ...figures] : figures) : [el("span", { text: t.noneShown })]));
    this.centerShows = g?.key;
  }

  /**
   * The total in the hole only where the hole can hold it (as svg::MIN_COUNT_FILL in the
   * exports, and 72 CSS px across at least); the note that no group is shown, whatever the chart.
   */
  placeCenter() {
    const view = this.view;
    const hide = view.groups.length ? view.chart !== "donut" || this.fill < 0.3 || (this.box != null && this.ring().hole < 36) : !view.spaces;
    if (this.center.hidden !== hide) this.center.hidden = hide;
  }

  renderLegend(view) {
    const t = this.t;
    const entry = (g) => {
      const label = this.labelOf(g, view.groupBy);
      const selected = view.selected === g.key;
      const entry = el(
        "button",
        { type: "button", class: "cs-entry", "aria-pressed": String(selected), "data-key": g.key },
        this.swatch(g.color, g.twin),
        el("span", { class: "cs-label", text: label }),
        el("span", { class: "cs-count", text: this.formats.num.format(g.count) }),
      );
      const tools = [];
      if (g.key === OTHER) {
        entry.title = fill(t.otherHolds, { list: this.foldedList(g.folded, view) });
        tools.push(this.tool("+", t.expandOther, "expand"));
      } else {
        tools.push(this.tool("◐", fill(t.isolate, { label }), "isolate", g.key, label));
        const hide = this.tool("×", fill(t.hide, { label }), "hide", g.key, label);
        // The last group shown stays: the core would not hide it.
        hide.disabled = view.groups.length === 1;
        tools.push(hide);
      }
      return el("li", { class: "cs-item" + (selected ? " is-selected" : "") }, entry, ...tools);
    };
    const hiddenEntry = (g) => {
      const label = this.labelOf(g, view.groupBy);
      return el(
        "li",
        { class: "cs-item is-hidden" },
        el("span", { class: "cs-entry", "aria-disabled": "true" }, this.swatch(g.color), el("span", { class: "cs-label", text: label }), el("span", { class: "cs-count", text: this.formats.num.format(g.count) })),
        this.tool("+", fill(t.show, { label }), "hide", g.key, label),
      );
    };
    // The shown groups, then the hidden ones; a page of them at a time (the count listed stays
    // while the grouping does).
    const byKey = groupsByKey(view);
    const rows = [...view.groups.map((g) => [g, entry]), ...view.hidden.filter((k) => byKey.has(k)).map((k) => [byKey.get(k), hiddenEntry])];
    const page = this.pageOf("legend", view.groupBy);
    const entries = rows.slice(0, page.shown).map(([g, make]) => make(g));
    if (rows.length > page.shown) entries.push(el("li", { class: "cs-item" }, el("button", { type: "button", class: "cs-link", text: this.moreText(rows.length - page.shown), "data-act": "more" })));
    if (view.hidden.length > 1) entries.push(el("li", { class: "cs-item" }, el("button", { type: "button", class: "cs-link", text: t.showAll, "data-act": "showAll" })));
    // Only when folding would change something (isolating one group also expands Other).
    if (view.otherExpanded && view.canFold) entries.push(el("li", { class: "cs-item" }, el("button", { type: "button", class: "cs-link", text: t.foldOther, "data-act": "fold" })));
    replaceLegend(this.legend, this.root, entries);
  }

  /**
   * The heading: the dataset's title, else the company. A title that ends by naming a grouping
   * ("… par thème") names the chart's: the reader's once they change it, and the figure's own
   * when the dataset's title was written for another.
   */
  titleOf(view) {
    const title = view.title || view.company;
    const said = Object.values(this.t.byPhrase).find((phrase) => title.toLowerCase().endsWith(" " + phrase.toLowerCase()));
    return said ? title.slice(0, -said.length) + this.t.byPhrase[view.groupBy] : title;
  }

  /** How many rows the list `name` shows: a page, and a page more at each "show more", while `key` stays. */
  pageOf(name, key) {
    const pages = (this.pages ??= {});
    if (pages[name]?.key !== key) pages[name] = { key, shown: PAGE };
    return pages[name];
  }

  /** "Show 200 more of the 1,250 not listed", for `left` rows not listed. */
  moreText(left) {
    return fill(left > PAGE ? this.t.showMore : this.t.showRest, { n: this.formats.num.format(Math.min(PAGE, left)), left: this.formats.num.format(left) });
  }

  /** The groups folded into Other, named as the legend names them. */
  foldedList(keys, view) {
    const byKey = groupsByKey(view);
    // The first 30 (the legend's expanded Other lists them all): not a 200 KB tooltip for an
    // Other of 20,000 themes.
    const names = keys.slice(0, 30).map((k) => isolate(this.labelOf(byKey.get(k) || { key: k, label: k }, view.groupBy)));
    return names.join(", ") + (keys.length > 30 ? ", …" : "");
  }

  /** A legend's colour square; `twin`: rows of dots, as on a segment whose colour repeats. */
  swatch(color, twin) {
    const s = el("span", { class: "cs-swatch", "aria-hidden": "true", "data-twin": twin || null });
    s.style.setProperty("--swatch", color);
    return s;
  }

  /** A legend entry's tool button; the legend's one click listener (`legendClick`) runs `act`. */
  tool(symbol, label, act, key, name) {
    return el("button", { type: "button", class: "cs-tool", "aria-label": label, title: label, text: symbol, "data-act": act, "data-key": key, "data-label": name });
  }

  /** A click in a legend (this chart's, or a comparison's shared one `legend`). */
  legendClick(event, legend = this.legend) {
    const b = event.target.closest?.("button");
    if (!b || !legend.contains(b)) return;
    const { act, key, label } = b.dataset;
    if (act === "more") {
      // The next page of entries; the focus goes to the first of them.
      const page = this.pageOf("legend", this.view.groupBy);
      const first = page.shown;
      page.shown += PAGE;
      this.renderLegend(this.view);
      legend.children[first]?.querySelector("button")?.focus();
    } else if (!act) this.byReader(() => this.w.toggle_select(key));
    else if (act === "hide") this.setHidden(key, label, !b.closest(".is-hidden"));
    else this.legendAct(act, key, label);
  }

  /** Isolates `key`, shows every group, or expands or folds Other (`act`), and says so. */
  legendAct(act, key, label) {
    this.each((c) => (act === "isolate" ? c.w.isolate(key) : act === "showAll" ? c.w.show_all() : c.w.expand_other(act === "expand")));
    // Said after what the change did to the selection: the larger change is the news. Isolating
    // the group shown alone shows every group again.
    const view = this.w.view();
    this.say(fill(this.t.announceAct[act === "isolate" && !view.hidden.length ? "showAll" : act], { label, n: this.formats.num.format(view.groups.length) }));
  }

  /** Hides `key` (else shows it) in every chart that has it: the legend entry's × or +. */
  setHidden(key, label, hide) {
    this.each((c) => c.w.view().hidden.includes(key) !== hide && c.w.toggle_hidden(key));
    this.say(fill(hide ? this.t.announceHidden : this.t.announceShown, { label }));
  }

  /**
   * Runs `run` once the extras module is loaded, the pointer busy over the widget meanwhile. A
   * second call of the method `name` meanwhile (a second click on a slow network) is dropped,
   * not a table opened and at once closed or a file downloaded twice. If the module cannot be
   * loaded, the widget says so (after `place`, see `unavailable`); the next use tries again.
   */
  later(name, run, place) {
    return this.busy(name, () => loadExtras().then(run, () => this.unavailable(place)));
  }

  /** Runs `run` (which may wait) with the widget busy (the pointer, the control pressed); a call of `name` meanwhile is dropped. */
  busy(name, run) {
    const pending = (this.pending ??= new Set());
    if (pending.has(name)) return;
    if (name) pending.add(name);
    this.waits = (this.waits || 0) + 1;
    this.container.classList.add("is-waiting");
    // The control pressed says it is busy too (to a screen reader).
    const control = this.root.activeElement?.closest("button");
    control?.setAttribute("aria-busy", "true");
    return Promise.resolve()
      .then(run)
      .finally(() => {
        pending.delete(name);
        control?.removeAttribute("aria-busy");
        if (!--this.waits) this.container.classList.remove("is-waiting");
      });
  }

  /**
   * A part that could not be loaded (the extras module, the export build): said in the widget,
   * after `place` (the controls, or the drill-down's heading), and to screen readers.
   */
  unavailable(place = this.controls) {
    const text = this.t.unavailable;
    this.notice ??= el("p", { class: "cs-notice" });
    this.notice.textContent = text;
    place.after(this.notice);
    this.say(text);
  }

  /**
   * Runs `act`, a reader's click, tap or key on the chart: a drill-down it opens out of sight
   * (under a phone's legend) comes into view by its heading and first space. Not a selection
   * from the page's script, the address or another company of a comparison.
   */
  byReader(act) {
    this.reveal = true;
    try {
      act();
    } finally {
      this.reveal = false;
    }
  }

  selectionChanged(quiet) {
    const t = this.t;
    const sel = this.w.selection();
    const view = this.view;
    const previous = this.selectedKey ?? null;
    this.selectedKey = sel ? sel.key : null;
    // The hole, after every render as after a selection (one always follows the other).
    this.fillCenter();
    for (const b of this.legend.querySelectorAll(".cs-entry[data-key]")) {
      const on = b.dataset.key === this.selectedKey;
      b.setAttribute("aria-pressed", String(on));
      b.closest(".cs-item").classList.toggle("is-selected", on);
    }
    if (!sel) {
      this.drill.hidden = true;
      this.drill.replaceChildren();
    } else {
      this.renderDrill(sel, view, this.reveal);
    }
    this.persist();
    if (quiet && previous === this.selectedKey) return;
    // In a comparison, selecting a group selects it in every company's chart.
    if (this.peers && !this.peers.syncing) this.peers.selectAll(this.selectedKey, this);
    this.peers?.renderLegend();
    // Once per change: what was said last is not said again (in a comparison, a chart's change
    // re-renders it through the shared refresh before its own report of the selection arrives).
    const said = sel ? `${sel.groupBy}\n${sel.key}\n${sel.count}` : "";
    if (said === this.said) return;
    this.said = said;
    const label = sel ? this.labelOf(sel, sel.groupBy) : null;
    this.figure.dispatchEvent(
      new CustomEvent(EVENT, {
        bubbles: true,
        detail: {
          ...(sel ? { groupBy: sel.groupBy, key: sel.key, label, count: sel.count, spaces: sel.spaces } : { groupBy: view.groupBy, key: null, label: null, count: 0, spaces: [] }),
          ...(this.peers ? { company: view.company } : {}),
        },
      }),
    );
    // A comparison says it once, for every company (`Comparison.selectAll`).
    if (!this.peers) this.say(sel ? fill(t.announceSelect, { label, count: this.spaces(sel.count), pct: this.share(sel.count) }) : t.announceClear);
  }

  /**
   * A group's share of the spaces the ring's centre counts: by theme, a space in several themes
   * counts in each, so these shares can add up to more than 100 %; hidden groups do not change them.
   */
  share(count) {
    const units = this.view?.units;
    const share = units ? count / units : 0;
    // A group with spaces is never "0 %": under half a percent it is "<1 %".
    return share > 0 && share < 0.005 ? "<" + this.formats.pct.format(0.01) : this.formats.pct.format(share);
  }

  pointerChanged(announce) {
    const p = this.w.pointer();
    const t = this.t;
    // A tapped segment whose figures the hole shows: no tooltip by the finger to cover the ring.
    if (!p || (!p.focus && touch && !this.center.hidden && this.centerShows === p.key)) {
      this.tooltip.hidden = true;
      this.tipContent = null;
      return;
    }
    // Reads first, while the layout is clean: a hover then forces no layout. In the plot's own
    // CSS pixels: a page's `zoom` on an ancestor scales what the client rectangles say.
    const z = this.plot.currentCSSZoom || 1;
    const rect = this.plot.getBoundingClientRect();
    const box = { width: rect.width / z, height: rect.height / z };
    // For a finger's tooltip, what the reader sees of the page: the window, or the enlarged view
    // under its head (not read on a mouse's every move).
    const tapped = !p.focus && touch && this.view.chart !== "bar";
    const dialog = tapped && (this.peers?.dialog ?? this.dialog);
    const seen = dialog?.open ? { top: dialog.querySelector(".cs-dialog-head").getBoundingClientRect().bottom, bottom: dialog.getBoundingClientRect().bottom } : { top: 0, bottom: innerHeight };
    const at = !p.focus && this.pointerAt ? { x: this.pointerAt.x / z, y: this.pointerAt.y / z } : { x: p.x + this.canvas.offsetLeft, y: p.y + this.canvas.offsetTop };
    const label = this.labelOf(p, this.view.groupBy);
    const content = `${p.key}\n${p.focus}`;
    if (this.tipContent !== content) {
      this.tipContent = content;
      const lines = [
        el("strong", { text: label }),
        el("span", { text: fill(t.share, { count: this.spaces(p.count), pct: this.share(p.count) }) }),
      ];
      this.tipPlatforms = this.view.groupBy !== "platform" && p.platforms.length ? fill(t.topPlatforms, { list: p.platforms.map(([name, n]) => `${isolate(name)} ${this.formats.num.format(n)}`).join(", ") }) : "";
      if (this.tipPlatforms) lines.push(el("span", { class: "cs-muted", text: this.tipPlatforms }));
      this.tooltip.replaceChildren(...lines);
    }
    this.tooltip.hidden = false;
    // Next to the pointer (or, from the keyboard, the segment's middle), towards the plot's
    // middle, anchored by the corner nearest the pointer and at most as wide as the room on that
    // side: it stays inside the plot without being measured, and never covers the pointer; it
    // never takes pointer events.
    const gap = 14;
    const px = (n) => `${Math.round(n)}px`;
    const toRight = at.x < box.width / 2;
    const below = at.y < box.height / 2;
    const style = this.tooltip.style;
    // Where a side has too little room (a phone), the plot's width, above or below the pointer.
    const room = (toRight ? box.width - at.x : at.x) - gap - 4;
    const wide = room < 180;
    style.left = wide ? "4px" : toRight ? px(at.x + gap) : "auto";
    style.right = toRight || wide ? "auto" : px(box.width - at.x + gap);
    style.top = below ? px(at.y + gap) : "auto";
    style.bottom = below ? "auto" : px(box.height - at.y + gap);
    style.maxWidth = px(Math.min(260, wide ? box.width - 8 : room));
    style.margin = "";
    // A tap on a ring with room above or below it in the plot (a comparison's smaller company):
    // there, across the plot's middle, on the tap's side if it has the room, clear of the ring
    // and of the tapped segment, lifted out of it (render::LIFT_SELECTED, 7 px, and its outline).
    // A ring that narrow in a plot without that room (trimmed to it, the charts stacked): above
    // it, over the title, where the reader sees room there (below it opens the list), else below.
    if (tapped) {
      const outer = this.ring().outer + 10;
      const cy = this.canvas.offsetTop + this.box[1] / 2;
      const [over, under] = [cy - outer, box.height - cy - outer];
      const roomy = Math.max(over, under) >= 64;
      if (roomy || 4 * outer <= box.width) {
        const seenOver = rect.top + (cy - outer) * z - seen.top >= 64;
        const seenUnder = seen.bottom - rect.top - (cy + outer) * z >= 64;
        const up = roomy ? (at.y < cy ? over >= 64 : under < 64) : seenOver || !seenUnder;
        Object.assign(style, { left: "4px", right: "4px", margin: "0 auto", maxWidth: px(box.width - 8) });
        style.top = up ? "auto" : px(cy + outer + 8);
        style.bottom = up ? px(box.height - cy + outer + 8) : "auto";
      }
    }
    // From the keyboard, said as shown: the figures, and the platforms the tooltip names.
    if (p.focus && announce) this.say(fill(t.announceFocus, { label, count: this.spaces(p.count), pct: this.share(p.count) }) + (this.tipPlatforms ? ". " + this.tipPlatforms : ""));
  }

  persist() {
    // A comparison writes once all its charts have read the address.
    if (!this.ready || !this.widget || !this.view || this.peers?.loading) return;
    // `this.view` is also the state a revived widget starts from, and what a comparison reads;
    // a selection changes it without a new view.
    const view = this.view;
    view.selected = this.selectedKey ?? null;
    const defaults = this.defaults;
    // The hidden groups, or the shown ones when they are fewer (an isolated group of thousands);
    // in a comparison, the groups no company shows, out of every company's.
    const [hiddenKeys, all] = this.peers ? this.peers.hiddenKeys() : [view.hidden, view.legend.map((g) => g.key)];
    const fewer = 2 * hiddenKeys.length > all.length;
    const hidden = fewer ? new Set(hiddenKeys) : null;
    const shown = fewer ? all.filter((k) => !hidden.has(k)) : [];
    writeFragment(this.key, {
      g: view.groupBy !== defaults.g ? view.groupBy : "",
      c: view.chart !== defaults.c ? view.chart : "",
      d: (view.dedupe ? "1" : "0") !== defaults.d ? (view.dedupe ? "1" : "0") : "",
      h: fewer ? "" : joinKeys(hiddenKeys),
      v: fewer ? joinKeys(shown) : "",
      s: (this.peers ? this.peers.parts.find((c) => c.selectedKey != null)?.selectedKey : view.selected) || "",
      // "Other" expanded: a group selected in it is there again when the link is opened (in a
      // comparison, if any company has something to fold).
      o: view.otherExpanded && (this.peers ? this.peers.parts : [this]).some((c) => c.view?.canFold) ? "1" : "",
    });
  }

  destroy() {
    for (const undo of this.cleanups.splice(0)) undo();
    if (this.dialog?.open) this.dialog.close();
    charts.delete(this);
    dirty.delete(this);
    this.widget?.free();
    this.widget = null;
    this.host.remove();
  }
}

/**
 * Where a chart's dataset text is: read by the core when the chart is built (or rebuilt after
 * another chart's failure), not kept by the loader when it sits in the page.
 */
class Source {
  constructor(text, csv = false, company = null, title = null) {
    Object.assign(this, { text: typeof text === "function" ? text : () => text, csv, company, title });
  }
}

/** The texts of the datasets in JSON text: several when it is an array of them (a comparison). */
function splitJson(read) {
  const text = read();
  if (!/^\uFEFF?\s*\[/.test(text)) return [new Source(read)];
  let parts;
  try {
    parts = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return [new Source(text)]; // the core says where the text stops being JSON
  }
  return parts.length ? parts.map((part) => new Source(JSON.stringify(part))) : [new Source(text)];
}

/** The datasets of a figure (or of `data` given to `mount`): one, or several to compare. */
async function datasetsOf(figure, data, waiting) {
  if (data === undefined) {
    const sources = await readData(figure, waiting);
    const attr = (name, script) => script?.getAttribute(name) ?? figure.getAttribute(name);
    return sources.flatMap((s) => (s.kind === "csv" ? [new Source(s.read, true, attr("data-company", s.script), attr("data-title", s.script))] : splitJson(s.read)));
  }
  if (typeof data === "string") return splitJson(() => data);
  const json = (value) => new Source(JSON.stringify(value) ?? "");
  return Array.isArray(data) && data.length ? data.map(json) : [json(data)];
}


// Methods of `Chart` that live in extras.js (the table, the profile, the dialog, the exports):
// the first call loads that module, which replaces these stand-ins with the real methods.
let extras = null;
let extrasTries = 0;
function loadExtras() {
  if (!extras) {
    const url = new URL("./pkg/channel-sprawl-extras.js", import.meta.url);
    // A module that failed to load stays failed under its URL for the page: a retry asks anew.
    if (extrasTries++) url.search = "retry=" + extrasTries;
    extras = import(url.href).then(
      (m) => {
        // What a chart said it could not load is there now.
        charts.forEach((c) => c.notice?.remove());
        return m.install(Chart, { el, fill, isolate, replaceLegend, pointsAt, keyOf, ENTRIES, styleSheet, schedulePaint, loadRuntime, groupsByKey, escaped, OTHER, PAGE, PAD });
      },
      (e) => {
        extras = null;
        console.warn("channel-sprawl: the drill-down, table and export module could not be loaded; the next use tries again.", e);
        return whyNot(url);
      },
    );
  }
  return extras;
}
const ignore = () => {};
for (const name of ["toggleTable", "renderTable", "renderProfile", "exportPng", "exportSvg", "exportCsv", "enlarge", "shrink"]) {
  Chart.prototype[name] = function (...args) {
    // Opened late, the dialog would take the focus from wherever the reader went meanwhile.
    const focus = this.root.activeElement;
    return this.later(name, () => (name !== "enlarge" || this.root.activeElement === focus) && this[name](...args));
  };
}
// The drill-down too: a selection shows it once the module is there (it is fetched when a reader
// first points at or focuses the chart, so usually before the click), unless the selection or the
// view changed meanwhile; its heading at once, the section aria-busy until its list is there.
// Brought into view only if the reader has not scrolled meanwhile.
Chart.prototype.renderDrill = function (sel, view, reveal) {
  const y = scrollY;
  const head = el("div", { class: "cs-drill-head" }, el("h3", { class: "cs-drill-title", text: fill(this.t.drillHeading, { label: this.labelOf(sel, sel.groupBy), count: this.spaces(sel.count) }) }));
  this.drill.replaceChildren(head);
  this.drill.hidden = false;
  this.drill.setAttribute("aria-busy", "true");
  this.later(null, () => this.selectedKey === sel.key && this.view === view && this.renderDrill(sel, view, reveal && scrollY === y), head).finally(() => this.drill.removeAttribute("aria-busy"));
};

/**
 * Mounts a chart on `element` with `data` (an object, an array of objects to compare, or JSON
 * text; omitted: read from the element) and `options` ({groupBy, chart, dedupe, otherBelow,
 * lang}). Resolves to the handle.
 */
export async function mount(element, data, options = {}) {
  if (element.channelSprawl) element.channelSprawl.destroy();
  // A copy of a figure mounted before (a page cache such as Turbo's restores a clone of the page)
  // holds that chart's element without its shadow root, and its ready attribute: not this chart.
  for (const stale of element.querySelectorAll(":scope > [data-channel-sprawl-host], :scope > [data-channel-sprawl-compare]")) stale.remove();
  element.removeAttribute(READY);
  element.removeAttribute(FAILED);
  mounts.add(element);
  let mounted = null; // a Chart or a Comparison
  const teardown = () => {
    mounted?.destroy();
    mounted = null;
    element.removeAttribute(READY);
    element.removeAttribute(FAILED);
  };
  const handle = {
    // In a comparison, every company that has the group selects it (`Comparison.selectAll`).
    select: (key) => (mounted?.parts ? mounted.selectAll(key ?? null) : mounted?.w?.select(key ?? null)) ?? false,
    update: async (dataset) => {
      teardown();
      await run(dataset);
    },
    destroy: () => {
      teardown();
      ownData.delete(element);
      mounts.delete(element);
      heldKeys.delete(element);
      delete element.channelSprawl;
    },
  };
  element.channelSprawl = handle;
  let runs = 0;
  // Ready only when the data is parsed and the widget is in place; otherwise an error attribute.
  // A run that another (update, a new mount, destroy) replaced while it waited says nothing.
  const run = async (dataset) => {
    const me = ++runs;
    // A figure read for its own data follows it (the page's observer, below); one given data does not.
    ownData[dataset === undefined ? "add" : "delete"](element);
    const replaced = () => element.channelSprawl !== handle || me !== runs;
    const lang = languageOf(element, options.lang);
    if (!STRINGS[lang]) {
      await loadLanguage(lang);
      if (replaced()) return;
    }
    let chart = (mounted = new Chart(element, options));
    try {
      const datasets = await datasetsOf(element, dataset, () => chart.waiting());
      if (replaced()) return;
      if (datasets.length > 1) {
        // The module first: should it not load, the chart that says so is still in place.
        const { Comparison } = await loadExtras();
        if (replaced()) return;
        chart.destroy();
        const comparison = (mounted = new Comparison(element));
        try {
          if (!(await comparison.load(datasets, (row) => new Chart(element, options, row), replaced))) return;
        } catch (e) {
          // The code itself failed (not a company's data): said in place of the whole figure.
          if (!Array.isArray(e)) {
            comparison.destroy();
            chart = mounted = new Chart(element, options);
          }
          throw e;
        }
      } else {
        await chart.load(datasets[0], replaced);
      }
      if (!replaced()) element.setAttribute(READY, "");
    } catch (e) {
      if (replaced()) return;
      if (Array.isArray(e)) e.length && chart.fail(e);
      else if (e && e.url) chart.fail([], fill([chart.t.loadFailed, chart.t.codeFailed, chart.t.codeBlocked][e.code || 0], { url: e.url, status: e.status ?? chart.t.noAnswer }));
      else chart.fail([{ path: "", message: String((e && e.message) || e) }]);
      element.setAttribute(FAILED, "");
    }
  };
  await run(data);
  return handle;
}

/** Figures whose chart reads their own data (not given it by `mount()` or `update()`). */
const ownData = new WeakSet();

/** Mounts every figure in `root` not mounted yet, adding each to `mounted`. */
function mountAll(root, mounted = new Set()) {
  const found = root.matches?.(`[${ATTR}]`) ? [root] : [];
  for (const figure of [...found, ...(root.querySelectorAll?.(`[${ATTR}]`) || [])]) {
    if (figure.channelSprawl) continue;
    mount(figure);
    mounted.add(figure);
  }
}

if (typeof document !== "undefined") {
  const start = () => {
    mountAll(document);
    addEventListener("hashchange", () => charts.forEach((c) => c.restore()));
    // A chart not drawn yet that a scroll brings near is drawn in the scroll's own frame, before
    // its animation callbacks (its observer would say so only after that frame).
    addEventListener("scroll", () => dirty.forEach((c) => c.visible || c.paintIfNear()), { capture: true, passive: true });
    // A page that switches its own theme (a class, a style or data-theme on <html> or <body>,
    // which may set --channel-sprawl-bg), or a figure's data-theme, is followed as the reader's
    // scheme is.
    const restyle = () => charts.forEach((c) => c.widget && c.restyle());
    const themes = new MutationObserver(restyle);
    for (const el of [document.documentElement, document.body]) el && themes.observe(el, { attributes: true, attributeFilter: ["class", "style"] });
    new MutationObserver(restyle).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"], subtree: true });
    new MutationObserver((records) => {
      // Figures whose data came or changed (a data script added, a data-src set), mounted anew
      // unless this same change mounted them or the page gave them their data.
      const fed = new Set();
      const mounted = new Set();
      for (const r of records) {
        // An element that gets the attribute later is mounted as one added with it.
        if (r.attributeName === ATTR) mountAll(r.target, mounted);
        else if (r.type === "attributes") fed.add(r.target);
        for (const node of r.addedNodes) {
          if (node.nodeName === "SCRIPT" && DATA_TYPES.includes(node.type)) fed.add(r.target);
          else if (node.nodeType === 1) mountAll(node, mounted);
        }
        for (const node of r.removedNodes) {
          if (node.nodeType !== 1) continue;
          for (const f of [node, ...node.querySelectorAll(`[${ATTR}]`)]) if (f.channelSprawl && !f.isConnected) f.channelSprawl.destroy();
        }
      }
      for (const figure of fed) if (ownData.has(figure) && !mounted.has(figure) && figure.isConnected) mount(figure);
    }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: [ATTR, "data-src"] });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
}

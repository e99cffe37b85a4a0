// channel-sprawl's second module, loaded on first use: the table view, the sprawl profile, the
// enlarged dialog, the exports and side-by-side comparisons. Most readers never open them, so they
// stay out of the first download (bundled by scripts/bundle.mjs into pkg/channel-sprawl-extras.js,
// fetched relative to the loader). It imports nothing: the loader hands over what it needs.

import { STYLES } from "./extras-styles.js";

/** Adds the methods to the loader's `Chart`; returns the `Comparison` class. */
/**
 * Where the page is scrolled, to go back to when the enlarged view closes: the post behind a
 * modal dialog still scrolls (a swipe that overshoots it), and the figure, its chart taken into
 * the dialog, is shorter meanwhile. Read before the chart leaves the figure: the browser's
 * scroll anchoring moves the page as it does.
 */
function keepPlace() {
  const [x, y] = [scrollX, scrollY];
  return () => scrollTo(x, y);
}

/**
 * The least scroll that shows `row` (none when it is in view), as `scrollIntoView` would, of every
 * box the reader scrolls (a scrolling column, the enlarged view, then the page), but not of a box
 * that clips without a scroll bar (a theme's card cut at a height), which it would move out of
 * the reader's reach; none when such a box cuts the row off. The page's <body> and <html> scroll
 * as the page (their `overflow` is the viewport's). Never so far that `focused` (the control the
 * reader is on) goes out of view or under a sticky head (the box's `scroll-padding-top`): at a
 * large zoom, the row may stay where it is (WCAG 2.4.11). A chart in a sticky column (the
 * enlarged ring held sideways) stays in view whatever scrolls.
 */
function bringIntoView(row, focused) {
  const behavior = matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
  let { top, bottom } = row.getBoundingClientRect();
  const sticky = focused && getComputedStyle(focused.closest(".cs-plot") ?? focused).position === "sticky";
  let kept = focused && !sticky ? focused.getBoundingClientRect().top : Infinity;
  for (let box = row.parentElement; ; box = box.parentElement ?? box.getRootNode().host) {
    const page = !box || box === document.body || box === document.documentElement;
    const scroller = page ? document.scrollingElement : box;
    const overflow = page ? "auto" : getComputedStyle(box).overflowY;
    const view = page ? { top: 0, bottom: innerHeight } : box.getBoundingClientRect();
    if (/hidden|clip/.test(overflow) && top >= view.bottom) return;
    if (page || (/auto|scroll/.test(overflow) && box.scrollHeight > box.clientHeight)) {
      const head = view.top + (parseFloat(getComputedStyle(scroller).scrollPaddingTop) || 0);
      const by = Math.min(bottom - view.bottom, top - head, kept - head);
      if (by > 0) {
        scroller.scrollBy({ top: by, behavior });
        top -= by;
        bottom -= by;
        kept -= by;
      }
      if (page) return;
    }
  }
}

export function install(Chart, { el, fill, isolate, replaceLegend, pointsAt, keyOf, ENTRIES, styleSheet, schedulePaint, loadRuntime, groupsByKey, escaped, OTHER, PAGE, PAD }) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(STYLES);
  /** The extras' styles in `root`, before it shows what they style. */
  /**
   * The enlarged view of `owner` (a chart, or a comparison): its modal `dialog`, made on first
   * use in `parent` (closing it calls `owner.shrink()`, which puts everything back), shown with a
   * head (a title of `text`, `id`, and a Close button) over `content`, moved into it. `post`: the
   * chart's width in the post, which the enlarged one is not smaller than; `single`: one chart
   * (a ring gets a column of its own in a short, wide window). Returns what scrolls the page back
   * where it was (`keepPlace`).
   */
  const showEnlarged = (owner, parent, { id, text, close, lang, post, single }, content) => {
    if (!owner.dialog) {
      owner.dialog = el("dialog", { class: "cs-dialog", "aria-labelledby": id, lang });
      parent.append(owner.dialog);
      owner.dialog.addEventListener("close", () => owner.shrink());
    }
    const dialog = owner.dialog;
    // Within the window under a page's `zoom` on an ancestor, which scales the window's units too
    // (96vw would be wider than the window, its Close button out of reach); the text keeps the
    // page's zoom: a site's "larger text" may be one.
    const z = owner.host.currentCSSZoom || 1;
    dialog.style.setProperty("--cs-z", String(z));
    if (post) dialog.style.setProperty("--cs-post", `${post / z}px`);
    const scrolled = keepPlace();
    const head = el(
      "div",
      { class: "cs-dialog-head" },
      el("p", { class: "cs-title", id, text }),
      el("button", { type: "button", class: "cs-button cs-dialog-close", text: close, onclick: () => dialog.close() }),
    );
    dialog.classList.toggle("cs-single", !!single);
    dialog.replaceChildren(head, ...content);
    dialog.showModal();
    // What the keyboard focuses scrolls into view below the sticky head, not under it: as tall as
    // it is now, and after a phone turns (in a column, its title wraps onto more lines).
    const pad = (head) => (dialog.style.scrollPaddingTop = `${head.offsetHeight}px`);
    pad(head);
    owner.heads ??= new ResizeObserver((entries) => pad(entries[entries.length - 1].target));
    owner.heads.disconnect();
    owner.heads.observe(head);
    return scrolled;
  };

  const adopt = (root) => {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  };
  Object.assign(Chart.prototype, {
    /**
     * The first page of `rows` made by `make` into `into`, and, when more remain, the "show more"
     * paragraph to place after it: its button appends the next page; once all are listed it
     * goes, and the focus to the first row it brought. How many are listed stays while `key`
     * does (`pageOf`).
     */
    pagedRows(name, key, rows, make, into) {
      const page = this.pageOf(name, key);
      into.append(...rows.slice(0, page.shown).map(make));
      if (rows.length <= page.shown) return "";
      const button = el("button", { type: "button", class: "cs-link" });
      const more = el("p", { class: "cs-more" }, button);
      const word = () => (button.textContent = this.moreText(rows.length - page.shown));
      button.addEventListener("click", () => {
        const batch = rows.slice(page.shown, page.shown + PAGE).map(make);
        page.shown += PAGE;
        into.append(...batch);
        if (rows.length > page.shown) return word();
        more.remove();
        batch[0].tabIndex = -1;
        batch[0].focus();
      });
      word();
      return more;
    },

    /** The drill-down: the spaces of the selected group, a page at a time; `reveal`: see `byReader`. */
    renderDrill(sel, view, reveal) {
      adopt(this.root);
      const t = this.t;
      const label = this.labelOf(sel, sel.groupBy);
      const heading = el("h3", { class: "cs-drill-title", id: "drill-title", text: fill(t.drillHeading, { label, count: this.spaces(sel.count) }) });
      const close = el("button", { type: "button", class: "cs-tool cs-close", "aria-label": t.clear, title: t.clear, text: "×", onclick: () => this.clearFromDrill(sel.key) });
      // Sorted by audience when the data has it, else in dataset order (the sort is stable).
      const items = [...sel.items];
      if (items.some((i) => i.audience != null)) items.sort((a, b) => (b.audience ?? -1) - (a.audience ?? -1));
      const rows = [];
      const byFunction = new Map();
      for (const item of items) {
        const fn = view.dedupe && item.function ? item.function.toLowerCase() : null;
        if (fn && byFunction.has(fn)) {
          byFunction.get(fn).copies.push(item);
          continue;
        }
        const row = { item, copies: [] };
        if (fn) byFunction.set(fn, row);
        rows.push(row);
      }
      const line = (item) =>
        el(
          "span",
          { class: "cs-space" },
          item.url ? el("a", { href: item.url, target: "_blank", rel: "noopener noreferrer", text: item.name }) : el("span", { class: "cs-name", text: item.name }),
          // A space between the parts for screen readers too (the gap on screen is the margin's).
          " ",
          el("span", { class: "cs-meta", text: [isolate(item.platform), item.country ? this.labelOf({ key: item.country }, "country") : null].filter(Boolean).join(" · ") }),
        );
      // A space's country copies, listed under it on demand: a disclosure button beside its link
      // (a link inside a <summary> would be a control inside another).
      const row = ({ item, copies }) => {
        if (!copies.length) return el("li", {}, line(item));
        const list = el("ul", { hidden: true }, ...copies.map((c) => el("li", {}, line(c))));
        const toggle = el("button", {
          type: "button",
          class: "cs-link cs-copies",
          "aria-expanded": "false",
          text: fill(t.copies, { n: this.formats.num.format(copies.length) }, copies.length),
          onclick: () => {
            list.hidden = !list.hidden;
            toggle.setAttribute("aria-expanded", String(!list.hidden));
          },
        });
        return el("li", {}, line(item), " ", toggle, list);
      };
      // A segment of 50,000 spaces would otherwise be 50,000 list items built at once.
      const list = el("ul", { class: "cs-spaces", "aria-labelledby": "drill-title" });
      const more = this.pagedRows("drill", `${sel.groupBy}\n${sel.key}`, rows, row, list);
      const folded = sel.folded.length
        ? el(
            "p",
            { class: "cs-folded" },
            el("span", { text: fill(t.otherHolds, { list: this.foldedList(sel.folded, view) }) }),
            " ",
            el("button", { type: "button", class: "cs-link", text: t.expandOther, onclick: () => this.legendAct("expand") }),
          )
        : "";
      this.drill.replaceChildren(el("div", { class: "cs-drill-head" }, heading, close), folded, list, more);
      this.drill.hidden = false;
      // After the frame's layout (in a comparison, the other companies' drill-downs open too).
      if (reveal) requestAnimationFrame(() => list.firstChild && bringIntoView(list.firstChild, this.root.activeElement));
    },

    /** The sprawl profile: figures of the whole dataset, then what they mean. */
    renderProfile() {
      adopt(this.root);
      const rows = this.profileRows();
      this.profile.replaceChildren(this.profile.firstChild, el("dl", {}, ...rows.flatMap(([label, value]) => [el("dt", { text: label }), el("dd", { text: value })])), this.profileNotes(rows));
    },

    /**
     * What the profile's figures mean, under them, one line per explanation (the two
     * concentrations share one; a comparison's rows name each figure once per company):
     * readable by every reader, not only in a pointer's tooltip.
     */
    profileNotes(rows) {
      const terms = new Map();
      for (const [label, , help] of rows) if (help) terms.set(help, (terms.get(help) || new Set()).add(label));
      return el("ul", { class: "cs-notes" }, ...[...terms].map(([help, labels]) => el("li", {}, el("strong", { text: [...labels].join(", ") }), fill(this.t.profile.note, { text: help }))));
    },

    /** The profile's rows: [label, value, explanation?]. */
    profileRows() {
      const p = this.t.profile;
      const f = this.w.profile();
      const decimal = this.formats.decimal;
      // An index of 0.003 (hundreds of platforms) is not "0": under 0.005 it reads "<0.01".
      const hhi = (value, verdict) => `${value > 0 && value < 0.005 ? "<" + decimal.format(0.01) : decimal.format(value)} · ${p.verdicts[verdict]}`;
      // Of no space (a company with none yet, in a comparison), ratios and shares say nothing: a dash.
      const some = (text) => (f.spaces ? text : "–");
      const rows = [
        [p.spaces, fill(p.spacesValue, { spaces: this.spaces(f.spaces), functions: this.formats.num.format(f.functions) }, f.functions)],
        [p.replication, some(`× ${decimal.format(f.replication)}`), p.replicationHelp],
        [p.platforms, some(`${this.formats.num.format(f.platforms.length)} · ${f.platforms.slice(0, 3).map(([name, n]) => `${name} ${this.formats.num.format(n)}`).join(", ")}`), p.platformsHelp],
        [p.themes, this.formats.num.format(f.themes)],
        [p.countries, this.formats.num.format(f.countries)],
        [p.platformHhi, some(hhi(f.platformHhi, f.platformVerdict)), p.hhiHelp],
        [p.themeHhi, some(hhi(f.themeHhi, f.themeVerdict)), p.hhiHelp],
        ...(f.dormant == null ? [] : [[p.dormant, some(this.formats.pct.format(f.dormant)), p.dormantHelp]]),
        [p.unowned, some(this.formats.pct.format(f.unowned)), p.unownedHelp],
      ];
      return rows;
    },

    /** The table under the chart (every company's, in a comparison), or not. */
    toggleTable() {
      const open = this.table.hidden;
      this.tableButton.setAttribute("aria-pressed", String(open));
      this.each((c) => {
        c.table.hidden = !open;
        if (open) c.renderTable(c.w.view());
      });
    },

    renderTable(view) {
      adopt(this.root);
      const t = this.t;
      // "Title, by platform"; not "… by theme, by theme" when the title already says it.
      const caption = (title, phrase) => (title.toLowerCase().endsWith(phrase.toLowerCase()) ? title : fill(t.caption, { title, phrase }));
      const total = view.groups.reduce((s, g) => s + g.count, 0);
      const row = (cells, header) => el("tr", {}, ...cells.map((c, i) => el(i === 0 ? "th" : header ? "th" : "td", { scope: i === 0 && !header ? "row" : header ? "col" : null, text: c })));
      const title = this.titleOf(view);
      // An expanded Other may hold thousands of groups; the total is every group's.
      const body = el("tbody");
      // Shares are of the spaces the centre counts. The footer gives one only when each space counts
      // in one group (by theme, a space in several themes counts in each: the shares add up to more).
      const overlap = view.legend.reduce((s, g) => s + g.count, 0) > view.units;
      const cells = (g) => row([this.labelOf(g, view.groupBy), this.formats.num.format(g.count), this.share(g.count)]);
      const more = this.pagedRows("table", view.groupBy, view.groups, cells, body);
      this.table.replaceChildren(
        el(
          "table",
          {},
          el("caption", { text: caption(title, t.byPhrase[view.groupBy]) }),
          el("thead", {}, row([t.group, t.count, t.shareCol], true)),
          body,
          el("tfoot", {}, row([t.total, this.formats.num.format(total), overlap ? "" : this.share(total)])),
        ),
        more,
        // Say why the total exceeds the spaces the chart's centre counts: by theme, a space in
        // several themes counts in each; otherwise, copies merged once are in several groups
        // (one account's copies in several countries).
        total > view.units ? el("p", { class: "cs-note", text: fill(view.groupBy === "theme" ? t.overlap : t.overlapCopies, { total: this.formats.num.format(total), n: this.spaces(view.units) }) }) : "",
      );
    },

    /**
     * The drill-down's close button: clears the selection, which removes the button; the focus
     * goes to the group's legend entry (where a keyboard reader would select it again), else to
     * the chart.
     */
    clearFromDrill(key) {
      const focused = this.drill.contains(this.root.activeElement);
      this.w.select(null);
      if (!focused) return;
      const legend = this.peers?.legend ?? this.legend;
      const entry = [...legend.querySelectorAll(ENTRIES)].find((b) => keyOf(b) === key);
      (entry || this.canvas).focus();
    },

    download(blob, extension) {
      const a = el("a", { href: URL.createObjectURL(blob), download: `${this.key}-${this.view.groupBy}.${extension}` });
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    },

    /**
     * What both exports draw: the chart as the reader sees it (grouping, dedupe, chart type,
     * hidden groups, "Other" expanded, a comparison's colours and scale) with its title, summary
     * and legend, by the core's renderer in the export build (a separate wasm, fetched only now);
     * a comparison's every chart, side by side. The glue, and `render_export`'s arguments after
     * the canvas.
     */
    async exported() {
      const glue = await loadRuntime("pkg/export");
      this.notice?.remove(); // a build that failed to load before
      return [glue, [this.companies().map((c) => c.exportPart()), this.lang]];
    },

    /** This chart's part of an export (`Part` in src/web.rs). */
    exportPart() {
      const view = this.w.view();
      const options = { ...this.widgetOptions, groupBy: view.groupBy, dedupe: view.dedupe, chart: view.chart };
      const v = this.source;
      const labels = view.legend.map((g) => [g.key, this.labelOf(g, view.groupBy)]);
      const p = this.peers;
      const shown = { hidden: view.hidden, otherExpanded: view.otherExpanded, keyOrder: p?.keys || [], keyColors: p?.colors || [], keep: this.keep || [], labels, fill: p ? this.scale : null };
      // A ring at least as large as on the screen (the bars' length is the picture's own); in a
      // comparison, the largest company's chart's, every company at one size.
      const side = view.chart === "bar" ? null : Math.max(...(p ? p.parts : [this]).map((c) => c.canvas.clientWidth));
      return { text: v.text(), csv: v.csv, company: v.company, title: this.titleOf(view), options, shown, side };
    },

    /** The SVG export; a second click while its build loads is dropped (`busy`). */
    exportSvg() {
      return this.busy("svg", async () => {
        try {
          const [glue, args] = await this.exported();
          this.download(new Blob([glue.render_export(null, ...args)], { type: "image/svg+xml" }), "svg");
        } catch (e) {
          console.error(`channel-sprawl (${this.key}): the SVG export failed`, e);
          this.unavailable();
        }
      });
    },

    /**
     * The SVG export's picture at twice its size, painted on a canvas of its own (not the SVG as
     * an image, which a Content-Security-Policy without `blob:` images forbids), as a PNG file:
     * an image that says what it shows wherever it is pasted. Should the export build not load,
     * the chart's canvas alone at twice its resolution.
     */
    exportPng() {
      return this.busy("png", async () => {
        let blob = null;
        try {
          const [glue, args] = await this.exported();
          const canvas = el("canvas");
          glue.render_export(canvas, ...args);
          blob = await new Promise((done) => canvas.toBlob(done, "image/png"));
        } catch (e) {
          console.warn(`channel-sprawl (${this.key}): the PNG export has the chart alone, without its title and legend`, e);
        }
        blob ??= await new Promise((done) => {
          this.fit(Math.max(2, this.ratio()));
          this.w.paint();
          this.canvas.toBlob((b) => {
            this.fit();
            schedulePaint(this);
            done(b);
          }, "image/png");
        });
        if (blob) this.download(blob, "png");
      });
    },

    /**
     * The current view (grouping, dedupe and hidden groups applied) as CSV: group, key, count,
     * share of the spaces counted; in a comparison, a row per company and group, the company first.
     */
    exportCsv() {
      // Quoted per RFC 4180; a leading = + - @ is defused so a spreadsheet never runs it as a
      // formula (not a lone "-", the key of "Not set").
      const cell = (v) => `"${String(v).replace(/^(?:[=+@\t\r]|-(?=.))/s, "'$&").replace(/"/g, '""')}"`;
      // As a spreadsheet of the interface's language reads one: where the decimal point is a
      // comma (French), fields between semicolons; a byte-order mark, or Excel reads the accents
      // as Windows-1252.
      const point = this.t.number.decimal;
      const charts = this.companies();
      const company = this.peers ? [this.t.company] : [];
      const rows = [[...company, this.t.group, "key", this.t.count, this.t.shareCol]];
      for (const chart of charts) {
        const view = chart.w.view();
        const named = this.peers ? [view.company] : [];
        for (const g of view.groups) rows.push([...named, chart.labelOf(g, view.groupBy), g.key, g.count, (view.units ? g.count / view.units : 0).toFixed(4).replace(".", point)]);
      }
      const text = rows.map((r) => r.map(cell).join(point === "," ? ";" : ",")).join("\r\n");
      this.download(new Blob(["\ufeff" + text + "\r\n"], { type: "text/csv" }), "csv");
    },

    enlarge() {
      // A comparison enlarges as a whole: every company's chart and the shared legend.
      if (this.peers) return this.peers.enlarge(this);
      // The dialog is made on the first enlarge: most readers never open it.
      if (this.dialog?.open) return;
      adopt(this.root);
      this.returnFocus = this.root.activeElement || this.enlargeButton;
      // The dialog names itself, and takes the keys' help and the live region along: what is
      // outside a modal dialog is inert, so a screen reader would hear nothing while it is open.
      const head = { id: "dialog-title", text: this.title.textContent, close: this.t.close, post: this.plot.getBoundingClientRect().width, single: true };
      this.scrolled = showEnlarged(this, this.container, head, [this.main, this.help, this.live]);
      this.container.classList.add("is-enlarged");
      this.canvas.focus();
    },

    shrink() {
      if (!this.dialog.hasChildNodes()) return; // put back already (printing)
      this.dialog.before(this.main, this.help, this.live);
      this.dialog.replaceChildren();
      this.container.classList.remove("is-enlarged");
      // Back where the reader was, and the focus there too (in view if the window changed
      // meanwhile: a phone turned).
      this.scrolled();
      (this.returnFocus || this.enlargeButton).focus();
    },
  });

  /**
   * Several companies in one figure: one chart each, side by side, on one scale (a chart's area is
   * proportional to its spaces), one colour per key in all of them, and one set of controls whose
   * changes (grouping, dedupe, chart type, selection, hidden groups) apply to every chart.
   */
  class Comparison {
    constructor(figure) {
      // Left to right as its charts, on a right-to-left page too (see Chart's host).
      this.host = el("channel-sprawl-compare", { "data-channel-sprawl-compare": "", dir: "ltr" });
      const root = this.host.attachShadow({ mode: "open" });
      const own = new CSSStyleSheet();
      own.replaceSync(":host{all:initial;display:block}.row{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}.row>*{flex:1 1 300px;min-width:0}.cs-legend.cs-shared{grid-template-columns:repeat(auto-fill,minmax(min(260px,100%),1fr));max-width:none}");
      root.adoptedStyleSheets = [own, styleSheet(), sheet];
      this.row = el("div", { class: "row" });
      this.legend = el("ul", { class: "cs-legend cs-shared" });
      this.profiles = el("div", { class: "cs cs-table", role: "region" });
      this.legendHead = el("p", { class: "cs-summary" });
      this.shared = el("div", { class: "cs" }, this.legendHead, this.legend);
      root.append(this.row, this.shared, this.profiles);
      // Escape on the shared legend or in the enlarged view, as on a chart.
      this.host.addEventListener("keydown", (e) => escaped(e, this.parts, this.dialog));
      figure.insertBefore(this.host, figure.querySelector(":scope > figcaption"));
      this.parts = [];
      this.syncing = false;
      pointsAt(this.legend, (key) => this.parts.forEach((c) => c.w.point_legend(key)), (target, type, fn) => target.addEventListener(type, fn));
      this.legend.addEventListener("click", (e) => {
        const key = e.target.closest?.("[data-shared-key]")?.dataset.sharedKey;
        if (key != null) this.selectAll(this.parts.find((c) => c.selectedKey != null)?.selectedKey === key ? null : key);
        else this.parts[0]?.legendClick(e, this.legend);
      });
    }

    /**
     * One chart per dataset (`make(row)` makes one in the comparison's row), built in turn. A
     * company whose data has a problem shows it in its own column (its places numbered as in the
     * array, `[1].spaces[0].themes`), and the others are compared without it; when none is left,
     * throws an empty list (each column says what is wrong). False when another run replaced
     * this one meanwhile.
     */
    async load(datasets, make, replaced) {
      const parts = datasets.map(() => make(this.row));
      this.parts = [...parts];
      this.loading = true;
      for (const [i, part] of parts.entries()) {
        part.peers = this;
        try {
          await part.load(datasets[i], replaced);
        } catch (e) {
          if (replaced() || !Array.isArray(e)) throw e;
          this.parts.splice(this.parts.indexOf(part), 1);
          part.fail(e.map((p) => ({ ...p, path: `[${i}]${p.path ? "." + p.path : ""}` })));
        }
        if (replaced()) return false;
      }
      if (!this.parts.length) throw [];
      for (const part of this.parts.slice(1)) this.follow(part);
      this.unblank();
      // The address is written once every chart has read it.
      this.loading = false;
      this.parts[0].persist();
      this.refresh();
      this.renderProfiles();
      return true;
    }

    /**
     * A chart after the first: the first one's controls drive it. On the first chart's line it
     * keeps an empty band in their place, so that its ring is level with the first one's; on a
     * line of its own (the charts wrap on a narrow page) it drops the band. Checked whenever the
     * row's size changes, in the ResizeObserver's callback, where the layout is clean.
     */
    follow(part) {
      adopt(part.root);
      part.controls.classList.add("cs-spacer");
      part.controls.inert = true;
      this.lines ??= new ResizeObserver(() => {
        const top = this.parts[0].host.offsetTop;
        for (const other of this.parts.slice(1)) other.controls.hidden = other.host.offsetTop !== top;
        this.trimSoon();
      });
      this.lines.observe(this.row);
    }

    /** Shared colour order and one scale, recomputed whenever a chart's groups change. */
    refresh() {
      const views = this.parts.map((c) => c.view).filter(Boolean);
      if (views.length !== this.parts.length || this.refreshing) return;
      this.refreshing = true;
      const totals = new Map();
      for (const view of views) for (const g of view.legend) totals.set(g.key, (totals.get(g.key) || 0) + g.count);
      // Themes keep the datasets' order; other groupings go largest first across companies.
      const keys = [...totals.keys()];
      if (views[0].groupBy !== "theme") keys.sort((a, b) => totals.get(b) - totals.get(a));
      this.keys = keys;
      // A group another company's chart shows is shown by every chart that has it, not folded
      // into its Other: a row of the shared legend is then a segment wherever it has spaces. (The
      // chart's own groups do not count: its Other expanded must fold back.)
      const shown = views.map((v) => v.groups.map((g) => g.key).filter((k) => k !== OTHER));
      // A theme a company's dataset colours has that colour in every chart (the first company's).
      const colored = new Map();
      for (const v of views) for (const key of v.colored) if (!colored.has(key)) colored.set(key, groupsByKey(v).get(key)?.color);
      this.colors = [...colored].filter(([, color]) => color);
      const colors = JSON.stringify(this.colors.flat());
      // The shared legend and the profiles' table in the charts' scheme (light or dark).
      this.host.dataset.scheme = this.parts[0].host.dataset.scheme;
      for (const chart of this.parts) {
        chart.legend.hidden = true; // one shared legend instead (renderLegend)
        chart.w.set_key_order(JSON.stringify(keys));
        chart.keep = [...new Set(shown.filter((_, j) => this.parts[j] !== chart).flat())];
        chart.w.set_keep(JSON.stringify(chart.keep));
        chart.w.set_key_colors(colors);
      }
      // The first chart's copies toggle drives all: it shows if any company has copies, and the
      // others' hidden controls keep the same band. Set last: the calls above re-render the charts.
      this.rescale();
      const copies = views.some((v) => v.copies);
      for (const chart of this.parts) chart.dedupeButton.hidden = !copies;
      this.refreshing = false;
      this.renderLegend();
    }

    /**
     * After a link's `v.` hid every company's groups (a group none of them has: a link older
     * than the data), every group shown again, as a single chart ignores such a link.
     */
    unblank() {
      if (this.parts.every((c) => !c.w.view().groups.length)) for (const c of this.parts) c.w.show_all();
    }

    /**
     * For the address: the groups no company shows (hidden wherever they are), and every
     * company's groups, in the first one's order then the others'.
     */
    hiddenKeys() {
      const views = this.parts.map((c) => c.view).filter(Boolean);
      const all = [...new Set(views.flatMap((v) => v.legend.map((g) => g.key)))];
      const shown = new Set(views.flatMap((v) => v.groups.map((g) => g.key)));
      const hidden = new Set(views.flatMap((v) => v.hidden));
      return [all.filter((k) => hidden.has(k) && !shown.has(k)), all];
    }

    /**
     * One scale: a ring's area by its spaces, a bar's length by its count (the largest group of
     * all), in pixels, whatever each chart's size (a company on a line of its own has a larger
     * canvas): the room of the smallest chart is every chart's unit. Again when a chart's size
     * changes (its ResizeObserver).
     */
    rescale() {
      const views = this.parts.map((c) => c.view);
      if (views.some((v) => !v)) return;
      const bar = views[0].chart === "bar";
      // The room the core gives the full-size chart, in CSS pixels: the ring's radius, the bars'
      // length (`Layout::new`, inside render::PAD); 0 while the chart is not laid out (or has
      // no spaces to draw), which then sets no one's scale. A ring's plot is square, as wide as
      // it would be tall had trim() not made it shorter: its room is by its width.
      const room = (c) => (c.box ? Math.max(0, bar ? c.box[0] - 2 * PAD : c.box[0] / 2 - PAD) : 0);
      const rooms = this.parts.map(room).filter((r) => r > 0);
      const least = rooms.length ? Math.min(...rooms) : 1;
      const most = Math.max(...views.map((v) => v.units), 1);
      const longest = (v) => Math.max(...v.groups.map((g) => g.count), 0);
      const longestAll = Math.max(...views.map(longest), 1);
      for (const chart of this.parts) {
        // The exports draw every company at one size: the scale without the screen's room.
        chart.scale = bar ? longest(chart.view) / longestAll : chart.view.units / most;
        // A ring's radius on the one scale, and its share of the area the core would fill in
        // the canvas as it is now (`Layout::new`: the smaller side).
        chart.radius = bar ? 0 : Math.sqrt(chart.scale) * least;
        const full = chart.box ? Math.min(...chart.box) / 2 - PAD : 0;
        const fill = bar ? (chart.scale * least) / (room(chart) || least) : full > 0 ? Math.min(1, (chart.radius / full) ** 2) : chart.scale;
        if (fill === chart.fill) continue;
        chart.fill = fill;
        chart.w.set_fill(fill);
        chart.placeCenter();
      }
      this.trimSoon();
    }

    /**
     * A ring smaller than its square plot, on a line of its own (the charts stacked on a phone),
     * gets a plot only as tall as it needs: not a small ring in the middle of an empty square
     * as high as the larger company's. Side by side, the plots stay square, their rings level.
     * In the next frame: the sizes it changes are watched by ResizeObservers, whose callbacks
     * ask for it (a size changed in one of them is an error the page sees).
     */
    trimSoon() {
      if (this.trimming) return;
      this.trimming = requestAnimationFrame(() => {
        this.trimming = 0;
        const tops = this.parts.map((c) => c.host.offsetTop);
        this.parts.forEach((chart, i) => {
          const alone = tops.indexOf(tops[i]) === tops.lastIndexOf(tops[i]);
          const height = 2 * (chart.radius + PAD);
          const trim = alone && chart.radius > 0 && chart.box && height < chart.box[0] - 1;
          const style = chart.plot.style;
          const value = trim ? `${Math.ceil(Math.max(height, 96))}px` : "";
          if (style.height !== value) Object.assign(style, { height: value, aspectRatio: trim ? "auto" : "" });
        });
      });
    }

    /**
     * Selects `key` in every chart that has it (and clears the others), as one selection; whether
     * some chart has it selected. A chart whose selection changes sends its select event: those
     * cleared first, so that the last event names the group (`from`, the chart a reader selected
     * in, sends its own after these).
     */
    selectAll(key, from) {
      const has = (chart) => key != null && chart.view?.groups.some((g) => g.key === key);
      const charts = this.parts.filter((c) => c !== from && c.widget);
      // The chart the reader selected in stays under their finger or pointer: a list that opens
      // in a chart above it (the charts stacked on a phone) would push it down the page.
      const at = () => from?.canvas.getBoundingClientRect().top ?? 0;
      const before = at();
      this.syncing = true;
      for (const chart of [...charts.filter((c) => !has(c)), ...charts.filter(has)]) chart.w.select(has(chart) ? key : null);
      this.syncing = false;
      const moved = at() - before;
      if (moved) (this.dialog?.open ? this.dialog : document.scrollingElement).scrollBy(0, moved);
      this.announce(key);
      return this.parts.some((c) => c.selectedKey === key);
    }

    /**
     * A selection in a comparison, announced once (in the first chart's live region) for every
     * company that has the group: "Expertise selected: Dell 20 spaces, 21 %; BT 4 spaces, 67 %."
     * Each chart announcing its own would say it twice without the company, and "Selection
     * cleared." for a company without the group.
     */
    announce(key) {
      const first = this.parts[0];
      const selected = this.parts.map((c) => [c, c.selectedKey === key && c.view?.groups.find((g) => g.key === key)]).filter(([, g]) => g);
      if (key == null || !selected.length) return first.say(first.t.announceClear);
      const [part, group] = selected[0];
      const list = selected.map(([c, g]) => `${isolate(c.view.company)} ${c.spaces(g.count)}, ${c.share(g.count)}`).join("; ");
      first.say(fill(first.t.announceSelectEach, { label: part.labelOf(group, part.view.groupBy), list }));
    }

    /**
     * One legend for all the companies: every group once, in the shared colour order, with each
     * company's count; selecting, hiding and isolating act on every chart.
     */
    renderLegend() {
      const views = this.parts.map((c) => c.view);
      if (!this.keys || views.some((v) => !v)) return;
      const first = this.parts[0];
      const t = first.t;
      // Each company's groups by key (a search per key and company was quadratic in the groups).
      const byKey = views.map((v) => new Map(v.groups.map((g) => [g.key, g])));
      const hidden = new Set(views.flatMap((v) => v.hidden));
      const selected = this.parts.find((c) => c.selectedKey != null)?.selectedKey ?? null;
      const keys = [...new Set([...this.keys, ...views.flatMap((v) => v.groups.map((g) => g.key))])].filter((k) => byKey.some((groups) => groups.has(k)));
      // Dots on a swatch whose colour an earlier row has, counted in this legend's own order.
      const repeats = new Map();
      const entries = keys.map((key) => {
        const found = byKey.map((groups) => groups.get(key));
        const group = found.find(Boolean);
        const label = first.labelOf(group, views[0].groupBy);
        const counts = found.map((g) => (g ? first.formats.num.format(g.count) : "–"));
        // Said, a company without the group has 0 (the "–" shown would be read as nothing).
        const named = views.map((v, i) => `${v.company} ${found[i] ? counts[i] : 0}`).join(", ");
        const seen = repeats.get(group.color) ?? 0;
        repeats.set(group.color, seen + 1);
        const entry = el(
          "button",
          { type: "button", class: "cs-entry", "aria-pressed": String(selected === key), "aria-label": label + t.where.sep + named, "data-shared-key": key },
          first.swatch(group.color, Math.min(2, seen)),
          el("span", { class: "cs-label", text: label }),
          el("span", { class: "cs-count", text: counts.join(" · ") }),
        );
        const tools =
          key === OTHER
            ? [first.tool("+", t.expandOther, "expand")]
            : // Disabled where no company's chart would hide it (the last group each shows), as
              // the last group shown in one chart.
              [first.tool("◐", fill(t.isolate, { label }), "isolate", key, label), Object.assign(first.tool("×", fill(t.hide, { label }), "hide", key, label), { disabled: !byKey.some((groups) => groups.has(key) && groups.size > 1) })];
        return el("li", { class: "cs-item" + (selected === key ? " is-selected" : "") }, entry, ...tools);
      });
      const listed = new Set(keys);
      for (const key of hidden) {
        if (listed.has(key)) continue; // shown by another company's chart
        const group = views.map((v) => groupsByKey(v).get(key)).find(Boolean);
        if (!group) continue;
        const label = first.labelOf(group, views[0].groupBy);
        entries.push(el("li", { class: "cs-item is-hidden" }, el("span", { class: "cs-entry", "aria-disabled": "true" }, first.swatch(group.color), el("span", { class: "cs-label", text: label })), first.tool("+", fill(t.show, { label }), "hide", key, label)));
      }
      if (hidden.size > 1) entries.push(el("li", { class: "cs-item" }, el("button", { type: "button", class: "cs-link", text: t.showAll, "data-act": "showAll" })));
      if (views[0].otherExpanded && views.some((v) => v.canFold)) entries.push(el("li", { class: "cs-item" }, el("button", { type: "button", class: "cs-link", text: t.foldOther, "data-act": "fold" })));
      this.legendHead.textContent = fill(t.countsBy, { list: views.map((v) => isolate(v.company)).join(" · ") });
      this.shared.lang = first.lang;
      this.legend.setAttribute("aria-label", t.group);
      replaceLegend(this.legend, this.host.shadowRoot, entries);
    }

    /**
     * Enlarged from `from`'s button: a modal dialog with every company's chart (their controls
     * along) and the shared legend, each chart's plot as large as the dialog allows.
     */
    enlarge(from) {
      if (this.dialog?.open) return;
      this.returnFocus = from.root.activeElement || from.enlargeButton;
      const first = this.parts[0];
      const head = { id: "title", text: this.parts.map((c) => c.view?.company ?? "").join(" · "), close: first.t.close, lang: first.lang };
      this.scrolled = showEnlarged(this, this.host.shadowRoot, head, [this.row, this.shared]);
      for (const chart of this.parts) {
        adopt(chart.root);
        chart.host.toggleAttribute("data-enlarged", true);
      }
      from.enlargeButton.hidden = true;
      first.canvas.focus();
    }

    shrink() {
      if (!this.dialog.hasChildNodes()) return; // put back already (printing)
      this.profiles.before(this.row, this.shared);
      this.dialog.replaceChildren();
      for (const chart of this.parts) {
        chart.host.toggleAttribute("data-enlarged", false);
        chart.enlargeButton.hidden = false;
      }
      this.scrolled();
      (this.returnFocus || this.parts[0].enlargeButton).focus();
    }

    /** The companies' sprawl profiles in one table, a column each. */
    renderProfiles() {
      const live = this.parts.filter((c) => c.widget);
      if (!live.length) return;
      const first = live[0];
      this.profiles.setAttribute("aria-label", first.t.profile.heading);
      this.profiles.lang = first.lang;
      const rows = live.map((c) => c.profileRows());
      const cell = (tag, text, attrs = {}) => el(tag, { ...attrs, text });
      this.profiles.replaceChildren(
        el(
          "table",
          {},
          el("caption", { text: first.t.profile.heading }),
          el("thead", {}, el("tr", {}, cell("td", ""), ...live.map((c) => cell("th", c.view?.company ?? "", { scope: "col" })))),
          el(
            "tbody",
            {},
            // Rows by label: a figure one company lacks (dormancy without dates) shows a dash.
            ...[...new Map(rows.flat().map((row) => [row[0], row])).values()].map(([label]) =>
              el("tr", {}, el("th", { scope: "row", text: label }), ...rows.map((r) => cell("td", r.find((x) => x[0] === label)?.[1] ?? "–"))),
            ),
          ),
        ),
        first.profileNotes(rows.flat()),
      );
    }

    destroy() {
      this.lines?.disconnect();
      for (const chart of this.parts) chart.destroy();
      this.host.remove();
    }
  }

  return { Comparison };
}

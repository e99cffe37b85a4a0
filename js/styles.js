// The widget's styles, adopted by each chart's shadow root (a constructed stylesheet: no inline
// <style>, so it works under a strict `style-src 'self'`). Page CSS cannot reach in; the page can
// theme the widget through the `--channel-sprawl-*` custom properties, which inherit through.
export const STYLES = `
:host {
  all: initial;
  display: block;
  box-sizing: border-box;
  max-width: 100%;
  /* One piece in a page set in columns (or printed): not a legend cut from its chart. */
  break-inside: avoid;
  --bg: var(--channel-sprawl-bg, #ffffff);
  --fg: var(--channel-sprawl-fg, #1f2328);
  --muted: var(--channel-sprawl-muted, #57606a);
  --line: var(--channel-sprawl-line, #d0d7de);
  /* The controls' edges: 3:1 against the background (WCAG 1.4.11). */
  --control: var(--channel-sprawl-control, #8c959f);
  --accent: var(--channel-sprawl-accent, #0b5cad);
  --soft: var(--channel-sprawl-soft, #f3f5f7);
  /* Sizes from the reader's own default text size (the browser's setting, "medium": 16 px unless
     they chose larger), not the page's: 15 px and 13 px ("small") at the usual 16. */
  font: medium/1.45 var(--channel-sprawl-font, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial), sans-serif;
  /* Not the page's size: its rules on the widget's element ("figure * { … }") would win over
     this one but for !important. (The trailing sans-serif: with the generic monospace alone,
     Chromium takes medium as 13 px.) */
  font-size: medium !important;
  color: var(--fg);
  color-scheme: light;
}
:host > * { font-size: 0.9375em; }
:host([data-scheme="dark"]) {
  --bg: var(--channel-sprawl-bg, #1c1c1e);
  --fg: var(--channel-sprawl-fg, #ececec);
  --muted: var(--channel-sprawl-muted, #b4bcc6);
  --line: var(--channel-sprawl-line, #4a4f57);
  --control: var(--channel-sprawl-control, #7d8590);
  --accent: var(--channel-sprawl-accent, #8cc4ff);
  --soft: var(--channel-sprawl-soft, #2a2b2f);
  color-scheme: dark;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.cs { background: var(--bg); color: var(--fg); padding: 12px; border-radius: 10px; }
.cs-title { margin: 0; font-size: calc(17em / 15); font-weight: 700; line-height: 1.3; }
.cs-summary { margin: 2px 0 10px; color: var(--muted); font-size: small; }
.cs-profile { margin: -4px 0 10px; font-size: small; }
.cs-profile summary { color: var(--accent); min-height: 24px; width: fit-content; }
.cs-controls { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin: 0 0 12px; font-size: small; }
.cs-field { display: inline-flex; gap: 6px; align-items: center; color: var(--muted); }
/* On a phone or in a narrow column, each menu's name above it: the two menus on one line, and a
   button beside them in line with the menus, not with their names. */
@media (max-width: 480px) { .cs-field { flex-direction: column; align-items: flex-start; gap: 2px; } .cs-controls { align-items: flex-end; } }
:host([data-narrow]) .cs-field { flex-direction: column; align-items: flex-start; gap: 2px; }
:host([data-narrow]) .cs-controls { align-items: flex-end; }
.cs-select, .cs-button, .cs-tool, .cs-link, .cs-entry {
  font: inherit; color: var(--fg); background: var(--bg); margin: 0; line-height: 1.3;
  /* A reader's text spacing (WCAG 1.4.12) reaches the controls too: the browser's own styles
     for buttons and menus reset it. */
  letter-spacing: inherit; word-spacing: inherit;
}
.cs-select { border: 1px solid var(--control); border-radius: 6px; padding: 4px 6px; min-height: 32px; }
.cs-button { border: 1px solid var(--control); border-radius: 6px; padding: 4px 10px; min-height: 32px; cursor: pointer; }
.cs-button[aria-pressed="true"] { background: var(--soft); border-color: var(--fg); }
.cs-export { display: inline-flex; gap: 6px; }
/* The dedupe toggle looks like a labelled checkbox: a box that is ticked when pressed. */
.cs-button.cs-toggle { display: inline-flex; gap: 6px; align-items: center; border-color: transparent; background: none; padding-inline: 2px; text-align: start; }
.cs-toggle::before {
  content: ""; flex: none; width: 18px; height: 18px; border: 2px solid var(--muted); border-radius: 4px;
  font-size: small; line-height: 14px; text-align: center; font-weight: 700;
}
.cs-toggle[aria-pressed="true"]::before { content: "✓" / ""; background: var(--accent); border-color: var(--accent); color: var(--bg); }
/* A ring alone on its line (the legend under it) is centred; in a comparison's column it stays
   left, in line with the charts above it. */
.cs-body { display: flex; flex-wrap: wrap; gap: 12px 20px; align-items: center; justify-content: center; }
:host([data-part]) .cs-body { justify-content: flex-start; }
/* The ring shrinks (to 280 px) before the legend's labels break inside a word; it sits at the top
   beside a legend taller than itself, and the legend in the middle beside a shorter one. */
.cs-plot { position: relative; flex: 3 1 280px; max-width: 340px; min-width: min(240px, 100%); aspect-ratio: 1; align-self: flex-start; }
.cs-plot canvas { display: block; width: 100%; height: 100%; max-width: none; border-radius: 8px; touch-action: manipulation; }
.cs-plot[data-chart="bar"] {
  flex: 1 1 100%; max-width: none; aspect-ratio: auto; height: calc(var(--rows, 1) * 28px + 24px);
  display: grid; grid-template-columns: fit-content(50%) minmax(0, 1fr); grid-template-rows: 100%; column-gap: 4px;
}
.cs-plot[data-chart="bar"] canvas { height: 100%; min-height: 0; }
/* A comparison's bars share one scale: their canvases the same width in every column. */
:host([data-part]) .cs-plot[data-chart="bar"] { grid-template-columns: 40% minmax(0, 1fr); }
.cs-bars { display: none; }
.cs-plot[data-chart="bar"] .cs-bars { display: block; list-style: none; margin: 0; padding: 12px 0; max-width: 16em; min-width: 0; }
.cs-bars li { cursor: pointer; height: 28px; line-height: 28px; font-size: min(calc(13em / 15), 20px); display: flex; justify-content: flex-end; gap: 0.3em; white-space: nowrap; }
/* A long label gives way, never its count: the bars carry no figures of their own. */
.cs-bars li > :first-child { overflow: hidden; text-overflow: ellipsis; min-width: 0; }
.cs-bars .cs-count { flex: none; }
.cs-center { position: absolute; inset: 0; display: grid; place-content: center; text-align: center; pointer-events: none; color: var(--fg); }
.cs-center strong { display: block; font-size: 30px; line-height: 1.1; font-weight: 700; }
/* A total of six digits or more ("100,000") in a type size the hole holds at 240 px. */
.cs-center strong.cs-long { font-size: 22px; }
/* In pixels, as the ring the hole is part of: the reader's text size would not fit in it. */
.cs-center span { font-size: 13px; color: var(--muted); }
.cs-center .cs-center-name {
  justify-self: center; color: var(--fg); font-weight: 700; line-height: 1.25; hyphens: auto; overflow-wrap: anywhere;
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden;
}
.cs-tooltip {
  position: absolute; z-index: 2;
  display: grid; gap: 1px; width: max-content; max-width: 260px; padding: 6px 10px; border-radius: 6px;
  background: var(--fg); color: var(--bg); font-size: small; line-height: 1.35; pointer-events: none;
  box-shadow: 0 2px 8px rgb(0 0 0 / 0.25); overflow-wrap: anywhere;
}
.cs-tooltip strong { font-weight: 700; }
.cs-tooltip strong + span { white-space: nowrap; }
.cs-tooltip .cs-muted { opacity: 0.85; }
.cs-plot canvas:focus { outline: none; }
.cs-plot canvas:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.cs-legend { flex: 1 1 260px; list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; min-width: 0; max-width: 28em; container-type: inline-size; }
.cs-item { display: flex; justify-content: flex-end; align-items: center; gap: 2px; min-width: 0; border-radius: 6px; }
/* A legend too narrow for the names beside their tools (a phone at 150 % zoom): every row's
   tools on a line of their own, at its end, so that names stay whole and counts in line. */
@container (max-width: 16em) { .cs-item { flex-wrap: wrap; } .cs-item > .cs-entry { flex-basis: 100%; } }
.cs-item.is-selected { background: var(--soft); }
.cs-item.is-hidden .cs-entry { color: var(--muted); text-decoration: line-through; }
.cs-entry {
  flex: 1 1 auto; min-width: 0; display: flex; align-items: center; gap: 8px; text-align: start;
  border: 1px solid transparent; border-radius: 6px; padding: 4px 6px; min-height: 32px; cursor: pointer;
  background: transparent;
}
.cs-entry[aria-pressed="true"] { border-color: var(--fg); }
.cs-entry:hover { background: var(--soft); }
.cs-swatch { flex: none; width: 14px; height: 14px; border-radius: 3px; background: var(--swatch); forced-color-adjust: none; border: 1px solid rgb(0 0 0 / 0.15); }
/* A colour the palette repeats: one or two rows of dots, as on its segment. */
.cs-swatch[data-twin] { background-image: radial-gradient(circle, var(--bg) 1.2px, #0000 1.7px); background-size: 4px 100%; }
.cs-swatch[data-twin="2"] { background-size: 4px 50%; }
.cs-label { flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; hyphens: auto; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; line-clamp: 3; overflow: hidden; }
/* On a phone or in a narrow column (or at 400 % zoom, or with a reader's text spacing), group
   names whole. */
@media (max-width: 480px) { .cs-label { display: block; -webkit-line-clamp: none; line-clamp: none; } }
:host([data-narrow]) .cs-label { display: block; -webkit-line-clamp: none; line-clamp: none; }
.cs-count { flex: none; font-variant-numeric: tabular-nums; color: var(--muted); }
.cs-tool {
  flex: none; width: 32px; height: 32px; border: 1px solid transparent; border-radius: 6px;
  background: transparent; color: var(--muted); cursor: pointer; font-size: 1em; padding: 0;
}
.cs-tool:hover { border-color: var(--line); color: var(--fg); }
/* A row with one tool (Other's +, a hidden group's +) keeps its count in line with the others'. */
.cs-entry + .cs-tool:last-child { margin-inline-start: 34px; }
.cs-link { border: 0; background: none; padding: 4px 6px; color: var(--accent); text-decoration: underline; cursor: pointer; min-height: 32px; text-align: start; }
:is(.cs-button, .cs-tool, .cs-link, .cs-entry, .cs-select, a, summary, .cs-table):focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
summary { cursor: pointer; }
.cs-help { margin: 8px 0 0; font-size: small; color: var(--muted); }
.cs-notice { margin: 8px 0 0; font-size: small; }
.is-waiting, .is-waiting * { cursor: progress !important; }
/* The drill-down's frame and heading: shown at once, the list when the extras module is there. */
.cs-drill { margin-top: 14px; border-top: 1px solid var(--line); padding-top: 8px; }
.cs-drill-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.cs-drill-title { margin: 0; font-size: 1em; font-weight: 700; min-width: 0; overflow-wrap: anywhere; }
.cs:not(.is-keys) .cs-help, .cs-live {
  position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
/* Shown on the canvas, its place kept while the focus is elsewhere in the widget. */
.cs:not(:has(canvas:focus)) .cs-help { visibility: hidden; }
.cs-empty { margin: 12px 0; color: var(--muted); }
.cs-loading { margin: 0; color: var(--muted); }
.cs-error { border: 2px solid #b42318; background: #fff5f4; color: #5c1410; }
:host([data-scheme="dark"]) .cs-error { background: #2d1512; color: #ffd9d4; border-color: #ff8a7a; }
.cs-error-title { margin: 0 0 4px; font-weight: 700; }
.cs-error ul { margin: 0; padding-inline-start: 20px; overflow-wrap: anywhere; }
@media (prefers-reduced-motion: no-preference) {
  .cs-entry, .cs-tool, .cs-button { transition: background-color 120ms ease, border-color 120ms ease; }
}
@media print {
  .cs-controls, .cs-tool, .cs-link, .cs-tooltip, .cs-profile:not([open]) { display: none; }
  /* A browser prints no backgrounds by default: the swatches would be empty boxes. */
  .cs-swatch { print-color-adjust: exact; }
}
@media (forced-colors: active) {
  /* Dashed: the focus ring is solid. */
  .cs-entry[aria-pressed="true"], .cs-item.is-selected { outline: 2px dashed Highlight; }
  .cs-tooltip { border: 1px solid CanvasText; background: Canvas; color: CanvasText; }
  .cs-plot canvas { forced-color-adjust: none; }
}
`;

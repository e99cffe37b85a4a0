// The styles of what the extras module shows (the drill-down, the profile's figures, the table,
// the enlarged dialog), adopted by a chart's shadow root when it first shows one of them: readers
// who never open them do not download or match these rules.
export const STYLES = `
.cs-folded { margin: 4px 0; color: var(--muted); font-size: small; }
.cs-more { margin: 4px 0 0; }
.cs-spaces, .cs-spaces ul { list-style: none; margin: 4px 0 0; padding: 0; }
.cs-spaces ul { padding-inline-start: 22px; }
.cs-spaces li { padding: 3px 0; border-bottom: 1px solid var(--soft); }
.cs-spaces li:last-child { border-bottom: 0; }
.cs-space { display: inline; }
.cs-meta { margin-inline-start: 4px; overflow-wrap: anywhere; }
.cs-space a { color: var(--accent); overflow-wrap: anywhere; }
.cs-name { overflow-wrap: anywhere; }
.cs-meta, .cs-copies { color: var(--muted); font-size: small; }
.cs-link.cs-copies { margin-inline-start: 2px; padding: 0 4px; min-height: 24px; }
.cs-copies::before { content: "▸ " / ""; }
.cs-copies[aria-expanded="true"]::before { content: "▾ " / ""; }
.cs-profile dl { display: grid; grid-template-columns: fit-content(50%) minmax(0, 1fr); gap: 2px 12px; margin: 6px 0 0; }
.cs-profile dt { color: var(--muted); }
.cs-profile dd { margin: 0; font-variant-numeric: tabular-nums; }
.cs-notes { list-style: none; margin: 8px 0 0; padding: 0; color: var(--muted); font-size: small; }
.cs-notes li { margin-top: 2px; }
.cs-notes strong { font-weight: 700; color: var(--fg); }
.cs-table { margin-top: 14px; overflow-x: auto; }
.cs-table table { border-collapse: collapse; width: 100%; font-size: small; }
.cs-table caption { text-align: start; font-weight: 700; padding-bottom: 4px; }
.cs-table th, .cs-table td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: end; }
.cs-table th:first-child { text-align: start; font-weight: normal; }
.cs-table thead th, .cs-table tfoot th, .cs-table tfoot td { font-weight: 700; }
.cs-note { margin: 4px 0 0; color: var(--muted); font-size: small; }
/* A comparison's charts after the first, on the first one's line: the controls' band kept empty (Comparison.follow). */
.cs-controls.cs-spacer { visibility: hidden; }
/* The window's units under a page's CSS zoom (--cs-z, set when it opens), which scales them too. */
.cs-dialog { --vw: calc(1vw / var(--cs-z, 1)); --vh: calc(1vh / var(--cs-z, 1)); width: min(calc(96 * var(--vw)), 1100px); max-width: calc(96 * var(--vw)); max-height: calc(96 * var(--vh)); border: 0; border-radius: 12px; padding: 16px; background: var(--bg); color: var(--fg); overscroll-behavior: contain; }
.cs-dialog::backdrop { background: rgb(0 0 0 / 0.55); }
/* Its title and Close button stay in reach as a long drill-down scrolls under them (a phone). */
.cs-dialog-head { display: flex; align-items: center; justify-content: space-between; gap: 12px; margin-bottom: 8px; position: sticky; top: -16px; z-index: 1; padding: 16px 0 4px; margin-top: -16px; background: var(--bg); }
.cs-dialog .cs-plot { flex: 0 1 max(min(calc(72 * var(--vh)), calc(62 * var(--vw))), min(var(--cs-post, 0px), 100%)); max-width: none; }
/* On a phone, as wide as the dialog: never smaller than the chart in the post. */
@media (max-width: 700px) { .cs-dialog .cs-plot { flex-basis: max(min(calc(72 * var(--vh)), 100%), min(var(--cs-post, 0px), 100%)); } }
.cs-dialog .cs-plot[data-chart="bar"] { flex-basis: 100%; }
.cs-dialog .cs-center strong:not(.cs-long) { font-size: 44px; }
/* A phone held sideways (a short, wide window), one ring: the ring in a column of its own, the
   window's whole height (under the title it was cut), kept in view; the title and Close button,
   the legend and the list a selection opens in the other column. (Bars keep their full width.) */
@media (max-height: 500px) and (min-width: 560px) {
  .cs-single:has(.cs-plot:not([data-chart="bar"])) {
    --side: min(calc(100 * var(--vh) - 16px), calc(96 * var(--vw) - 312px));
    max-height: calc(100 * var(--vh)); padding: 8px 16px;
    display: grid; grid-template-columns: var(--side) minmax(0, 1fr); grid-template-rows: repeat(5, max-content) 1fr; gap: 0 20px;
  }
  .cs-single:has(.cs-plot:not([data-chart="bar"])) :is(.cs-main, .cs-body) { display: contents; }
  .cs-single:has(.cs-plot:not([data-chart="bar"])) .cs-plot { grid-column: 1; grid-row: 1 / -1; align-self: start; width: var(--side); position: sticky; top: 0; }
  .cs-single:has(.cs-plot:not([data-chart="bar"])) :is(.cs-dialog-head, .cs-legend, .cs-drill, .cs-table, .cs-help, .cs-live) { grid-column: 2; }
  .cs-single:has(.cs-plot:not([data-chart="bar"])) .cs-dialog-head { top: -8px; margin: -8px 0 0; padding: 8px 0; }
}
/* A comparison enlarged: each company's chart in its column of the dialog, as large as it allows. */
:host([data-enlarged]) .cs-plot { flex: 1 1 100%; max-width: min(calc(56 * var(--vh, 1vh)), 100%); }
:host([data-enlarged]) .cs-plot[data-chart="bar"] { max-width: none; }
`;

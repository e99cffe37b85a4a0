// Bytes a reader downloads for one chart: loader + JS glue + wasm, raw / gzip / brotli; then what
// is fetched only on use (the extras module: table, profile, dialog, exports, comparisons; the
// French interface text, for French pages; the wasm with the CSV reader, for CSV figures instead
// of pkg/; the SVG export's wasm).
import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const www = new URL("../www/", import.meta.url);
const sizes = (f) => {
  const b = readFileSync(new URL(f, www));
  return [f, b.length, gzipSync(b, { level: 9 }).length, brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
};
const rows = ["channel-sprawl.js", "pkg/channel_sprawl.js", "pkg/channel_sprawl_bg.wasm"].map(sizes);
rows.push(rows.reduce((t, r) => ["total", t[1] + r[1], t[2] + r[2], t[3] + r[3]], ["total", 0, 0, 0]));
const later = ["pkg/channel-sprawl-extras.js", "pkg/channel-sprawl-fr.js", "pkg/csv/channel_sprawl.js", "pkg/csv/channel_sprawl_bg.wasm", "pkg/export/channel_sprawl.js", "pkg/export/channel_sprawl_bg.wasm"].map(sizes);
const kb = (n) => (n / 1000).toFixed(1).padStart(7) + " KB";
console.log("size (raw / gzip / brotli), first chart:");
for (const [f, raw, gz, br] of rows) console.log(`  ${f.padEnd(34)}${kb(raw)}${kb(gz)}${kb(br)}`);
console.log("fetched on use:");
for (const [f, raw, gz, br] of later) console.log(`  ${f.padEnd(34)}${kb(raw)}${kb(gz)}${kb(br)}`);

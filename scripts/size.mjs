// Bytes a reader downloads for one chart: loader modules + JS glue + wasm, raw / gzip / brotli.
import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const www = new URL("../www/", import.meta.url);
const files = ["channel-sprawl.js", "pkg/channel_sprawl.js", "pkg/channel_sprawl_bg.wasm"];
const rows = files.map((f) => {
  const b = readFileSync(new URL(f, www));
  return [f, b.length, gzipSync(b, { level: 9 }).length, brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
});
rows.push(rows.reduce((t, r) => ["total", t[1] + r[1], t[2] + r[2], t[3] + r[3]], ["total", 0, 0, 0]));
const kb = (n) => (n / 1000).toFixed(1).padStart(7) + " KB";
console.log("size (raw / gzip / brotli):");
for (const [f, raw, gz, br] of rows) console.log(`  ${f.padEnd(28)}${kb(raw)}${kb(gz)}${kb(br)}`);

// Post-build: the loader a page includes, as one minified ES module (js/ → www/channel-sprawl.js),
// and the wasm-bindgen glue minified in place. Readable sources stay in js/ and src/.
import { build, transform } from "esbuild";
import binaryen from "binaryen";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { patchGlue } from "./glue.mjs";

// Usage: node scripts/bundle.mjs [DIR]   (DIR holds pkg/ (and pkg/csv/, pkg/export/) and receives
// channel-sprawl.js; default www)
const dir = process.argv[2] || "www";
const packages = [`${dir}/pkg`, `${dir}/pkg/csv`, `${dir}/pkg/export`].filter((p) => existsSync(`${p}/channel_sprawl_bg.wasm`));
const WASM_OPT = new URL("../node_modules/.bin/wasm-opt", import.meta.url).pathname;
const WASM_DIS = new URL("../node_modules/.bin/wasm-dis", import.meta.url).pathname;
const FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];
for (const pkg of packages) {
  // Once per wasm-pack build: a second pass would rename the short names again, out of step with
  // the glue. wasm-bindgen's glue names its import module after the glue file; ours calls it "a".
  if (!readFileSync(`${pkg}/channel_sprawl.js`, "utf8").includes("./channel_sprawl_bg.js")) continue;
  snipPanics(pkg);
  shortenNames(pkg);
  exportsFirst(pkg);
}

// 0. The panic path cut short. With `panic = "abort"` a panic formats its message (for a
//    standard error that wasm32-unknown-unknown does not have) and then traps. Here the functions
//    every panic goes through (all `-> !`) become a bare trap, and so does the formatting code
//    when only they and each other call it; the wasm is optimised again without them, and the
//    texts only they read (panic messages, source paths) are blanked. The loader sees the same
//    WebAssembly.RuntimeError as before (tests/e2e/containment.test.js panics on purpose).
//    First-chart wasm 35.8 → 33.7 KB brotli. Stable Rust has no switch for this
//    (`panic = "immediate-abort"` is nightly only). Works by name: wasm-pack keeps them (`-g` in
//    Cargo.toml's wasm-opt flags), and the build fails loudly without them.
function snipPanics(pkg) {
  const wasm = `${pkg}/channel_sprawl_bg.wasm`;
  const module = binaryen.readBinary(readFileSync(wasm));
  // Exactly the features the browser build uses (with `All`, binaryen writes types Chromium refuses).
  const F = binaryen.Features;
  module.setFeatures(F.MVP | F.BulkMemory | F.NontrappingFPToInt | F.SignExt | F.MutableGlobals | F.ReferenceTypes | F.Multivalue);
  // `core\5bc5930c85a12de822\5d::panicking::panic_fmt` (as binaryen spells it) → `core::panicking::panic_fmt`
  const path = (name) => name.replace(/\\([0-9a-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))).replace(/\[[0-9a-f]+\]/g, "");
  const DIVERGING = /^(?:(?:core|std)::panicking::(?:panic[a-z_]*|begin_panic[a-z_]*|assert_failed[a-z_]*)|core::(?:option|result)::(?:unwrap|expect)_failed|core::slice::index::slice_[a-z_]*fail|core::slice::copy_from_slice_impl::len_mismatch_fail|core::cell::panic_already_(?:mutably_)?borrowed|alloc::raw_vec::handle_error|alloc::alloc::handle_alloc_error)$/;
  const FORMATTING = /fmt::|::fmt$|Formatter|panicking::panic_handler|PanicPayload/;
  const functions = [];
  for (let i = 0; i < module.getNumFunctions(); i++) functions.push(binaryen.getFunctionInfo(module.getFunctionByIndex(i)));
  const diverging = new Set(functions.filter((f) => !f.module && DIVERGING.test(path(f.name))).map((f) => f.name));
  if (![...diverging].some((n) => path(n) === "core::panicking::panic_fmt")) throw new Error(`${wasm}: no core::panicking::panic_fmt by name; is "-g" still in Cargo.toml's wasm-opt flags?`);
  const formatting = new Set(functions.filter((f) => !f.module && !diverging.has(f.name) && FORMATTING.test(path(f.name))).map((f) => f.name));
  const live = formattingCalledFrom(wasm, new Set([...diverging, ...formatting]), formatting);
  const cut = live ? diverging : new Set([...diverging, ...formatting]);
  for (const f of functions.filter((f) => cut.has(f.name))) {
    module.removeFunction(f.name);
    module.addFunction(f.name, f.params, f.results, [], module.unreachable());
  }
  writeFileSync(wasm, module.emitBinary());
  module.dispose();
  execFileSync(WASM_OPT, [...FEATURES, "-Oz", "--converge", "--strip-debug", wasm, "-o", wasm]);
  if (live) console.log(`${wasm}: formatting kept (${path(live).slice(0, 70)} uses it)`);
  else blankPanicText(wasm);
}

/**
 * A function outside `family` that calls (or takes a reference to) one in `formatting`, or an
 * export of one: then the formatting code is live and must stay. Calls within the family and
 * the function table's entries (the vtables of the formatting traits, used by the family) are
 * allowed. Read from binaryen's text of the module, where every call names its callee.
 */
function formattingCalledFrom(wasm, family, formatting) {
  const text = execFileSync(WASM_DIS, [wasm], { encoding: "utf8", maxBuffer: 1 << 28 });
  for (const m of text.matchAll(/^ \(export "[^"]*" \(func \$([^\s)]+)\)/gm)) if (formatting.has(m[1])) return `export ${m[1]}`;
  for (const chunk of text.split("\n (func $").slice(1)) {
    const name = chunk.slice(0, chunk.search(/[\s)]/));
    if (family.has(name)) continue;
    for (const m of chunk.matchAll(/\((?:call|ref\.func) \$([^\s)]+)/g)) if (formatting.has(m[1])) return name;
  }
  return null;
}

// The panic messages of the standard library and the source paths of panic locations, blanked
// once nothing can read them (zeros compress to nothing): the data segment's addresses are
// constants in the code, so no optimiser removes part of it.
function blankPanicText(wasm) {
  const bytes = readFileSync(wasm);
  const text = bytes.toString("latin1");
  const blank = (start, length) => bytes.fill(0, start, start + length);
  for (const m of text.matchAll(/src\/[a-z_/]+\.rs|\/rustc\/[0-9a-f]{40}\/library\/[a-z_/]+\.rs|\/[\x21-\x7e]*\/registry\/src\/[\x21-\x7e]+?\.rs/g)) blank(m.index, m[0].length);
  const MESSAGES = [
    "slice index starts at ", " but ends at ", "index out of bounds: the len is ", " but the index is ",
    "range start index ", "range end index ", " out of range for slice of length ",
    "copy_from_slice: source slice length (", ") does not match destination slice length (",
    "insertion index (is ", ") should be <= len (is ", "removal index (is ", ") should be < len (is ",
    "attempt to join into collection with len > usize::MAX", "capacity overflow",
    "attempt to calculate the remainder with a divisor of zero", "RefCell already mutably borrowed", "RefCell already borrowed",
  ];
  for (const message of MESSAGES) for (let at = text.indexOf(message); at >= 0; at = text.indexOf(message, at + 1)) blank(at, message.length);
  writeFileSync(wasm, bytes);
}

// 1. Shorter wasm import/export names (wasm-opt), and the glue patched to match: −2.3 KB brotli.
//    The glue's shape is pinned with wasm-bindgen (=0.2.130); the browser tests catch any drift.
function shortenNames(pkg) {
  const wasm = `${pkg}/channel_sprawl_bg.wasm`;
  const glue = `${pkg}/channel_sprawl.js`;
  // The same pass drops the `producers` and `target_features` custom sections (compiler versions
  // and feature flags no browser reads): −0.2 KB brotli.
  const out = execFileSync(WASM_OPT, [...FEATURES, wasm, "--minify-imports-and-exports-and-modules", "--strip-producers", "--strip-target-features", "-o", wasm], { encoding: "utf8" });
  const map = JSON.parse(out.slice(out.indexOf("{")));
  let code = readFileSync(glue, "utf8");
  const modules = new Set();
  for (const [module, name, short] of map.imports) {
    modules.add(module);
    code = code.replace(new RegExp(`\\b${name}:`, "g"), `${JSON.stringify(short)}:`);
  }
  // binaryen names every import module "a".
  for (const m of modules) code = code.split(JSON.stringify(m)).join('"a"');
  for (const [name, short] of map.exports) code = code.replace(new RegExp(`wasm\\.${name}\\b`, "g"), `wasm[${JSON.stringify(short)}]`);
  code = patchGlue(code, glue);
  writeFileSync(glue, code);
}

// 2. The exported functions numbered first. The JS API names each exported wasm function by its
//    index as text, which V8 writes through its cache of small integers as text: 128 entries, by
//    the number's low 7 bits, grown for good to 8,192 entries (64 KB of the page's JS heap) once
//    numbers keep landing on the same entries. Where rustc and wasm-opt numbered them, our 30
//    exports ran from 35 to 356, and with the counts a chart writes out they grew it on the bench's
//    page (JS heap after GC 1114 → 1051 KB with them first, `node bench/ab.mjs`, before js/i18n.js
//    wrote counts digit by digit, which alone does as much there). Right after the imports (38),
//    no two share an entry, nor do they with any other number below 128. The wasm is also 0.1 KB
//    smaller in brotli. Functions are moved, not changed (binaryen keeps each body; calls go by
//    name).
function exportsFirst(pkg) {
  const FIRST_NUMBERS = 128;
  const wasm = `${pkg}/channel_sprawl_bg.wasm`;
  const module = binaryen.readBinary(readFileSync(wasm));
  const F = binaryen.Features;
  module.setFeatures(F.MVP | F.BulkMemory | F.BulkMemoryOpt | F.NontrappingFPToInt | F.SignExt | F.MutableGlobals | F.ReferenceTypes | F.Multivalue);
  const exported = new Set();
  for (let i = 0; i < module.getNumExports(); i++) {
    const e = binaryen.getExportInfo(module.getExportByIndex(i));
    if (e.kind === binaryen.ExternalFunction) exported.add(e.value);
  }
  const functions = [];
  for (let i = 0; i < module.getNumFunctions(); i++) functions.push(binaryen.getFunctionInfo(module.getFunctionByIndex(i)));
  // Imports are numbered first whatever their place; defined functions follow in list order.
  const imported = functions.filter((f) => f.module).length;
  for (const f of functions.filter((f) => !f.module && !exported.has(f.name))) {
    module.removeFunction(f.name);
    module.addFunction(f.name, f.params, f.results, f.vars, f.body);
  }
  const last = imported + functions.filter((f) => !f.module && exported.has(f.name)).length - 1;
  if (last >= FIRST_NUMBERS) throw new Error(`${wasm}: the exported functions end at number ${last}, past ${FIRST_NUMBERS - 1}`);
  if (!module.validate()) throw new Error(`${wasm}: invalid after moving the exported functions first`);
  writeFileSync(wasm, module.emitBinary());
  module.dispose();
}

// 3. The widget's stylesheet, minified inside the loader.
const cssPlugin = {
  name: "minify-styles",
  setup(b) {
    b.onLoad({ filter: /styles\.js$/ }, async (args) => {
      const source = readFileSync(args.path, "utf8");
      const start = source.indexOf("STYLES = `") + "STYLES = `".length;
      const css = source.slice(start, source.lastIndexOf("`"));
      const min = (await transform(css, { loader: "css", minify: true })).code.trim();
      return { contents: `export const STYLES = ${JSON.stringify(min)};`, loader: "js" };
    });
  },
};

const common = { bundle: true, format: "esm", minify: true, target: "es2022", legalComments: "none", logLevel: "warning" };
const COMPILE_EAGERLY = "//# allFunctionsCalledOnLoad";
await build({
  ...common,
  entryPoints: ["js/channel-sprawl.js"],
  outfile: `${dir}/channel-sprawl.js`,
  // The wasm package is loaded relative to the loader's own URL at run time.
  external: ["./pkg/*"],
  // V8's explicit compile hint: the whole file is compiled while it streams in, off the main
  // thread, instead of function by function on first call (about 3 ms of main-thread time).
  banner: { js: `${COMPILE_EAGERLY}\n// channel-sprawl - sources: js/ and src/ of the channel-sprawl repository. MIT.` },
  plugins: [cssPlugin],
});
// The loader's other modules, fetched on first use from pkg/, next to the wasm: js/extras.js, and
// the interface text of every language but English (js/lang/<code>.js).
if (existsSync(`${dir}/pkg`)) {
  await build({ ...common, entryPoints: ["js/extras.js"], outfile: `${dir}/pkg/channel-sprawl-extras.js`, plugins: [cssPlugin] });
  for (const file of readdirSync("js/lang").filter((f) => f.endsWith(".js") && f !== "en.js")) {
    await build({ ...common, entryPoints: [`js/lang/${file}`], outfile: `${dir}/pkg/channel-sprawl-${file}` });
  }
}
for (const pkg of packages) {
  const glue = `${pkg}/channel_sprawl.js`;
  await build({ ...common, bundle: false, treeShaking: true, entryPoints: [glue], outfile: glue, allowOverwrite: true, banner: { js: COMPILE_EAGERLY } });
}
// Every script shipped is ASCII (esbuild escapes the sources' other characters; the banners are
// ours): V8 keeps a script with one character beyond Latin-1 as two bytes per character, so an
// em dash in a comment doubled the loader's 50 KB source in the reader's memory. (ASCII, the
// simpler test of the bytes, is what esbuild writes anyway.)
const shipped = [`${dir}/channel-sprawl.js`, ...(existsSync(`${dir}/pkg`) ? readdirSync(`${dir}/pkg`).filter((f) => f.endsWith(".js")).map((f) => `${dir}/pkg/${f}`) : []), ...packages.map((p) => `${p}/channel_sprawl.js`)];
for (const file of new Set(shipped)) {
  const at = readFileSync(file, "latin1").search(/[^\x00-\x7f]/);
  if (at >= 0) throw new Error(`${file}: a character beyond ASCII at byte ${at}`);
}

// The wasm-bindgen glue's text, patched after wasm-bindgen: by scripts/bundle.mjs for every
// build, and by bench/profile.mjs for the name-preserving build it profiles (so that the profile
// shows the glue readers get). The glue's shape is pinned with wasm-bindgen (=0.2.130); each patch
// fails loudly when its text is not found.

/** `code` (the glue of `where`, for the error message) with both patches applied. */
export function patchGlue(code, where) {
  // Long strings (a dataset's text) are written into the wasm's memory by TextEncoder.encodeInto,
  // not by the glue's character loop, which the first chart runs in the interpreter (`new Widget`
  // 5.4–6.5 → 4.0–4.1 ms with 18 KB of JSON, performance marks, median of 7 cold loads). The
  // glue's own algorithm otherwise: `arg.length` bytes first, which ASCII text fills exactly; the
  // rest, if any, at 3 bytes a UTF-16 unit at most, then the block shrunk to what was written.
  // Into the memory directly, where `encode` made a copy first: 7.8 MB of JSON cross in 0.8 ms
  // instead of 6, and leave no 7.8 MB of garbage to the page's heap. Short strings (event names,
  // keys) keep the loop.
  const LOOP = "    let len = arg.length;\n    let ptr = malloc(len, 1) >>> 0;\n";
  if (!code.includes("    if (realloc === undefined) {") || !code.includes(LOOP)) throw new Error(`${where}: passStringToWasm0 is not as expected; update the patch in scripts/glue.mjs`);
  code = code.replace(
    LOOP,
    `${LOOP}    if (len > 256) {
        const done = cachedTextEncoder.encodeInto(arg, getUint8ArrayMemory0().subarray(ptr, ptr + len));
        let offset = done.written;
        if (done.read < len) {
            const rest = arg.slice(done.read);
            ptr = realloc(ptr, len, len = offset + rest.length * 3, 1) >>> 0;
            offset += cachedTextEncoder.encodeInto(rest, getUint8ArrayMemory0().subarray(ptr + offset, ptr + len)).written;
            ptr = realloc(ptr, len, offset, 1) >>> 0;
        }
        WASM_VECTOR_LEN = offset;
        return ptr;
    }
`,
  );
  // The loader instantiates the module it compiled itself, with `initSync` (a compiled module
  // instantiates synchronously on any thread): the glue's own fetching, streaming and MIME-type
  // fallbacks (`default`) are never used, and are dropped with the export (esbuild's tree shaking,
  // in scripts/bundle.mjs).
  const EXPORTS = "export { initSync, __wbg_init as default };";
  if (!code.includes(EXPORTS)) throw new Error(`${where}: the glue's exports are not as expected; update the patch in scripts/glue.mjs`);
  code = code.replace(EXPORTS, "export { initSync };");
  return code;
}

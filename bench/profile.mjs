// Where our time goes: a V8 CPU profile (CDP Profiler) of one load of `ours`, navigation to first
// chart, summed by function (self time). The shipped build has no function names (wasm-opt drops
// the name section, esbuild minifies the loader), so the profile runs against a name-preserving
// rebuild of the same code, in a temporary directory:
//   - the wasm: wasm-bindgen on target/wasm32-unknown-unknown/release/channel_sprawl.wasm (what
//     `make build` compiled), then wasm-opt with Cargo.toml's flags minus --converge, plus -g;
//   - the loader: js/channel-sprawl.js bundled by esbuild without minifying.
// Either part falls back to the shipped file when it cannot be built (said in the output).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { patchGlue } from "../scripts/glue.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const PATH = `${join(ROOT, "node_modules/.bin")}:${join(process.env.HOME || "/root", ".cargo/bin")}:${process.env.PATH}`;
const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, env: { ...process.env, PATH }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** Builds what it can; returns {dir, overrides, notes, cleanup}. */
export async function namedBuild() {
  const dir = mkdtempSync(join(tmpdir(), "channel-sprawl-bench-"));
  const overrides = {};
  const notes = [];
  try {
    const wasm = join(ROOT, "target/wasm32-unknown-unknown/release/channel_sprawl.wasm");
    if (!existsSync(wasm)) throw new Error("no target/wasm32-unknown-unknown/release/channel_sprawl.wasm");
    const hasNames = WebAssembly.Module.customSections(new WebAssembly.Module(readFileSync(wasm)), "name").length > 0;
    if (!hasNames) throw new Error("the cargo output has no name section");
    const lock = readFileSync(join(ROOT, "Cargo.lock"), "utf8").match(/name = "wasm-bindgen"\nversion = "([^"]+)"/)?.[1];
    const cli = run("wasm-bindgen", ["--version"]).trim().split(" ")[1];
    if (lock && cli !== lock) throw new Error(`wasm-bindgen CLI ${cli} ≠ crate ${lock}`);
    run("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", join(dir, "pkg"), wasm]);
    // The glue as readers get it (the string path and the exports), not wasm-bindgen's own.
    const glue = join(dir, "pkg/channel_sprawl.js");
    writeFileSync(glue, patchGlue(readFileSync(glue, "utf8"), glue));
    const cargo = readFileSync(join(ROOT, "Cargo.toml"), "utf8");
    const flags = JSON.parse(cargo.match(/\[package\.metadata\.wasm-pack\.profile\.release\][^[]*?wasm-opt\s*=\s*(\[[^\]]*\])/)?.[1] || '["-Oz"]').filter((f) => f !== "--converge" && f !== "-g");
    const out = join(dir, "pkg/channel_sprawl_bg.wasm");
    run("wasm-opt", [...flags, "-g", out, "-o", out]);
    // The cargo output is the last of `make build`'s three builds: check it is the shipped one.
    const exported = (file) => WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(file))).length;
    const [named, shipped] = [exported(out), exported(join(ROOT, "www/pkg/channel_sprawl_bg.wasm"))];
    if (named !== shipped) throw new Error(`the cargo output is another build (${named} exports, www/pkg's wasm ${shipped}): run make build`);
    overrides["/pkg/"] = join(dir, "pkg");
    const age = (statSync(join(ROOT, "www/pkg/channel_sprawl_bg.wasm")).mtimeMs - statSync(wasm).mtimeMs) / 1000;
    notes.push(`wasm: wasm-bindgen + wasm-opt ${flags.join(" ")} -g of the cargo output (${Math.abs(age) < 120 ? "same build as www/pkg" : `built ${Math.round(Math.abs(age))} s ${age > 0 ? "before" : "after"} www/pkg`}), names kept, without scripts/bundle.mjs's panic cut`);
  } catch (e) {
    notes.push(`wasm: the shipped www/pkg (no function names: ${String(e.message || e).split("\n")[0]})`);
  }
  try {
    const entry = join(ROOT, "js/channel-sprawl.js");
    if (!existsSync(entry)) throw new Error("no js/channel-sprawl.js");
    const { build } = await import("esbuild");
    await build({ entryPoints: [entry], outfile: join(dir, "channel-sprawl.js"), bundle: true, format: "esm", minify: false, target: "es2022", external: ["./pkg/*"], logLevel: "silent" });
    overrides["/channel-sprawl.js"] = join(dir, "channel-sprawl.js");
    notes.push("loader: js/channel-sprawl.js bundled by esbuild, not minified");
  } catch (e) {
    notes.push(`loader: the shipped www/channel-sprawl.js (${String(e.message || e).split("\n")[0]})`);
  }
  return { dir, overrides, notes, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Self time per function from a CDP Profiler profile: [{name, where, ms, hotLine}], plus totals.
 * `source(url)` → the file's text, to show the hottest line of JS functions (V8 attributes the
 * time of builtins such as Intl constructors or JSON.parse to the calling function's line).
 */
export function summarize(profile, base, source = () => null) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const files = new Map();
  const lines = new Map(); // key → Map(line → ticks)
  const urlOf = new Map();
  let busy = 0;
  for (const n of profile.nodes) {
    if (!n.positionTicks?.length || !n.callFrame.url || n.callFrame.url.endsWith(".wasm")) continue;
    const key = keyOf(n.callFrame, base);
    const m = lines.get(key) || new Map();
    for (const t of n.positionTicks) m.set(t.line, (m.get(t.line) || 0) + t.ticks);
    lines.set(key, m);
    urlOf.set(key, n.callFrame.url);
  }
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const { functionName, url } = byId.get(id).callFrame;
    if (functionName === "(idle)") return;
    busy += ms;
    const file = url ? url.replace(base, "") : "";
    const name = (functionName || "(anonymous)").replace(/::h[0-9a-f]{16}$/, "");
    const key = keyOf(byId.get(id).callFrame, base);
    self.set(key, (self.get(key) || 0) + ms);
    const group = !url ? (name.startsWith("(") ? name : "(builtins, js↔wasm stubs)") : url.endsWith(".wasm") ? "wasm (all functions)" : file;
    files.set(group, (files.get(group) || 0) + ms);
  });
  const top = [...self]
    .map(([k, ms]) => {
      const [name, where] = k.split("\u0000");
      const hot = [...(lines.get(k) || [])].sort((a, b) => b[1] - a[1])[0];
      const text = hot && source(urlOf.get(k))?.split("\n")[hot[0] - 1]?.trim();
      return { name, where, ms, hotLine: hot ? { line: hot[0], text: text && text.length > 110 ? text.slice(0, 107) + "…" : text } : null };
    })
    .sort((a, b) => b.ms - a.ms);
  return { busy, top, files: [...files].sort((a, b) => b[1] - a[1]) };
}

function keyOf({ functionName, url, lineNumber }, base) {
  const name = (functionName || "(anonymous)").replace(/::h[0-9a-f]{16}$/, "");
  const file = url ? url.replace(base, "") : "";
  return `${name}\u0000${file}${url && !url.endsWith(".wasm") ? ":" + (lineNumber + 1) : ""}`;
}

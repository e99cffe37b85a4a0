// One origin for the bench: the generated pages under /bench/, the peer libraries under /vendor/
// (from node_modules), and everything else handed to scripts/serve.mjs's own request handler
// (www/: the loader, pkg/), so our files are served exactly as the demo serves them. No
// compression anywhere (serve.mjs does not compress); `cache-control: no-cache` like serve.mjs.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../scripts/serve.mjs";
import { VENDOR } from "./pages.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const NODE_MODULES = join(ROOT, "node_modules");
const TYPES = { ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm", ".css": "text/css; charset=utf-8" };

/**
 * `pages`: Map of name → HTML (Buffer), served at /bench/<name>.html; `files`: Map of name → JSON
 * (Buffer), served at /bench/<name> (the data of the `fetch` pages). `overrides`: URL path (a
 * file, or a prefix ending in "/") → file or directory on disk, served instead of www/ (the
 * profile's name-preserving build).
 */
export async function startBenchServer(pages, { overrides = {}, files = new Map() } = {}) {
  // serve.mjs's handler, without its listening socket: we only borrow the function.
  const www = await startServer(0);
  const handler = www.listeners("request")[0];
  await new Promise((ok) => www.close(ok));

  const send = (req, res, type, body) => {
    res.writeHead(200, { "content-type": type, "cache-control": "no-cache" });
    res.end(req.method === "HEAD" ? undefined : body);
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    try {
      const name = path.startsWith("/bench/") && path.endsWith(".html") ? path.slice(7, -5) : null;
      if (name && pages.has(name)) return send(req, res, "text/html; charset=utf-8", pages.get(name));
      if (path.startsWith("/bench/") && files.has(path.slice(7))) return send(req, res, "application/json", files.get(path.slice(7)));
      const file = fileOf(path, overrides, false);
      if (file) return send(req, res, TYPES[extname(file)] || "application/octet-stream", await readFile(file));
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end("not found");
    }
    return handler(req, res);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  // Chromium keeps idle keep-alive sockets open; close() alone would wait for them.
  const close = () => new Promise((ok) => (server.close(ok), server.closeAllConnections()));
  return { base: `http://127.0.0.1:${server.address().port}`, close };
}

/** The file a URL path is served from (`www`: also paths serve.mjs serves from www/). */
export function fileOf(path, overrides = {}, www = true) {
  for (const [prefix, target] of Object.entries(overrides)) {
    if (prefix.endsWith("/") ? path.startsWith(prefix) : path === prefix) {
      const file = prefix.endsWith("/") ? normalize(join(target, path.slice(prefix.length))) : target;
      if (!prefix.endsWith("/") || file.startsWith(target)) return file;
    }
  }
  if (path.startsWith("/vendor/") && VENDOR[path.slice(8)]) return join(NODE_MODULES, VENDOR[path.slice(8)]);
  if (!www || path.startsWith("/bench/") || path.startsWith("/test/")) return null;
  return join(ROOT, "www", path);
}

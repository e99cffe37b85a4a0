// A small static server for www/ (the demo) and tests/e2e/pages/ (under /test/), on 127.0.0.1.
// Usage: node scripts/serve.mjs [port]   (default 8080; 0 picks a free port and prints it)
// Sets the right MIME types (application/wasm enables streaming compile) and, for pages whose
// name starts with `csp-`, the strict Content-Security-Policy the widget must work under.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const MOUNTS = [
  ["/test/", join(root, "tests/e2e/pages")],
  // A build with the `test-hooks` feature (make build-hooks), for the containment test only.
  ["/hooks/", join(root, "target/hooks")],
  ["/", join(root, "www")],
];
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

export function startServer(port = 8080, host = "127.0.0.1") {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://localhost");
      let path = decodeURIComponent(url.pathname);
      const [prefix, dir] = MOUNTS.find(([p]) => path.startsWith(p));
      let file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(dir)) throw Object.assign(new Error("outside"), { code: "ENOENT" });
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      const headers = { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-cache" };
      if (/\/csp-[^/]*\.html$/.test(file)) headers["content-security-policy"] = CSP;
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (e) {
      res.writeHead(e.code === "ENOENT" || e.code === "EISDIR" ? 404 : 500, { "content-type": "text/plain" });
      res.end(e.code === "ENOENT" ? "not found" : "error");
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startServer(Number(process.argv[2] ?? 8080));
  const { port } = server.address();
  console.log(`channel-sprawl demo: http://127.0.0.1:${port}/`);
}

// The npm package: the wasm-pack output plus the loader, with a package.json fit to publish.
// Usage (after `make build`): node scripts/pack.mjs  → the package in target/npm/pkg/ (where
// `wasm-pack pack target/npm` looks) and target/npm/pkg/channel-sprawl-<version>.tgz. CDN: https://cdn.jsdelivr.net/npm/channel-sprawl@<version>/channel-sprawl.js
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";

const out = "target/npm/pkg";
rmSync("target/npm", { recursive: true, force: true });
mkdirSync(out, { recursive: true });
// Without wasm-pack's .gitignore files (`*`): npm would leave out the folders that hold one.
cpSync("www/pkg", `${out}/pkg`, { recursive: true, filter: (path) => !path.endsWith("/.gitignore") });
cpSync("www/channel-sprawl.js", `${out}/channel-sprawl.js`);
cpSync("www/channel-sprawl.schema.json", `${out}/channel-sprawl.schema.json`);
const cargo = readFileSync("Cargo.toml", "utf8");
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, "m"))?.[1];
const keywords = JSON.parse(cargo.match(/^keywords = (\[.*\])/m)[1]);
const pkg = {
  name: "channel-sprawl",
  version: field("version"),
  description: field("description"),
  repository: { type: "git", url: field("repository") },
  homepage: field("repository"),
  license: field("license"),
  keywords,
  type: "module",
  module: "channel-sprawl.js",
  exports: { ".": "./channel-sprawl.js", "./schema": "./channel-sprawl.schema.json" },
  files: ["channel-sprawl.js", "channel-sprawl.schema.json", "pkg/channel_sprawl.js", "pkg/channel_sprawl_bg.wasm", "pkg/channel-sprawl-extras.js", "pkg/channel-sprawl-fr.js", "pkg/csv/channel_sprawl.js", "pkg/csv/channel_sprawl_bg.wasm", "pkg/export/channel_sprawl.js", "pkg/export/channel_sprawl_bg.wasm", "README.md"],
  sideEffects: ["./channel-sprawl.js"],
};
writeFileSync(`${out}/package.json`, JSON.stringify(pkg, null, 2) + "\n");
writeFileSync(
  `${out}/README.md`,
  `# channel-sprawl\n\n${pkg.description}\n\n\`\`\`html\n<script type="module" src="https://cdn.jsdelivr.net/npm/channel-sprawl@${pkg.version}/channel-sprawl.js"></script>\n<figure data-channel-sprawl>\n  <script type="application/json">{ "company": "Acme", "spaces": [{ "name": "@Acme", "platform": "twitter", "themes": ["support"] }] }</script>\n</figure>\n\`\`\`\n\nThe dataset format: channel-sprawl.schema.json. License: ${pkg.license}.\n`,
);
execFileSync("wasm-pack", ["pack", "target/npm"], { stdio: "inherit" });

// The npm package (make pack): `wasm-pack pack` makes a tarball with the loader, the wasm and a
// package.json fit to publish (name, description, repository, keywords, license, files).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

const root = new URL("../../", import.meta.url).pathname;

test("wasm-pack pack makes a publishable tarball", () => {
  execFileSync("node", ["scripts/pack.mjs"], { cwd: root, stdio: "pipe" });
  const dir = `${root}target/npm/pkg/`;
  const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
  assert.ok(tarball, "no tarball");
  const files = execFileSync("tar", ["tzf", dir + tarball], { encoding: "utf8" }).trim().split("\n").sort();
  assert.deepEqual(files, ["package/README.md", "package/channel-sprawl.js", "package/channel-sprawl.schema.json", "package/package.json", "package/pkg/channel-sprawl-extras.js", "package/pkg/channel-sprawl-fr.js", "package/pkg/channel_sprawl.js", "package/pkg/channel_sprawl_bg.wasm", "package/pkg/csv/channel_sprawl.js", "package/pkg/csv/channel_sprawl_bg.wasm", "package/pkg/export/channel_sprawl.js", "package/pkg/export/channel_sprawl_bg.wasm"]);
  const pkg = JSON.parse(readFileSync(dir + "package.json", "utf8"));
  for (const key of ["name", "version", "description", "repository", "keywords", "license", "files", "module"]) assert.ok(pkg[key], `package.json has no ${key}`);
  assert.equal(pkg.name, "channel-sprawl");
  assert.equal(pkg.module, "channel-sprawl.js");
});

# channel-sprawl — every command a newcomer or CI needs. Each target installs what it needs
# (scripts/setup.sh is idempotent and fast when the tools are there).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8080
WASM_PACK_FLAGS := --target web --release --out-dir www/pkg --no-pack

.PHONY: setup build build-hooks demo serve test lint test-native test-wasm test-e2e size bench bench-native pack fuzz clean

setup:
	@bash scripts/setup.sh

## The demo: set up, build with wasm-pack, serve www/ on http://127.0.0.1:$(PORT)/
demo: build serve

build: setup
	# The SVG export, a separate wasm fetched only when a reader asks for an SVG.
	wasm-pack build --target web --release --out-dir www/pkg/export --no-pack -- --features svg-export
	# The same with the CSV reader, fetched only for a CSV figure.
	wasm-pack build --target web --release --out-dir www/pkg/csv --no-pack -- --features csv-reader
	# The first chart's build, last: its cargo output stays in target/ for bench/profile.mjs.
	wasm-pack build $(WASM_PACK_FLAGS)
	node scripts/bundle.mjs
	@node scripts/size.mjs

# The same build with the test-only panic hook, served under /hooks/ by the test server.
build-hooks: setup
	wasm-pack build --target web --release --out-dir target/hooks/pkg --no-pack -- --features test-hooks
	node scripts/bundle.mjs target/hooks

serve:
	node scripts/serve.mjs $(PORT)

## Every test: formatting and lints, native core, wasm in headless Chromium, end to end in Chromium.
test: lint build test-native test-wasm test-e2e

## rustfmt (rustfmt.toml) and clippy with warnings as errors: native with the CLI, and the wasm
## builds' own code (the web layer, the SVG export, the test hooks); the fuzz targets compile
## (on stable: running them takes nightly, `make fuzz`).
lint: setup
	cargo fmt --check
	cargo clippy --quiet --all-targets --features cli -- -D warnings
	cargo clippy --quiet --lib --target wasm32-unknown-unknown --features svg-export,test-hooks -- -D warnings
	cd fuzz && cargo check --quiet --bins

test-native:
	cargo test --quiet --features cli

test-wasm: setup
	wasm-pack test --headless --chrome -- --test web --features test-hooks

test-e2e: build build-hooks
	node --test --test-concurrency=1 --test-timeout=120000 tests/e2e/

size:
	@node scripts/size.mjs

## The npm package (wasm-pack pack): target/npm/pkg/channel-sprawl-<version>.tgz
pack: build
	node scripts/pack.mjs

## Every fuzz target for FUZZ_SECONDS each (nightly toolchain; cargo-fuzz installed if missing)
FUZZ_SECONDS ?= 60
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	bash fuzz/run.sh $(FUZZ_SECONDS)

bench: build
	node bench/run.mjs

## Native benchmarks of the core (divan, benches/core.rs): parse, group, layout/draw, hit-test at
## 100 to 1,000,000 spaces, no browser. Filter with BENCH_ARGS, e.g. `make bench-native BENCH_ARGS=parse`
bench-native:
	cargo bench --bench core -- $(BENCH_ARGS)

clean:
	rm -rf target www/pkg

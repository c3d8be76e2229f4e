# Task runner. `make run` serves the app with demo data; `make test` runs every check.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

# A PostgreSQL server whose user may create databases (each test makes its own).
export NUMBERS_TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
# binaryen's wasm-opt from the end2end npm packages first: release builds need its version 132
# (Debian's 108 breaks split bundles).
export PATH := $(CURDIR)/end2end/node_modules/.bin:$(PATH)

.PHONY: run test lint rust-test api-fuzz e2e bench

## Build and serve on the embedded SQLite file with demo data. Every build is split (`--split`):
## the routes besides Numbers are wasm chunks fetched when first shown.
run:
	.ci/install-tools.sh build
	NUMBERS_DEMO=1 cargo leptos serve --split

## Install what is missing, then formatting, lints, Rust tests and browser tests.
test:
	.ci/install-tools.sh test
	$(MAKE) lint rust-test api-fuzz e2e

lint:
	cargo fmt --all -- --check
	cargo clippy -p server -p app --all-targets -- -D warnings
	cargo clippy -p frontend -p app --target wasm32-unknown-unknown -- -D warnings

rust-test:
	@pg_isready -q -d "$$NUMBERS_TEST_POSTGRES_URL" || { echo "PostgreSQL is not reachable at $$NUMBERS_TEST_POSTGRES_URL" >&2; exit 1; }
	# One test at a time: each #[tokio::test] has its own runtime, and with several alive at once
	# an SSR request through the router sometimes never answered (1 in ~6 runs; never alone).
	cargo test -p app -p server -- --test-threads=1

## Schemathesis against the REST API's OpenAPI description, on a fresh demo database.
api-fuzz:
	cargo build -p server
	.ci/api-fuzz.sh target/debug/server

e2e:
	cargo leptos build --split
	cd end2end && npx playwright test

## Release build (split, precompressed), then what the Numbers page loads before it is
## interactive (raw, gzip, Brotli; each lazy chunk; time to hydrated in Chromium), the wasm's
## biggest items, and how the page's cost grows from 100 to 10,000 numbers on both databases.
bench:
	.ci/install-tools.sh bench
	cargo leptos build --release --split --precompress
	.ci/wasm-top.sh
	cd end2end && node bench/first-load.mjs ../target/release/server
	cargo run --release -p server --bin numbers-bench -- target/release/server

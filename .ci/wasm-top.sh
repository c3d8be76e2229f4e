#!/usr/bin/env bash
# Prints the biggest items of the browser bundle's main wasm (twiggy), so each change shows where
# bytes went. Reads rustc's output before wasm-bindgen and wasm-opt, which keeps function names;
# its sizes are larger than the shipped file's, its ranking is what to look at. Run after
# `cargo leptos build --release --split`.
set -euo pipefail
cd "$(dirname "$0")/.."
wasm=target/front/wasm32-unknown-unknown/wasm-release/frontend.wasm
[ -f "$wasm" ] || { echo "missing $wasm: run 'cargo leptos build --release --split' first" >&2; exit 1; }
echo "==> the 25 biggest items of $wasm (twiggy top)"
twiggy top -n 25 "$wasm"
echo "==> what keeps the most bytes alive (twiggy dominators, 2 levels)"
twiggy dominators -d 2 -r 20 "$wasm"

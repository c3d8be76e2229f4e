#!/usr/bin/env bash
# Prints what is big in the browser bundle, so each change shows where bytes went. Reads rustc's
# output and wasm-split's main module, before wasm-bindgen and wasm-opt, which keep function
# names: their sizes are larger than the shipped files', their ranking is what to look at.
# Wasm builds use Rust's v0 symbol names (.cargo/config.toml), so names keep their generic
# arguments: `postcard`'s reader of one of our types counts for that type's module.
# Run after `cargo leptos build --release --split`.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=target/front/wasm32-unknown-unknown/wasm-release
for wasm in "$dir/frontend.wasm" "$dir/frontend_split.wasm"; do
  [ -f "$wasm" ] || { echo "missing $wasm: run 'cargo leptos build --release --split' first" >&2; exit 1; }
done
# The main module, which the Numbers page loads before it is interactive (twiggy 0.7 cannot
# read a split module, hence our own reader).
python3 .ci/wasm_top.py "$dir/frontend_split.wasm"
echo "==> the 20 biggest functions of the whole wasm (first load and every chunk; twiggy)"
twiggy top -n 1000000 -f csv "$dir/frontend.wasm" | python3 -c '
import csv, re, sys
skip = ("custom section", "\"function names\"", "data[")
rows = [r for r in csv.DictReader(sys.stdin) if not r["Name"].startswith(skip)]
for r in rows[:20]:
    size, name = int(r["ShallowSize"]), re.sub(r"\[[0-9a-f]{8,}\]", "", r["Name"])[:150]
    print(f"{size:>10}  {name}")
'

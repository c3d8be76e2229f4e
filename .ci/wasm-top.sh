#!/usr/bin/env bash
# Prints what is big in the browser bundle (twiggy), so each change shows where bytes went: code
# bytes by crate, then the biggest functions. Reads rustc's output before splitting, wasm-bindgen
# and wasm-opt, which keeps function names (twiggy 0.7 cannot read the split module): its sizes
# are larger than the shipped files', its ranking is what to look at. Run after
# `cargo leptos build --release --split`.
set -euo pipefail
cd "$(dirname "$0")/.."
wasm=target/front/wasm32-unknown-unknown/wasm-release/frontend.wasm
[ -f "$wasm" ] || { echo "missing $wasm: run 'cargo leptos build --release --split' first" >&2; exit 1; }
echo "==> code bytes of $wasm by crate (custom sections left out)"
twiggy top -n 1000000 -f csv "$wasm" | python3 -c '
import collections, csv, re, sys
by_crate = collections.Counter()
for row in csv.DictReader(sys.stdin):
    name = row["Name"]
    if name.startswith(("custom section", "\"function names\"")):
        continue
    found = re.match(r"^<?(?:&(?:mut )?)?([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::", name)
    by_crate[found.group(1) if found else name.split(" ")[0][:40]] += int(row["ShallowSize"])
for crate, size in by_crate.most_common(20):
    print(f"{size:>10}  {crate}")
'
echo "==> the 20 biggest functions"
twiggy top -n 1000000 -f csv "$wasm" | python3 -c '
import csv, sys
skip = ("custom section", "\"function names\"", "data[")
rows = [r for r in csv.DictReader(sys.stdin) if not r["Name"].startswith(skip)]
for r in rows[:20]:
    size, name = int(r["ShallowSize"]), r["Name"][:150]
    print(f"{size:>10}  {name}")
'

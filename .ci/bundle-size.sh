#!/usr/bin/env bash
# Prints the browser bundle's sizes (raw and gzip) so growth is visible. Run after a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
pkg=target/site/pkg
total_raw=0
total_gz=0
printf '%-28s %12s %12s\n' file raw gzip
for f in "$pkg"/numbers.wasm "$pkg"/numbers.js "$pkg"/numbers.css; do
  [ -f "$f" ] || { echo "missing $f: run 'cargo leptos build --release' first" >&2; exit 1; }
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-28s %12d %12d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-28s %12d %12d\n' total "$total_raw" "$total_gz"

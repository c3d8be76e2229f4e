#!/usr/bin/env bash
# Validates the REST API's served OpenAPI description (openapi-spec-validator), then fuzzes the
# API with Schemathesis against it, on a fresh demo database: no 5xx, every answer fits the description, schema-violating requests are
# refused, and a refused request changes nothing (`.ci/schemathesis_hooks.py`).
# Usage: .ci/api-fuzz.sh [path to the server binary, default target/debug/server]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
# A copy without the `hash.txt` a site build leaves beside the binary: the API needs no site,
# so whichever site `target/site` holds (debug or release) cannot stop the server starting.
server="$dir/server"
cp "${1:-target/debug/server}" "$server"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT

export LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT=target/site NUMBERS_DATA_DIR="$dir"
export DATABASE_URL="sqlite://$dir/numbers.sqlite?mode=rwc" NUMBERS_DEMO=1
# Nothing listens there: the fuzzed project has no Twilio integration anyway.
export TWILIO_BASE_URL=http://127.0.0.1:9
# The hooks read the whole project around every change: far more than a script would send.
export NUMBERS_API_RATE_LIMIT=1000000
key=$("$server" create-api-key --project solo --name schemathesis --access read-write 2>"$dir/create-key.log") || {
  cat "$dir/create-key.log" >&2
  exit 1
}
"$server" >"$dir/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "$base/healthz" >/dev/null 2>&1 || {
  echo "the server did not start:" >&2
  tail -40 "$dir/server.log" >&2
  exit 1
}

# The description itself first: a valid OpenAPI 3.1 document.
curl -fsS "$base/api/v1/openapi.json" -o "$dir/openapi.json"
openapi-spec-validator "$dir/openapi.json"

cd .ci
NUMBERS_FUZZ_BASE="$base" NUMBERS_FUZZ_KEY="$key" SCHEMATHESIS_HOOKS=schemathesis_hooks \
  st run "$base/api/v1/openapi.json" \
  --header "Authorization: Bearer $key" \
  --workers 1 --seed 1 \
  --phases examples,coverage,fuzzing \
  --checks all --exclude-checks positive_data_acceptance \
  || { echo "--- server log (last 40 lines)" >&2; tail -40 "$dir/server.log" >&2; exit 1; }

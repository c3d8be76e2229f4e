#!/usr/bin/env bash
# Installs what the build and the tests need, skipping anything already present.
# Usage: .ci/install-tools.sh build   (Rust side: wasm target, cargo-leptos, wasm-bindgen)
#        .ci/install-tools.sh test    (also Chromium, Node.js and the end2end npm packages)
#        .ci/install-tools.sh bench   (also twiggy; binaryen's wasm-opt comes with the npm packages)
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.10
TWIGGY_VERSION=0.7.0
SCHEMATHESIS_VERSION=4.32.5
OPENAPI_SPEC_VALIDATOR_VERSION=0.9.0
# Must equal the wasm-bindgen version pinned in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)

say() { printf '==> %s\n' "$*"; }

# Build tools are compiled once per machine: optimise them, but skip the link-time optimisation
# and single codegen unit their release profiles ask for (minutes of one core for a few % speed).
# Config in the environment overrides a package's own [profile] (cargo reference, "Profiles").
export CARGO_PROFILE_RELEASE_LTO=false
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16

# Runs a step and prints how long it took, so a slow first run shows where the time went.
timed() {
  local what=$1 start=$SECONDS
  shift
  "$@"
  say "$what took $((SECONDS - start)) s"
}

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_build_tools() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
  if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
    say "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 15 minutes on 2 cores, once)"
    timed "cargo-leptos install" cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 7 minutes, once)"
    # Not --locked: its lock file names a crate version the registry no longer has.
    timed "wasm-bindgen-cli install" cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
}

install_test_tools() {
  command -v chromium >/dev/null || apt_install chromium
  if ! st --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
    say "installing schemathesis $SCHEMATHESIS_VERSION (fuzzes the REST API; once)"
    timed "schemathesis install" python3 -m pip install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
  fi
  # Read whole (no `grep -q`: closing the pipe early fails pip under pipefail).
  if [ "$(python3 -m pip show openapi-spec-validator 2>/dev/null | sed -n 's/^Version: //p')" != "$OPENAPI_SPEC_VALIDATOR_VERSION" ]; then
    say "installing openapi-spec-validator $OPENAPI_SPEC_VALIDATOR_VERSION (validates the REST API's description; once)"
    python3 -m pip install --quiet --disable-pip-version-check "openapi-spec-validator==$OPENAPI_SPEC_VALIDATOR_VERSION"
  fi
  command -v npm >/dev/null || apt_install nodejs npm
  # Install when missing, or when package-lock.json changed since the last install.
  if [ ! -f end2end/node_modules/.package-lock.json ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
    say "installing end2end npm packages"
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
}

case "${1:-test}" in
  build) install_build_tools ;;
  test) install_build_tools; install_test_tools ;;
  bench)
    install_build_tools
    # Also binaryen's wasm-opt (an end2end npm package): release builds need one that keeps
    # split bundles working (Debian's 108 does not).
    install_test_tools
    if ! twiggy --version 2>/dev/null | grep -q "$TWIGGY_VERSION"; then
      say "installing twiggy $TWIGGY_VERSION (what is big in the wasm; once)"
      timed "twiggy install" cargo install twiggy --version "$TWIGGY_VERSION" --locked
    fi
    ;;
  *) echo "usage: $0 build|test|bench" >&2; exit 2 ;;
esac

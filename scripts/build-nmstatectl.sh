#!/bin/sh
# Builds the real nmstatectl (nmstate's command line, from crates.io) into a cache folder and prints its path.
# Idempotent: when the binary is already there it only prints the path.
#   NMSTATE_VERSION   crate version to build (default below: the newest 2.2.x measured to build here)
#   ACP_PLAY_CACHE    cache root (default $HOME/.cache/acp-play)
#   CARGO             cargo binary (default: cargo on PATH, else /root/.cargo/bin/cargo)
#   CARGO_JOBS        parallel rustc jobs (default 2)
set -eu
version="${NMSTATE_VERSION:-2.2.62}"
cache="${ACP_PLAY_CACHE:-$HOME/.cache/acp-play}/nmstate-$version"
bin="$cache/bin/nmstatectl"
if [ -x "$bin" ]; then
  echo "$bin"
  exit 0
fi
cargo="${CARGO:-}"
if [ -z "$cargo" ]; then
  if command -v cargo >/dev/null 2>&1; then cargo=$(command -v cargo); else cargo=/root/.cargo/bin/cargo; fi
fi
[ -x "$cargo" ] || { echo "build-nmstatectl: cargo not found (set CARGO=...)" >&2; exit 1; }
mkdir -p "$cache"
start=$(date +%s)
# Progress goes to stderr so stdout is only the path.
"$cargo" install --locked nmstatectl --version "=$version" --root "$cache" -j "${CARGO_JOBS:-2}" 1>&2
echo "build-nmstatectl: built nmstatectl $version in $(( $(date +%s) - start )) s" >&2
"$bin" --version >&2
echo "$bin"

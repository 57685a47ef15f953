#!/usr/bin/env bash
# Make sure a system Chromium exists for the browser tests (Playwright drives it
# through executable_path; we never run `playwright install`, which downloads
# browsers from a CDN). Idempotent: does nothing when /usr/bin/chromium exists.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure_chromium: apt-get not available; install Chromium at $CHROMIUM by hand" >&2
    exit 2
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q chromium
[ -x "$CHROMIUM" ]

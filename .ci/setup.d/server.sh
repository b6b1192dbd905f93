#!/usr/bin/env bash
# Browser tests of dyad-server (crates/dyad-cli/tests/server_browser.rs) drive
# Debian's Chromium through ChromeDriver. Idempotent and quiet.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null

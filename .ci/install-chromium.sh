#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests of report.html (tests/browser/render-report.sh,
# BrowserRenderTests). Does nothing when chromium is there already.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
  exit 0
fi

# CI images often run as root without sudo; elsewhere apt-get needs it.
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium >/dev/null
chromium --version 2>/dev/null  # the launcher script itself warns on stderr about its memory check

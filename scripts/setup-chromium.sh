#!/usr/bin/env bash
# Installs Chromium for the HTML audit report's browser test (guard-cli ReportBrowserIT), if it is missing.
# Idempotent: does nothing when chromium is already installed. Debian/Ubuntu (apt-get); uses sudo unless root.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 || dpkg -s chromium >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-chromium.sh: chromium is missing and apt-get is not available; install chromium yourself" >&2
  exit 1
fi
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  SUDO=(sudo)
fi
echo "setup-chromium.sh: installing chromium (apt-get)" >&2
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
command -v chromium >/dev/null 2>&1

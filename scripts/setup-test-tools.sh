#!/usr/bin/env bash
# Installs the tools the integration tests need, if they are missing: Chromium (guard-cli ReportBrowserIT renders
# the HTML report), strace (CliJarIT proves the CLI opens no network connection), python3 (guard-server
# ServerJarIT runs examples/python/guarded_tools.py against the server) and python3-numpy + python3-onnx for the
# Debian /usr/bin/python3 (guard-model TrainingScriptsTest runs the training pipeline's unit tests; those that need
# torch skip without it, and training/setup.sh installs it for training). `mvn -B verify` installs
# nothing itself: without these tools those tests skip with a line saying so, and fail under CI=true.
# Idempotent. Debian/Ubuntu (apt-get); uses sudo unless root. .ci/run calls it before the test command.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=(chromium)
command -v strace >/dev/null 2>&1 || missing+=(strace)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
/usr/bin/python3 -c 'import numpy, onnx' >/dev/null 2>&1 || missing+=(python3-numpy python3-onnx)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-test-tools.sh: ${missing[*]} missing and apt-get is not available; install them yourself" >&2
  exit 1
fi
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  SUDO=(sudo)
fi
echo "setup-test-tools.sh: installing ${missing[*]} (apt-get)" >&2
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"

#!/usr/bin/env bash
# Regenerates docs/report.png (the README's audit-report screenshot) from docs/report-demo.jsonl with the
# built CLI and headless Chromium. Run after `mvn -B -q -DskipTests install` and scripts/setup-test-tools.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
java -jar guard-cli/target/alignguard-cli.jar scan --input docs/report-demo.jsonl --report "$tmp/report.html" \
  --output "$tmp/scores.jsonl" 2>/dev/null || true   # exit 3 (--fail-on) is not used; 1 means the scan failed
[ -s "$tmp/report.html" ] || { echo "report-screenshot.sh: the scan wrote no report" >&2; exit 1; }
timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$tmp/profile" --window-size=1200,1400 \
  --screenshot="$tmp/report.png" "file://$tmp/report.html" >/dev/null 2>&1
cp "$tmp/report.png" docs/report.png
echo "docs/report.png: $(stat -c %s docs/report.png) bytes"

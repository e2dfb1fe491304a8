#!/usr/bin/env bash
# Ensure a Python virtualenv with netmiko (pinned in scripts/netmiko-requirements.txt, netmiko and everything it pulls
# in) in a cache outside the clone, for the independent-client test of nvr-sim (test/simulator/netmiko.test.ts).
# Idempotent: returns at once when the venv holds exactly these requirements; rebuilt when they change.
# Needs python3 with the venv module (Debian: python3-venv) and PyPI. The last line printed is the venv's python.
set -euo pipefail
CACHE="${NVR_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-yamaha-nvr}"
VENV="$CACHE/netmiko-venv"
REQ="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/netmiko-requirements.txt"
# Written last, so a venv whose install was interrupted has no stamp and is rebuilt.
STAMP="$VENV/installed-requirements.txt"

if [ -x "$VENV/bin/python" ] && cmp -s "$REQ" "$STAMP"; then
  echo "$VENV/bin/python"
  exit 0
fi

command -v python3 >/dev/null || { echo "netmiko-venv: python3 is needed" >&2; exit 1; }
rm -rf "$VENV"
mkdir -p "$CACHE"
python3 -m venv "$VENV" >&2 ||
  { echo "netmiko-venv: 'python3 -m venv' failed (on Debian/Ubuntu install python3-venv)" >&2; exit 1; }
"$VENV/bin/python" -m pip install --disable-pip-version-check --no-input -q -r "$REQ" >&2
"$VENV/bin/python" -c 'import netmiko' >&2
cp "$REQ" "$STAMP"
echo "$VENV/bin/python"

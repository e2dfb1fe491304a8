#!/usr/bin/env bash
# Ensure the Pulumi CLI v3.248.0 (the version matching @pulumi/pulumi, the last that supports Node 20)
# plus pulumi-language-nodejs and the pulumi-resource-pulumi-nodejs launcher are available.
# Uses `pulumi` from PATH when it is already that version with a language host; otherwise builds it from
# Go modules into a cache outside the repository. Idempotent: seconds when already built.
# The last line printed is the directory holding `pulumi`.
#
# The Go module proxy does not serve pulumi-language-nodejs, so the language host installed here is the
# small Node.js one in scripts/pulumi-language-nodejs/. Users install Pulumi the normal way instead.
set -euo pipefail
V="${PULUMI_VERSION:-3.248.0}"
CACHE="${NVR_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-yamaha-nvr}"
ROOT="$CACHE/pulumi-v$V"
BIN="$ROOT/bin"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

have_version() { [ -x "$1/pulumi" ] && [ "$("$1/pulumi" version 2>/dev/null)" = "v$V" ]; }

# Copy $1 to $2 only when it differs, atomically, so running commands never see a half-written file.
put() {
  cmp -s "$1" "$2" && return
  cp "$1" "$2.tmp.$$" && chmod +x "$2.tmp.$$" && mv -f "$2.tmp.$$" "$2"
}

# The host is copied next to `pulumi` so the cache does not depend on where this clone lives. The host
# and both launchers load @pulumi/pulumi from the program directory (the engine's working directory).
install_shims() {
  put "$HERE/pulumi-language-nodejs/host.js" "$BIN/pulumi-language-nodejs.js"
  put "$HERE/pulumi-language-nodejs/launcher.sh" "$BIN/pulumi-language-nodejs"
  put "$HERE/pulumi-language-nodejs/dynamic-provider.sh" "$BIN/pulumi-resource-pulumi-nodejs"
}

if command -v pulumi >/dev/null 2>&1; then
  onpath="$(cd "$(dirname "$(command -v pulumi)")" && pwd)"
  if [ "$onpath" != "$BIN" ] && have_version "$onpath" && [ -x "$onpath/pulumi-language-nodejs" ]; then
    echo "$onpath"
    exit 0
  fi
fi

if have_version "$BIN"; then
  install_shims
  echo "$BIN"
  exit 0
fi

command -v go >/dev/null || { echo "ensure-pulumi: Go >= 1.25.11 is needed to build the Pulumi CLI" >&2; exit 1; }
SRC="$ROOT/src"
mkdir -p "$SRC" "$BIN"
cd "$SRC"
rm -f go.mod go.sum
go mod init local/pulumi-tools >/dev/null 2>&1
cat > tools.go <<'GO'
//go:build tools

package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
GO
jsonget() { node -e 'const o=JSON.parse(require("fs").readFileSync(0,"utf8"));const v=process.argv[1].split(".").reduce((a,k)=>a&&a[k],o);process.stdout.write(v?String(v):"")' "$1"; }

DL="$(go mod download -json "github.com/pulumi/pulumi/pkg/v3@v$V")"
PKG_GOMOD="$(printf '%s' "$DL" | jsonget GoMod)"
REV="${LANGHOST_REV:-$(printf '%s' "$DL" | jsonget Origin.Hash)}"
if [ -z "$REV" ] && [ "$V" = "3.248.0" ]; then REV=dc7edd58bc13179f81b80983aab4eb7f74a01b41; fi
[ -n "$REV" ] || { echo "ensure-pulumi: set LANGHOST_REV to the commit of tag pkg/v$V" >&2; exit 1; }

# Copy only the non-local replace directives of the published pkg/go.mod (skip "sdk/v3 => ../sdk").
go mod edit -json "$PKG_GOMOD" | node -e '
const m=JSON.parse(require("fs").readFileSync(0,"utf8"));
for (const r of m.Replace||[]) if (r.New.Version)
  console.log(`${r.Old.Path}${r.Old.Version?"@"+r.Old.Version:""}=${r.New.Path}@${r.New.Version}`);' |
  while read -r rep; do go mod edit "-replace=$rep"; done

go get "github.com/pulumi/pulumi/pkg/v3@v$V" "github.com/pulumi/pulumi/sdk/v3@v$V" >&2
go mod tidy >&2

LDF="-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$V"
export CGO_ENABLED=0
go build -trimpath -tags osusergo,grpcnotrace -ldflags "$LDF" -o "$BIN/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
have_version "$BIN" || { echo "ensure-pulumi: built pulumi does not report v$V" >&2; exit 1; }
install_shims
echo "$BIN"

#!/usr/bin/env bash
# Ensure the Pulumi CLI v3.248.0 (the version matching @pulumi/pulumi, the last that supports Node 20)
# plus pulumi-language-nodejs and the pulumi-resource-pulumi-nodejs launcher are available.
# Uses `pulumi` from PATH when it is already that version; otherwise builds it from Go modules
# into a cache outside the repository. Idempotent. The last line printed is the directory holding `pulumi`.
set -euo pipefail
V="${PULUMI_VERSION:-3.248.0}"
CACHE="${NVR_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-yamaha-nvr}"
ROOT="$CACHE/pulumi-v$V"
BIN="$ROOT/bin"

have_version() { [ -x "$1/pulumi" ] && [ "$("$1/pulumi" version 2>/dev/null)" = "v$V" ]; }

if command -v pulumi >/dev/null 2>&1; then
  onpath="$(dirname "$(command -v pulumi)")"
  if have_version "$onpath" && [ -x "$onpath/pulumi-language-nodejs" ]; then
    echo "$onpath"
    exit 0
  fi
fi

if have_version "$BIN" && [ -x "$BIN/pulumi-language-nodejs" ] && [ -x "$BIN/pulumi-resource-pulumi-nodejs" ]; then
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

# The dynamic-provider plugin is a launcher for @pulumi/pulumi's host, resolved from the program directory.
cat > "$BIN/pulumi-resource-pulumi-nodejs" <<'SH'
#!/bin/sh
p=$(node -e "process.stdout.write(require.resolve('@pulumi/pulumi/cmd/dynamic-provider'))") || exit 1
exec node "$p" "$@"
SH
chmod +x "$BIN/pulumi-resource-pulumi-nodejs"
have_version "$BIN" || { echo "ensure-pulumi: built pulumi does not report v$V" >&2; exit 1; }
echo "$BIN"

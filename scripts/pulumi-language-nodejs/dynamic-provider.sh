#!/bin/sh
# Launcher for @pulumi/pulumi's dynamic-provider host, resolved from the program directory; fails loudly.
p=$(node -e "process.stdout.write(require.resolve('@pulumi/pulumi/cmd/dynamic-provider'))") || exit 1
exec node "$p" "$@"

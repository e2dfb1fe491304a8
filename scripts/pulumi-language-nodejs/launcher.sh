#!/bin/sh
exec node "$(dirname "$0")/pulumi-language-nodejs.js" "$@"

#!/usr/bin/env bash
# Type-checks each layer against its own tsconfig: a layer that reaches for what its config
# does not give it (Node in the contract, DOM in drivers …) fails here. Incremental: a second run
# re-checks only what changed since the last (the build info lives in node_modules/.cache).
set -euo pipefail
cd "$(dirname "$0")/.."
cache=node_modules/.cache/tsc
mkdir -p "$cache"
for project in electron/contract drivers electron renderer test .; do
  echo "tsc -p $project"
  npx --no-install tsc --noEmit --incremental --tsBuildInfoFile "$cache/${project//[.\/]/-}.tsbuildinfo" -p "$project"
done

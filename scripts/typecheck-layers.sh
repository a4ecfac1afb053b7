#!/usr/bin/env bash
# Type-checks each layer against its own tsconfig: a layer that reaches for what its config
# does not give it (Node in the contract, DOM in drivers …) fails here.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in electron/contract drivers electron renderer test .; do
  echo "tsc -p $project"
  npx --no-install tsc --noEmit -p "$project"
done

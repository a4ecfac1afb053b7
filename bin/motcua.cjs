#!/usr/bin/env node
// The CLI is bundled by `npm run build`; this shim only points at it.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const bundle = join(__dirname, '..', 'dist', 'cli', 'motcua.cjs');
if (!existsSync(bundle)) {
  console.error('MotCua chưa được build / MotCua is not built yet: run `npm run build`.');
  process.exit(1);
}
require(bundle);

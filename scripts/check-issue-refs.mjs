// Code says why, not which ticket asked for it: "issue N" in electron/, drivers/, renderer/ or
// test/ fails lint (the git log and the README keep that history).
import { execFileSync } from 'node:child_process';

let found = '';
try {
  found = execFileSync('git', ['grep', '-nIE', '\\b[Ii]ssue [0-9]+', '--', 'electron', 'drivers', 'renderer', 'test', 'scripts', ':!*.sql', ':!scripts/check-issue-refs.mjs'], { encoding: 'utf8' });
} catch {
  // git grep exits 1 when nothing matches.
}
if (found) {
  console.error(`Code refers to issue numbers; say why instead:\n${found}`);
  process.exit(1);
}

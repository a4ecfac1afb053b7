// The renderer's initial JavaScript as a kiosk downloads it: the scripts and module preloads that
// dist/renderer/index.html names (what `npm run build` made), gzipped. Goal: ≤ 250 KB.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { addSummary } from './summary';

const GOAL_KB = 250;

export function runBundleSizeBench(): void {
  const dir = join(process.cwd(), 'dist', 'renderer');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  let raw = 0;
  let gz = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  console.log(`\ninitial renderer JS: ${files.length} file(s), ${(raw / 1024).toFixed(0)} KB, ${(gz / 1024).toFixed(0)} KB gzipped (goal ≤ ${GOAL_KB} KB)`);
  addSummary({
    benchmark: 'initial renderer JS (gzip)',
    measured: `${(gz / 1024).toFixed(0)} KB gzipped (${(raw / 1024).toFixed(0)} KB raw, ${files.length} file(s))`,
    baseline: '—',
    ratio: `${((100 * gz) / 1024 / GOAL_KB).toFixed(0)} % of the budget`,
    goal: `≤ ${GOAL_KB} KB`,
    met: gz / 1024 <= GOAL_KB,
  });
}

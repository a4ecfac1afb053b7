// Adds the Vitest and Playwright JSON reports (or those named as arguments) into one closing summary CI can read: the counts as
// node's test runner closes (TAP: "# tests N", "# pass N", "# fail N"), then the plain line
// "tests: N passed, N failed". Exits non-zero when a report is missing or counts a failure.
import { readFileSync } from 'node:fs';

function read(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    console.error(`test report missing or unreadable: ${path} (${error.message})`);
    process.exit(1);
  }
}

// The reports to add up (default: one Vitest run and the Playwright run); `test:shifted` adds its own.
const paths = process.argv.length > 2 ? process.argv.slice(2) : ['test-results/vitest.json', 'test-results/playwright.json'];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const report of paths.map(read)) {
  if (report.stats) {
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
  } else {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
  }
}
console.log([`# tests ${passed + failed + skipped}`, `# pass ${passed}`, `# fail ${failed}`, `# skipped ${skipped}`].join('\n'));
console.log(`tests: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed === 0 && passed > 0 ? 0 : 1);

// Adds the Vitest and Playwright JSON reports into one closing summary CI can read: the counts as
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

const unit = read('test-results/vitest.json');
const e2e = read('test-results/playwright.json');
const passed = unit.numPassedTests + e2e.stats.expected + e2e.stats.flaky;
const failed = unit.numFailedTests + e2e.stats.unexpected;
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.stats.skipped;
console.log([`# tests ${passed + failed + skipped}`, `# pass ${passed}`, `# fail ${failed}`, `# skipped ${skipped}`].join('\n'));
console.log(`tests: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed === 0 && passed > 0 ? 0 : 1);

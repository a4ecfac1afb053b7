// `npm run soak [-- SESSIONS [CLIENTS]]`: the soak alone (MOTCUA_SOAK_SESSIONS and
// MOTCUA_SOAK_CLIENTS also set them; 10,000 sessions from 2 kiosks unless told). Exits 1 on any
// failed session or a row the wipe should have removed (a draft, a consent), never on the figures.
import { soakOptions } from './soak-options';
import { reportSoak } from './soak-report';
import { runSoak } from './soak-run';
import { printSummary } from './summary';

void (async () => {
  const result = await runSoak({ ...soakOptions(process.argv.slice(2)), log: (line) => console.error(line) });
  reportSoak(result);
  printSummary();
  const { unprintedDrafts, wholeInQrDrafts, consents } = result.rows;
  if (result.errors.length > 0 || unprintedDrafts + wholeInQrDrafts + consents > 0) process.exitCode = 1;
})().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

import { expect, it } from 'vitest';
import { runSoak } from '../bench/soak-run';

// The soak of `npm run soak` (10,000 sessions) kept working on a small count; needs `npm run build`.
it('20 kiosk sessions from two kiosks through browser mode: every answer right, no draft or consent left, memory and database sampled at 10 and 20', async () => {
  const result = await runSoak({ sessions: 20, clients: 2 });
  expect(result.errors).toEqual([]);
  // Each citizen printed one dossier, whole in its QR, and gave one consent (its proof is in the audit): the wipe took both, and every abandoned draft.
  expect(result.rows).toMatchObject({ unprintedDrafts: 0, printedDrafts: 0, wholeInQrDrafts: 0, consents: 0 });
  const [first, end] = result.samples;
  expect([first.sessions, end.sessions]).toEqual([10, 20]);
  expect(first.rssMiB).toBeGreaterThan(20);
  expect(end.peakRssMiB).toBeGreaterThanOrEqual(end.rssMiB);
  expect([end.tables.drafts, end.tables.consents]).toEqual([first.tables.drafts, first.tables.consents]);
  expect(result.sessionsPerSecond).toBeGreaterThan(0);
}, 180_000);

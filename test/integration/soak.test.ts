import { expect, it } from 'vitest';
import { runSoak } from '../bench/soak-run';

// The soak of `npm run soak` (10,000 sessions) kept working on a small count; needs `npm run build`.
it('20 kiosk sessions from two kiosks through browser mode: every answer right, no unprinted draft left, memory and database sampled at 10 and 20', async () => {
  const result = await runSoak({ sessions: 20, clients: 2 });
  expect(result.errors).toEqual([]);
  // Each citizen printed one dossier (kept for the counter) and gave one consent (kept as proof); every abandoned draft was wiped.
  expect(result.rows).toMatchObject({ unprintedDrafts: 0, printedDrafts: 20, consents: 20 });
  const [first, end] = result.samples;
  expect([first.sessions, end.sessions]).toEqual([10, 20]);
  expect(first.rssMiB).toBeGreaterThan(20);
  expect(end.peakRssMiB).toBeGreaterThanOrEqual(end.rssMiB);
  expect(end.tables.drafts).toBeGreaterThan(first.tables.drafts!);
  expect(result.sessionsPerSecond).toBeGreaterThan(0);
}, 180_000);

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { groupCommit } from '../../electron/hub/group-commit';
import { openHubDb, type HubDb } from '../../electron/hub/hub-db';
import { QueueStore, QueueUnknownService } from '../../electron/hub/queue-store';
import { queueServices } from '../../electron/hub/queue-types';
import { makeTempDir } from '../support/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let db: HubDb;
let queue: QueueStore;

beforeEach(() => {
  temp = makeTempDir('motcua-group-commit-');
  db = openHubDb(join(temp.dir, 'hub.db'), process.cwd());
  queue = new QueueStore(db, () => new Date('2026-03-02T01:30:00Z'));
  queue.setServices(queueServices.parse(JSON.parse(readFileSync('resources/queue/services.json', 'utf8'))));
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

const committedTickets = (path: string) => {
  // A second connection sees only what was committed.
  const other = openHubDb(path, process.cwd());
  try {
    return (other.prepare('SELECT number FROM tickets ORDER BY id').all() as { number: string }[]).map((r) => r.number);
  } finally {
    other.close();
  }
};

describe('operations arriving together share one commit', () => {
  it('answers each caller after the commit, and a failing operation undoes only itself', async () => {
    const commit = groupCommit(db);
    const path = join(temp.dir, 'hub.db');
    const seenAtAnswer: string[][] = [];
    const answered = (p: Promise<{ number: string }>) => p.then((t) => (seenAtAnswer.push(committedTickets(path)), t.number));
    const results = await Promise.allSettled([
      answered(commit(() => queue.take('ho-tich', false, 'K1'))),
      answered(commit(() => queue.take('no-such-service', false, 'K1'))),
      answered(commit(() => queue.take('ho-tich', true, 'K2'))),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : r.reason instanceof QueueUnknownService))).toEqual(['A001', true, 'A002']);
    // Both tickets were on disk when the first caller heard of its own.
    expect(seenAtAnswer[0]).toEqual(['A001', 'A002']);
    expect(committedTickets(path)).toEqual(['A001', 'A002']);
  });

  it('later operations commit in a later batch and keep numbering', async () => {
    const commit = groupCommit(db);
    await commit(() => queue.take('ho-tich', false, 'K1'));
    const second = await commit(() => queue.take('ho-tich', false, 'K1'));
    expect(second.number).toBe('A002');
  });
});

import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BLOCK_SIZE, BlockStore } from '../../electron/hub/block-store';
import { openHubDb, type HubDb } from '../../electron/hub/hub-db';
import { OfflineTickets } from '../../electron/hub/offline-tickets';
import { makeTempDir } from '../support/temp-dir';

const clock = { t: Date.parse('2026-03-02T02:00:00Z') };
const now = () => new Date(clock.t);
let temp: ReturnType<typeof makeTempDir>;
let db: HubDb;
beforeEach(() => {
  clock.t = Date.parse('2026-03-02T02:00:00Z');
  temp = makeTempDir('motcua-blocks-');
  db = openHubDb(join(temp.dir, 'hub.db'), process.cwd());
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

const settings = () => {
  const store = new Map<string, string>();
  return { get: (k: string) => store.get(k) ?? null, set: (k: string, v: string) => void store.set(k, v) };
};

describe('reserved blocks', () => {
  it('the hub hands each kiosk its blocks in order, per day', () => {
    const blocks = new BlockStore(db, now);
    expect(blocks.reserve('K1')).toEqual({ day: '2026-03-02', first: 1, last: BLOCK_SIZE });
    expect(blocks.reserve('K2')).toEqual({ day: '2026-03-02', first: 1, last: BLOCK_SIZE });
    expect(blocks.reserve('K1')).toEqual({ day: '2026-03-02', first: BLOCK_SIZE + 1, last: 2 * BLOCK_SIZE });
    clock.t += 86_400_000;
    expect(blocks.reserve('K1').first).toBe(1);
  });

  it('a kiosk issues K1-001 … from its block, never past it, and not on another day', () => {
    const offline = new OfflineTickets(settings(), now);
    expect(offline.issue('K1', 'ho-tich', false)).toBeNull();
    offline.add({ day: '2026-03-02', first: 1, last: 2 });
    expect(offline.issue('K1', 'ho-tich', false)?.number).toBe('K1-001');
    offline.add({ day: '2026-03-02', first: 3, last: 3 }); // the next block continues this one
    expect([offline.issue('K1', 'ho-tich', true)?.number, offline.issue('K1', 'khac', false)?.number]).toEqual(['K1-002', 'K1-003']);
    expect(offline.issue('K1', 'ho-tich', false)).toBeNull();
    expect(offline.waiting().map((t) => t.number)).toEqual(['K1-001', 'K1-002', 'K1-003']);
    offline.givenBack(['K1-001', 'K1-002']);
    expect(offline.waiting().map((t) => t.number)).toEqual(['K1-003']);
    offline.add({ day: '2026-03-02', first: 4, last: 10 });
    clock.t += 86_400_000;
    expect(offline.remaining()).toBe(0);
    expect(offline.issue('K1', 'ho-tich', false)).toBeNull();
  });

  it('the hub takes tickets back once each, and refuses numbers outside the kiosk’s blocks', () => {
    const blocks = new BlockStore(db, now);
    blocks.reserve('K1');
    const issuedAt = now().toISOString();
    const tickets = [
      { number: 'K1-002', serviceId: 'ho-tich', priority: false, issuedAt: new Date(clock.t + 1000).toISOString() },
      { number: 'K1-001', serviceId: 'ho-tich', priority: false, issuedAt },
      { number: 'K1-051', serviceId: 'ho-tich', priority: false, issuedAt },
      { number: 'K2-001', serviceId: 'ho-tich', priority: false, issuedAt },
    ];
    expect(blocks.takeBack('K1', tickets)).toEqual({ accepted: 2, refused: ['K1-051', 'K2-001'] });
    expect(blocks.takeBack('K1', tickets.slice(0, 2))).toEqual({ accepted: 0, refused: [] });
    expect((db.prepare('SELECT number FROM tickets ORDER BY id').all() as { number: string }[]).map((r) => r.number)).toEqual(['K1-001', 'K1-002']);
  });
});

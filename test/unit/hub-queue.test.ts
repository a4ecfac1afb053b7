import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { openHubDb, type HubDb } from '../../electron/hub/hub-db';
import { QueueStore, ticketNumber } from '../../electron/hub/queue-store';
import { queueServices } from '../../electron/hub/queue-types';
import { makeTempDir } from '../support/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let db: HubDb;
const clock = { t: Date.parse('2026-03-02T01:30:00Z') }; // 08:30 in Hà Nội
const tick = (minutes: number) => (clock.t += minutes * 60_000);
let queue: QueueStore;

beforeEach(() => {
  temp = makeTempDir('motcua-queue-');
  db = openHubDb(join(temp.dir, 'hub.db'), process.cwd());
  clock.t = Date.parse('2026-03-02T01:30:00Z');
  queue = new QueueStore(db, () => new Date(clock.t));
  queue.setServices(queueServices.parse(JSON.parse(readFileSync('resources/queue/services.json', 'utf8'))));
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

describe('the queue of the day', () => {
  it('numbers per service per day: A001, A002, B001 … and from A001 again the next day', () => {
    expect(queue.take('ho-tich', false, 'K1').number).toBe('A001');
    expect(queue.take('ho-tich', false, 'K2').number).toBe('A002');
    expect(queue.take('can-cuoc-cu-tru', false, 'K1').number).toBe('B001');
    // 17:00 UTC is midnight in Vietnam: a new day.
    clock.t = Date.parse('2026-03-02T17:00:00Z');
    expect(queue.take('ho-tich', false, 'K1').number).toBe('A001');
  });

  it('writes three digits and more when a day passes 999', () => {
    expect([ticketNumber('A', 7), ticketNumber('B', 42), ticketNumber('C', 999), ticketNumber('D', 1000)]).toEqual(['A007', 'B042', 'C999', 'D1000']);
  });

  it('says how many wait ahead and estimates the wait from the day’s service times', () => {
    queue.take('ho-tich', false, 'K1');
    queue.take('ho-tich', false, 'K1');
    const third = queue.take('ho-tich', false, 'K1');
    expect(third.ahead).toBe(2);
    // No one served yet: 6 minutes each, two counters serve civil status.
    expect(third.estimateMinutes).toBe(6);
    queue.callNext('1', 'canbo');
    tick(10);
    queue.callNext('1', 'canbo'); // A001 served in 10 minutes
    const fourth = queue.take('ho-tich', false, 'K1');
    expect(fourth.ahead).toBe(1); // A003; A002 is at the counter
    expect(fourth.estimateMinutes).toBe(5); // one ahead × 10 minutes ÷ two counters
  });

  it('calls priority tickets first, then the oldest, among the services of the counter', () => {
    queue.take('ho-tich', false, 'K1'); // A001
    tick(1);
    queue.take('khac', false, 'K1'); // D001
    tick(1);
    const priority = queue.take('ho-tich', true, 'K1');
    expect(priority).toMatchObject({ number: 'A002', ahead: 0 });
    expect(queue.callNext('1', 'canbo')?.number).toBe('A002');
    expect(queue.callNext('1', 'canbo')?.number).toBe('A001');
    // Counter 3 does not serve civil status; it serves "other" (D).
    expect(queue.callNext('3', 'canbo')?.number).toBe('D001');
    expect(queue.callNext('3', 'canbo')).toBeNull();
  });

  it('call again, serve, skip and transfer act on the counter’s current ticket; the board lists calls newest first', () => {
    queue.take('ho-tich', false, 'K1');
    queue.take('ho-tich', false, 'K1');
    tick(1);
    queue.callNext('1', 'canbo');
    tick(1);
    expect(queue.callAgain('1')?.number).toBe('A001');
    expect(queue.skip('1')).toMatchObject({ number: 'A001', state: 'no-show' });
    expect(queue.current('1')).toBeNull();
    queue.callNext('2', 'canbo2');
    expect(queue.serve('2')).toMatchObject({ number: 'A002', state: 'serving' });
    expect(queue.transfer('2', 'can-cuoc-cu-tru')).toMatchObject({ number: 'A002', state: 'waiting', serviceId: 'can-cuoc-cu-tru' });
    expect(queue.callNext('3', 'canbo3')?.number).toBe('A002');
    // A no-show can still be called by hand.
    expect(queue.callNumber('1', 'A001', 'canbo')?.number).toBe('A001');
    expect(queue.board().map((c) => `${c.number}@${c.counter}`)).toEqual(['A001@1', 'A002@3', 'A002@2', 'A001@1', 'A001@1']);
    expect(queue.waiting().find((w) => w.serviceId === 'ho-tich')?.waiting).toBe(0);
  });

  it('keeps what it issued across a reopen of its file', () => {
    queue.take('ho-tich', false, 'K1');
    db.close();
    db = openHubDb(join(temp.dir, 'hub.db'), process.cwd());
    queue = new QueueStore(db, () => new Date(clock.t));
    expect(queue.take('ho-tich', false, 'K1').number).toBe('A002');
  });
});

import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayCsv, dayStats, percentile } from '../../electron/hub/day-stats';
import { openHubDb, type HubDb } from '../../electron/hub/hub-db';
import { QueueStore } from '../../electron/hub/queue-store';
import { queueServices } from '../../electron/hub/queue-types';
import { RatingStore } from '../../electron/hub/rating-store';
import { makeTempDir } from '../support/temp-dir';

const clock = { t: Date.parse('2026-03-02T01:00:00Z') }; // 08:00 in Hà Nội
const now = () => new Date(clock.t);
const minutes = (m: number) => (clock.t += m * 60_000);
let temp: ReturnType<typeof makeTempDir>;
let db: HubDb;
let queue: QueueStore;

beforeEach(() => {
  clock.t = Date.parse('2026-03-02T01:00:00Z');
  temp = makeTempDir('motcua-day-');
  db = openHubDb(join(temp.dir, 'hub.db'), process.cwd());
  queue = new QueueStore(db, now);
  queue.setServices(queueServices.parse(JSON.parse(readFileSync('resources/queue/services.json', 'utf8'))));
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

describe('the day at a glance', () => {
  it('counts tickets by service and hour, waits p50/p90, service per counter, no-shows and ratings', () => {
    queue.take('ho-tich', false, 'K1'); // 08:00
    queue.take('ho-tich', false, 'K1');
    queue.take('can-cuoc-cu-tru', false, 'K2');
    minutes(70); // 09:10
    queue.take('ho-tich', false, 'K1');
    queue.callNext('1', 'canbo'); // A001 waited 70
    queue.serve('1');
    new RatingStore(db, now).rate('1', 'satisfied', ['quick']);
    minutes(10);
    queue.callNext('1', 'canbo'); // A001 served; A002 waited 80
    queue.skip('1');
    queue.callNext('3', 'canbo2'); // B001 waited 80
    minutes(5);
    queue.callNext('3', 'canbo2'); // B001 served
    const stats = dayStats(db, '2026-03-02');
    expect(stats).toEqual({
      day: '2026-03-02',
      tickets: 4,
      byServiceHour: [
        { serviceId: 'can-cuoc-cu-tru', hour: 8, count: 1 },
        { serviceId: 'ho-tich', hour: 8, count: 2 },
        { serviceId: 'ho-tich', hour: 9, count: 1 },
      ],
      waitMinutes: { p50: 80, p90: 80 },
      servedByCounter: [
        { counter: '1', served: 1 },
        { counter: '3', served: 1 },
      ],
      noShows: 1,
      ratings: { 'very-satisfied': 0, satisfied: 1, dissatisfied: 0 },
    });
    expect(dayStats(db, '2026-03-03').tickets).toBe(0);
  });

  it('takes percentiles by nearest rank', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([4], 0.9)).toBe(4);
  });

  it('exports the day as CSV, one ticket a line, numbers and times only', () => {
    queue.take('ho-tich', true, 'K1');
    minutes(12);
    queue.callNext('2', 'canbo');
    const csv = dayCsv(db, '2026-03-02');
    expect(csv.split('\r\n')).toEqual([
      'number,service,priority,issued_at,called_at,counter,state,wait_minutes',
      'A001,ho-tich,yes,2026-03-02T01:00:00.000Z,2026-03-02T01:12:00.000Z,2,called,12.0',
      '',
    ]);
    expect(csv).not.toContain('canbo');
  });
});

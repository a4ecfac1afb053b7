import { describe, expect, it } from 'vitest';
import { dueGroup, dueOrder } from '../../renderer/counter/due-groups';

const TODAY = '2026-12-07';

describe('the counter due list order', () => {
  it('puts today first, then the latest overdue, then the nearest coming, however large the old backlog', () => {
    const backlog = Array.from({ length: 300 }, (_, i) => ({ dueDate: `2026-0${1 + (i % 9)}-1${i % 10}` }));
    const items = [...backlog, { dueDate: '2026-12-20' }, { dueDate: TODAY }, { dueDate: '2026-12-06' }, { dueDate: '2026-12-08' }];
    const ordered = dueOrder(items, TODAY).map((x) => x.dueDate);
    expect(ordered.slice(0, 3)).toEqual([TODAY, '2026-12-06', '2026-09-19']);
    expect(ordered.slice(-2)).toEqual(['2026-12-08', '2026-12-20']);
  });

  it('names the group of a date', () => {
    expect([dueGroup(TODAY, TODAY), dueGroup('2026-12-06', TODAY), dueGroup('2026-12-08', TODAY)]).toEqual(['today', 'overdue', 'upcoming']);
  });
});

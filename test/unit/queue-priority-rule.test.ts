import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const basis = z
  .object({
    document: z.string().min(1),
    article: z.string().min(1).nullable(),
    confirmed: z.string().min(1),
    source: z.url().nullable(),
    checked: z.iso.date(),
  })
  .strict();
const rule = z
  .object({
    id: z.literal('queue-priority'),
    rule: z.object({ vi: z.string().min(1), en: z.string().min(1) }).strict(),
    groups: z.array(z.object({ id: z.string(), legalBasis: z.array(basis).min(1) }).strict()),
  })
  .strict();

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;

describe('who the queue serves first, and on what legal basis', () => {
  const data = rule.parse(read('resources/queue/priority-rule.json'));

  it('cites a basis, with the date it was checked, for every group the kiosk lists in both languages', () => {
    const catalogue = (lang: string) => Object.keys((read(`renderer/i18n/${lang}.json`) as { queue: { priority: Record<string, string> } }).queue.priority);
    expect(data.groups.map((g) => g.id).sort()).toEqual(catalogue('vi').sort());
    expect(catalogue('en').sort()).toEqual(catalogue('vi').sort());
  });

  it('says plainly where an article could not be confirmed', () => {
    for (const b of data.groups.flatMap((g) => g.legalBasis)) {
      if (b.article === null || b.source === null) expect(b.confirmed).toMatch(/not (confirmed|found|seen)/);
    }
  });
});

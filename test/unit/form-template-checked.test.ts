import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formTemplate } from '../../electron/contract';

const FORMS = 'resources/forms';
const bundled = readdirSync(FORMS).map((f) => JSON.parse(readFileSync(join(FORMS, f), 'utf8')) as Record<string, unknown>);

describe('a form template passes for the official form only when checked against it', () => {
  it('without the source and the day it was checked, "not an example" is refused', () => {
    const claimed = { ...bundled[0], example: false };
    const parsed = formTemplate.safeParse(claimed);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('checked against');
    expect(formTemplate.safeParse({ ...claimed, checked: { source: 'Thông tư 66/2023/TT-BCA, Phụ lục: Mẫu CT01', on: '2026-12-07' } }).success).toBe(true);
  });

  it('every bundled template is either still marked or says where and when it was checked', () => {
    for (const t of bundled) expect(formTemplate.safeParse(t).success, String(t.id)).toBe(true);
  });
});

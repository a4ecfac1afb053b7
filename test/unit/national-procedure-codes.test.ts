import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Procedure { code: string; national: boolean; name: { vi: string } }
const procedures = JSON.parse(readFileSync(join(process.cwd(), 'resources', 'demo', 'procedures.json'), 'utf8')) as Procedure[];
const codeOf = (name: string) => procedures.find((p) => p.name.vi === name)?.code;
const NATIONAL = /^\d\.\d{6}$/;

describe('procedure codes', () => {
  it('use the national database’s code where one was confirmed', () => {
    expect(codeOf('Đăng ký khai sinh')).toBe('1.001193');
    expect(codeOf('Đăng ký khai tử')).toBe('1.000656');
    expect(codeOf('Đăng ký thường trú')).toBe('1.004222');
    expect(codeOf('Cấp phiếu lý lịch tư pháp')).toBe('3.000333');
    expect(codeOf('Cấp hộ chiếu phổ thông ở trong nước')).toBe('1.001456');
  });

  it('are marked national exactly when they have the national form', () => {
    for (const p of procedures) expect(p.national, p.code).toBe(NATIONAL.test(p.code));
  });
});

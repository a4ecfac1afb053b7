import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintedDocument } from '../../electron/contract';
import { AuditRepository } from '../../electron/db/audit-repository';
import { createHost, type Host } from '../../electron/host/create-host';
import { newSession } from '../../electron/host/session';
import { maskPersonalNumber } from '../../electron/print/reminder-sheet';
import { makeTempDir } from '../support/temp-dir';
import { isoDate } from '../../electron/base/calendar-date';

const TODAY = isoDate('2026-11-23');
/** Born 10 January 1987: turns 40 on 10 January 2027, so on 23 November 2026 it is time to renew. */
const DUE_SOON = { personalNumber: '001087012345', birthDate: '1987-01-10', source: 'typed' as const };

let tmp: ReturnType<typeof makeTempDir>;
let host: Host;

beforeAll(() => {
  tmp = makeTempDir('motcua-print-');
  host = createHost({ appRoot: process.cwd(), dbPath: join(tmp.dir, 'motcua.sqlite'), demo: true, transport: 'browser', version: 'test', today: () => TODAY });
});
afterAll(async () => {
  await host.close();
  tmp.cleanup();
});

async function printSlip(query: object, name: string, paper: '80mm' | 'a4' = '80mm'): Promise<{ doc: PrintedDocument; file: string; text: string; info: string }> {
  const session = newSession('kiosk');
  const opened = await host.router.dispatch(session, 'citizen.open', query);
  if (!opened.ok) throw new Error(`open failed: ${JSON.stringify(opened.error)}`);
  const result = await host.router.dispatch(session, 'print.reminders', { paper });
  if (!result.ok) throw new Error(`print failed: ${JSON.stringify(result.error)}`);
  const doc = result.value as PrintedDocument;
  const file = join(tmp.dir, name);
  writeFileSync(file, Buffer.from(doc.pdfBase64, 'base64'));
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { doc, file, text, info };
}

/** pdftotext wraps lines as the slip does; compare text with whitespace collapsed. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('print.reminders', () => {
  it('returns a one-page 80 mm PDF named after the day', async () => {
    const { doc, info } = await printSlip(DUE_SOON, 'due-soon.pdf');
    expect(doc.fileName).toBe('phieu-nhac-viec-2026-11-23-80mm.pdf');
    expect(info).toMatch(/^Page size:\s+226\.77\d* x \d+/m);
    expect(doc.pages).toBe(1);
    expect(Buffer.from(doc.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Title:\s+Phiếu nhắc việc \/ Reminder slip$/m);
  });

  it('the A4 sheet holds the Vietnamese title and the whole reminder with their diacritics (the 80 mm slip summarises: reminder-slip.test.ts)', async () => {
    const { text } = await printSlip(DUE_SOON, 'due-soon-text.pdf', 'a4');
    const t = flat(text);
    expect(t).toContain('PHIẾU NHẮC VIỆC');
    expect(t).toContain('REMINDER SLIP');
    expect(t).toContain('Cấp đổi thẻ căn cước');
    expect(t).toContain('Renew your ID card');
    expect(t).toContain('khi đủ 40 tuổi; theo ngày sinh của Ông/Bà (10 tháng 1 năm 1987), mốc đó là ngày 10 tháng 1 năm 2027');
    expect(t).toContain('BẮT BUỘC · hạn 10/01/2027');
    expect(t).toContain('Ngày in / Printed: 23/11/2026');
  });

  it('names the centre and the procedure from the catalogue', async () => {
    const t = flat((await printSlip(DUE_SOON, 'centre.pdf', 'a4')).text);
    expect(t).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG');
    expect(t).toContain('Thủ tục / Procedure: Cấp đổi thẻ căn cước (CC.CAP-DOI)');
    expect(t).toContain('Luật Căn cước số 26/2023/QH15');
  });

  it('shows only the last four digits of the personal number', async () => {
    const { text } = await printSlip(DUE_SOON, 'masked.pdf');
    expect(text).not.toContain(DUE_SOON.personalNumber);
    expect(text).not.toContain('00108701');
    expect(text).toContain(maskPersonalNumber(DUE_SOON.personalNumber));
    expect(maskPersonalNumber(DUE_SOON.personalNumber)).toBe('••••••••2345');
  });

  it('on A4 the same reminders come on A4 pages', async () => {
    const { doc, info, text } = await printSlip({ ...DUE_SOON, cardIssueDate: '2005-01-01' }, 'a4.pdf', 'a4');
    expect(doc.fileName).toBe('phieu-nhac-viec-2026-11-23-a4.pdf');
    expect(info).toMatch(/^Page size:\s+595\.2\d+ x 841\.8\d+ pts \(A4\)/m);
    expect(flat(text)).toContain('Cấp đổi thẻ căn cước');
  });

  it('is audited as a personal-data use', async () => {
    const before = new AuditRepository(host.db).all().length;
    await printSlip(DUE_SOON, 'audited.pdf');
    const rows = new AuditRepository(host.db).all();
    expect(rows).toHaveLength(before + 2);
    expect(rows.at(-1)).toMatchObject({ channel: 'print.reminders', purpose: 'proactive-services', outcome: 'ok' });
  });

  it('refuses to print before a citizen is identified, with the typed error', async () => {
    const result = await host.router.dispatch(newSession('kiosk'), 'print.reminders', { paper: '80mm' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NO_CITIZEN' } });
  });
});

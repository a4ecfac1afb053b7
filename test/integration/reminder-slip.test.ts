/**
 * The 80 mm reminder slip is a one-page summary: for the demo mother (a newborn, a passport and a
 * health card to renew …) each reminder in a line or two, by when, and a QR of the procedures that
 * a kiosk opens in its catalogue — nothing personal in it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateInWords, type PrintedDocument, type ScanResult } from '../../electron/contract';
import type { Host } from '../../electron/host/create-host';
import { newSession } from '../../electron/host/session';
import { hostCall, openWithChip, startHostWithCentral, type HostWithCentral } from '../support/host-with-central';
import { scanPdfQr } from '../support/scan-pdf-qr';

let running: HostWithCentral;
let host: Host;

beforeAll(async () => {
  running = await startHostWithCentral('slip');
  host = running.host;
});
afterAll(() => running.close());

const call = hostCall(() => host);
const MM = 72 / 25.4;
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('the 80 mm reminder slip', () => {
  it('fits five or more reminders on one short page, each with what and by when, and a QR that opens their procedures at a kiosk', async () => {
    const kiosk = newSession('kiosk');
    await openWithChip(call, kiosk);
    await call(kiosk, 'consent.decide', { purpose: 'proactive-services', accept: true });
    const { reminders } = await call<{ reminders: { title: { vi: string; en: string }; dueDate: string; procedureCode: string | null }[] }>(kiosk, 'proactive.reminders', {});
    expect(reminders.length).toBeGreaterThanOrEqual(5);

    const doc = await call<PrintedDocument>(kiosk, 'print.reminders', { paper: '80mm' });
    const file = join(running.dir, doc.fileName);
    writeFileSync(file, Buffer.from(doc.pdfBase64, 'base64'));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+1$/m);
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!.map(Number);
    expect(width! / MM).toBeCloseTo(80, 0);
    console.log(`reminder slip: ${reminders.length} reminders on one page of ${(height! / MM).toFixed(0)} mm`);
    // Five reminders made an 83 cm slip; a summary of them fits in a hand's length.
    expect(height! / MM).toBeLessThanOrEqual(180);

    const text = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC'));
    expect(text).toContain(`Ông/Bà có ${reminders.length} việc cần làm`);
    for (const [i, r] of reminders.entries()) {
      expect(text).toContain(`${i + 1}. ${r.title.vi}`);
      expect(text).toContain(`${dateInWords(r.dueDate).vi} · ${r.title.en}`);
    }

    // The QR holds the procedure codes only; scanned at a kiosk's home it opens them in the catalogue.
    const qr = scanPdfQr(file, { page: 1, dpi: 200 });
    const codes = [...new Set(reminders.flatMap((r) => (r.procedureCode ? [r.procedureCode] : [])))];
    expect(qr).toBe(`MOTCUA-TT:${codes.join(',')}`);
    expect(qr).not.toMatch(/\d{12}/);
    const scanned = await call<ScanResult>(newSession('kiosk'), 'scan.classify', { text: qr!, asciiOnly: true });
    expect(scanned).toEqual({ kind: 'procedures', codes });
    const found = await call<{ entries: { code: string; agency: { vi: string } }[] }>(newSession('kiosk'), 'procedures.search', { codes });
    expect(found.entries.map((e) => e.code)).toEqual(codes.filter((c) => found.entries.some((e) => e.code === c)));
    expect(found.entries.length).toBeGreaterThanOrEqual(3);
    // A picture of the slip to look at; test-results/ does not exist yet on a fresh clone.
    mkdirSync(join(process.cwd(), 'test-results'), { recursive: true });
    execFileSync('pdftoppm', ['-r', '100', '-png', '-singlefile', file, join(process.cwd(), 'test-results', 'reminder-slip-80mm')]);
  }, 60_000);
});

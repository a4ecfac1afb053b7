import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { readFontFiles } from '../../electron/print/fonts';
import { cupsPrinters } from '../../electron/print/print-cups';
import { ReprintStore } from '../../electron/print/print-reprint';
import { PrintService } from '../../electron/print/print-service';
import { PrinterChoice } from '../../electron/print/print-settings';
import { renderReminderSheet } from '../../electron/print/reminder-sheet';
import { renderTestPage } from '../../electron/print/print-test-page';
import { ink, PDF_QUEUE, startPrivateCups, type PrivateCups } from '../support/cups';
import { makeTempDir } from '../support/temp-dir';
import { isoDate } from '../../electron/base/calendar-date';

/** Against a real CUPS scheduler of the test's own (test/support/cups.ts), started and stopped here. */
const QUEUE = PDF_QUEUE;
const TITLE = 'phieu-nhac-viec-2026-11-23.pdf';

describe('printing on a real CUPS', () => {
  let cupsd: PrivateCups;
  let tmp: ReturnType<typeof makeTempDir>;
  let choice: PrinterChoice;
  let service: PrintService;
  let pdf: Uint8Array;
  const cups = (command: string, ...args: string[]) => cupsd.run(command, ...args);
  const arrived = (jobId: string) => cupsd.arrived(jobId);

  beforeAll(async () => {
    cupsd = await startPrivateCups();
    tmp = makeTempDir('motcua-cups-');
    const db = new Database(':memory:');
    db.exec('CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    choice = new PrinterChoice(new SettingsRepository(db));
    service = new PrintService({ system: cupsPrinters(), choice, reprints: new ReprintStore(tmp.dir), jobTimeoutMs: 20_000, pollMs: 200 });
    const data = { personalNumber: '001087012345', today: isoDate('2026-11-23'), reminders: [] };
    pdf = (await renderReminderSheet(data, null, readFontFiles(join(process.cwd(), 'resources', 'fonts')), '80mm')).pdf;
  });
  afterAll(async () => {
    await cupsd?.stop();
    tmp.cleanup();
  });

  it(`lists the system's queues: ${QUEUE} is there, idle and accepting jobs`, async () => {
    const { printers } = await service.printers();
    expect(printers.find((p) => p.name === QUEUE)).toMatchObject({ name: QUEUE, state: 'idle', accepting: true });
  });

  it('prints a MotCua reminder slip: the PDF arrives in cups-pdf’s folder under the job’s title, with ink on it', async () => {
    choice.set('slip-80mm', QUEUE);
    const outcome = await service.print({ kind: 'slip-80mm', title: TITLE, pdf });
    if (outcome.status !== 'printed') throw new Error(`not printed: ${JSON.stringify(outcome)}`);
    expect(outcome.jobId).toMatch(new RegExp(`^${QUEUE}-\\d+$`));
    const file = await arrived(outcome.jobId);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The queue kept the job under the title the app gave it, and the page has ink.
    expect(basename(file)).toBe(`${TITLE}-job_${outcome.jobId.split('-').pop()}.pdf`);
    expect(ink(file)).toBeGreaterThan(50);
    expect(new ReprintStore(tmp.dir).list()).toEqual([]);
  });

  it("the technician's test page prints on the queue chosen for the A4 dossier, and its queue is empty afterwards", async () => {
    choice.set('dossier-a4', QUEUE);
    const page = await renderTestPage(readFontFiles(join(process.cwd(), 'resources', 'fonts')), 'dossier-a4', QUEUE, new Date());
    expect(execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(page), encoding: 'utf8' })).toContain('TRANG IN THỬ');
    const outcome = await service.print({ kind: 'dossier-a4', title: 'trang-in-thu.pdf', pdf: page });
    if (outcome.status !== 'printed') throw new Error(`not printed: ${JSON.stringify(outcome)}`);
    expect(ink(await arrived(outcome.jobId))).toBeGreaterThan(50);
    expect(await service.queue(QUEUE)).toEqual([]);
  });

  it('a disabled queue: the calm PRINTER_OFFLINE, nothing queued, the document kept; once enabled the reprint arrives', async () => {
    choice.set('slip-80mm', QUEUE);
    cups('cupsdisable', QUEUE);
    const outcome = await service.print({ kind: 'slip-80mm', title: TITLE, pdf });
    if (outcome.status !== 'kept') throw new Error(`expected kept: ${JSON.stringify(outcome)}`);
    expect(outcome.error.code).toBe('PRINTER_OFFLINE');
    expect(outcome.error.message.vi).toMatch(/Tài liệu đã được lưu/);
    expect(readFileSync(outcome.path)).toEqual(Buffer.from(pdf));
    expect(cups('lpstat', '-o', QUEUE)).toBe('');
    cups('cupsenable', QUEUE);
    const again = await service.reprint(outcome.reprintId);
    if (again.status !== 'printed') throw new Error(`reprint failed: ${JSON.stringify(again)}`);
    await arrived(again.jobId);
    expect(existsSync(outcome.path)).toBe(false);
  });

  it('an unknown queue name: PRINTER_NOT_FOUND, the document kept for reprint', async () => {
    choice.set('dossier-a4', 'MotCuaNoSuchQueue');
    const outcome = await service.print({ kind: 'dossier-a4', title: 'ho-so.pdf', pdf });
    expect(outcome).toMatchObject({ status: 'kept', error: { code: 'PRINTER_NOT_FOUND' } });
    if (outcome.status === 'kept') expect(readFileSync(outcome.path)).toEqual(Buffer.from(pdf));
  });

  it("lp's own refusals, when the state changed after the check: unknown queue PRINTER_NOT_FOUND, rejecting queue PRINTER_OFFLINE", async () => {
    const file = join(tmp.dir, 'x.pdf');
    writeFileSync(file, pdf);
    await expect(cupsPrinters().submit('MotCuaNoSuchQueue', TITLE, file)).rejects.toMatchObject({ data: { code: 'PRINTER_NOT_FOUND' } });
    cups('cupsreject', QUEUE);
    try {
      await expect(cupsPrinters().submit(QUEUE, TITLE, file)).rejects.toMatchObject({ data: { code: 'PRINTER_OFFLINE' } });
    } finally {
      cups('cupsaccept', QUEUE);
    }
  });
});

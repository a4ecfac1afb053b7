import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeptDocumentView, PrintedDocument, PrintersOverview, PrintOutcomeView } from '../../electron/contract';
import { createHost, type Host } from '../../electron/host/create-host';
import { newSession } from '../../electron/host/session';
import { hostCall } from '../support/host-with-central';
import { ink, OFFLINE_QUEUE, PDF_QUEUE, startPrivateCups, type PrivateCups } from '../support/cups';
import { makeTempDir } from '../support/temp-dir';
import { isoDate } from '../../electron/base/calendar-date';

/** The print channels of a whole host on a real CUPS scheduler of the test's own (test/support/cups.ts). */
const DUE_SOON = { personalNumber: '001087012345', birthDate: '1987-01-10', source: 'typed' as const };

describe('print channels on a real CUPS', () => {
  let cupsd: PrivateCups;
  const arrived = (jobId: string) => cupsd.arrived(jobId);
  let tmp: ReturnType<typeof makeTempDir>;
  let host: Host;
  const call = hostCall(() => host);
  const technician = newSession('technician');
  const officer = newSession('officer');

  beforeAll(async () => {
    cupsd = await startPrivateCups();
    tmp = makeTempDir('motcua-print-channels-');
    host = createHost({ appRoot: process.cwd(), dbPath: join(tmp.dir, 'motcua.db'), demo: true, sync: false, devices: false, transport: 'browser', version: 'test', today: () => isoDate('2026-11-23') });
  });
  afterAll(async () => {
    await host.close();
    await cupsd?.stop();
    tmp.cleanup();
  });

  async function kioskSlip(): Promise<PrintedDocument> {
    const kiosk = newSession('kiosk');
    await call(kiosk, 'citizen.open', DUE_SOON);
    return call<PrintedDocument>(kiosk, 'print.reminders', { paper: '80mm' });
  }

  it('with no printer chosen the slip is handed to the screen as a PDF, as in the demo', async () => {
    const doc = await kioskSlip();
    expect(doc.print).toBeUndefined();
    expect(Buffer.from(doc.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it("the technician sees both queues with their state, and the choice per kind", async () => {
    const list = await call<PrintersOverview>(technician, 'printers.list', {});
    expect(list.printers.find((p) => p.name === PDF_QUEUE)).toMatchObject({ state: 'idle', accepting: true, queue: [], chosenFor: [] });
    expect(list.printers.find((p) => p.name === OFFLINE_QUEUE)).toMatchObject({ state: 'disabled' });
    expect(list.chosen).toEqual({ 'dossier-a4': null, 'slip-80mm': null });
    await expect(call(technician, 'printers.choose', { kind: 'slip-80mm', printer: 'MotCuaNoSuchQueue' })).rejects.toMatchObject({ data: { code: 'PRINTER_NOT_FOUND' } });
    await expect(call(officer, 'printers.choose', { kind: 'slip-80mm', printer: PDF_QUEUE })).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
  });

  it('a chosen MotCuaPDF queue: print.reminders arrives as a file with ink, and the output says printed', async () => {
    const chosen = await call<PrintersOverview>(technician, 'printers.choose', { kind: 'slip-80mm', printer: PDF_QUEUE });
    expect(chosen.printers.find((p) => p.name === PDF_QUEUE)!.chosenFor).toEqual(['slip-80mm']);
    const doc = await kioskSlip();
    if (doc.print?.status !== 'printed') throw new Error(`not printed: ${JSON.stringify(doc.print)}`);
    expect(doc.print.printer).toBe(PDF_QUEUE);
    const file = await arrived(doc.print.jobId);
    expect(basename(file)).toMatch(/^phieu-nhac-viec-2026-11-23-80mm\.pdf-job_\d+\.pdf$/);
    expect(ink(file)).toBeGreaterThan(50);
    expect((await call<{ documents: KeptDocumentView[] }>(officer, 'print.kept', {})).documents).toEqual([]);
  });

  it('the test page prints on the chosen queue', async () => {
    const outcome = await call<PrintOutcomeView>(technician, 'printers.testPage', { printer: PDF_QUEUE });
    if (outcome.status !== 'printed') throw new Error(`not printed: ${JSON.stringify(outcome)}`);
    expect(ink(await arrived(outcome.jobId))).toBeGreaterThan(50);
  });

  it('a disabled queue: kept with the calm PRINTER_OFFLINE in vi/en; the officer reprints it on MotCuaPDF and it leaves the kept list', async () => {
    await call(technician, 'printers.choose', { kind: 'slip-80mm', printer: OFFLINE_QUEUE });
    const doc = await kioskSlip();
    if (doc.print?.status !== 'kept') throw new Error(`expected kept: ${JSON.stringify(doc.print)}`);
    expect(doc.print.error.code).toBe('PRINTER_OFFLINE');
    expect(doc.print.error.message.vi).toMatch(/Tài liệu đã được lưu/);
    expect(doc.print.error.message.en).toMatch(/The document is kept/);
    expect(cupsd.run('lpstat', '-o', OFFLINE_QUEUE)).toBe('');

    const kept = (await call<{ documents: KeptDocumentView[] }>(officer, 'print.kept', {})).documents;
    expect(kept).toEqual([{ id: doc.print.reprintId, kind: 'slip-80mm', title: 'phieu-nhac-viec-2026-11-23-80mm.pdf', reason: expect.objectContaining({ code: 'PRINTER_OFFLINE' }), keptAt: expect.any(String) }]);
    // No personal data in what the list shows.
    expect(JSON.stringify(kept)).not.toContain(DUE_SOON.personalNumber);

    const again = await call<PrintOutcomeView>(officer, 'print.reprint', { reprintId: doc.print.reprintId, printer: PDF_QUEUE });
    if (again.status !== 'printed') throw new Error(`reprint failed: ${JSON.stringify(again)}`);
    expect(ink(await arrived(again.jobId))).toBeGreaterThan(50);
    expect((await call<{ documents: KeptDocumentView[] }>(officer, 'print.kept', {})).documents).toEqual([]);
    await expect(call(officer, 'print.reprint', { reprintId: doc.print.reprintId })).rejects.toMatchObject({ data: { code: 'REPRINT_NOT_FOUND' } });
  });

  it('choosing null goes back to the PDF on screen', async () => {
    await call(technician, 'printers.choose', { kind: 'slip-80mm', printer: null });
    expect((await kioskSlip()).print).toBeUndefined();
  });
});

import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/contract';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { cupsPrinters, type CommandRunner } from '../../electron/print/print-cups';
import { ReprintStore } from '../../electron/print/print-reprint';
import { PrintService } from '../../electron/print/print-service';
import { PrinterChoice } from '../../electron/print/print-settings';
import type { PrinterInfo, PrinterSystem } from '../../electron/print/print-types';
import { windowsSpooler } from '../../electron/print/print-windows';
import { createPrinting, printerSystem } from '../../electron/print/printers';
import { makeTempDir } from '../support/temp-dir';

const PDF = new TextEncoder().encode('%PDF-1.7 test');
const idle = (name: string, extra: Partial<PrinterInfo> = {}): PrinterInfo => ({ name, state: 'idle', accepting: true, isDefault: false, alerts: [], ...extra });

/** A printing system whose queues and job behaviour a test sets. */
function fakeSystem(printers: PrinterInfo[], opts: { defaultPrinter?: string; pollsUntilDone?: number } = {}) {
  const submitted: { printer: string; title: string; file: string }[] = [];
  const cancelled: string[] = [];
  let polls = 0;
  const system: PrinterSystem = {
    list: async () => ({ printers, defaultPrinter: opts.defaultPrinter ?? null }),
    submit: async (printer, title, file) => {
      submitted.push({ printer, title, file });
      return `${printer}-${submitted.length}`;
    },
    jobs: async (printer) => (++polls > (opts.pollsUntilDone ?? 0) ? [] : [`${printer}-${submitted.length}`]),
    cancel: async (id) => void cancelled.push(id),
  };
  return { system, submitted, cancelled };
}

let tmp: ReturnType<typeof makeTempDir>;
let choice: PrinterChoice;
beforeEach(() => {
  tmp = makeTempDir('motcua-print-unit-');
  const db = new Database(':memory:');
  db.exec('CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  choice = new PrinterChoice(new SettingsRepository(db));
});
afterEach(() => tmp.cleanup());

const service = (system: PrinterSystem, reprints = new ReprintStore(tmp.dir)) => new PrintService({ system, choice, reprints, jobTimeoutMs: 200, pollMs: 5 });

describe('PrintService', () => {
  it('prints on the printer chosen for the kind, waits for the job, and keeps nothing afterwards', async () => {
    const fake = fakeSystem([idle('Laser'), idle('Slip')], { defaultPrinter: 'Laser', pollsUntilDone: 2 });
    choice.set('slip-80mm', 'Slip');
    const outcome = await service(fake.system).print({ kind: 'slip-80mm', title: 'phieu.pdf', pdf: PDF });
    expect(outcome).toEqual({ status: 'printed', printer: 'Slip', jobId: 'Slip-1' });
    expect(fake.submitted[0]!.title).toBe('phieu.pdf');
    expect(new ReprintStore(tmp.dir).list()).toEqual([]);
  });

  it('falls back to the system default; with neither, keeps the document: PRINTER_NOT_CHOSEN', async () => {
    expect(await service(fakeSystem([idle('Laser')], { defaultPrinter: 'Laser' }).system).print({ kind: 'dossier-a4', title: 'a.pdf', pdf: PDF })).toMatchObject({ status: 'printed', printer: 'Laser' });
    const kept = await service(fakeSystem([idle('Laser')]).system).print({ kind: 'dossier-a4', title: 'a.pdf', pdf: PDF });
    expect(kept).toMatchObject({ status: 'kept', error: { code: 'PRINTER_NOT_CHOSEN' } });
  });

  it.each([
    ['PRINTER_NOT_FOUND', []],
    ['PRINTER_OFFLINE', [idle('Slip', { state: 'disabled' })]],
    ['PRINTER_OFFLINE', [idle('Slip', { accepting: false })]],
    ['PRINTER_OFFLINE', [idle('Slip', { alerts: ['offline-report'] })]],
    ['PRINTER_OUT_OF_PAPER', [idle('Slip', { state: 'disabled', alerts: ['media-empty-error'] })]],
  ] as const)('%s: nothing is sent and the document is kept for reprint', async (code, printers) => {
    const fake = fakeSystem([...printers]);
    choice.set('slip-80mm', 'Slip');
    const outcome = await service(fake.system).print({ kind: 'slip-80mm', title: 'phieu.pdf', pdf: PDF });
    if (outcome.status !== 'kept') throw new Error('expected kept');
    expect(outcome.error.code).toBe(code);
    expect(fake.submitted).toEqual([]);
    expect(readFileSync(outcome.path)).toEqual(Buffer.from(PDF));
    expect(new ReprintStore(tmp.dir).get(outcome.reprintId)).toMatchObject({ title: 'phieu.pdf', kind: 'slip-80mm', reason: code });
  });

  it('a job that never leaves the queue is cancelled (no late duplicate) and kept: PRINT_JOB_FAILED; a reprint then prints it and drops it', async () => {
    const stuck = fakeSystem([idle('Slip')], { pollsUntilDone: Number.POSITIVE_INFINITY });
    choice.set('slip-80mm', 'Slip');
    const outcome = await service(stuck.system).print({ kind: 'slip-80mm', title: 'phieu.pdf', pdf: PDF });
    expect(outcome).toMatchObject({ status: 'kept', error: { code: 'PRINT_JOB_FAILED' } });
    expect(stuck.cancelled).toEqual(['Slip-1']);
    if (outcome.status !== 'kept') return;
    const ok = fakeSystem([idle('Slip')]);
    expect(await service(ok.system).reprint(outcome.reprintId)).toMatchObject({ status: 'printed' });
    expect(ok.submitted[0]!.file).toBe(outcome.path);
    expect(existsSync(outcome.path)).toBe(false);
    await expect(service(ok.system).reprint(outcome.reprintId)).rejects.toMatchObject({ data: { code: 'REPRINT_NOT_FOUND' } });
  });

  it('no CUPS client, or no PowerShell on Windows: PRINT_SYSTEM_MISSING; both keep the document', async () => {
    const noLp: CommandRunner = () => Promise.reject(new AppError('PRINT_SYSTEM_MISSING'));
    expect(await service(cupsPrinters(noLp)).print({ kind: 'slip-80mm', title: 'p.pdf', pdf: PDF })).toMatchObject({ status: 'kept', error: { code: 'PRINT_SYSTEM_MISSING' } });
    expect(await service(windowsSpooler({ run: noLp })).print({ kind: 'slip-80mm', title: 'p.pdf', pdf: PDF })).toMatchObject({ status: 'kept', error: { code: 'PRINT_SYSTEM_MISSING' } });
    expect(new ReprintStore(tmp.dir).list()).toHaveLength(2);
  });

  it('a stopped CUPS scheduler is PRINT_SERVICE_STOPPED, not a missing printer (its lpstat still prints a default line)', async () => {
    const stopped: CommandRunner = async () => ({ stdout: 'no system default destination\n', stderr: 'lpstat: Scheduler is not running.\n', code: 1 });
    expect(await service(cupsPrinters(stopped)).print({ kind: 'slip-80mm', title: 'p.pdf', pdf: PDF })).toMatchObject({ status: 'kept', error: { code: 'PRINT_SERVICE_STOPPED' } });
  });

  it('a missing lp binary is reported by the real runner as PRINT_SYSTEM_MISSING', async () => {
    const { runCommand } = await import('../../electron/print/print-cups');
    await expect(runCommand('motcua-no-such-lp', [], 1000)).rejects.toMatchObject({ data: { code: 'PRINT_SYSTEM_MISSING' } });
  });
});

describe('ReprintStore retention', () => {
  it('drops documents older than the limit and keeps at most N, newest first', () => {
    let now = Date.parse('2026-11-23T08:00:00Z');
    const store = new ReprintStore(tmp.dir, { maxAgeMs: 3600_000, maxDocuments: 2 }, () => now);
    const first = store.keep(PDF, { title: '1.pdf', kind: 'slip-80mm' });
    now += 10;
    const second = store.keep(PDF, { title: '2.pdf', kind: 'slip-80mm' });
    now += 10;
    store.keep(PDF, { title: '3.pdf', kind: 'dossier-a4' });
    expect(store.list().map((d) => d.title)).toEqual(['3.pdf', '2.pdf']);
    expect(store.get(first.id)).toBeNull();
    now += 3600_000 + 1;
    expect(store.purge()).toBe(2);
    expect(store.get(second.id)).toBeNull();
    expect(store.get('../../etc/passwd')).toBeNull();
  });
});

describe('createPrinting', () => {
  it('picks CUPS on Linux and the spooler adapter on Windows (here without PowerShell), and applies the retention rule at start', async () => {
    await expect(printerSystem('win32').list()).rejects.toMatchObject({ data: { code: 'PRINT_SYSTEM_MISSING' } });
    const db = new Database(':memory:');
    db.exec('CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    const old = new ReprintStore(tmp.dir, { maxAgeMs: 3600_000, maxDocuments: 50 }, () => Date.parse('2020-01-01T00:00:00Z')).keep(PDF, { title: 'old.pdf', kind: 'slip-80mm' });
    const printing = createPrinting(new SettingsRepository(db), tmp.dir, fakeSystem([idle('Slip')]).system);
    expect(printing.reprints.get(old.id)).toBeNull();
    printing.choice.set('slip-80mm', 'Slip');
    expect(await printing.service.print({ kind: 'slip-80mm', title: 'p.pdf', pdf: PDF })).toMatchObject({ status: 'printed', printer: 'Slip' });
  });
});

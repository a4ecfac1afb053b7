import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/contract';
import type { CommandResult, CommandRunner } from '../../electron/print/print-cups';
import { LIST_PRINTERS, listJobs, psQuote, removeJob, windowsSpooler } from '../../electron/print/print-windows';
import { parseJobs, parsePrinters } from '../../electron/print/print-windows-parse';
import { printerProblem } from '../../electron/print/print-service';

/**
 * The Windows adapter with an injected command runner: no Windows here, so these check the
 * commands it builds and how it reads the cmdlets' JSON (shapes as PowerShell 5.1 prints them).
 */
type Call = { command: string; args: string[] };
function fakeRun(answers: ((call: Call) => Partial<CommandResult>)[]) {
  const calls: Call[] = [];
  const run: CommandRunner = async (command, args) => {
    const call = { command, args };
    calls.push(call);
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected command ${command} ${args.join(' ')}`);
    return { stdout: '', stderr: '', code: 0, ...answer(call) };
  };
  return { run, calls };
}
const ok = (stdout: string) => () => ({ stdout });
const script = (call: Call) => call.args.at(-1)!;

const PRINTERS_JSON =
  '\uFEFF[{"Name":"Máy in A4 tầng 1","Status":"Normal","Default":true},{"Name":"EPSON TM-T82 Receipt","Status":"PaperOut","Default":false},' +
  '{"Name":"Microsoft Print to PDF","Status":"Paused","Default":false},{"Name":"Brother HL","Status":"Offline, Error","Default":false},{"Name":"Old host","Status":"1040","Default":false}]';

describe('parsing the print cmdlets', () => {
  it("Get-Printer: states, alerts printerProblem reads, the default; an old host's flag number too", () => {
    const { printers, defaultPrinter } = parsePrinters(PRINTERS_JSON);
    expect(defaultPrinter).toBe('Máy in A4 tầng 1');
    expect(printers.map((p) => [p.name, p.state, p.alerts])).toEqual([
      ['Máy in A4 tầng 1', 'idle', []],
      ['EPSON TM-T82 Receipt', 'idle', ['media-empty-error']],
      ['Microsoft Print to PDF', 'disabled', ['paused']],
      ['Brother HL', 'idle', ['offline-report', 'other-error']],
      // 1040 = 0x400 Printing | 0x10 PaperOut
      ['Old host', 'printing', ['media-empty-error']],
    ]);
    expect(printers.map((p) => printerProblem(p)?.data.code ?? null)).toEqual([null, 'PRINTER_OUT_OF_PAPER', 'PRINTER_OFFLINE', 'PRINTER_OFFLINE', 'PRINTER_OUT_OF_PAPER']);
  });

  it('one printer is one object, none is empty output; records without a name are left out', () => {
    expect(parsePrinters('{"Name":"Only","Status":"Normal","Default":false}').printers).toHaveLength(1);
    expect(parsePrinters('')).toEqual({ printers: [], defaultPrinter: null });
    expect(parsePrinters('[{"Status":"Normal"}]').printers).toEqual([]);
  });

  it('a status that is neither a name nor flags says nothing (found by the fuzz bench: an object whose toString is no function)', () => {
    const { printers } = parsePrinters('[{"Name":"A4","Status":{"toString":[]},"Default":true},{"Name":"EPSON","Status":"PaperOut"}]');
    expect(printers.map((p) => [p.name, p.state, p.alerts])).toEqual([
      ['A4', 'idle', []],
      ['EPSON', 'idle', ['media-empty-error']],
    ]);
  });

  it('Get-PrintJob: ids and document names', () => {
    expect(parseJobs('[{"Id":7,"DocumentName":"1763900000000-0a1b2c3d.pdf"},{"Id":8,"DocumentName":null}]')).toEqual([
      { id: 7, documentName: '1763900000000-0a1b2c3d.pdf' },
      { id: 8, documentName: '' },
    ]);
    expect(parseJobs('')).toEqual([]);
  });
});

describe('the commands', () => {
  it('quotes printer names as PowerShell literals, typographic quotes included, so a name cannot run code', () => {
    expect(psQuote("Bob's printer")).toBe("'Bob''s printer'");
    expect(psQuote('x\u2019; Remove-Item C:\\ -Recurse; \u2018')).toBe("'x\u2019\u2019; Remove-Item C:\\ -Recurse; \u2018\u2018'");
    expect(listJobs("Bob's")).toContain("Get-PrintJob -PrinterName 'Bob''s'");
    expect(removeJob('A4', 12)).toContain("Remove-PrintJob -PrinterName 'A4' -ID 12");
    expect(LIST_PRINTERS).toContain('ConvertTo-Json -Compress -InputObject @(Get-Printer');
  });

  it('list runs powershell.exe without profile or prompts, and reads its JSON', async () => {
    const { run, calls } = fakeRun([ok(PRINTERS_JSON)]);
    const list = await windowsSpooler({ run }).list();
    expect(list.printers).toHaveLength(5);
    expect(calls[0]!.command).toBe('powershell.exe');
    expect(calls[0]!.args.slice(0, 5)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command']);
    expect(script(calls[0]!)).toContain("$ErrorActionPreference = 'Stop'");
  });

  it('a stopped spooler is PRINT_SERVICE_STOPPED; another failure PRINT_JOB_FAILED', async () => {
    const stopped = fakeRun([() => ({ code: 1, stderr: 'Get-Printer : The spooler service is not reachable.' })]);
    await expect(windowsSpooler({ run: stopped.run }).list()).rejects.toMatchObject({ data: { code: 'PRINT_SERVICE_STOPPED' } });
    const broken = fakeRun([() => ({ code: 1, stderr: 'something else' })]);
    await expect(windowsSpooler({ run: broken.run }).list()).rejects.toMatchObject({ data: { code: 'PRINT_JOB_FAILED' } });
    // Found by fuzzing: a banner before the JSON was a SyntaxError, answered as INTERNAL.
    const banner = fakeRun([ok(`Loading profile…\n${PRINTERS_JSON}`)]);
    await expect(windowsSpooler({ run: banner.run }).list()).rejects.toMatchObject({ data: { code: 'PRINT_JOB_FAILED' } });
  });

  it('submit hands the file to SumatraPDF for that printer, then finds its job by the file name', async () => {
    const { run, calls } = fakeRun([ok(''), ok('[{"Id":3,"DocumentName":"other.pdf"},{"Id":4,"DocumentName":"C:\\\\data\\\\reprint\\\\1763900000000-0a1b2c3d.pdf"}]')]);
    const spooler = windowsSpooler({ run, sumatraPdf: 'D:\\Tools\\SumatraPDF.exe' });
    const id = await spooler.submit('EPSON TM-T82', 'phieu.pdf', 'C:\\data\\reprint\\1763900000000-0a1b2c3d.pdf');
    expect(calls[0]).toEqual({
      command: 'D:\\Tools\\SumatraPDF.exe',
      args: ['-print-to', 'EPSON TM-T82', '-print-settings', 'noscale', '-silent', 'C:\\data\\reprint\\1763900000000-0a1b2c3d.pdf'],
    });
    expect(script(calls[1]!)).toContain("Get-PrintJob -PrinterName 'EPSON TM-T82'");
    expect(id).toBe('EPSON TM-T82#4');
  });

  it('a job already printed when SumatraPDF returns gets an id the queue never lists', async () => {
    const { run } = fakeRun([ok(''), ok('')]);
    const spooler = windowsSpooler({ run, sumatraPdf: 'S.exe' });
    const id = await spooler.submit('A4', 't.pdf', 'C:\\k\\1.pdf');
    expect(id).toBe('A4#0');
  });

  it('SumatraPDF missing is PRINT_PDF_HELPER_MISSING; its failure PRINT_JOB_FAILED', async () => {
    const missing: CommandRunner = () => Promise.reject(new AppError('PRINT_SYSTEM_MISSING'));
    await expect(windowsSpooler({ run: missing }).submit('A4', 't.pdf', 'C:\\k\\1.pdf')).rejects.toMatchObject({ data: { code: 'PRINT_PDF_HELPER_MISSING' } });
    const failing = fakeRun([() => ({ code: 1 })]);
    await expect(windowsSpooler({ run: failing.run, sumatraPdf: 'S.exe' }).submit('A4', 't.pdf', 'C:\\k\\1.pdf')).rejects.toMatchObject({ data: { code: 'PRINT_JOB_FAILED' } });
  });

  it('jobs lists `<printer>#<id>`; an unknown printer is PRINTER_NOT_FOUND; cancel removes the job from its printer', async () => {
    const { run, calls } = fakeRun([ok('{"Id":9,"DocumentName":"a.pdf"}'), () => ({ code: 1, stderr: 'No printer found' }), ok('')]);
    const spooler = windowsSpooler({ run });
    expect(await spooler.jobs('Tầng 1 #2')).toEqual(['Tầng 1 #2#9']);
    await expect(spooler.jobs('Nope')).rejects.toMatchObject({ data: { code: 'PRINTER_NOT_FOUND' } });
    await spooler.cancel('Tầng 1 #2#9');
    expect(script(calls[2]!)).toContain("Remove-PrintJob -PrinterName 'Tầng 1 #2' -ID 9");
  });
});

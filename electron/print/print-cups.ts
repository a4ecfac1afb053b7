import { execFile } from 'node:child_process';
import { AppError } from '../contract';
import { parseJobIds, parseLpstat, parseRequestId } from './print-cups-parse';
import type { PrinterSystem } from './print-types';

export interface CommandResult {
  stdout: string;
  stderr: string;
  /** Exit code; null when killed (timeout). */
  code: number | null;
}

/** Runs a command with an argument array (never a shell) and a timeout; ENOENT is PRINT_SYSTEM_MISSING. */
export type CommandRunner = (command: string, args: string[], timeoutMs: number) => Promise<CommandResult>;

export const runCommand: CommandRunner = (command, args, timeoutMs) =>
  new Promise((resolve, reject) => {
    // LC_ALL=C: the parsers read CUPS's English messages, whatever the kiosk's locale.
    execFile(command, args, { timeout: timeoutMs, env: { ...process.env, LC_ALL: 'C' } }, (error, stdout, stderr) => {
      if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') return reject(new AppError('PRINT_SYSTEM_MISSING'));
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ stdout, stderr, code });
    });
  });

const TIMEOUT_MS = 10_000;

/** lp's refusals, by the message CUPS prints (LC_ALL=C). */
function submitError(stderr: string): AppError {
  if (/does not exist|Unknown destination|not found/i.test(stderr)) return new AppError('PRINTER_NOT_FOUND');
  if (/not accepting/i.test(stderr)) return new AppError('PRINTER_OFFLINE');
  return new AppError('PRINT_JOB_FAILED');
}

/** Linux: CUPS through its command-line client (`lpstat`, `lp`, `cancel`). */
export function cupsPrinters(run: CommandRunner = runCommand): PrinterSystem {
  return {
    async list() {
      const { stdout, stderr, code } = await run('lpstat', ['-l', '-p', '-a', '-d'], TIMEOUT_MS);
      // A stopped scheduler still prints "no system default destination"; tell it from no queues.
      if (/Scheduler is not running|Unable to connect/i.test(stderr)) throw new AppError('PRINT_SERVICE_STOPPED');
      // With no queue at all lpstat exits 1 ("No destinations added"): an empty list, not a failure.
      if (code !== 0 && !/No destinations/i.test(stderr) && stdout.trim() === '') throw new AppError('PRINT_JOB_FAILED');
      return parseLpstat(stdout);
    },
    async submit(printer, title, file) {
      const { stdout, stderr, code } = await run('lp', ['-d', printer, '-t', title, '--', file], TIMEOUT_MS);
      const id = code === 0 ? parseRequestId(stdout) : null;
      if (!id) throw submitError(stderr);
      return id;
    },
    async jobs(printer) {
      const { stdout, code } = await run('lpstat', ['-o', printer], TIMEOUT_MS);
      if (code !== 0) throw new AppError('PRINTER_NOT_FOUND');
      return parseJobIds(stdout);
    },
    async cancel(jobId) {
      await run('cancel', [jobId], TIMEOUT_MS);
    },
  };
}

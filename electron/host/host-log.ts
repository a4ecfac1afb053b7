import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import pinoRoll from 'pino-roll';
import { AppError } from '../contract';

/** The host's log: JSON lines in `<data folder>/logs`, rotated by size, for a technician and the diagnostics bundle. */
export interface HostLog {
  dir: string;
  logError(channel: string, error: unknown): void;
  log(line: string): void;
  close(): void;
}

const LOG_SIZE = '5m';
const KEPT_FILES = 4;
/** pino-roll's link to the file being written. */
export const CURRENT_LOG = 'current.log';

/**
 * What a log line may carry of a text it did not write itself (an error's message): e-mail
 * addresses, runs of six or more digits (personal and old ID numbers, phone numbers), every word
 * with a Vietnamese letter and every capitalised word (names and places, with or without their
 * diacritics) are masked; lowercase English, codes in capitals and short numbers stay. The host's
 * own lines are English with codes and counts, so this is all that could carry a person.
 */
export function redactText(text: string): string {
  return text
    .replace(/[^\s@]+@[^\s@]+/g, '[email]')
    .replace(/\d{6,}/g, '[number]')
    .replace(/[^\s[\]]*[^\p{ASCII}][^\s[\]]*/gu, '[word]')
    .replace(/\b[A-Z][a-z]+\b/g, '[word]');
}

function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof AppError) return { code: error.data.code, message: error.data.message.en };
  if (error instanceof Error) {
    const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 8);
    return { name: error.name, message: redactText(error.message), stack: frames.map(redactText) };
  }
  return { message: redactText(String(error)) };
}

/** Opens (creating, owner-only) the log folder and its rotating file; lines also go to stderr when `echo`. */
export async function openHostLog(dir: string, echo = true): Promise<HostLog> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = await pinoRoll({ file: join(dir, 'motcua'), extension: '.log', size: LOG_SIZE, limit: { count: KEPT_FILES }, symlink: true, mkdir: true, mode: 0o600 });
  const logger: Logger = pino({ base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, echo ? pino.multistream([{ stream: file }, { stream: process.stderr }]) : file);
  return {
    dir,
    logError: (channel, error) => logger.error({ channel, ...errorFields(error) }, 'error'),
    log: (line) => logger.info(redactText(line)),
    close: () => file.end(),
  };
}

/** The last `count` lines of the log being written, for the diagnostics bundle ([] when there is none). */
export function lastLogLines(dir: string, count = 200): string[] {
  const current = join(dir, CURRENT_LOG);
  if (!existsSync(current)) return [];
  return readFileSync(current, 'utf8').split('\n').filter(Boolean).slice(-count);
}

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * The machine's real CUPS with the cups-pdf queues `.ci/run` installs: `MotCuaPDF` prints into
 * cups-pdf's folder, `MotCuaOffline` is kept disabled (a printer that is off).
 */
export const PDF_QUEUE = 'MotCuaPDF';
export const OFFLINE_QUEUE = 'MotCuaOffline';

/** Why the printing tests cannot run here (null: they can): the scheduler or a queue is missing. */
export function cupsReadiness(queues: string[] = [PDF_QUEUE]): string | null {
  try {
    const scheduler = execFileSync('lpstat', ['-r'], { encoding: 'utf8', timeout: 5000, env: { ...process.env, LC_ALL: 'C' } });
    if (!/scheduler is running/.test(scheduler)) return 'the CUPS scheduler (cupsd) is not running';
    for (const queue of queues) execFileSync('lpstat', ['-p', queue], { timeout: 5000, stdio: 'ignore' });
    return null;
  } catch {
    return `CUPS or one of its queues ${queues.join(', ')} is missing (install cups, cups-client, printer-driver-cups-pdf and run the CUPS step of .ci/run)`;
  }
}

/** cups-pdf's `Out` folder (conf default `${HOME}/PDF`) for jobs this user submits. */
function cupsPdfOut(): string {
  const conf = readFileSync('/etc/cups/cups-pdf.conf', 'utf8');
  const out = /^Out\s+(.+)$/m.exec(conf)?.[1]?.trim() ?? '/var/spool/cups-pdf/${USER}';
  return out.replace('${HOME}', homedir()).replace('${USER}', userInfo().username);
}

/** The file cups-pdf wrote for a job (it names it `…job_<n>.pdf`). */
export async function arrived(jobId: string, timeoutMs = 20_000): Promise<string> {
  const suffix = `job_${jobId.split('-').pop()}.pdf`;
  const dir = cupsPdfOut();
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    const file = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith(suffix)) : undefined;
    if (file) return join(dir, file);
  }
  throw new Error(`cups-pdf wrote no file ending ${suffix} in ${dir}`);
}

/** Dark pixels of page 1 at 30 dpi: a blank page has none. */
export function ink(pdf: string): number {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '30', '-f', '1', '-l', '1', pdf], { timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] });
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  return [...pgm.subarray(header[0].length)].filter((v) => v < 128).length;
}

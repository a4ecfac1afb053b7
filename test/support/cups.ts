import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from './temp-dir';

/**
 * A CUPS scheduler of the test's own: its config, spool, socket and output in a temporary folder,
 * so no test depends on a machine-wide cupsd or on queues someone else created. `MotCuaPDF` keeps
 * each job's file (as cups-pdf would, but in this scheduler's folder: cups-pdf's own config and
 * output folder are machine-wide, so two schedulers' `job_1` would collide); `MotCuaOffline` is
 * disabled, a printer that is off. The app reaches it through `CUPS_SERVER`, as lp and lpstat do.
 */
export const PDF_QUEUE = 'MotCuaPDF';
export const OFFLINE_QUEUE = 'MotCuaOffline';

const CUPSD = '/usr/sbin/cupsd';
const SYSTEM_SERVER_BIN = '/usr/lib/cups';

/** A cups-pdf-like backend: the job's file as `<title>-job_<id>.pdf` in the folder its URI names. */
const BACKEND = `#!/bin/sh
if [ $# -eq 0 ]; then echo 'direct motcua-pdf "Unknown" "MotCua test PDF"'; exit 0; fi
out="\${DEVICE_URI#motcua-pdf:}"
name="$(printf '%s' "$3" | tr -c 'A-Za-z0-9._-' '_')-job_$1.pdf"
if [ -n "$6" ]; then cp "$6" "$out/$name.part"; else cat > "$out/$name.part"; fi
mv "$out/$name.part" "$out/$name"
`;

export interface PrivateCups {
  /** The scheduler's socket, as `CUPS_SERVER` takes it. */
  server: string;
  /** The file the backend wrote for a job (`MotCuaPDF-7`), once it is there. */
  arrived(jobId: string, timeoutMs?: number): Promise<string>;
  /** Runs a CUPS command (lpadmin, cupsdisable …) against this scheduler. */
  run(command: string, ...args: string[]): string;
  stop(): Promise<void>;
}

/** One line saying what to install for the printing tests, or null when the machine has it. */
export function cupsMissing(): string | null {
  const missing = [CUPSD, '/usr/bin/lp', '/usr/bin/lpstat', '/usr/sbin/lpadmin', '/usr/bin/pdftoppm'].filter((f) => !existsSync(f));
  return missing.length ? `printing tests need ${missing.join(', ')}: apt-get install -y cups cups-client poppler-utils` : null;
}

function writeConfig(dir: string): { conf: string; files: string } {
  const bin = join(dir, 'bin');
  mkdirSync(join(bin, 'backend'), { recursive: true });
  for (const sub of ['cgi-bin', 'daemon', 'filter', 'monitor', 'notifier', 'driver']) symlinkSync(join(SYSTEM_SERVER_BIN, sub), join(bin, sub));
  // Mode 0700: cupsd runs such a backend as root, so it may write into the test's folder.
  writeFileSync(join(bin, 'backend', 'motcua-pdf'), BACKEND, { mode: 0o700 });
  for (const sub of ['spool', 'tmp', 'cache', 'state', 'out']) mkdirSync(join(dir, sub));
  chmodSync(dir, 0o755);
  const conf = join(dir, 'cupsd.conf');
  writeFileSync(
    conf,
    [`Listen ${join(dir, 'cups.sock')}`, 'LogLevel warn', 'Browsing Off', 'WebInterface No', 'DefaultAuthType None', '<Location />', 'Order allow,deny', 'Allow all', '</Location>', '<Policy default>', '<Limit All>', 'Order deny,allow', '</Limit>', '</Policy>', ''].join('\n'),
  );
  const files = join(dir, 'cups-files.conf');
  const paths = { ServerRoot: dir, ServerBin: bin, DataDir: '/usr/share/cups', RequestRoot: join(dir, 'spool'), TempDir: join(dir, 'tmp'), CacheDir: join(dir, 'cache'), StateDir: join(dir, 'state'), ErrorLog: join(dir, 'error_log'), AccessLog: join(dir, 'access_log'), PageLog: join(dir, 'page_log'), Printcap: join(dir, 'printcap') };
  writeFileSync(files, [...Object.entries(paths).map(([k, v]) => `${k} ${v}`), 'SystemGroup root', 'FileDevice No', ''].join('\n'));
  return { conf, files };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the scheduler with both queues and points `process.env.CUPS_SERVER` at it (child processes
 * started afterwards inherit it); `stop()` ends it, removes its folder and restores the variable.
 */
export async function startPrivateCups(): Promise<PrivateCups> {
  const missing = cupsMissing();
  if (missing) throw new Error(missing);
  const tmp = makeTempDir('motcua-cups-');
  const { conf, files } = writeConfig(tmp.dir);
  const server = join(tmp.dir, 'cups.sock');
  const env = { ...process.env, CUPS_SERVER: server, LC_ALL: 'C' };
  const run = (command: string, ...args: string[]) => execFileSync(command, args, { env, encoding: 'utf8', timeout: 10_000 });
  const daemon: ChildProcess = spawn(CUPSD, ['-f', '-c', conf, '-s', files], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => daemon.once('exit', () => resolve()));
  const stop = async () => {
    daemon.kill('SIGTERM');
    await exited;
    tmp.cleanup();
    if (process.env.CUPS_SERVER === server) delete process.env.CUPS_SERVER;
  };
  try {
    for (let tries = 0; !/scheduler is running/.test(tryRun(run, 'lpstat', '-r')); tries++) {
      if (tries > 100 || daemon.exitCode !== null) throw new Error(`the test's cupsd did not start (see ${join(tmp.dir, 'error_log')})`);
      await pause(100);
    }
    const out = join(tmp.dir, 'out');
    run('lpadmin', '-p', PDF_QUEUE, '-E', '-v', `motcua-pdf:${out}`);
    run('lpadmin', '-p', OFFLINE_QUEUE, '-E', '-v', `motcua-pdf:${out}`);
    run('cupsdisable', OFFLINE_QUEUE);
    process.env.CUPS_SERVER = server;
    return { server, run, stop, arrived: (jobId, timeoutMs) => arrived(out, jobId, timeoutMs) };
  } catch (error) {
    await stop();
    throw error;
  }
}

function tryRun(run: PrivateCups['run'], command: string, ...args: string[]): string {
  try {
    return run(command, ...args);
  } catch {
    return '';
  }
}

async function arrived(dir: string, jobId: string, timeoutMs = 20_000): Promise<string> {
  const suffix = `job_${jobId.split('-').pop()}.pdf`;
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await pause(200)) {
    const file = readdirSync(dir).find((f) => f.endsWith(suffix));
    if (file) return join(dir, file);
  }
  throw new Error(`no file ending ${suffix} arrived in ${dir}`);
}

/** Dark pixels of page 1 at 30 dpi: a blank page has none. */
export function ink(pdf: string): number {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '30', '-f', '1', '-l', '1', pdf], { timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] });
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  return [...pgm.subarray(header[0].length)].filter((v) => v < 128).length;
}

/**
 * The writer that test/integration/power-loss.test.ts kills with SIGKILL: it opens the real
 * database through the app's own code and writes one kind of thing in a loop, for ever.
 * Usage: node --import tsx test/support/crash-writer.ts <kind> <dir> <first k>
 *
 * Protocol on stdout, each line in the pipe before the writer goes on (a line that is out is out,
 * whatever kills us; process.stdout would queue it in memory when the pipe is full):
 *   `ready` once set up; `begin {op}` before a write and `committed {op}` once it has returned.
 * After a kill the database must hold what the committed ops wrote, plus at most the one begun.
 */
import { writeSync } from 'node:fs';
import type { CrashKind, CrashOp, Writer } from './crash-ops';

const [kind, dir, first] = process.argv.slice(2) as [CrashKind, string, string];

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes the whole line into the pipe, waiting while it is full (fd 1 is non-blocking). */
function line(text: string): void {
  const bytes = Buffer.from(`${text}\n`);
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(1, bytes, done);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

const writers: Record<CrashKind, () => Promise<Writer>> = {
  drafts: () => import('./crash-writes-host').then((m) => m.draftsWriter),
  consent: () => import('./crash-writes-host').then((m) => m.consentWriter),
  counter: () => import('./crash-writes-host').then((m) => m.counterWriter),
  accounts: () => import('./crash-writes-host').then((m) => m.accountsWriter),
  settings: () => import('./crash-writes-host').then((m) => m.settingsWriter),
  audit: () => import('./crash-writes-db').then((m) => m.auditWriter),
  outbox: () => import('./crash-writes-db').then((m) => m.outboxWriter),
  devices: () => import('./crash-writes-db').then((m) => m.devicesWriter),
  'case-index': () => import('./crash-writes-db').then((m) => m.caseIndexWriter),
  migrations: () => import('./crash-writes-db').then((m) => m.migrationsWriter),
  restore: () => import('./crash-writes-db').then((m) => m.restoreWriter),
};

void (async () => {
  const writer = await writers[kind]();
  await writer({
    dir,
    first: Number(first),
    ready: () => line('ready'),
    step: async (op: CrashOp, write: () => unknown) => {
      line(`begin ${JSON.stringify(op)}`);
      await write();
      line(`committed ${JSON.stringify(op)}`);
    },
  });
})().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

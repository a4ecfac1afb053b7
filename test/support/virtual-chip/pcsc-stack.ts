import { spawn, type ChildProcess } from 'node:child_process';
import { Context, SCARD_STATE_PRESENT } from 'smartcard';
import { until } from '../until';

const PCSCD = '/usr/sbin/pcscd';

function readerState(name: string): number | undefined {
  try {
    const context = new Context();
    try {
      return context.listReaders().find((reader) => reader.name === name)?.state;
    } finally {
      context.close();
    }
  } catch {
    return undefined;
  }
}

/**
 * pcscd for the tests: CI has no init system, so start it in the foreground when it is not running,
 * and hand back a stop that ends only a pcscd this call started.
 */
export async function ensurePcscd(reader: string): Promise<() => void> {
  if (readerState(reader) !== undefined) return () => undefined;
  const child: ChildProcess = spawn(PCSCD, ['-f'], { stdio: 'ignore' });
  await until(() => readerState(reader) !== undefined, 10_000);
  return () => void child.kill();
}

/** Waits until pcscd sees the card on (or off) the reader. */
export async function waitForCard(reader: string, present: boolean): Promise<void> {
  await until(() => (((readerState(reader) ?? 0) & SCARD_STATE_PRESENT) !== 0) === present, 10_000);
}

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Demo mode's card on the virtual reader: the technician console puts it on and takes it off. */
export interface DemoCard {
  present(): boolean;
  /** Resolves once the card is on vpcd's reader; false when it could not be put there (no vpcd). */
  put(): Promise<boolean>;
  remove(): Promise<void>;
}

/** The virtual chip's demo entry point: test support in a source checkout, never packaged (electron-builder drops test/**). */
export const DEMO_CARD_MAIN = ['test', 'support', 'virtual-chip', 'demo-card-main.ts'] as const;

const firstLine = (child: ChildProcess): Promise<string | null> =>
  new Promise((resolve) => {
    if (!child.stdout) return resolve(null);
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', () => resolve(null));
  });

/**
 * The demo card as a child process answering vpcd (port 35963) from the source checkout's virtual
 * chip; undefined where that entry point is absent (a packaged build), so nothing of it exists there.
 * The card is taken off when the process ends (SIGTERM) and when the app exits.
 */
export function sourceDemoCard(appRoot: string): DemoCard | undefined {
  const main = join(appRoot, ...DEMO_CARD_MAIN);
  if (!existsSync(main)) return undefined;
  let card: ChildProcess | null = null;
  let putting: Promise<boolean> | null = null;
  const stop = () => void card?.kill('SIGTERM');

  const start = async (): Promise<boolean> => {
    // Electron's binary runs as Node for this child only (its fuse forbids that in packaged builds, which have no such child).
    const child = spawn(process.execPath, ['--import', 'tsx', main], { cwd: appRoot, stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    const line = await firstLine(child);
    const inserted = line !== null && (JSON.parse(line) as { inserted?: boolean }).inserted === true;
    if (!inserted) {
      child.kill('SIGTERM');
      return false;
    }
    card = child;
    child.once('exit', () => {
      if (card === child) card = null;
    });
    process.once('exit', stop);
    return true;
  };

  return {
    present: () => card !== null,
    put: () => {
      if (card) return Promise.resolve(true);
      putting ??= start().finally(() => (putting = null));
      return putting;
    },
    remove: async () => {
      const child = card;
      if (!child) return;
      card = null;
      process.off('exit', stop);
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}

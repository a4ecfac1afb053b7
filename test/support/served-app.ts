import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startCentralSim, type CentralSim } from './central-sim/server';
import { until } from './until';

/**
 * Starts `motcua serve` (the built CLI) with these arguments; resolves with the URL it prints
 * (token included), and with the inspector's address when `nodeArgs` open it on port 0.
 */
export async function spawnServe(args: string[], nodeArgs: string[] = []): Promise<{ url: string; child: ChildProcess; inspector: string | null }> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, 'bin/motcua.cjs', 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const inspecting = nodeArgs.some((a) => a.startsWith('--inspect'));
  let inspector: string | null = null;
  // The app's own errors still reach the console; Node's inspector banner is read, not shown.
  createInterface({ input: child.stderr! }).on('line', (line) => {
    const banner = /^Debugger listening on (ws:\S+)/.exec(line);
    if (banner) inspector = banner[1]!;
    else if (!/^(For help, see: |Debugger (attached|ending on)|Waiting for the debugger)/.test(line)) console.error(line);
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`motcua serve exited with ${code}`)));
  });
  // Node prints the banner before running the app, so it is there by the time the app listens.
  if (inspecting) await until(() => inspector !== null);
  return { url, child, inspector };
}

export interface ServedApp {
  /** The URL `motcua serve` printed, token included. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** The app's SQLite file. */
  dbPath: string;
  /** The process serving browser mode: its pid is the app's memory. */
  child: ChildProcess;
  /** The reference central system the app syncs with. */
  central: CentralSim;
  /** A full garbage collection in the serving process (only when started with `inspect`). */
  collectGarbage(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Browser mode as the app serves it: the real CLI on its demo, a fresh SQLite file, its own
 * central simulator. `inspect` opens Node's inspector on loopback, for memory measurements only;
 * `args` go to `motcua serve` after these (pairing with a hub, say).
 */
export async function startServedApp(options: { cases: number; seed: string; inspect?: boolean; args?: string[] }): Promise<ServedApp> {
  const dataDir = mkdtempSync(join(tmpdir(), `motcua-${options.seed}-`));
  const central = await startCentralSim({ cases: options.cases, seed: options.seed });
  const keyFile = join(dataDir, 'central-public.pem');
  writeFileSync(keyFile, central.publicKeyPem);
  const dbPath = join(dataDir, 'demo.db');
  const { url, child, inspector } = await spawnServe(
    ['--demo', '--db', dbPath, '--central', central.url, '--token', central.token, '--central-key', keyFile, ...(options.args ?? [])],
    options.inspect ? ['--inspect=127.0.0.1:0'] : [],
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    origin: new URL(url).origin,
    token: new URL(url).searchParams.get('token')!,
    dataDir,
    dbPath,
    child,
    central,
    collectGarbage: async () => {
      if (!inspector) throw new Error('started without the inspector');
      const script = join(process.cwd(), 'test', 'support', 'cdp-collect-garbage.mjs');
      await new Promise<void>((resolve, reject) =>
        execFile(process.execPath, ['--experimental-websocket', script, inspector], (error) => (error ? reject(error) : resolve())),
      );
    },
    close: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await central.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Bundles the Node side with esbuild: the Electron main process and its sandboxed preload, and
// the `motcua` CLI. Native modules and Electron itself stay external (loaded at run time).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const NATIVE = ['electron', 'better-sqlite3-multiple-ciphers', 'node-hid', 'smartcard'];
// electron-updater stays a package of the app (it requires electron and lazy-loads its per-platform updaters).
const MAIN_EXTERNAL = [...NATIVE, 'electron-updater'];
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'info', absWorkingDir: root };

const bundles = [
  { entryPoints: ['electron/app/main.ts'], outfile: 'dist/electron/main.cjs', external: MAIN_EXTERNAL },
  // The host in Electron's utility process (electron/app/host-child.ts forks it).
  { entryPoints: ['electron/app/host-process.ts'], outfile: 'dist/electron/host-process.cjs', external: NATIVE },
  // A sandboxed preload can require only 'electron': everything else (the contract, zod) is inlined.
  { entryPoints: ['electron/app/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] },
  { entryPoints: ['electron/cli/motcua.ts'], outfile: 'dist/cli/motcua.cjs', external: NATIVE },
  // Browser mode's host runs in a worker thread of its own (electron/cli/host-thread.ts).
  { entryPoints: ['electron/cli/host-worker.ts'], outfile: 'dist/cli/host-worker.cjs', external: NATIVE },
  // The host's heavy writes (sync pulls, case index) in a worker thread beside each host (electron/host/writer-thread.ts).
  { entryPoints: ['electron/host/writer-worker.ts'], outfile: 'dist/cli/writer-worker.cjs', external: NATIVE },
  { entryPoints: ['electron/host/writer-worker.ts'], outfile: 'dist/electron/writer-worker.cjs', external: NATIVE },
];

await Promise.all(bundles.map((options) => build({ ...common, ...options })));

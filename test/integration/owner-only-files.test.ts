/**
 * The data folder and every file in it (database, WAL, shared memory, sealed key file, documents
 * kept for reprinting) are the app account's alone: created 0700/0600, and narrowed at the next
 * start when something left them wider (a copy, an older version, a umask of 022).
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMotcua } from '../support/run-cli';
import { makeTempDir } from '../support/temp-dir';

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** Every path under dir (itself included) with its mode in octal. */
function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = { '.': modeOf(dir).toString(8) };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length + 1)] = modeOf(path).toString(8);
  }
  return out;
}

let tmp: { dir: string; cleanup: () => void };
let data: string;
const saved = process.env.MOTCUA_DATA_DIR;
beforeEach(() => {
  tmp = makeTempDir('motcua-owner-only-');
  data = join(tmp.dir, 'data');
  process.env.MOTCUA_DATA_DIR = data;
});
afterEach(() => {
  if (saved === undefined) delete process.env.MOTCUA_DATA_DIR;
  else process.env.MOTCUA_DATA_DIR = saved;
  tmp.cleanup();
});

// Each test starts the real CLI, twice for the second: seconds on a busy machine.
describe.skipIf(process.platform === 'win32')('the machine\'s own files', { timeout: 60_000 }, () => {
  it('a first start creates the folder 0700 and the database 0600 (0644 on the main of before)', async () => {
    await runMotcua('doctor', '--json');
    const found = modes(data);
    expect(Object.keys(found)).toEqual(expect.arrayContaining(['.', 'motcua.db']));
    for (const [path, mode] of Object.entries(found)) expect([path, mode]).toEqual([path, statSync(join(data, path)).isDirectory() ? '700' : '600']);
  });

  it('a start narrows what it finds wider: the folder, the database and its WAL, the reprint folder and its documents', async () => {
    mkdirSync(join(data, 'reprint'), { recursive: true });
    await runMotcua('doctor', '--json');
    writeFileSync(join(data, 'motcua.db-wal'), '');
    writeFileSync(join(data, 'reprint', '1-abcd.pdf'), '%PDF-1.7');
    writeFileSync(join(data, 'secret.key'), 'k');
    for (const path of [data, join(data, 'reprint')]) chmodSync(path, 0o755);
    for (const file of ['motcua.db', 'motcua.db-wal', 'secret.key', join('reprint', '1-abcd.pdf')]) chmodSync(join(data, file), 0o644);
    expect(modeOf(join(data, 'motcua.db'))).toBe(0o644);

    await runMotcua('doctor', '--json');
    const found = modes(data);
    expect(found).toMatchObject({ '.': '700', 'motcua.db': '600', 'secret.key': '600', reprint: '700', [join('reprint', '1-abcd.pdf')]: '600' });
    if (existsSync(join(data, 'motcua.db-wal'))) expect(found['motcua.db-wal']).toBe('600');
    expect(Object.values(found).every((m) => m === '700' || m === '600')).toBe(true);
  });
});

import { join } from 'node:path';
import { openDatabaseFile } from '../../electron/db/connection';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHost } from '../../electron/host/create-host';
import { newSession } from '../../electron/host/session';
import { runMotcua } from '../support/run-cli';
import { makeTempDir } from '../support/temp-dir';

// A real audit log, written by the host's router for five identifications, then checked by the real CLI.
let tmp: ReturnType<typeof makeTempDir>;
let dbPath: string;

beforeEach(async () => {
  tmp = makeTempDir('motcua-cli-audit-');
  dbPath = join(tmp.dir, 'motcua.db');
  const host = createHost({ appRoot: process.cwd(), dbPath, demo: true, transport: 'browser', version: 'test', devices: false, sync: false });
  for (let i = 0; i < 5; i++) {
    await host.router.dispatch(newSession('kiosk'), 'citizen.open', { personalNumber: '001099012345', birthDate: '1999-05-01', source: 'typed' });
  }
  await host.close();
});
afterEach(() => tmp.cleanup());

const tamper = (sql: string) => {
  const db = openDatabaseFile(dbPath);
  db.prepare(sql).run();
  db.close();
};

describe('motcua audit verify', () => {
  it('an untouched log: exit 0 and the number of rows checked', async () => {
    const r = await runMotcua('audit', 'verify', '--db', dbPath, '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, rows: 5, shipped: 0, shippedThrough: 0 });
    const plain = await runMotcua('audit', 'verify', '--db', dbPath);
    expect(plain.stdout).toContain('5');
    expect(plain.stdout).toMatch(/nguyên vẹn.*intact/);
  });

  it('an edited row: exit 1 naming that row', async () => {
    tamper("UPDATE audit_log SET purpose = 'marketing' WHERE id = 3");
    const r = await runMotcua('audit', 'verify', '--db', dbPath, '--json');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ ok: false, brokenAt: 3 });
    expect((await runMotcua('audit', 'verify', '--db', dbPath)).stdout).toMatch(/dòng 3 .*row 3/);
  });

  it('a deleted row: exit 1 naming the row after the gap', async () => {
    tamper('DELETE FROM audit_log WHERE id = 2');
    const r = await runMotcua('audit', 'verify', '--db', dbPath, '--json');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ ok: false, brokenAt: 3 });
  });

  it('a row whose stored hash was altered is named', async () => {
    // The hash is keyed per database: a first character that is already 'f' becomes 'e'.
    tamper("UPDATE audit_log SET hash = (CASE substr(hash, 1, 1) WHEN 'f' THEN 'e' ELSE 'f' END) || substr(hash, 2) WHERE id = 4");
    const r = await runMotcua('audit', 'verify', '--db', dbPath, '--json');
    expect(JSON.parse(r.stdout)).toEqual({ ok: false, brokenAt: 4 });
  });

  it('without --db it says what is missing, exit 1', async () => {
    const r = await runMotcua('audit', 'verify');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--db');
  });
});

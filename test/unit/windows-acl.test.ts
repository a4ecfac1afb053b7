import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ownerOnlyFolder, type WindowsAcl } from '../../electron/security/owner-only';
import { makeTempDir } from '../support/temp-dir';

// The icacls calls are checked as given to the runner: this code has never run on a real Windows.
describe('the data folder on Windows: an ACL for the app account and the Administrators only', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let calls: { file: string; args: readonly string[] }[];
  const windows = (run?: WindowsAcl['run']): WindowsAcl => ({
    platform: 'win32',
    run: run ?? ((file, args) => void calls.push({ file, args })),
    account: () => 'TTHCC\\motcua-kiosk',
  });
  beforeEach(() => {
    tmp = makeTempDir('motcua-acl-');
    calls = [];
  });
  afterEach(() => tmp.cleanup());

  it('resets the folder, removes inheritance and grants full control to the account and BUILTIN\\Administrators, nobody else', () => {
    const dir = join(tmp.dir, 'data');
    ownerOnlyFolder(dir, windows());
    expect(calls).toEqual([
      { file: 'icacls', args: [dir, '/reset', '/C', '/Q'] },
      { file: 'icacls', args: [dir, '/inheritance:r', '/grant:r', 'TTHCC\\motcua-kiosk:(OI)(CI)F', '*S-1-5-32-544:(OI)(CI)F', '/C', '/Q'] },
    ]);
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  it('makes what a folder already holds inherit only that ACL, and leaves POSIX modes alone', () => {
    const file = join(tmp.dir, 'motcua.db');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    ownerOnlyFolder(tmp.dir, windows());
    expect(calls.map((c) => c.args)).toContainEqual([`${tmp.dir}\\*`, '/reset', '/T', '/C', '/Q']);
    expect(calls.findIndex((c) => c.args.includes('/T'))).toBe(2);
    expect(statSync(file).mode & 0o777).toBe(0o644);
  });

  it('stops the start when icacls fails, rather than running with a folder others can read', () => {
    const failing = windows(() => {
      throw new Error('icacls: Access is denied.');
    });
    expect(() => ownerOnlyFolder(tmp.dir, failing)).toThrow(/Access is denied/);
  });

  it('on Linux narrows with modes and runs no icacls', () => {
    const file = join(tmp.dir, 'secret.key');
    writeFileSync(file, 'k');
    chmodSync(file, 0o644);
    ownerOnlyFolder(tmp.dir, { ...windows(), platform: 'linux' });
    expect(calls).toEqual([]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

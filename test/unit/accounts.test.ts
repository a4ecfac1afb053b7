import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/contract';
import { AccountRepository } from '../../electron/db/account-repository';
import { openDatabase, type Db } from '../../electron/db/connection';
import { ACCOUNT_SCRYPT, Accounts } from '../../electron/security/accounts';
import { LOCKOUT } from '../../electron/security/secret-hash';
import { makeTempDir } from '../support/temp-dir';

const PASSWORD = 'mật-khẩu-đủ-dài';
/** A 32nd of the accounts' cost: these tests hash and verify dozens of times; one test checks the real default. */
const CHEAP_SCRYPT = { N: 1024, r: 8, p: 1, keyLength: 32 };
const MAI = { username: 'Mai.Tran', displayName: 'Cán bộ Trần Thị Mai', role: 'officer' as const, password: PASSWORD };

let tmp: ReturnType<typeof makeTempDir>;
let db: Db;
let repo: AccountRepository;
let clock: number;
let accounts: Accounts;

beforeEach(() => {
  tmp = makeTempDir('motcua-accounts-');
  db = openDatabase(join(tmp.dir, 'a.db'), join(process.cwd(), 'electron', 'db', 'migrations')).db;
  repo = new AccountRepository(db);
  clock = Date.parse('2026-11-23T08:00:00Z');
  accounts = new Accounts(repo, () => clock, CHEAP_SCRYPT);
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

/** The error code a call throws, or null. */
function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.data.code;
    throw error;
  }
}

describe('account passwords', () => {
  it('are stored as salted scrypt hashes with their parameters, never in clear; equal passwords get different hashes', () => {
    accounts.create(MAI);
    accounts.create({ ...MAI, username: 'lan', displayName: 'Lan' });
    const raw = db.prepare<[], { password_hash: string }>('SELECT password_hash FROM accounts').all();
    expect(JSON.stringify(raw)).not.toContain(PASSWORD);
    const [a, b] = raw.map((r) => JSON.parse(r.password_hash) as { salt: string; hash: string; N: number; r: number; p: number });
    expect(a).toMatchObject({ N: expect.any(Number), r: 8, p: 1 });
    expect(a!.salt).not.toBe(b!.salt);
    expect(a!.hash).not.toBe(b!.hash);
  });

  it('cost what ACCOUNT_SCRYPT says unless the caller asks otherwise (N 32768: about 32 MiB and 100 ms a hash)', () => {
    new Accounts(repo, () => clock).create(MAI);
    const [stored] = db.prepare<[], { password_hash: string }>('SELECT password_hash FROM accounts').all();
    expect(JSON.parse(stored!.password_hash)).toMatchObject({ N: ACCOUNT_SCRYPT.N, r: ACCOUNT_SCRYPT.r, p: ACCOUNT_SCRYPT.p });
    expect(ACCOUNT_SCRYPT.N).toBe(32_768);
  });

  it('a right password signs in; a wrong one and an unknown user are the same AUTH_FAILED', () => {
    accounts.create(MAI);
    expect(accounts.login('mai.tran', PASSWORD)).toMatchObject({ username: 'mai.tran', role: 'officer', displayName: 'Cán bộ Trần Thị Mai' });
    expect(codeOf(() => accounts.login('mai.tran', `${PASSWORD}!`))).toBe('AUTH_FAILED');
    expect(codeOf(() => accounts.login('nobody', PASSWORD))).toBe('AUTH_FAILED');
  });

  it('usernames are case-insensitive: a differently cased duplicate is refused, any case signs in', () => {
    accounts.create(MAI);
    expect(codeOf(() => accounts.create({ ...MAI, username: 'MAI.TRAN' }))).toBe('ACCOUNT_EXISTS');
    expect(accounts.login('MAI.tran', PASSWORD).username).toBe('mai.tran');
  });

  it('a password shorter than 10 characters is refused in both languages (Vietnamese letters count once)', () => {
    expect(codeOf(() => accounts.create({ ...MAI, password: 'ngắn-quá' }))).toBe('PASSWORD_TOO_SHORT');
    expect(codeOf(() => accounts.create({ ...MAI, password: 'đđđđđđđđđ' }))).toBe('PASSWORD_TOO_SHORT');
    expect(codeOf(() => accounts.create({ ...MAI, password: 'đđđđđđđđđđ' }))).toBeNull();
  });
});

describe('lock-out', () => {
  it(`locks after ${LOCKOUT.maxFailures} wrong passwords, refuses even the right one, and releases after the window`, () => {
    accounts.create(MAI);
    for (let i = 0; i < LOCKOUT.maxFailures; i++) expect(codeOf(() => accounts.login('mai.tran', 'wrong-password'))).toBe('AUTH_FAILED');
    expect(codeOf(() => accounts.login('mai.tran', PASSWORD))).toBe('AUTH_LOCKED');
    expect(accounts.list()[0]).toMatchObject({ locked: true });
    clock += LOCKOUT.ms - 1;
    expect(codeOf(() => accounts.login('mai.tran', PASSWORD))).toBe('AUTH_LOCKED');
    clock += 1;
    expect(codeOf(() => accounts.login('mai.tran', PASSWORD))).toBeNull();
    expect(repo.byUsername('mai.tran')).toMatchObject({ failedCount: 0, lockedUntil: null });
  });

  it('a success in between starts the count again', () => {
    accounts.create(MAI);
    for (let i = 0; i < LOCKOUT.maxFailures - 1; i++) codeOf(() => accounts.login('mai.tran', 'wrong-password'));
    accounts.login('mai.tran', PASSWORD);
    for (let i = 0; i < LOCKOUT.maxFailures - 1; i++) codeOf(() => accounts.login('mai.tran', 'wrong-password'));
    expect(codeOf(() => accounts.login('mai.tran', PASSWORD))).toBeNull();
  });

  it('a password reset lifts the lock', () => {
    accounts.create(MAI);
    for (let i = 0; i < LOCKOUT.maxFailures; i++) codeOf(() => accounts.login('mai.tran', 'wrong-password'));
    accounts.resetPassword('mai.tran', 'mật-khẩu-mới-dài');
    expect(accounts.login('mai.tran', 'mật-khẩu-mới-dài').role).toBe('officer');
  });
});

describe('disabled accounts and the first technician', () => {
  it('a disabled account is refused with the same AUTH_FAILED, even with the right password', () => {
    accounts.create(MAI);
    accounts.disable('MAI.TRAN');
    expect(codeOf(() => accounts.login('mai.tran', PASSWORD))).toBe('AUTH_FAILED');
  });

  it('bootstrap creates the first technician once; the last active technician cannot be disabled', () => {
    expect(accounts.needsBootstrap()).toBe(true);
    expect(accounts.bootstrap({ username: 'kt1', displayName: 'KTV', password: PASSWORD })).toMatchObject({ role: 'technician' });
    expect(accounts.needsBootstrap()).toBe(false);
    expect(codeOf(() => accounts.bootstrap({ username: 'kt2', displayName: 'KTV 2', password: PASSWORD }))).toBe('BOOTSTRAP_DONE');
    expect(codeOf(() => accounts.disable('kt1'))).toBe('ACCOUNT_LAST_TECHNICIAN');
    accounts.create({ username: 'kt2', displayName: 'KTV 2', role: 'technician', password: PASSWORD });
    expect(codeOf(() => accounts.disable('kt1'))).toBeNull();
  });

  it('lists accounts without any hash', () => {
    accounts.create(MAI);
    expect(Object.keys(accounts.list()[0]!).sort()).toEqual(['createdAt', 'disabled', 'displayName', 'locked', 'role', 'username']);
  });
});

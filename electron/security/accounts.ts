import { randomUUID } from 'node:crypto';
import { AppError, PASSWORD_MIN_LENGTH, type AccountRole, type AccountView } from '../contract';
import type { AccountRecord, AccountRepository } from '../db/account-repository';
import { afterFailure, hashSecret, verifySecret, type ScryptParams, type SecretHash } from './secret-hash';

/** About 50 ms and 32 MiB a hash on a counter PC: slow for a guesser, unnoticed at log-in. */
export const ACCOUNT_SCRYPT: ScryptParams = { N: 32_768, r: 8, p: 1, keyLength: 32 };
/** For passwords printed in the README (the demo's): their hash protects nothing, so it costs little. */
export const PUBLIC_PASSWORD_SCRYPT: ScryptParams = { N: 1024, r: 8, p: 1, keyLength: 32 };

export interface NewAccount {
  username: string;
  displayName: string;
  role: AccountRole;
  password: string;
}

export type LoginFailure = 'unknown-user' | 'disabled' | 'wrong-password' | 'locked';
export type LoginAttempt =
  | { ok: true; account: AccountView }
  /** `username`: the account's, or null for an unknown name; `lockedNow`: this failure locked the account. */
  | { ok: false; reason: LoginFailure; username: string | null; lockedNow: boolean; error: AppError };

const refused = (reason: LoginFailure, account: AccountRecord | null, error: AppError, lockedNow = false): LoginAttempt => ({
  ok: false,
  reason,
  username: account?.username ?? null,
  lockedNow,
  error,
});

/** Officer and technician accounts: hashed passwords, lock-out, the first technician. */
export class Accounts {
  /** Verified against for an unknown username, so it takes as long as a wrong password. */
  private dummy: SecretHash | undefined;

  constructor(
    private readonly repo: AccountRepository,
    private readonly now: () => number = Date.now,
    /** The cost of new hashes; tests that log in dozens of times pass a cheaper one (a hash keeps its own parameters). */
    private readonly scrypt: ScryptParams = ACCOUNT_SCRYPT,
  ) {}

  /** Throws AUTH_FAILED (unknown, disabled or wrong password: one answer) or AUTH_LOCKED. */
  login(username: string, password: string): AccountView {
    const attempt = this.attemptLogin(username, password);
    if (!attempt.ok) throw attempt.error;
    return attempt.account;
  }

  /**
   * A log-in with why it failed, for the audit log only: the caller still answers one AUTH_FAILED
   * for an unknown name, a disabled account and a wrong password.
   */
  attemptLogin(username: string, password: string): LoginAttempt {
    const account = this.repo.byUsername(username);
    if (account && account.lockedUntil !== null && this.now() < account.lockedUntil) return refused('locked', account, new AppError('AUTH_LOCKED'));
    const ok = verifySecret(password, account ? parseHash(account.passwordHash) : (this.dummy ??= hashSecret('', this.scrypt)));
    const failed = new AppError('AUTH_FAILED', ['username', 'password']);
    if (!account) return refused('unknown-user', null, failed);
    if (account.disabled) return refused('disabled', account, failed);
    if (!ok) {
      const next = afterFailure(account.failedCount, this.now());
      this.repo.setFailures(account.id, next.failures, next.lockedUntil);
      return refused('wrong-password', account, failed, next.lockedUntil !== null);
    }
    if (account.failedCount !== 0 || account.lockedUntil !== null) this.repo.setFailures(account.id, 0, null);
    return { ok: true, account: this.view({ ...account, failedCount: 0, lockedUntil: null }) };
  }

  /** Whether a signed-in account may go on: a disabled (or vanished) one is signed out at its next call. */
  isActive(username: string): boolean {
    return this.repo.byUsername(username)?.disabled === false;
  }

  needsBootstrap(): boolean {
    return this.repo.count('technician') === 0;
  }

  /** The first technician, only while there is none. */
  bootstrap(input: Omit<NewAccount, 'role'>): AccountView {
    if (!this.needsBootstrap()) throw new AppError('BOOTSTRAP_DONE');
    return this.create({ ...input, role: 'technician' });
  }

  create({ username, displayName, role, password }: NewAccount, params = this.scrypt): AccountView {
    checkPolicy(password);
    if (this.repo.byUsername(username)) throw new AppError('ACCOUNT_EXISTS', ['username']);
    const record: AccountRecord = {
      id: randomUUID(),
      username: username.toLowerCase(),
      displayName,
      role,
      passwordHash: JSON.stringify(hashSecret(password, params)),
      failedCount: 0,
      lockedUntil: null,
      disabled: false,
      createdAt: new Date(this.now()).toISOString(),
    };
    this.repo.insert(record);
    return this.view(record);
  }

  list(): AccountView[] {
    return this.repo.all().map((a) => this.view(a));
  }

  /** The last active technician stays: without one nobody could manage accounts or bootstrap again. */
  disable(username: string): AccountView {
    const account = this.require(username);
    if (account.role === 'technician' && !account.disabled && this.repo.count('technician', true) === 1) throw new AppError('ACCOUNT_LAST_TECHNICIAN');
    this.repo.disable(account.id);
    return this.view({ ...account, disabled: true });
  }

  enable(username: string): AccountView {
    const account = this.require(username);
    this.repo.enable(account.id);
    return this.view({ ...account, disabled: false });
  }

  /** Lifts a lock-out and forgets the failed attempts: the technician has spoken to the officer. */
  unlock(username: string): AccountView {
    const account = this.require(username);
    this.repo.setFailures(account.id, 0, null);
    return this.view({ ...account, failedCount: 0, lockedUntil: null });
  }

  resetPassword(username: string, password: string): AccountView {
    checkPolicy(password);
    const account = this.require(username);
    this.repo.setPassword(account.id, JSON.stringify(hashSecret(password, this.scrypt)));
    return this.view({ ...account, failedCount: 0, lockedUntil: null });
  }

  private require(username: string): AccountRecord {
    const account = this.repo.byUsername(username);
    if (!account) throw new AppError('ACCOUNT_NOT_FOUND', ['username']);
    return account;
  }

  private view(a: AccountRecord): AccountView {
    return {
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      disabled: a.disabled,
      locked: a.lockedUntil !== null && this.now() < a.lockedUntil,
      createdAt: a.createdAt,
    };
  }
}

function checkPolicy(password: string): void {
  // Counted in characters as typed (Vietnamese letters are one each), not UTF-16 units.
  if ([...password.normalize('NFC')].length < PASSWORD_MIN_LENGTH) throw new AppError('PASSWORD_TOO_SHORT', ['password']);
}

const parseHash = (json: string) => JSON.parse(json) as SecretHash;

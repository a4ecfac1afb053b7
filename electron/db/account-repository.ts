import type { AccountRole } from '../contract';
import type { Db } from './connection';

export interface AccountRecord {
  id: string;
  username: string;
  displayName: string;
  role: AccountRole;
  /** JSON of a SecretHash: salt, hash and the scrypt parameters. */
  passwordHash: string;
  failedCount: number;
  /** Epoch ms, or null when not locked. */
  lockedUntil: number | null;
  disabled: boolean;
  createdAt: string;
}

interface Row {
  id: string;
  username: string;
  display_name: string;
  role: AccountRole;
  password_hash: string;
  failed_count: number;
  locked_until: number | null;
  disabled: number;
  created_at: string;
}

const fromRow = (r: Row): AccountRecord => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  passwordHash: r.password_hash,
  failedCount: r.failed_count,
  lockedUntil: r.locked_until,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
});

/** Usernames compare without regard to case (the column is COLLATE NOCASE). */
export class AccountRepository {
  constructor(private readonly db: Db) {}

  all(): AccountRecord[] {
    return this.db.prepare<[], Row>('SELECT * FROM accounts ORDER BY role, username').all().map(fromRow);
  }

  byUsername(username: string): AccountRecord | null {
    const row = this.db.prepare<[string], Row>('SELECT * FROM accounts WHERE username = ?').get(username);
    return row ? fromRow(row) : null;
  }

  count(role: AccountRole, activeOnly = false): number {
    const sql = `SELECT count(*) AS n FROM accounts WHERE role = ?${activeOnly ? ' AND disabled = 0' : ''}`;
    return this.db.prepare<[string], { n: number }>(sql).get(role)!.n;
  }

  insert(a: AccountRecord): void {
    this.db
      .prepare(
        `INSERT INTO accounts (id, username, display_name, role, password_hash, failed_count, locked_until, disabled, created_at)
         VALUES (@id, @username, @displayName, @role, @passwordHash, @failedCount, @lockedUntil, @disabled, @createdAt)`,
      )
      .run({ ...a, disabled: a.disabled ? 1 : 0 });
  }

  setFailures(id: string, failedCount: number, lockedUntil: number | null): void {
    this.db.prepare('UPDATE accounts SET failed_count = ?, locked_until = ? WHERE id = ?').run(failedCount, lockedUntil, id);
  }

  /** A new password also lifts a lock: the technician has just spoken to the officer. */
  setPassword(id: string, passwordHash: string): void {
    this.db.prepare('UPDATE accounts SET password_hash = ?, failed_count = 0, locked_until = NULL WHERE id = ?').run(passwordHash, id);
  }

  disable(id: string): void {
    this.db.prepare('UPDATE accounts SET disabled = 1 WHERE id = ?').run(id);
  }

  enable(id: string): void {
    this.db.prepare('UPDATE accounts SET disabled = 0 WHERE id = ?').run(id);
  }
}

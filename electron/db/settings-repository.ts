import type { Db } from './connection';

export class SettingsRepository {
  /** The connection, for writes that must share a transaction with settings (the machine's role and its purge). */
  constructor(readonly db: Db) {}

  get(key: string): string | null {
    return this.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key)?.value ?? null;
  }

  set(key: string, value: string): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  /** Several settings that belong together (one form's values): all stored, or none (a power cut in between keeps the old ones). */
  setAll(entries: readonly (readonly [string, string])[]): void {
    this.db.transaction(() => {
      for (const [key, value] of entries) this.set(key, value);
    })();
  }

  delete(key: string): void {
    this.db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  }
}

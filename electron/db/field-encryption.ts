import { randomBytes } from 'node:crypto';
import { AppError } from '../contract';
import { ephemeralFieldCipher, FIELD_KEY_BYTES, FIELD_PREFIX, FieldCipher } from '../security/field-cipher';
import type { SecretStore } from '../security/secret-store';
import type { Db } from './connection';
import { SettingsRepository } from './settings-repository';

/** The database's data key, sealed by the SecretStore (OS keyring, or the key file beside the database). */
export const FIELD_KEY_SETTING = 'data.fieldKey.sealed';

/** The columns that hold personal data, and the column whose value names their row in the associated data. */
export const ENCRYPTED_COLUMNS = [
  { table: 'drafts', column: 'data', rowKey: 'id' },
  { table: 'outbox', column: 'body', rowKey: 'idempotency_key' },
  // The centre's answers: a receipt code leads to a case, an error message may quote the dossier.
  { table: 'outbox', column: 'receipt', rowKey: 'idempotency_key' },
  { table: 'outbox', column: 'last_error', rowKey: 'idempotency_key' },
  { table: 'counter_reviews', column: 'attachments', rowKey: 'draft_id' },
  { table: 'counter_reviews', column: 'supplement_note', rowKey: 'draft_id' },
] as const;

const ciphers = new WeakMap<Db, FieldCipher>();

/** The cipher of a connection made by openDatabase; the repositories encrypt and decrypt with it. */
export function fieldCipherOf(db: Db): FieldCipher {
  const cipher = ciphers.get(db);
  if (!cipher) throw new Error('this connection has no field cipher: open the database with openDatabase');
  return cipher;
}

/**
 * Made on first use, 32 random bytes, kept only sealed. In an immediate transaction, so two
 * processes opening a new database at once end up with the same key.
 */
function loadOrCreateKey(db: Db, secrets: SecretStore): Buffer {
  const settings = new SettingsRepository(db);
  const sealed = db
    .transaction(() => {
      const found = settings.get(FIELD_KEY_SETTING);
      if (found !== null) return found;
      const made = secrets.seal(randomBytes(FIELD_KEY_BYTES).toString('base64'));
      settings.set(FIELD_KEY_SETTING, made);
      return made;
    })
    .immediate();
  let key: Buffer;
  try {
    key = Buffer.from(secrets.open(sealed), 'base64');
  } catch {
    // Sealed by another store (the Electron app's keyring, seen from the CLI) or altered.
    throw new AppError('STORED_DATA_KEY_UNAVAILABLE');
  }
  if (key.length !== FIELD_KEY_BYTES) throw new AppError('STORED_DATA_KEY_UNAVAILABLE');
  return key;
}

/** Gives `db` its cipher: under the sealed data key, or (null: an in-memory database) a key of this process only. */
export function attachFieldCipher(db: Db, secrets: SecretStore | null): FieldCipher {
  let key: Buffer | undefined;
  const cipher = secrets === null ? ephemeralFieldCipher() : new FieldCipher(() => (key ??= loadOrCreateKey(db, secrets)));
  ciphers.set(db, cipher);
  return cipher;
}

/** The columns of ENCRYPTED_COLUMNS this file has (one made with only the first migrations lacks some). */
const presentColumns = (db: Db) =>
  ENCRYPTED_COLUMNS.filter(({ table, column }) => db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(table, column));

const clearValues = (db: Db, { table, column, rowKey }: (typeof ENCRYPTED_COLUMNS)[number]) =>
  db
    .prepare<[string], { row: string; value: string }>(
      `SELECT ${rowKey} AS row, ${column} AS value FROM ${table} WHERE ${column} IS NOT NULL AND substr(${column}, 1, ${FIELD_PREFIX.length}) <> ?`,
    )
    .all(FIELD_PREFIX);

/**
 * Encrypts, in one transaction, every personal value an earlier version left in clear. Returns how
 * many it encrypted (0 once done: it is safe to run at every open). Only a file that has clear values
 * takes the write lock, so opening beside a busy writer (a backup, `sync --once`) does not wait.
 */
export function encryptClearFields(db: Db, cipher: FieldCipher): number {
  const columns = presentColumns(db);
  if (columns.every((c) => clearValues(db, c).length === 0)) return 0;
  return db
    .transaction(() => {
      let count = 0;
      for (const place of columns) {
        const { table, column, rowKey } = place;
        const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${rowKey} = ?`);
        const clear = clearValues(db, place);
        for (const { row, value } of clear) update.run(cipher.encrypt(value, { table, column, row }), row);
        count += clear.length;
      }
      return count;
    })
    .immediate();
}

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseKeyError, databaseKeyFile, newDatabaseKey, readDatabaseKeys, writeDatabaseKeys } from '../../electron/db/database-key';
import { keyFileSecretStore, osSecretStore } from '../../electron/security/secret-store';
import { makeTempDir } from '../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
afterEach(() => tmp.cleanup());
const setUp = () => {
  tmp = makeTempDir('motcua-db-key-');
  return { db: join(tmp.dir, 'motcua.db'), secrets: keyFileSecretStore(tmp.dir) };
};

describe('the database key file', () => {
  it('holds the keys sealed, current first, owner-only; none yet is null', () => {
    const { db, secrets } = setUp();
    expect(readDatabaseKeys(db, secrets)).toBeNull();
    const keys = [newDatabaseKey(), newDatabaseKey()];
    writeDatabaseKeys(db, secrets, keys);
    expect(readDatabaseKeys(db, secrets)).toEqual(keys);
    const text = readFileSync(databaseKeyFile(db), 'utf8');
    for (const key of keys) expect(text).not.toContain(key.toString('hex'));
    expect(statSync(databaseKeyFile(db)).mode & 0o077).toBe(0);
  });

  it('cannot be opened by another secret store, nor when damaged: a typed error that says the data is intact', () => {
    const { db, secrets } = setUp();
    writeDatabaseKeys(db, secrets, [newDatabaseKey()]);
    const os = osSecretStore({ encryptString: (s) => Buffer.from(s), decryptString: (b) => b.toString() });
    expect(() => readDatabaseKeys(db, os)).toThrow(DatabaseKeyError);
    const other = makeTempDir('motcua-db-key-other-');
    expect(() => readDatabaseKeys(db, keyFileSecretStore(other.dir))).toThrow(/sealed with another secret key.*\/.*The data is intact/s);
    other.cleanup();
    writeFileSync(databaseKeyFile(db), '{"format":"motcua-database-key/1","keys":[]}');
    expect(() => readDatabaseKeys(db, secrets)).toThrow(expect.objectContaining({ code: 'DATABASE_KEY_UNREADABLE' }));
    writeFileSync(databaseKeyFile(db), 'not json');
    expect(() => readDatabaseKeys(db, secrets)).toThrow(expect.objectContaining({ code: 'DATABASE_KEY_UNREADABLE' }));
  });
});

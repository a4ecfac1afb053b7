import { existsSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { openDatabaseFile, type Db } from '../../electron/db/connection';
import { isClearDatabaseFile } from '../../electron/db/encrypted-file';

/**
 * A database file opened as it is, with no migration and nothing encrypted on the way: a clear one
 * (an earlier version's) plainly, an encrypted one with its key file. For tests that look at a file.
 */
export function openAsItIs(path: string, options: { readonly?: boolean } = {}): Db {
  if (existsSync(path) && isClearDatabaseFile(path)) return new Database(path, { readonly: options.readonly ?? false, fileMustExist: true });
  return openDatabaseFile(path, options);
}

import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyOwnerOnlyAcl, currentAccount, runCommand, type CommandRunner } from './windows-acl';

/*
 * The machine's own files — database, its WAL and shared memory, sealed keys, documents kept for
 * reprinting — hold personal data and secrets: only the account the app runs as may read them.
 * POSIX modes; on Windows an ACL for the account the app runs as and the Administrators only.
 */

const POSIX = process.platform !== 'win32';
const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;

/** Takes group and other bits away from one path, when it has any (a symbolic link is left alone). */
function narrow(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink() || (stat.mode & 0o077) === 0) return;
  chmodSync(path, stat.isDirectory() ? FOLDER_MODE : FILE_MODE);
}

/** A folder and everything in it made owner-only, as found at start (files an older version left 0644). */
export function narrowTree(dir: string): void {
  if (!POSIX || !existsSync(dir)) return;
  narrow(dir);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) narrowTree(path);
    else if (entry.isFile()) narrow(path);
  }
}

export interface WindowsAcl {
  platform: NodeJS.Platform;
  run: CommandRunner;
  account: () => string;
}

const thisMachine: WindowsAcl = { platform: process.platform, run: runCommand, account: () => currentAccount() };

/**
 * The app's data folder: created 0700, or narrowed with all it holds when found wider. On Windows,
 * where modes mean nothing, its ACL is set at every start with icacls (inheritance removed; the
 * app's account and the Administrators only), and what is inside inherits that.
 */
export function ownerOnlyFolder(dir: string, windows: WindowsAcl = thisMachine): void {
  mkdirSync(dir, { recursive: true, mode: FOLDER_MODE });
  if (windows.platform === 'win32') return applyOwnerOnlyAcl(dir, { account: windows.account(), run: windows.run, hasEntries: readdirSync(dir).length > 0 });
  narrowTree(dir);
}

/**
 * A file created empty with mode 0600 before anything writes it, or narrowed when found wider.
 * SQLite creates a database's WAL and shared-memory files with the database file's mode, so a
 * database file made here keeps them owner-only too.
 */
export function ownerOnlyFile(path: string): void {
  if (!POSIX) return;
  if (existsSync(path)) return narrow(path);
  closeSync(openSync(path, 'a', FILE_MODE));
}

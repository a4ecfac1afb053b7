import { join } from 'node:path';
import { openDatabase } from '../db/connection';
import { databaseStats } from '../db/stats';
import { CHANGES_FEED } from '../sync/apply-batch';
import { auditVerify } from './audit';
import type { Flags } from './flags';
import { appRoot } from './paths';
import { runSync } from './sync';

// The commands that work on a database file alone: sync, db stats, audit verify. They load no
// host, fonts or renderer, so they start fast and stay small.

/** Commands that work on a database file alone: no host, no demo, no devices. */
export function openDb(flags: Flags) {
  if (!flags.db) throw new Error('--db PATH is required');
  return openDatabase(flags.db, join(appRoot(), 'electron', 'db', 'migrations')).db;
}

export async function syncCommand(flags: Flags): Promise<void> {
  const db = openDb(flags);
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());
  try {
    process.exitCode = await runSync(db, { central: flags.central, token: flags.token, centralKey: flags['central-key'], once: flags.once }, stop.signal);
  } finally {
    db.close();
  }
}

export async function auditCommand(flags: Flags, sub: string | undefined, usage: string): Promise<void> {
  if (sub !== 'verify') throw new Error(`unknown audit command: ${sub ?? ''}\n${usage}`);
  const db = openDb(flags);
  try {
    process.exitCode = auditVerify(db, flags.json);
  } finally {
    db.close();
  }
}

export async function dbCommand(flags: Flags, sub: string | undefined, usage: string): Promise<void> {
  if (sub !== 'stats') throw new Error(`unknown db command: ${sub ?? ''}\n${usage}`);
  const db = openDb(flags);
  try {
    const stats = databaseStats(db, CHANGES_FEED);
    console.log(flags.json ? JSON.stringify(stats) : JSON.stringify(stats, null, 2));
  } finally {
    db.close();
  }
}


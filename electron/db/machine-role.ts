import type { Db } from './connection';
import { SettingsRepository } from './settings-repository';

/**
 * The machine's role decides what its database may hold: a kiosk keeps each case's status
 * object only (no applicant's name or number, no timeline notes), a counter whole cases. The
 * role is the setting provisioning, device registration and the kiosk options write; a
 * database with none (an earlier version, a link given by flags) keeps whole cases as before.
 */
export type MachineRole = 'kiosk' | 'counter';

export const ROLE_SETTING = 'kiosk.role';

export function storedRole(db: Db): MachineRole | null {
  const role = new SettingsRepository(db).get(ROLE_SETTING);
  return role === 'kiosk' || role === 'counter' ? role : null;
}

/** The feed the cursor of `sync_state` belongs to (apply-batch's CHANGES_FEED; the db layer does not import sync). */
const CHANGES_FEED = 'changes';

export interface RoleChange {
  from: MachineRole | null;
  to: MachineRole;
  /** Cases whose applicant and timeline were erased. */
  stripped: number;
  /** The feed is pulled again from the start (to fetch whole cases). */
  rewound: boolean;
}

/**
 * Stores the role and, in the same transaction, purges what it may not hold: to kiosk, every
 * case's applicant and timeline and the name index (`secure_delete` zeroes them in the file); to
 * counter from kiosk, the feed cursor goes back to the start so whole cases come down again.
 * The WAL is then truncated, so no page from before the purge stays in it. `alongside` writes
 * in the same transaction (a registration made for the new role).
 */
export function setMachineRole(db: Db, role: MachineRole, alongside?: () => void): RoleChange {
  const change = db.transaction((): RoleChange => {
    const from = storedRole(db);
    new SettingsRepository(db).set(ROLE_SETTING, role);
    alongside?.();
    if (from === role) return { from, to: role, stripped: 0, rewound: false };
    if (role === 'kiosk') {
      const stripped = db
        .prepare(`UPDATE cases SET applicant_personal_number = '', applicant_full_name = '', timeline = '[]'
                  WHERE applicant_personal_number <> '' OR applicant_full_name <> '' OR timeline <> '[]'`)
        .run().changes;
      db.exec(`INSERT INTO case_search_recent (case_search_recent) VALUES ('delete-all');
               INSERT INTO case_search_open (case_search_open) VALUES ('delete-all');
               DELETE FROM case_search_docs;
               UPDATE case_search_state SET indexed_seq = 0;`);
      return { from, to: role, stripped, rewound: false };
    }
    // A kiosk's cases are status objects: a counter needs them whole, so the feed comes again, and
    // the name index is built again from it (the same seqs come back, with names this time).
    const rewound = from === 'kiosk' && db.prepare('UPDATE sync_state SET cursor = 0 WHERE feed = ?').run(CHANGES_FEED).changes > 0;
    if (rewound) db.exec('UPDATE case_search_state SET indexed_seq = 0');
    return { from, to: role, stripped: 0, rewound };
  }).immediate();
  if (change.stripped > 0) truncateWal(db);
  return change;
}

/**
 * Copies the purged pages into the file and empties the WAL. Inside a caller's transaction (the
 * router's, which is synchronous) it runs once that has committed.
 */
function truncateWal(db: Db): void {
  const run = (): void => {
    if (db.open && !db.inTransaction) db.pragma('wal_checkpoint(TRUNCATE)');
  };
  if (db.inTransaction) queueMicrotask(run);
  else run();
}

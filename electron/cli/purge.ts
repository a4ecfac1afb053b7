import { AuditRepository } from '../db/audit-repository';
import type { Db } from '../db/connection';
import { SettingsRepository } from '../db/settings-repository';
import { AuditLog } from '../security/audit';
import { runRetention, type PurgeCounts } from '../security/retention';

/**
 * `motcua db purge`: the retention policy applied now, as the app's daily run does (one audit
 * entry when anything went). `--dry-run` runs every step and rolls it back: the counts, nothing changed.
 */
export function purgeCommand(db: Db, options: { dryRun: boolean; json: boolean }): PurgeCounts {
  const settings = new SettingsRepository(db);
  const counts = runRetention({
    db,
    settings,
    audit: new AuditLog(new AuditRepository(db), settings),
    now: () => new Date(),
    // The log (counts, an invalid setting) to stderr, as the app logs; stdout is the answer.
    log: (line) => console.error(line),
    via: 'cli',
    dryRun: options.dryRun,
  });
  if (options.json) console.log(JSON.stringify({ dryRun: options.dryRun, counts }));
  else {
    console.log(options.dryRun ? 'Sẽ xóa / would purge (chạy thử, không thay đổi gì / dry run, nothing changed):' : 'Đã xóa / purged:');
    for (const [what, n] of Object.entries(counts)) console.log(`  ${what.padEnd(18)} ${n}`);
  }
  return counts;
}

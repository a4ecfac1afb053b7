import { AuditRepository } from '../db/audit-repository';
import type { Db } from '../db/connection';
import { SettingsRepository } from '../db/settings-repository';
import { AuditLog } from '../security/audit';

/**
 * `motcua audit verify --db PATH`: walks the hash chain of the personal-data audit log.
 * Exit 0 with the rows checked, or exit 1 naming the first row whose hash does not hold.
 */
export function auditVerify(db: Db, json: boolean): number {
  const result = new AuditLog(new AuditRepository(db), new SettingsRepository(db)).verify();
  if (json) console.log(JSON.stringify(result));
  else if (result.ok) console.log(`Nhật ký truy cập nguyên vẹn: đã kiểm ${result.rows} dòng / Audit log intact: ${result.rows} rows checked`);
  else console.log(`Nhật ký truy cập bị sửa từ dòng ${result.brokenAt} / Audit log tampered: first broken row ${result.brokenAt}`);
  return result.ok ? 0 : 1;
}

import { AuditRepository } from '../db/audit-repository';
import type { Db } from '../db/connection';
import { SettingsRepository } from '../db/settings-repository';
import { AuditLog } from '../security/audit';

/**
 * `motcua audit verify --db PATH`: walks the hash chain of the personal-data audit log held here,
 * from the anchor of the part shipped to the centre. Exit 0 with the rows checked and how many were
 * shipped through which id, or exit 1 naming the first row whose hash does not hold.
 */
export function auditVerify(db: Db, json: boolean): number {
  const result = new AuditLog(new AuditRepository(db), new SettingsRepository(db)).verify();
  if (json) console.log(JSON.stringify(result));
  else if (result.ok) {
    const shipped = result.shipped > 0 ? `; ${result.shipped} dòng đã gửi về trung tâm, đến dòng ${result.shippedThrough}` : '';
    const shippedEn = result.shipped > 0 ? `; ${result.shipped} entries shipped to the centre, through row ${result.shippedThrough}` : '';
    console.log(`Nhật ký truy cập nguyên vẹn: đã kiểm ${result.rows} dòng${shipped} / Audit log intact: ${result.rows} rows checked${shippedEn}`);
  }
  else console.log(`Nhật ký truy cập bị sửa từ dòng ${result.brokenAt} / Audit log tampered: first broken row ${result.brokenAt}`);
  return result.ok ? 0 : 1;
}

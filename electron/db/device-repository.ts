import type { DeviceProfile, DeviceRole } from '../contract';
import type { Db } from './connection';

export interface DeviceRecord {
  key: string;
  vendorId: number;
  productId: number;
  serial: string | null;
  usagePage: number | null;
  name: string;
  role: DeviceRole;
  profile: DeviceProfile;
}

interface Row {
  key: string;
  vendor_id: number;
  product_id: number;
  serial: string | null;
  usage_page: number | null;
  name: string;
  role: DeviceRole;
  profile: string;
}

const fromRow = (r: Row): DeviceRecord => ({
  key: r.key,
  vendorId: r.vendor_id,
  productId: r.product_id,
  serial: r.serial,
  usagePage: r.usage_page,
  name: r.name,
  role: r.role,
  profile: JSON.parse(r.profile) as DeviceProfile,
});

export class DeviceRepository {
  constructor(private readonly db: Db) {}

  all(): DeviceRecord[] {
    return this.db.prepare<[], Row>('SELECT * FROM devices ORDER BY key').all().map(fromRow);
  }

  get(key: string): DeviceRecord | null {
    const row = this.db.prepare<[string], Row>('SELECT * FROM devices WHERE key = ?').get(key);
    return row ? fromRow(row) : null;
  }

  save(d: DeviceRecord): void {
    this.db
      .prepare(
        `INSERT INTO devices (key, vendor_id, product_id, serial, usage_page, name, role, profile, updated_at)
         VALUES (@key, @vendorId, @productId, @serial, @usagePage, @name, @role, @profile, @updatedAt)
         ON CONFLICT (key) DO UPDATE SET name = excluded.name, role = excluded.role, profile = excluded.profile,
           updated_at = excluded.updated_at`,
      )
      .run({ ...d, profile: JSON.stringify(d.profile), updatedAt: new Date().toISOString() });
  }
}

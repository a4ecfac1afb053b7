-- HID devices a technician has assigned, keyed by model and serial (the OS path changes on replug).
CREATE TABLE devices (
  key        TEXT PRIMARY KEY,           -- vvvv:pppp:serial:usagePage
  vendor_id  INTEGER NOT NULL,
  product_id INTEGER NOT NULL,
  serial     TEXT,
  usage_page INTEGER,
  name       TEXT NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('id-reader', 'barcode-scanner', 'none')),
  profile    TEXT NOT NULL,              -- JSON: mode, layout, suffix, interKeyGapMs
  updated_at TEXT NOT NULL
) STRICT;

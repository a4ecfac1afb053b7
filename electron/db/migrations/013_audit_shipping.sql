-- Audit shipping (issue 9, electron/sync/audit-shipper.ts): the centre is the archive of the audit
-- log; the kiosk keeps only the rows it has not yet shipped. One row: where the shipped part of the
-- chain ends. The first row still held must chain from through_hash (its prev_hash), so a shipped
-- and pruned head is no gap, while a row removed after it still is.
CREATE TABLE audit_shipping (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  through_id    INTEGER NOT NULL DEFAULT 0,   -- the last shipped (and pruned) row; 0: none yet
  through_hash  TEXT NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000',
  shipped       INTEGER NOT NULL DEFAULT 0,   -- rows shipped since the log began
  shipped_at    TEXT,
  last_error    TEXT,                         -- JSON of the last failed attempt (no personal data); NULL after a success
  last_error_at TEXT
) STRICT;
INSERT INTO audit_shipping (id) VALUES (1);

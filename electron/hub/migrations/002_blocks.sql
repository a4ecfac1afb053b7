-- Numbers reserved in advance for each kiosk, per day: while the hub is away the kiosk issues
-- K2-001 … from its block, and gives those tickets back when the hub returns.
CREATE TABLE blocks (
  id INTEGER PRIMARY KEY,
  kiosk TEXT NOT NULL,
  day TEXT NOT NULL,
  first INTEGER NOT NULL,
  last INTEGER NOT NULL
);
CREATE INDEX blocks_kiosk_day ON blocks (kiosk, day, last);

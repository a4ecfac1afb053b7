-- Settings of this machine and the catalogue the centre serves.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE centres (
  code    TEXT PRIMARY KEY,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  address TEXT NOT NULL
) STRICT;

CREATE TABLE procedures (
  code            TEXT PRIMARY KEY,      -- national code (e.g. 1.001193) or a local code
  national        INTEGER NOT NULL,      -- 1 when code is from the national procedure database
  name_vi         TEXT NOT NULL,
  name_en         TEXT NOT NULL,
  agency_vi       TEXT NOT NULL,
  agency_en       TEXT NOT NULL,
  fee_vnd         INTEGER,
  processing_days INTEGER
) STRICT;

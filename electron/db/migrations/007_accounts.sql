-- Officer and technician accounts (issue 7). Never a password: a scrypt hash with its own salt
-- and parameters, so the cost can be raised for new hashes without breaking old ones.
CREATE TABLE accounts (
  id            TEXT PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('officer', 'technician')),
  password_hash TEXT NOT NULL,   -- JSON: {salt, hash, N, r, p, keyLength}
  failed_count  INTEGER NOT NULL DEFAULT 0,
  locked_until  INTEGER,         -- epoch ms; null when not locked
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at    TEXT NOT NULL
) STRICT;

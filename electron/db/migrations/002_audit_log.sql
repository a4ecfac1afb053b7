-- Every use of personal data, chained by hash so that a removed or edited row shows.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  session     TEXT NOT NULL,
  role        TEXT NOT NULL,
  channel     TEXT NOT NULL,
  purpose     TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  subject     TEXT,                      -- keyed hash of the personal number, never the number
  outcome     TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL UNIQUE
) STRICT;

-- Submissions the centre refused (issue 7): an officer corrects the dossier and it goes again as
-- a new submission under a new Idempotency-Key; the refused one is kept, marked 'superseded'.
-- And account events say who: the audit log gets the acting account's username.

-- The outbox gets the state 'superseded' (a CHECK cannot be altered: the table is rebuilt).
-- counter_submissions references outbox, so it is set aside first and rebuilt after, now
-- allowing several submissions of one draft (the refused ones and their correction).
CREATE TABLE counter_submissions_old AS SELECT * FROM counter_submissions;
DROP TABLE counter_submissions;

CREATE TABLE outbox_new (
  id              INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  body            TEXT NOT NULL,            -- JSON
  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'attention', 'superseded')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  receipt         TEXT,                     -- JSON: the central answer once sent
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  superseded_by   INTEGER REFERENCES outbox (id), -- the corrected row sent instead of this refused one
  CHECK ((state = 'superseded') = (superseded_by IS NOT NULL))
) STRICT;
INSERT INTO outbox_new (id, idempotency_key, body, state, attempts, last_error, receipt, created_at, updated_at)
  SELECT id, idempotency_key, body, state, attempts, last_error, receipt, created_at, updated_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;

CREATE TABLE counter_submissions (
  id                   INTEGER PRIMARY KEY,
  draft_id             TEXT NOT NULL REFERENCES drafts (id),
  outbox_id            INTEGER NOT NULL UNIQUE REFERENCES outbox (id),
  received_at          TEXT NOT NULL,
  expected_result_date TEXT            -- null when the procedure has no processing time
) STRICT;
CREATE INDEX counter_submissions_draft ON counter_submissions (draft_id, id);
INSERT INTO counter_submissions SELECT * FROM counter_submissions_old;
DROP TABLE counter_submissions_old;

-- Who acted, for account events and officers' calls: a username (null for a kiosk), and for an
-- account event the account it was about. Rows written before these columns hash as they did
-- (electron/security/audit.ts leaves them out while both are null).
ALTER TABLE audit_log ADD COLUMN actor TEXT;
ALTER TABLE audit_log ADD COLUMN target TEXT;

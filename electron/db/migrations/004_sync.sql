-- Sync with the centre's one-stop system (DESIGN.md "Central system API"): the synced cases,
-- the synced catalogue objects, the cursor of each feed, and the outbox of dossiers to send.

-- Dossiers of this centre, as the central feed gives them; `id` is the change id.
-- PRIVACY: applicant_personal_number and applicant_full_name are personal data, stored as the
-- central system gives them because the counter searches cases by them. Only cases of this
-- centre are synced here; they are never written to logs or sync errors (the audit log keeps a
-- keyed hash of the personal number, never the number), and a central delete removes the row.
CREATE TABLE cases (
  id                        TEXT PRIMARY KEY,
  receipt_code              TEXT NOT NULL UNIQUE,
  procedure_code            TEXT NOT NULL,
  applicant_personal_number TEXT NOT NULL,   -- personal data, see above
  applicant_full_name       TEXT NOT NULL,   -- personal data, see above
  status                    TEXT NOT NULL CHECK (status IN
                              ('received', 'processing', 'supplement-required', 'completed', 'rejected', 'returned')),
  received_at               TEXT NOT NULL,
  due_at                    TEXT NOT NULL,
  updated_at                TEXT NOT NULL,
  timeline                  TEXT NOT NULL,   -- JSON: [{"at","status","note"}]
  seq                       INTEGER NOT NULL -- feed seq of the change that last wrote the row
) STRICT;
CREATE INDEX cases_applicant ON cases (applicant_personal_number);

-- Every other synced object (procedure, option, rulepack, form) as its JSON, by type and id.
-- A 'procedure' whose data has the fields of `procedures` (code, national, name {vi,en},
-- agency {vi,en}, feeVnd, processingDays) is also written there, and removed on delete.
CREATE TABLE synced_objects (
  type TEXT NOT NULL CHECK (type IN ('procedure', 'option', 'rulepack', 'form')),
  id   TEXT NOT NULL,
  data TEXT NOT NULL,                       -- JSON
  seq  INTEGER NOT NULL,
  PRIMARY KEY (type, id)
) STRICT;

-- The cursor of each feed: the seq of the last checkpoint applied.
CREATE TABLE sync_state (
  feed            TEXT PRIMARY KEY,
  cursor          INTEGER NOT NULL DEFAULT 0,
  last_success_at TEXT,
  last_error      TEXT,
  last_error_at   TEXT
) STRICT;

-- Dossiers waiting to be sent with POST /v1/dossiers; the key makes a resend safe.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  body            TEXT NOT NULL,            -- JSON
  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'attention')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  receipt         TEXT,                     -- JSON: the central answer once sent
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;

-- The counter's work on a dossier (issue 7): the originals an officer checked, and the
-- submission made through the outbox for the receipt.

-- One row per dossier being received. PRIVACY: notes may mention the applicant; the row goes with its draft.
CREATE TABLE counter_reviews (
  draft_id         TEXT PRIMARY KEY REFERENCES drafts (id) ON DELETE CASCADE,
  attachments      TEXT NOT NULL,   -- JSON: [{"id","seen","note"}]
  needs_supplement INTEGER NOT NULL CHECK (needs_supplement IN (0, 1)),
  supplement_note  TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;

-- A dossier sent for the citizen: its outbox row carries the body and, once sent, the receipt.
CREATE TABLE counter_submissions (
  id                   INTEGER PRIMARY KEY,
  draft_id             TEXT NOT NULL UNIQUE REFERENCES drafts (id),
  outbox_id            INTEGER NOT NULL UNIQUE REFERENCES outbox (id),
  received_at          TEXT NOT NULL,
  expected_result_date TEXT            -- null when the procedure has no processing time
) STRICT;

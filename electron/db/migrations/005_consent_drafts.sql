-- Consents given at the kiosk or counter, and the dossier drafts prepared from them (issue 5).

-- One row per decision: the citizen (as a keyed hash, as in the audit log), the purpose and
-- scope read out to them, the legal basis, and until when an acceptance holds.
CREATE TABLE consents (
  id          TEXT PRIMARY KEY,
  session     TEXT NOT NULL,
  subject     TEXT NOT NULL,   -- HMAC of the personal number, never the number
  purpose     TEXT NOT NULL,
  scope       TEXT NOT NULL,   -- JSON: the data categories shown
  legal_basis TEXT NOT NULL,
  accepted    INTEGER NOT NULL CHECK (accepted IN (0, 1)),
  recorded_at TEXT NOT NULL,
  expires_at  TEXT              -- null for a refusal
) STRICT;
CREATE INDEX consents_subject ON consents (subject, purpose);

-- A prepared dossier. PRIVACY: `data` holds the citizen's values; a draft neither printed nor
-- submitted is deleted when the session that made it ends.
CREATE TABLE drafts (
  id         TEXT PRIMARY KEY,
  session    TEXT NOT NULL,
  subject    TEXT NOT NULL,   -- HMAC of the personal number
  form_id    TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('draft', 'printed', 'submitted')),
  data       TEXT NOT NULL,   -- JSON
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX drafts_session ON drafts (session, status);

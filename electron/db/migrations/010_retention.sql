-- Retention (issue 9, electron/security/retention.ts): what the purges need to tell rows apart.

-- The service centre that received a synced case, as the feed gives it (`centreCode`). NULL for a
-- feed from before the field, taken as this centre's (only its cases were synced then). No index:
-- the sync writes a million rows and the daily purge may scan them once.
ALTER TABLE cases ADD COLUMN centre_code TEXT;

-- When a sent (or superseded) dossier's body was reduced to what the counter still shows (the
-- procedure code); the receipt is kept. NULL: the body is whole.
ALTER TABLE outbox ADD COLUMN reduced_at TEXT;

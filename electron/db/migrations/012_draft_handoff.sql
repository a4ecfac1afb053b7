-- What a printed dossier's QR carries (electron/security/device-signing.ts encodeHandoff), recorded
-- at the kiosk's print: 'draft', the whole signed dossier, so the counter never needs this row and a
-- kiosk turn's end deletes it; 'reference', its id, so the counter reads this row and retention keeps
-- it. NULL: not printed at a kiosk, taken over by a counter, or printed before this column (kept, as then).
ALTER TABLE drafts ADD COLUMN handoff_kind TEXT CHECK (handoff_kind IN ('draft', 'reference'));

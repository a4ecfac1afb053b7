-- Identity assurance: how sure the machine was of the citizen's identity when it used their data
-- (typed, qr, chip, holder-confirmed, officer-attested). Part of the row's chain hash when set, so
-- rows written before it still verify.
ALTER TABLE audit_log ADD COLUMN assurance TEXT;

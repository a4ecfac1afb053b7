-- The sync beat asks for the pending submissions in order; without this index it read every row,
-- sent ones included, so a kiosk that had sent many submissions slowed at every beat.
CREATE INDEX outbox_state ON outbox (state, id);

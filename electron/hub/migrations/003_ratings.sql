-- Satisfaction ratings: tied to the counter, the officer and the ticket, never to the citizen.
CREATE TABLE ratings (
  id TEXT PRIMARY KEY,
  day TEXT NOT NULL,
  counter TEXT NOT NULL,
  ticket TEXT NOT NULL,
  officer TEXT,
  score TEXT NOT NULL CHECK (score IN ('very-satisfied', 'satisfied', 'dissatisfied')),
  reasons TEXT NOT NULL DEFAULT '[]',
  at TEXT NOT NULL,
  UNIQUE (day, ticket)
);

-- The centre hub's own database: machines paired with it and the queue of the day.
-- Nothing personal: a ticket is a number, a service and times.
CREATE TABLE hub_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- label: K1, K2 … for kiosks, the counter number for counters, D1 / R1 … for displays and rating screens.
CREATE TABLE machines (
  key_id TEXT PRIMARY KEY,
  public_key TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('kiosk', 'counter', 'display', 'rating')),
  label TEXT NOT NULL,
  paired_at TEXT NOT NULL,
  UNIQUE (role, label)
);

-- counters: JSON array of the counter numbers that serve the service.
CREATE TABLE services (
  id TEXT PRIMARY KEY,
  prefix TEXT NOT NULL UNIQUE,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  procedures TEXT NOT NULL DEFAULT '[]',
  counters TEXT NOT NULL DEFAULT '[]',
  position INTEGER NOT NULL
);

-- state: waiting → called → serving → served; called → no-show; a transfer puts the ticket back to waiting
-- in another service_id, where it keeps its place by issued_at.
CREATE TABLE tickets (
  id INTEGER PRIMARY KEY,
  day TEXT NOT NULL,
  service_id TEXT NOT NULL,
  number TEXT NOT NULL,
  seq INTEGER NOT NULL,
  priority INTEGER NOT NULL DEFAULT 0,
  issued_at TEXT NOT NULL,
  issued_by TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'waiting',
  counter TEXT,
  officer TEXT,
  called_at TEXT,
  serving_at TEXT,
  done_at TEXT,
  UNIQUE (day, number)
);
-- The last number given per service letter and day: A001, A002 … never twice.
CREATE TABLE numbering (day TEXT NOT NULL, prefix TEXT NOT NULL, last INTEGER NOT NULL, PRIMARY KEY (day, prefix));

CREATE INDEX tickets_waiting ON tickets (day, state, service_id, priority, issued_at);
CREATE INDEX tickets_counter ON tickets (day, counter, state);

CREATE TABLE calls (
  id INTEGER PRIMARY KEY,
  day TEXT NOT NULL,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  number TEXT NOT NULL,
  counter TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX calls_day ON calls (day, id);

CREATE TABLE help_requests (
  id INTEGER PRIMARY KEY,
  kiosk TEXT NOT NULL,
  since TEXT NOT NULL,
  taken_by TEXT,
  taken_at TEXT,
  closed_at TEXT
);
CREATE INDEX help_open ON help_requests (closed_at, kiosk);

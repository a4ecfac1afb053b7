-- Counter search over the synced cases by name (issue 7), kept beside `cases` rather than by
-- triggers on it, so the sync's per-row path stays as fast as a plain insert. The index is brought
-- up to date by CaseSearch.catchUp() from the cases whose seq is above `indexed_seq`.
--
-- Two full-text indexes whose rowid is an order, so a search reads only the first rows it needs:
--   case_search_recent  every case, rowid from updated_at (newest = highest);
--   case_search_open    open cases only, rowid from due_at (earliest due = lowest).
-- Contentless (no copy of the name is stored) with contentless_delete, so an entry can be replaced
-- or removed. The indexed text is the name folded to plain letters (đ → d, which unicode61 keeps)
-- and each two neighbouring words joined by '_' (a token character here): a full name is then found
-- through its rare pairs. The last word of a query is a prefix: a prefix index per length up to 7
-- (the longest Vietnamese syllable, "nghiêng") makes it a single term read in rowid order, not a
-- merge of all the words it begins.
-- PRIVACY: the folded tokens of applicant names are personal data like `cases`, and are deleted
-- with the case.
CREATE VIRTUAL TABLE case_search_recent USING fts5(
  name, content = '', contentless_delete = 1, tokenize = "unicode61 remove_diacritics 2 tokenchars '_'", prefix = '1 2 3 4 5 6 7'
);
CREATE VIRTUAL TABLE case_search_open USING fts5(
  name, content = '', contentless_delete = 1, tokenize = "unicode61 remove_diacritics 2 tokenchars '_'", prefix = '1 2 3 4 5 6 7'
);

-- Which index rows belong to which case: to replace or remove them, and to go from a hit to the case.
CREATE TABLE case_search_docs (
  case_id   TEXT PRIMARY KEY,
  recent_id INTEGER NOT NULL UNIQUE,  -- rowid in case_search_recent
  open_id   INTEGER UNIQUE            -- rowid in case_search_open; NULL for a closed case
) STRICT, WITHOUT ROWID;

-- One row: every case with seq <= indexed_seq is in the index.
CREATE TABLE case_search_state (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  indexed_seq INTEGER NOT NULL
) STRICT;
INSERT INTO case_search_state (id, indexed_seq) VALUES (1, 0);

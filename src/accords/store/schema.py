"""The register's SQLite schema, as a list of migrations applied in order.

`PRAGMA user_version` holds the number of migrations a file has had. Opening a file applies the
missing ones in one transaction, so an older register is upgraded in place and a failed upgrade
leaves it as it was; a file with a higher number than `MIGRATIONS` knows was written by a newer
Accords and is refused rather than misread.

The record of each document is kept as JSON in `records` (the one record type), compressed with
the text as read (`store.packing`), less its provisions' words and the evidence, which live once in
their rows; every other table is derived from it at ingest (the pairs' summaries in `store.pairs`). Commitment status is not stored as
a column: it is the latest row of `status_changes` (default `open`), so the history is the truth.
"""

from __future__ import annotations

INITIAL = """
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    parties     TEXT NOT NULL,              -- sorted ISO codes joined by ',', the linking key
    kind        TEXT,
    start       TEXT,
    "end"       TEXT,
    guest       TEXT,                       -- the visiting state
    host        TEXT                        -- the receiving state
);
CREATE INDEX events_parties ON events (parties, start);

CREATE TABLE documents (
    id              TEXT PRIMARY KEY,       -- Record.id: a hash of the clean text
    file            TEXT,
    url             TEXT,
    title           TEXT,
    published       TEXT,
    languages       TEXT NOT NULL,          -- comma-joined, main language first
    doc_type        TEXT,
    date            TEXT,                   -- event start, else published: the document's place in time
    event_id        INTEGER REFERENCES events (id),
    event_kind      TEXT,
    event_start     TEXT,
    event_end       TEXT,
    guest_name      TEXT,
    guest_country   TEXT,
    host_name       TEXT,
    host_country    TEXT,
    place           TEXT,
    level           TEXT,
    upgraded        INTEGER NOT NULL DEFAULT 0,
    level_since     TEXT,
    relations_since TEXT,
    provision_count  INTEGER NOT NULL,
    commitment_count INTEGER NOT NULL,      -- provisions with modality commit, support or explore
    ingested_at     TEXT NOT NULL
);
CREATE INDEX documents_date ON documents (date);
CREATE INDEX documents_event ON documents (event_id);
CREATE INDEX documents_file ON documents (file);

CREATE TABLE records (
    document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    record      TEXT NOT NULL,              -- the whole Record as JSON
    text        TEXT                        -- the text as read, which the spans index
);

CREATE TABLE document_countries (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    country     TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('party', 'mentioned')),
    PRIMARY KEY (document_id, role, country)
);
CREATE INDEX document_countries_country ON document_countries (country, role, document_id);

CREATE TABLE provisions (
    id          INTEGER PRIMARY KEY,        -- also the commitment id
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,           -- reading order within the document, from 1
    number      TEXT,
    section     TEXT,
    language    TEXT,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    modality    TEXT,
    text        TEXT NOT NULL,
    UNIQUE (document_id, ordinal)
);
CREATE INDEX provisions_document ON provisions (document_id, modality);  -- covers compare's scan

CREATE TABLE provision_actors (
    provision_id INTEGER NOT NULL REFERENCES provisions (id) ON DELETE CASCADE,
    country      TEXT NOT NULL,
    PRIMARY KEY (provision_id, country)
);
CREATE INDEX provision_actors_country ON provision_actors (country);

CREATE TABLE provision_domains (
    provision_id INTEGER NOT NULL REFERENCES provisions (id) ON DELETE CASCADE,
    domain       TEXT NOT NULL,
    PRIMARY KEY (provision_id, domain)
);
CREATE INDEX provision_domains_domain ON provision_domains (domain, provision_id);

CREATE TABLE targets (
    id           INTEGER PRIMARY KEY,
    provision_id INTEGER NOT NULL REFERENCES provisions (id) ON DELETE CASCADE,
    metric       TEXT,
    amount       REAL NOT NULL,
    unit         TEXT NOT NULL,
    year         INTEGER
);
CREATE INDEX targets_year ON targets (year);
CREATE INDEX targets_provision ON targets (provision_id);

CREATE TABLE entities (
    provision_id INTEGER NOT NULL REFERENCES provisions (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('instrument', 'organization')),
    ordinal      INTEGER NOT NULL,
    entity_id    TEXT,
    name         TEXT NOT NULL,
    year         INTEGER,
    PRIMARY KEY (provision_id, kind, ordinal)
);
CREATE INDEX entities_id ON entities (kind, entity_id);

CREATE TABLE mechanisms (
    provision_id INTEGER NOT NULL REFERENCES provisions (id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,
    name         TEXT NOT NULL,
    PRIMARY KEY (provision_id, ordinal)
);

CREATE TABLE evidence (
    id           INTEGER PRIMARY KEY,
    document_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    provision_id INTEGER REFERENCES provisions (id) ON DELETE CASCADE,  -- NULL for event, relationship
    scope        TEXT NOT NULL CHECK (scope IN ('event', 'relationship', 'provision')),
    field        TEXT NOT NULL,
    value        TEXT NOT NULL,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    cue          TEXT NOT NULL
);
CREATE INDEX evidence_document ON evidence (document_id);
CREATE INDEX evidence_provision ON evidence (provision_id);

CREATE TABLE status_changes (
    id           INTEGER PRIMARY KEY,
    provision_id INTEGER NOT NULL REFERENCES provisions (id) ON DELETE CASCADE,
    status       TEXT NOT NULL
                 CHECK (status IN ('open', 'in_progress', 'fulfilled', 'lapsed', 'dropped')),
    date         TEXT NOT NULL,
    note         TEXT,
    evidence_url TEXT,
    recorded_at  TEXT NOT NULL
);
CREATE INDEX status_changes_provision ON status_changes (provision_id, date, id);

-- A commitment is a provision with modality commit, support or explore; its status is its latest
-- status change, or open.
CREATE VIEW commitments AS
SELECT p.id AS id, p.document_id, p.ordinal, p.number, p.modality, p.text,
       COALESCE((SELECT s.status FROM status_changes s WHERE s.provision_id = p.id
                 ORDER BY s.date DESC, s.id DESC LIMIT 1), 'open') AS status
FROM provisions p
WHERE p.modality IN ('commit', 'support', 'explore');

-- The provisions' words for full-text search. Contentless (the words live in `provisions`); the
-- indexed text has its letters made plain by accords.store.folding, so that đ, ø, ł match d, o, l.
-- `facets` holds a token per party, domain, modality and year (see accords.store.facets), so that a
-- filtered search is one index intersection rather than a check of every matching provision.
CREATE VIRTUAL TABLE provisions_fts USING fts5 (
    text, facets, content = '', tokenize = 'unicode61 remove_diacritics 2'
);
"""

RENEWALS = """
-- How each commitment of a pair's later document stands to its earlier mention (accords.store.renewals):
-- earlier_id is NULL for a new one. Derived at ingest, like every table but status_changes.
CREATE TABLE renewals (
    provision_id INTEGER PRIMARY KEY REFERENCES provisions (id) ON DELETE CASCADE,
    earlier_id   INTEGER REFERENCES provisions (id) ON DELETE CASCADE,
    change       TEXT NOT NULL
                 CHECK (change IN ('new', 'repeated', 'strengthened', 'weakened', 'changed')),
    reasons      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX renewals_earlier ON renewals (earlier_id);
"""

MEASUREMENTS = """
-- Figures already reached (model.Measurement), measured against the targets of the same parties,
-- metric and unit by accords.store.query.progress.
CREATE TABLE measurements (
    id           INTEGER PRIMARY KEY,
    provision_id INTEGER NOT NULL REFERENCES provisions (id) ON DELETE CASCADE,
    metric       TEXT NOT NULL,
    amount       REAL NOT NULL,
    unit         TEXT NOT NULL,
    year         INTEGER
);
CREATE INDEX measurements_provision ON measurements (provision_id);
CREATE INDEX measurements_metric ON measurements (metric, unit);
"""

SUMMARIES = """
-- A commitment that a report of the same event states again (accords.links.renewals.same_commitment)
-- is counted once: the report stored first stands for the event, the others are its sources too.
CREATE TABLE repeats (
    provision_id INTEGER PRIMARY KEY REFERENCES provisions (id) ON DELETE CASCADE,
    first_id     INTEGER NOT NULL REFERENCES provisions (id) ON DELETE CASCADE
);
CREATE INDEX repeats_first ON repeats (first_id);

-- Each pair of states that meet in a document (a < b), kept up to date at ingest in the document's
-- transaction (accords.store.pairs), so that partners, compare and the heat map read a few rows
-- rather than every document of a state. The level is the one the latest document stating one
-- states (level_date, level_document say which); commitments are counted once per event.
CREATE TABLE pairs (
    id              INTEGER PRIMARY KEY,
    a               TEXT NOT NULL,
    b               TEXT NOT NULL,
    level           TEXT,
    level_date      TEXT,
    level_document  TEXT,
    upgraded        TEXT,
    relations_since TEXT,
    documents       INTEGER NOT NULL,
    commitments     INTEGER NOT NULL,
    first           TEXT,
    last            TEXT,
    UNIQUE (a, b),
    UNIQUE (b, a)
);

-- For each level a pair has had, the start the latest document giving one states.
CREATE TABLE pair_levels (
    pair_id      INTEGER NOT NULL REFERENCES pairs (id),
    level        TEXT NOT NULL,
    since        TEXT NOT NULL,
    date         TEXT NOT NULL,             -- the stating document's date, '' for none
    document_id  TEXT NOT NULL,
    PRIMARY KEY (pair_id, level)
) WITHOUT ROWID;

-- Provisions (each once per event) of a pair's documents by domain and modality: how many, and
-- the provisions themselves newest first, so a cell of /compare is one index range.
CREATE TABLE pair_cells (
    pair_id   INTEGER NOT NULL REFERENCES pairs (id),
    domain    TEXT NOT NULL,
    modality  TEXT NOT NULL,
    n         INTEGER NOT NULL,
    PRIMARY KEY (pair_id, domain, modality)
) WITHOUT ROWID;

CREATE TABLE pair_provisions (
    pair_id      INTEGER NOT NULL REFERENCES pairs (id),
    domain       TEXT NOT NULL,
    modality     TEXT NOT NULL,
    date         TEXT NOT NULL,             -- the document's date, '' for none (sorts last, newest first)
    provision_id INTEGER NOT NULL REFERENCES provisions (id) ON DELETE CASCADE,
    PRIMARY KEY (pair_id, domain, modality, date, provision_id)
) WITHOUT ROWID;
"""

COMPACT = """
-- Each fact once, and no index that no question uses. The tables that link a provision or a
-- document to its values are keyed by that link alone (WITHOUT ROWID: no rowid and no second copy
-- of the key as an index); the indexes by actor and by entity id served no query.
CREATE TABLE provision_actors_keyed (
    provision_id INTEGER NOT NULL REFERENCES provisions (id) ON DELETE CASCADE,
    country      TEXT NOT NULL,
    PRIMARY KEY (provision_id, country)
) WITHOUT ROWID;
INSERT INTO provision_actors_keyed SELECT provision_id, country FROM provision_actors;
DROP TABLE provision_actors;
ALTER TABLE provision_actors_keyed RENAME TO provision_actors;

CREATE TABLE provision_domains_keyed (
    provision_id INTEGER NOT NULL REFERENCES provisions (id) ON DELETE CASCADE,
    domain       TEXT NOT NULL,
    PRIMARY KEY (provision_id, domain)
) WITHOUT ROWID;
INSERT INTO provision_domains_keyed SELECT provision_id, domain FROM provision_domains;
DROP TABLE provision_domains;
ALTER TABLE provision_domains_keyed RENAME TO provision_domains;
CREATE INDEX provision_domains_domain ON provision_domains (domain, provision_id);

CREATE TABLE entities_keyed (
    provision_id INTEGER NOT NULL REFERENCES provisions (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('instrument', 'organization')),
    ordinal      INTEGER NOT NULL,
    entity_id    TEXT,
    name         TEXT NOT NULL,
    year         INTEGER,
    PRIMARY KEY (provision_id, kind, ordinal)
) WITHOUT ROWID;
INSERT INTO entities_keyed SELECT provision_id, kind, ordinal, entity_id, name, year FROM entities;
DROP TABLE entities;
ALTER TABLE entities_keyed RENAME TO entities;

CREATE TABLE mechanisms_keyed (
    provision_id INTEGER NOT NULL REFERENCES provisions (id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,
    name         TEXT NOT NULL,
    PRIMARY KEY (provision_id, ordinal)
) WITHOUT ROWID;
INSERT INTO mechanisms_keyed SELECT provision_id, ordinal, name FROM mechanisms;
DROP TABLE mechanisms;
ALTER TABLE mechanisms_keyed RENAME TO mechanisms;

CREATE TABLE document_countries_keyed (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    country     TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('party', 'mentioned')),
    PRIMARY KEY (document_id, role, country)
) WITHOUT ROWID;
INSERT INTO document_countries_keyed SELECT document_id, country, role FROM document_countries;
DROP TABLE document_countries;
ALTER TABLE document_countries_keyed RENAME TO document_countries;
CREATE INDEX document_countries_country ON document_countries (country, role, document_id);

-- Evidence as little as says it: a provision's evidence names the provision only (not its document
-- and scope too), and its cue only when that is not the provision's words at the span.
CREATE TABLE evidence_compact (
    id           INTEGER PRIMARY KEY,
    provision_id INTEGER REFERENCES provisions (id) ON DELETE CASCADE,
    document_id  TEXT REFERENCES documents (id) ON DELETE CASCADE,  -- event and relationship evidence only
    scope        TEXT CHECK (scope IN ('event', 'relationship')),    -- NULL for a provision's
    field        TEXT NOT NULL,
    value        TEXT NOT NULL,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    cue          TEXT                                  -- NULL: the provision's words at the span
);
INSERT INTO evidence_compact
SELECT e.id, e.provision_id, CASE WHEN e.provision_id IS NULL THEN e.document_id END,
       CASE WHEN e.provision_id IS NULL THEN e.scope END, e.field, e.value, e.span_start, e.span_end,
       CASE WHEN e.cue = substr(p.text, e.span_start - p.span_start + 1, e.span_end - e.span_start) THEN NULL
            ELSE e.cue END
FROM evidence e LEFT JOIN provisions p ON p.id = e.provision_id;
DROP TABLE evidence;
ALTER TABLE evidence_compact RENAME TO evidence;
CREATE INDEX evidence_document ON evidence (document_id) WHERE document_id IS NOT NULL;
CREATE INDEX evidence_provision ON evidence (provision_id) WHERE provision_id IS NOT NULL;

-- A state's targets straight from its documents, not through every provision they hold.
ALTER TABLE targets ADD COLUMN document_id TEXT REFERENCES documents (id) ON DELETE CASCADE;
UPDATE targets SET document_id = (SELECT p.document_id FROM provisions p WHERE p.id = targets.provision_id);
CREATE INDEX targets_document ON targets (document_id);
"""

LINKING = """
-- What linking reads, keyed so that storing a document reads only what it can link to, however
-- many documents its pair or event has (accords.store.renewals, accords.store.repeats).

-- Each dated document of two or more parties under its pair (the parties' codes in order, joined
-- by ','); `open` while it has commitments and no renewals yet (nothing earlier when stored).
CREATE TABLE pair_documents (
    pair           TEXT NOT NULL,
    date           TEXT NOT NULL,
    document_rowid INTEGER NOT NULL,
    event_id       INTEGER,
    open           INTEGER NOT NULL,
    PRIMARY KEY (pair, date, document_rowid)
) WITHOUT ROWID;
CREATE INDEX pair_documents_open ON pair_documents (pair, date) WHERE open = 1;

-- The distinct commitments of a pair (accords.links.renewals.digest), each once with one provision
-- that states it, and the keys under which a commitment that makes it again finds it (match_keys).
CREATE TABLE commitment_kinds (
    id           INTEGER PRIMARY KEY,
    pair         TEXT NOT NULL,
    digest       BLOB NOT NULL,
    provision_id INTEGER NOT NULL,
    UNIQUE (pair, digest)
);
CREATE TABLE kind_keys (
    key     INTEGER NOT NULL,                  -- a 64-bit hash of the pair and the key
    kind_id INTEGER NOT NULL,
    PRIMARY KEY (key, kind_id)
) WITHOUT ROWID;

-- Which kinds of a pair make each other again (accords.links.renewals.same), found when a kind is added.
CREATE TABLE kind_matches (
    kind_id  INTEGER NOT NULL,
    match_id INTEGER NOT NULL,
    PRIMARY KEY (kind_id, match_id)
) WITHOUT ROWID;

-- Each commitment of those documents under its kind and its document's place in time (provision
-- ids grow as documents are stored, so they order a date's documents as stored), with the date of
-- its present earlier mention ('' for none).
CREATE TABLE pair_commitments (
    kind_id      INTEGER NOT NULL,
    date         TEXT NOT NULL,
    provision_id INTEGER NOT NULL,
    event_id     INTEGER,
    mention      TEXT NOT NULL,
    PRIMARY KEY (kind_id, date, provision_id)
) WITHOUT ROWID;

-- The reports of each event that state a commitment first (not only repeats), in the order stored.
CREATE TABLE event_sources (
    event_id       INTEGER NOT NULL,
    document_rowid INTEGER NOT NULL,
    document_id    TEXT NOT NULL,
    PRIMARY KEY (event_id, document_rowid)
) WITHOUT ROWID;
"""

MIGRATIONS: tuple[str, ...] = (INITIAL, RENEWALS, MEASUREMENTS, SUMMARIES, COMPACT, LINKING)
"""Migration N (from 1) is MIGRATIONS[N - 1]; append, never edit one that has shipped. A migration
that adds rows derived from others fills them in Python once every migration's statements have run
(`database.FILLS`), so that a fill is written against the present schema."""

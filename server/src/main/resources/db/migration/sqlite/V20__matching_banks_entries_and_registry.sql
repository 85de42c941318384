-- Hash banks, their entries, the change log the in-memory index follows, and the registry of
-- checked content that retroactive scans search.
CREATE TABLE matching_bank (
    id            TEXT    NOT NULL PRIMARY KEY,
    name          TEXT    NOT NULL UNIQUE,
    action        TEXT    NOT NULL,
    max_distance  INTEGER NOT NULL,
    quality_floor INTEGER NOT NULL,
    enabled       INTEGER NOT NULL,
    created_at    INTEGER NOT NULL
);

CREATE TABLE matching_entry (
    id          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    bank_id     TEXT    NOT NULL REFERENCES matching_bank (id),
    pdq         TEXT,
    md5         TEXT,
    sha256      TEXT,
    source_kind TEXT    NOT NULL,
    source_ref  TEXT    NOT NULL,
    note        TEXT,
    enabled     INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX matching_entry_bank ON matching_entry (bank_id, id);
CREATE INDEX matching_entry_source ON matching_entry (source_kind, source_ref);

-- One row per change of an entry or a bank, in commit order; index replicas apply rows after the
-- last sequence number they saw.
CREATE TABLE matching_change (
    seq      INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    bank_id  TEXT    NOT NULL,
    entry_id INTEGER
);

CREATE TABLE matching_content (
    id          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    content_id  TEXT    NOT NULL,
    uploader    TEXT    NOT NULL,
    pdq         TEXT,
    md5         TEXT,
    sha256      TEXT,
    verdict     TEXT    NOT NULL,
    checked_at  INTEGER NOT NULL
);
CREATE INDEX matching_content_content ON matching_content (content_id);

-- Legal holds until a date (docs/adr/0021): a case hold may now end on its own; a hold on one
-- content item (its reason sealed) keeps that item's images and records like a case hold does.
ALTER TABLE evidence_case_hold ADD COLUMN held_until INTEGER;

CREATE TABLE evidence_content_hold (
    content_id  TEXT    NOT NULL PRIMARY KEY,
    reason      TEXT    NOT NULL,
    held_by     TEXT    NOT NULL,
    held_at     INTEGER NOT NULL,
    held_until  INTEGER
);

-- What the retention sweep deleted: one row per record (or per batch of media references), by
-- kind, with the case it belonged to where there is one. Kept with the audit log's entries.
CREATE TABLE evidence_deletion (
    id          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    kind        TEXT    NOT NULL,
    record_id   TEXT    NOT NULL,
    case_ref    TEXT,
    deleted_at  INTEGER NOT NULL,
    sweep_id    TEXT    NOT NULL
);
CREATE INDEX evidence_deletion_at ON evidence_deletion (deleted_at);

-- The sweep's claim: one instance sweeps at a time; a claim that outlives its lease (a process
-- that died mid-sweep) can be taken over.
CREATE TABLE evidence_sweep (
    name          TEXT    NOT NULL PRIMARY KEY,
    claimed_by    TEXT,
    claimed_until INTEGER,
    last_swept_at INTEGER
);
INSERT INTO evidence_sweep (name) VALUES ('retention');

-- Law-enforcement requests (docs/adr/0021): what the police asked for, on which legal basis and
-- for which cases, who recorded it and who (another person) approved or refused it, and every
-- step of its chain of custody. The officer's contact and the crime reference are sealed with the
-- data key, bound to their row. linked_kind and linked_ref leave room to tie a request to another
-- record (a referral) without this table knowing its module.
CREATE TABLE evidence_request (
    id              TEXT    NOT NULL PRIMARY KEY,
    agency          TEXT    NOT NULL,
    officer         TEXT    NOT NULL,
    crime_reference TEXT    NOT NULL,
    legal_basis     TEXT    NOT NULL,
    deadline        TIMESTAMPTZ NOT NULL,
    state           TEXT    NOT NULL,
    recorded_by     TEXT    NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL,
    decided_by      TEXT,
    decided_at      TIMESTAMPTZ,
    linked_kind     TEXT,
    linked_ref      TEXT,
    last_step_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX evidence_request_last_step ON evidence_request (last_step_at);

-- The cases a request covers.
CREATE TABLE evidence_request_case (
    request_id  TEXT    NOT NULL REFERENCES evidence_request (id),
    case_ref    TEXT    NOT NULL,
    PRIMARY KEY (request_id, case_ref)
);
CREATE INDEX evidence_request_case_ref ON evidence_request_case (case_ref);

-- The chain of custody: recorded, approved or refused (with the reason, sealed), each export with
-- its manifest's SHA-256, each hand-over (delivered or collected, with a sealed note).
CREATE TABLE evidence_request_step (
    request_id      TEXT    NOT NULL REFERENCES evidence_request (id),
    seq             INTEGER NOT NULL,
    step            TEXT    NOT NULL,
    actor           TEXT    NOT NULL,
    at              TIMESTAMPTZ NOT NULL,
    note            TEXT,
    manifest_sha256 TEXT,
    PRIMARY KEY (request_id, seq)
);

-- An export made for a request names it.
ALTER TABLE evidence_export ADD COLUMN request_id TEXT;
CREATE INDEX evidence_export_request ON evidence_export (request_id);

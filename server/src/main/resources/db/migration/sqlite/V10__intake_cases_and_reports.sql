-- Intake: cases, the reports and hash submissions that make them, content locators (one case per
-- content), the dated history each reporter sees, protected hashes, child-protection referrals
-- and remembered answers for Idempotency-Key retries. Personal fields (signature, contact, free
-- text, remembered status tokens) hold FieldCipher ciphertext; status tokens are stored as SHA-256.
CREATE TABLE intake_case (
    case_ref         TEXT    NOT NULL PRIMARY KEY,
    kind             TEXT    NOT NULL,
    state            TEXT    NOT NULL,
    route            TEXT    NOT NULL,
    priority         TEXT    NOT NULL,
    received_at      INTEGER NOT NULL,
    removal_deadline INTEGER,
    version          INTEGER NOT NULL
);

CREATE TABLE intake_report (
    id                   TEXT    NOT NULL PRIMARY KEY,
    case_ref             TEXT    NOT NULL REFERENCES intake_case (case_ref),
    channel              TEXT    NOT NULL,
    reporter_role        TEXT    NOT NULL,
    subject_under_18     BOOLEAN NOT NULL,
    signature_enc        TEXT,
    contact_email_enc    TEXT,
    description_enc      TEXT,
    token_hash           TEXT    NOT NULL UNIQUE,
    received_at          INTEGER NOT NULL,
    messages_stopped     BOOLEAN NOT NULL,
    withdrawn_at         INTEGER
);

CREATE INDEX intake_report_case ON intake_report (case_ref);

CREATE TABLE intake_content (
    locator  TEXT NOT NULL PRIMARY KEY,
    case_ref TEXT NOT NULL REFERENCES intake_case (case_ref)
);

CREATE TABLE intake_event (
    id          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    case_ref    TEXT    NOT NULL REFERENCES intake_case (case_ref),
    report_id   TEXT,
    occurred_at INTEGER NOT NULL,
    what        TEXT    NOT NULL
);

CREATE INDEX intake_event_case ON intake_event (case_ref);

CREATE TABLE intake_hash (
    report_id TEXT    NOT NULL REFERENCES intake_report (id),
    position  INTEGER NOT NULL,
    pdq       TEXT    NOT NULL,
    quality   INTEGER,
    md5       TEXT,
    sha256    TEXT,
    PRIMARY KEY (report_id, position)
);

CREATE TABLE intake_referral (
    case_ref   TEXT    NOT NULL PRIMARY KEY REFERENCES intake_case (case_ref),
    state      TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE intake_idempotent_answer (
    key_hash      TEXT    NOT NULL PRIMARY KEY,
    fingerprint   TEXT    NOT NULL,
    case_ref      TEXT    NOT NULL,
    token_enc     TEXT    NOT NULL,
    received_at   INTEGER NOT NULL,
    removal_deadline INTEGER,
    route         TEXT    NOT NULL
);

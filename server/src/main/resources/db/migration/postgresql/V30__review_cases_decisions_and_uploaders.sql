-- Review: one case per reported or matched content group, ordered by deadline, severity and
-- source; the content items a case covers (with their removal deliveries and confirmations);
-- matches that joined or opened it; decisions with their statement of reasons; a dated history;
-- confirmed removals per uploader (repeat-uploader policy); moderators' media preferences; and
-- child-protection referral records. The moderator's free-text statement is FieldCipher ciphertext.
CREATE TABLE review_case (
    case_ref         TEXT    NOT NULL PRIMARY KEY,
    origin           TEXT    NOT NULL,
    linked_case      TEXT,
    severity         TEXT    NOT NULL,
    severity_rank    INTEGER NOT NULL,
    source           TEXT    NOT NULL,
    source_rank      INTEGER NOT NULL,
    state            TEXT    NOT NULL,
    received_at      TIMESTAMPTZ NOT NULL,
    deadline         TIMESTAMPTZ NOT NULL,
    warned_at        TIMESTAMPTZ,
    breached_at      TIMESTAMPTZ,
    removed_at       TIMESTAMPTZ,
    claimed_by       TEXT,
    claim_expires_at TIMESTAMPTZ,
    version          BIGINT  NOT NULL
);
CREATE INDEX review_case_queue ON review_case (state, deadline);

CREATE TABLE review_content (
    case_ref             TEXT    NOT NULL REFERENCES review_case (case_ref),
    content_id           TEXT    NOT NULL,
    uploader_id          TEXT,
    removal_delivery     TEXT,
    removal_requested_at TIMESTAMPTZ,
    removed_at           TIMESTAMPTZ,
    PRIMARY KEY (case_ref, content_id)
);
CREATE INDEX review_content_content ON review_content (content_id);
CREATE INDEX review_content_delivery ON review_content (removal_delivery);

CREATE TABLE review_match (
    id          BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_ref    TEXT    NOT NULL REFERENCES review_case (case_ref),
    content_id  TEXT    NOT NULL,
    bank        TEXT    NOT NULL,
    entry_id    BIGINT  NOT NULL,
    distance    INTEGER NOT NULL,
    retroactive BOOLEAN NOT NULL,
    found_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX review_match_case ON review_match (case_ref);

CREATE TABLE review_decision (
    id                   TEXT    NOT NULL PRIMARY KEY,
    case_ref             TEXT    NOT NULL REFERENCES review_case (case_ref),
    decided_by           TEXT    NOT NULL,
    outcome              TEXT    NOT NULL,
    basis                TEXT,
    reason_code          TEXT,
    policy               TEXT,
    statement_enc        TEXT,
    statement_of_reasons TEXT,
    decided_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX review_decision_case ON review_decision (case_ref);

CREATE TABLE review_history (
    id          BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_ref    TEXT    NOT NULL REFERENCES review_case (case_ref),
    occurred_at TIMESTAMPTZ NOT NULL,
    actor       TEXT    NOT NULL,
    what        TEXT    NOT NULL,
    detail      TEXT
);
CREATE INDEX review_history_case ON review_history (case_ref);

CREATE TABLE review_uploader (
    uploader_id        TEXT    NOT NULL PRIMARY KEY,
    confirmed_removals INTEGER NOT NULL,
    last_removal_at    TIMESTAMPTZ NOT NULL,
    suspension_delivery TEXT,
    suspended_at       TIMESTAMPTZ
);

CREATE TABLE review_preference (
    username    TEXT    NOT NULL PRIMARY KEY,
    reveal_media BOOLEAN NOT NULL,
    greyscale    BOOLEAN NOT NULL
);

CREATE TABLE review_referral (
    case_ref     TEXT NOT NULL PRIMARY KEY REFERENCES review_case (case_ref),
    agency       TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    external_ref TEXT
);

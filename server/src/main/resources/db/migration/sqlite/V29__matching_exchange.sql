-- Where each hash exchange (StopNCII) stands: the checkpoint its next fetch starts from, the lease
-- that lets one replica fetch at a time, and what the last fetch did, for the status page. Times
-- are Unix milliseconds. No credential is stored here: they come from the settings.
CREATE TABLE matching_exchange (
    name              TEXT    NOT NULL PRIMARY KEY,
    checkpoint        BIGINT  NOT NULL,
    lease_owner       TEXT,
    lease_until       BIGINT  NOT NULL,
    last_fetch_at     BIGINT  NOT NULL,
    last_success_at   BIGINT  NOT NULL,
    last_error        TEXT,
    records_fetched   BIGINT  NOT NULL,
    entries_added     BIGINT  NOT NULL,
    entries_withdrawn BIGINT  NOT NULL
);

-- Feedback owed to StopNCII on its hashes (PendingReview on a match, Blocked when a moderator
-- confirms, NotBlocked when one releases): written in the transaction of what caused it, sent by
-- the replica holding the exchange's lease, each (hash, feedback) at most once.
CREATE TABLE matching_exchange_feedback (
    hash_value      TEXT    NOT NULL,
    feedback        TEXT    NOT NULL,
    signal_type     TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    sent_at         BIGINT  NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at BIGINT  NOT NULL,
    PRIMARY KEY (hash_value, feedback)
);
CREATE INDEX matching_exchange_feedback_due ON matching_exchange_feedback (sent_at, next_attempt_at);

-- What a platform's acknowledgement sets in motion beyond the clock (docs/adr/0020): hashing the
-- removed image and banking it, which scans earlier uploads for copies. Queued in the transaction
-- of the acknowledgement and done after it commits, one row per removed item, each in its own
-- transaction and retried with backoff; claimed_by/claimed_until are a lease (storage.OutboxClaims).
-- target names what the row acts on: the removed content id, or a threat referral's id.
CREATE TABLE review_follow_up (
    id              TEXT    NOT NULL PRIMARY KEY,
    case_ref        TEXT    NOT NULL REFERENCES review_case (case_ref),
    target          TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    queued_at       INTEGER NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    done_at         INTEGER,
    claimed_by      TEXT,
    claimed_until   INTEGER
);

CREATE INDEX review_follow_up_due ON review_follow_up (next_attempt_at);
CREATE INDEX review_follow_up_case ON review_follow_up (case_ref);

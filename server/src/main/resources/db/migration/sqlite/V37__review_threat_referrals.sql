-- A case a moderator marked as a threat to life or safety (EU DSA Art. 18): the law-enforcement
-- referral it creates, with its own clock (due_at) and the moment the configured contact was told.
-- The moderator's reason is FieldCipher ciphertext: it may describe people.
CREATE TABLE review_threat_referral (
    id          TEXT    NOT NULL PRIMARY KEY,
    case_ref    TEXT    NOT NULL REFERENCES review_case (case_ref),
    marked_by   TEXT    NOT NULL,
    marked_at   INTEGER NOT NULL,
    reason_enc  TEXT    NOT NULL,
    contact     TEXT,
    due_at      INTEGER NOT NULL,
    notified_at INTEGER
);

CREATE INDEX review_threat_referral_case ON review_threat_referral (case_ref);

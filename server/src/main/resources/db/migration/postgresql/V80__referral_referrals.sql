-- A referral of child sexual abuse material that leaves the building: one row per case and agency
-- (the NCA under UK OSA s.66, or NCMEC's CyberTipline for US providers). The row is also the outbox
-- its sender works from under a lease (claimed_by, claimed_until): each step commits before the
-- next starts, so a restart resumes where it stopped. report_id is the agency's reference, kept
-- five years (S.I. 2026/268 reg. 20, retain_until). record_enc is the report as built, FieldCipher
-- ciphertext: it names the uploader. state is QUEUED, MANUAL, READY, SUBMITTED or SENT.
CREATE TABLE referral_referral (
    id              TEXT    NOT NULL PRIMARY KEY,
    case_ref        TEXT    NOT NULL,
    agency          TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    decided_by      TEXT    NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    record_enc      TEXT,
    report_id       TEXT,
    submitted_at    TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    retain_until    TIMESTAMPTZ NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    claimed_by      TEXT,
    claimed_until   TIMESTAMPTZ,
    last_error      TEXT,
    UNIQUE (case_ref, agency)
);

CREATE INDEX referral_referral_due ON referral_referral (state, next_attempt_at);

-- Every step of a referral as it happened, oldest first: built, submitted (with the id the agency
-- returned), finished, failed attempts. What the case page and the API show as its history.
CREATE TABLE referral_step (
    referral_id TEXT    NOT NULL REFERENCES referral_referral (id),
    seq         INTEGER NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    step        TEXT    NOT NULL,
    detail      TEXT,
    PRIMARY KEY (referral_id, seq)
);

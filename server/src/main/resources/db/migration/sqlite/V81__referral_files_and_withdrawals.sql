-- The files a CyberTipline referral uploads after /submit and before /finish: one row per stored
-- image of the case when the report was built (media_id is media's id of the file, content_id the
-- platform's id it was kept under). file_id is the id NCMEC returned from /upload, committed before
-- /fileinfo is called, so a restart between the two describes the file without uploading it again;
-- described_at is set once /fileinfo answered. file_name, md5 and sha256: the name and hashes of
-- the bytes uploaded.
-- missing is PURGED or DAMAGED when media could no longer give the file: it is skipped, not sent.
CREATE TABLE referral_file (
    referral_id  TEXT    NOT NULL REFERENCES referral_referral (id),
    media_id     TEXT    NOT NULL,
    seq          INTEGER NOT NULL,
    content_id   TEXT    NOT NULL,
    file_id      TEXT,
    file_name    TEXT,
    bytes        INTEGER,
    md5          TEXT,
    sha256       TEXT,
    uploaded_at  INTEGER,
    described_at INTEGER,
    missing      TEXT,
    PRIMARY KEY (referral_id, media_id)
);

-- A referral withdrawn by compliance staff before it was finished: who, when, and why (FieldCipher
-- ciphertext bound to the row, since a reason may name people). A submitted CyberTipline report is
-- WITHDRAWING until the sender has retracted it at NCMEC (/retract), then WITHDRAWN.
ALTER TABLE referral_referral ADD COLUMN withdrawn_by TEXT;
ALTER TABLE referral_referral ADD COLUMN withdrawn_at INTEGER;
ALTER TABLE referral_referral ADD COLUMN withdrawn_reason_enc TEXT;

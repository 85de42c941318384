-- Review: uploaders' appeals against decisions that restricted their content (EU DSA Art. 20,
-- UK OSA s.21). Each appeal is a review case of origin APPEAL (appeal_ref is its case_ref) for one
-- content item of one decision, at most once. The uploader id and the appeal's text are FieldCipher
-- ciphertext. An appeal token opens the hosted appeal page for one content item of one decision;
-- only its SHA-256 is kept.
CREATE TABLE review_appeal (
    appeal_ref    TEXT    NOT NULL PRIMARY KEY REFERENCES review_case (case_ref),
    appealed_case TEXT    NOT NULL REFERENCES review_case (case_ref),
    decision_id   TEXT    NOT NULL REFERENCES review_decision (id),
    content_id    TEXT    NOT NULL,
    uploader_id   TEXT,
    text_enc      TEXT    NOT NULL,
    channel       TEXT    NOT NULL,
    received_at   INTEGER NOT NULL,
    outcome       TEXT,
    decided_by    TEXT,
    decided_at    INTEGER
);
CREATE UNIQUE INDEX review_appeal_once ON review_appeal (decision_id, content_id);

CREATE TABLE review_appeal_token (
    token_hash  TEXT    NOT NULL PRIMARY KEY,
    decision_id TEXT    NOT NULL,
    case_ref    TEXT    NOT NULL REFERENCES review_case (case_ref),
    content_id  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);

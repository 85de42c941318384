-- Review: every complaint with its type, its target time, its owner and its answer. A reporter's
-- complaint keeps intake's id (its text stays in intake_complaint); an uploader's complaint about an
-- automated block brings its own text and uploader id, both FieldCipher ciphertext, as is the reply.
-- No foreign key to review_case: a complaint may be about a case review never opened (a hash
-- submission) or about a block no case covers.
CREATE TABLE review_complaint (
    id           TEXT    NOT NULL PRIMARY KEY,
    type         TEXT    NOT NULL,
    complainant  TEXT    NOT NULL,
    case_ref     TEXT,
    content_id   TEXT,
    uploader_enc TEXT,
    text_enc     TEXT,
    expedited    BOOLEAN NOT NULL,
    received_at  INTEGER NOT NULL,
    due_at       INTEGER NOT NULL,
    owner        TEXT,
    owned_since  INTEGER,
    outcome      TEXT,
    reply_enc    TEXT,
    answered_by  TEXT,
    answered_at  INTEGER,
    version      INTEGER NOT NULL
);

CREATE INDEX review_complaint_open ON review_complaint (answered_at, due_at);
CREATE INDEX review_complaint_case ON review_complaint (case_ref);

-- Complaints on the expedited route of UK OSA s.21(2A): what the holder of a status token
-- complains about, as FieldCipher ciphertext (the text is personal data), and when it arrived.
CREATE TABLE intake_complaint (
    id          TEXT    NOT NULL PRIMARY KEY,
    case_ref    TEXT    NOT NULL REFERENCES intake_case (case_ref),
    report_id   TEXT    NOT NULL REFERENCES intake_report (id),
    text_enc    TEXT    NOT NULL,
    received_at INTEGER NOT NULL
);

CREATE INDEX intake_complaint_case ON intake_complaint (case_ref);

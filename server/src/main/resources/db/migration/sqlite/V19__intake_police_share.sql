-- A reporter asked, from their status page, for their case to be shared with the police, with the
-- crime reference the police gave them when they have one (FieldCipher ciphertext bound to the row).
-- This is the reporter's recorded consent to share their report with law enforcement.
CREATE TABLE intake_police_share (
    id            TEXT    NOT NULL PRIMARY KEY,
    case_ref      TEXT    NOT NULL REFERENCES intake_case (case_ref),
    report_id     TEXT    NOT NULL REFERENCES intake_report (id),
    crime_ref_enc TEXT,
    requested_at  INTEGER NOT NULL
);

CREATE INDEX intake_police_share_case ON intake_police_share (case_ref);

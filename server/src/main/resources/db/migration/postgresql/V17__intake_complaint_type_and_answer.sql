-- Complaints have a type and an answer: what the complaint is about (complaints made before types
-- existed were about decisions), the target time review set for the answer, the outcome and the
-- moderator's reply as FieldCipher ciphertext (it goes to the complainant and may name them).
ALTER TABLE intake_complaint ADD COLUMN type TEXT NOT NULL DEFAULT 'DECISION';
ALTER TABLE intake_complaint ADD COLUMN answer_by TIMESTAMPTZ;
ALTER TABLE intake_complaint ADD COLUMN outcome TEXT;
ALTER TABLE intake_complaint ADD COLUMN reply_enc TEXT;
ALTER TABLE intake_complaint ADD COLUMN answered_at TIMESTAMPTZ;

CREATE INDEX intake_complaint_report ON intake_complaint (report_id);

-- Each report has its own public reference: the one its reporter holds (receipt, status page,
-- e-mails). The first report of a case shares the case's reference; a report that joins an open
-- case gets a reference of its own, so joining never shows one reporter another's case.
ALTER TABLE intake_report ADD COLUMN public_ref TEXT;
UPDATE intake_report SET public_ref = case_ref;
ALTER TABLE intake_report ALTER COLUMN public_ref SET NOT NULL;
CREATE INDEX intake_report_public_ref ON intake_report (public_ref);

-- Each report has its own public reference: the one its reporter holds (receipt, status page,
-- e-mails). The first report of a case shares the case's reference; a report that joins an open
-- case gets a reference of its own, so joining never shows one reporter another's case.
-- (SQLite cannot add NOT NULL to an existing column; every insert names the reference.)
ALTER TABLE intake_report ADD COLUMN public_ref TEXT;
UPDATE intake_report SET public_ref = case_ref;
CREATE INDEX intake_report_public_ref ON intake_report (public_ref);

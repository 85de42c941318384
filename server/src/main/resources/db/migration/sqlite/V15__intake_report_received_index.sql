-- The day's count of victims' hashes (redress.intake.hashes-per-day) reads the reports received
-- within the last day.
CREATE INDEX intake_report_received ON intake_report (received_at);

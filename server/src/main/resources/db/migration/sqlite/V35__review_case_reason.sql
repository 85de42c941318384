-- The most urgent reason of the case's reports (docs/report-reasons.md) and whether it makes the
-- case urgent (threats and sextortion): the queue lists urgent cases first among equal deadlines.
-- Empty for cases opened by matches and for cases opened before reasons were asked.
ALTER TABLE review_case ADD COLUMN reason TEXT;
ALTER TABLE review_case ADD COLUMN urgent BOOLEAN NOT NULL DEFAULT FALSE;

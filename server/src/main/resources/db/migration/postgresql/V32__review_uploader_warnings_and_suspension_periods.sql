-- Review: the repeat-uploader policy as EU DSA Art. 23 reads it. An uploader is warned once
-- (warned_at) before any suspension, and a suspension runs for a stated period (suspended_until);
-- a suspension recorded by an earlier release has no end and is replaced by the next one.
ALTER TABLE review_uploader ADD COLUMN warned_at TIMESTAMPTZ;
ALTER TABLE review_uploader ADD COLUMN suspended_until TIMESTAMPTZ;

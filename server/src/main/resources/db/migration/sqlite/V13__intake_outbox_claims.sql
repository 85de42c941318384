-- Several replicas drain the outbox: a mailer first claims due rows for a lease (claimed_by names
-- the claim, claimed_until ends it), so no two mailers send the same message; a claim that outlives
-- a crashed mailer lapses and the row is claimed again.
ALTER TABLE intake_outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE intake_outbox ADD COLUMN claimed_until INTEGER;

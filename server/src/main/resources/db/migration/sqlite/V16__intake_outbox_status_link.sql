-- A reporter may ask for their private status link by e-mail, once, on their receipt. Only that
-- message carries the link and the address it goes to, both sealed like every contact address
-- (the report's own address may be absent or different); every other message names the case only.
ALTER TABLE intake_outbox ADD COLUMN link_enc TEXT;
ALTER TABLE intake_outbox ADD COLUMN to_enc TEXT;

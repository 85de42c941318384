-- Whether a person has confirmed what an entry shows. Entries from anonymous victims' hash
-- submissions start PROVISIONAL: they still block, but one review case per entry asks a moderator
-- to confirm or release them. HELD entries matched too many registered uploads at once (the flood
-- guard): they take no part in checks until a moderator confirms them. Everything else (decisions,
-- trusted flaggers, administrators' imports) is CONFIRMED. The victims' entries banked by earlier
-- releases were never looked at by anyone, so they become PROVISIONAL.
ALTER TABLE matching_entry ADD COLUMN trust TEXT NOT NULL DEFAULT 'CONFIRMED';
UPDATE matching_entry SET trust = 'PROVISIONAL' WHERE source_kind = 'SUBMISSION';

-- The uploads a provisional entry blocked, so that releasing the entry restores each of them.
CREATE TABLE matching_provisional_block (
    entry_id   INTEGER NOT NULL,
    content_id TEXT    NOT NULL,
    blocked_at INTEGER NOT NULL,
    PRIMARY KEY (entry_id, content_id)
);

-- Uses counted against a rate limit (storage.RateLimits), shared by every replica: one row per
-- accepted use, kept for the limit's window. subject is a keyed digest (HMAC-SHA256 under a key
-- derived from the data key) of what is limited, such as a client address, never the address itself.
CREATE TABLE storage_rate_use (
    limit_name TEXT    NOT NULL,
    subject    TEXT    NOT NULL,
    used_at    INTEGER NOT NULL,
    units      INTEGER NOT NULL CHECK (units > 0)
);
CREATE INDEX storage_rate_use_subject ON storage_rate_use (limit_name, subject, used_at);
CREATE INDEX storage_rate_use_at ON storage_rate_use (limit_name, used_at);

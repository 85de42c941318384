-- The append-only, hash-chained audit log (docs/adr/0002-audit-hash-chain.md). No statement in
-- the code updates or deletes these rows.
CREATE TABLE audit_entry (
    seq         BIGINT      NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMPTZ NOT NULL,
    actor_kind  TEXT        NOT NULL,
    actor_id    TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    object_type TEXT        NOT NULL,
    object_id   TEXT        NOT NULL,
    prev_hash   TEXT        NOT NULL,
    entry_hash  TEXT        NOT NULL
);

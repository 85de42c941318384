-- Transparency's outbox of statements of reasons for the EU DSA Transparency Database (docs/adr/0023).
-- One row per restriction, keyed by the statement's puid, so a statement is queued once however
-- often the collector passes over its restriction, and sent once: a row is sent until the Database
-- takes it (or answers that it already holds that puid), and never again. The body is fixed when
-- queued, so every retry sends the same statement. claimed_by/claimed_until are a lease
-- (storage.OutboxClaims). transparency_dsa_collector keeps how far restrictions were collected.
CREATE TABLE transparency_dsa_statement (
    id              TEXT    NOT NULL PRIMARY KEY,
    body            TEXT    NOT NULL,
    restricted_at   TIMESTAMPTZ NOT NULL,
    queued_at       TIMESTAMPTZ NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_status     INTEGER,
    last_error      TEXT,
    sent_at         TIMESTAMPTZ,
    claimed_by      TEXT,
    claimed_until   TIMESTAMPTZ
);

CREATE INDEX transparency_dsa_statement_due ON transparency_dsa_statement (next_attempt_at);

CREATE TABLE transparency_dsa_collector (
    id              INTEGER NOT NULL PRIMARY KEY,
    collected_until TIMESTAMPTZ NOT NULL
);

-- Enforcement's outbox (docs/adr/0009): webhooks to the platform, written in the transaction of
-- the decision that causes them and sent afterwards by WebhookDispatcher. The body is fixed here,
-- so every retry sends the same bytes. claimed_by/claimed_until are a lease: a dispatcher that
-- dies mid-send loses its claim when claimed_until passes, and the row is sent again.
CREATE TABLE enforcement_delivery (
    id              TEXT    NOT NULL PRIMARY KEY,
    type            TEXT    NOT NULL,
    case_ref        TEXT    NOT NULL,
    content_id      TEXT,
    uploader_id     TEXT,
    body            TEXT    NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_status     INTEGER,
    last_error      TEXT,
    acknowledged_at TIMESTAMPTZ,
    given_up_at     TIMESTAMPTZ,
    claimed_by      TEXT,
    claimed_until   TIMESTAMPTZ
);

CREATE INDEX enforcement_delivery_due ON enforcement_delivery (next_attempt_at);
CREATE INDEX enforcement_delivery_case ON enforcement_delivery (case_ref);

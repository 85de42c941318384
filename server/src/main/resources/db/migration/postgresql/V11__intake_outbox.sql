-- Intake's outbox (docs/adr/0001): messages to reporters, written in the transaction that causes
-- them and sent afterwards by IntakeMailer with retries. The address is read from the report
-- (encrypted there) at sending time, so an opt-out in between stops the message.
CREATE TABLE intake_outbox (
    id              TEXT    NOT NULL PRIMARY KEY,
    report_id       TEXT    NOT NULL REFERENCES intake_report (id),
    kind            TEXT    NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    cancelled_at    TIMESTAMPTZ
);

CREATE INDEX intake_outbox_due ON intake_outbox (next_attempt_at);

-- Where each hash exchange (StopNCII) stands: the checkpoint its next fetch starts from, the lease
-- that lets one replica fetch at a time, and what the last fetch did, for the status page. Times
-- are Unix milliseconds. No credential is stored here: they come from the settings.
CREATE TABLE matching_exchange (
    name              TEXT    NOT NULL PRIMARY KEY,
    checkpoint        BIGINT  NOT NULL,
    lease_owner       TEXT,
    lease_until       BIGINT  NOT NULL,
    last_fetch_at     BIGINT  NOT NULL,
    last_success_at   BIGINT  NOT NULL,
    last_error        TEXT,
    records_fetched   BIGINT  NOT NULL,
    entries_added     BIGINT  NOT NULL,
    entries_withdrawn BIGINT  NOT NULL
);

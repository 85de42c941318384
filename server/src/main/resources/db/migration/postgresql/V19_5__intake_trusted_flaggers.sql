-- Intake: the register of trusted flaggers (EU DSA Art. 22; docs/adr/0032). Each entry is a series
-- of versions: organisation, the body that awarded the status (a Digital Services Coordinator),
-- area of expertise, contact, the days the status runs (YYYY-MM-DD, until included; no end when
-- empty) and the FLAGGER API keys it reports with. A change is a new row; triggers refuse to change
-- or remove an old one. intake_flagger_key says which entry each key belongs to now (one entry a
-- key). intake_report_flagger records, for every report that arrived on a FLAGGER key, the key,
-- the entry and version it was recorded against (if any) and the standing found: CURRENT reports
-- are trusted flaggers' notices; the others were handled as ordinary reports.
CREATE TABLE intake_flagger_version (
    flagger_id   TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    organisation TEXT    NOT NULL,
    awarded_by   TEXT    NOT NULL,
    expertise    TEXT    NOT NULL,
    contact      TEXT    NOT NULL,
    status_since TEXT    NOT NULL,
    status_until TEXT,
    api_keys     TEXT    NOT NULL,
    recorded_by  TEXT    NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (flagger_id, version)
);

CREATE FUNCTION intake_flagger_version_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$;

CREATE TRIGGER intake_flagger_version_no_update_or_delete
    BEFORE UPDATE OR DELETE ON intake_flagger_version
    FOR EACH ROW EXECUTE FUNCTION intake_flagger_version_refuse_change();

CREATE TRIGGER intake_flagger_version_no_truncate
    BEFORE TRUNCATE ON intake_flagger_version
    FOR EACH STATEMENT EXECUTE FUNCTION intake_flagger_version_refuse_change();

CREATE TABLE intake_flagger_key (
    api_key_id TEXT NOT NULL PRIMARY KEY,
    flagger_id TEXT NOT NULL
);

CREATE TABLE intake_report_flagger (
    report_id       TEXT    NOT NULL PRIMARY KEY REFERENCES intake_report (id),
    api_key_id      TEXT    NOT NULL,
    flagger_id      TEXT,
    flagger_version INTEGER,
    standing        TEXT    NOT NULL
);

CREATE INDEX intake_report_flagger_entry ON intake_report_flagger (flagger_id);

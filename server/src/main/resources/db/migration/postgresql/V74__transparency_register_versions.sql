-- The registers Ofcom asks for (docs/adr/0024): the illegal-content risk assessment for intimate
-- image abuse, the Codes measures taken, and the accountable individual. Each register is a series
-- of versions; a new version is a new row, and triggers refuse to change or remove an old one, so
-- the history Ofcom reads is the history that was recorded. The content is the version's JSON; a
-- risk assessment also keeps the transparency figures it drew on, as they stood when recorded.
CREATE TABLE transparency_register_version (
    register    TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    content     TEXT    NOT NULL,
    figures     TEXT,
    recorded_by TEXT    NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (register, version)
);

CREATE FUNCTION transparency_version_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$;

CREATE TRIGGER transparency_register_version_no_update_or_delete
    BEFORE UPDATE OR DELETE ON transparency_register_version
    FOR EACH ROW EXECUTE FUNCTION transparency_version_refuse_change();

CREATE TRIGGER transparency_register_version_no_truncate
    BEFORE TRUNCATE ON transparency_register_version
    FOR EACH STATEMENT EXECUTE FUNCTION transparency_version_refuse_change();

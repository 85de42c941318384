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
    recorded_at INTEGER NOT NULL,
    PRIMARY KEY (register, version)
);

CREATE TRIGGER transparency_register_version_no_update
    BEFORE UPDATE ON transparency_register_version
BEGIN
    SELECT RAISE(ABORT, 'transparency_register_version is append-only: UPDATE refused');
END;

CREATE TRIGGER transparency_register_version_no_delete
    BEFORE DELETE ON transparency_register_version
BEGIN
    SELECT RAISE(ABORT, 'transparency_register_version is append-only: DELETE refused');
END;

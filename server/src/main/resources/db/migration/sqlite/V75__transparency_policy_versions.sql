-- Published policies (docs/adr/0024): the terms-of-service section on intimate image abuse and
-- the TAKE IT DOWN Act notice. The newest version of a policy is the one in force, from when it was
-- published; earlier versions stay, and triggers refuse to change or remove them.
CREATE TABLE transparency_policy_version (
    policy       TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    title        TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    published_by TEXT    NOT NULL,
    published_at INTEGER NOT NULL,
    PRIMARY KEY (policy, version)
);

CREATE TRIGGER transparency_policy_version_no_update
    BEFORE UPDATE ON transparency_policy_version
BEGIN
    SELECT RAISE(ABORT, 'transparency_policy_version is append-only: UPDATE refused');
END;

CREATE TRIGGER transparency_policy_version_no_delete
    BEFORE DELETE ON transparency_policy_version
BEGIN
    SELECT RAISE(ABORT, 'transparency_policy_version is append-only: DELETE refused');
END;

-- The audit log is append-only in the database too: updates and deletes are refused by triggers
-- (SQLite has no TRUNCATE; DELETE without WHERE meets the delete trigger). See docs/adr/0014.
CREATE TRIGGER audit_entry_no_update
    BEFORE UPDATE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'audit_entry is append-only: UPDATE refused');
END;

CREATE TRIGGER audit_entry_no_delete
    BEFORE DELETE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'audit_entry is append-only: DELETE refused');
END;

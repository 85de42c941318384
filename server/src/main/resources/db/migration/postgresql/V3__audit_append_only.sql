-- The audit log is append-only in the database too: updates, deletes and truncation are refused
-- by triggers, whoever sends them. Only the owner of the table can drop a trigger, so a deployment
-- that migrates as the owner and runs the service as a role with INSERT and SELECT on audit_entry
-- alone (docs/adr/0014) leaves the service no way to rewrite history.
CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER audit_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();

CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();

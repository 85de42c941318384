-- Each bank's number of entries (enabled or not), kept up to date by the writes themselves, so the
-- bank pages read one row per bank instead of counting every entry: at 1,000,000 entries the count
-- took about 130 ms on SQLite and 250 ms on PostgreSQL per page view. Triggers rather than code,
-- so that every writer (the facade, an import, a fixture written in SQL) keeps the figures exact.
-- Entries never move between banks, so only inserts and deletes change a count.
--
-- Once per statement, not per row: an import's 500-row INSERTs then update a bank's count 2,000
-- times per million entries, not a million times. Writers to the same bank wait for each other's
-- commit on its count row; imports and adds to one bank are rare enough for that.
CREATE TABLE matching_bank_count (
    bank_id TEXT   NOT NULL PRIMARY KEY,
    entries BIGINT NOT NULL
);

INSERT INTO matching_bank_count (bank_id, entries)
SELECT bank_id, COUNT(*) FROM matching_entry GROUP BY bank_id;

CREATE FUNCTION matching_count_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO matching_bank_count AS c (bank_id, entries)
    SELECT bank_id, COUNT(*) FROM added GROUP BY bank_id
        ON CONFLICT (bank_id) DO UPDATE SET entries = c.entries + EXCLUDED.entries;
    RETURN NULL;
END
$$;

CREATE FUNCTION matching_count_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE matching_bank_count AS c SET entries = c.entries - r.n
      FROM (SELECT bank_id, COUNT(*) AS n FROM removed GROUP BY bank_id) AS r
     WHERE c.bank_id = r.bank_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER matching_entry_counted AFTER INSERT ON matching_entry
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION matching_count_added();

CREATE TRIGGER matching_entry_uncounted AFTER DELETE ON matching_entry
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION matching_count_removed();

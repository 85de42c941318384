-- The load benchmark's fixture (SQLite): a BLOCK bank "bench" of 1,000,000 random PDQ hashes,
-- written straight into a migrated database. Fixture only: it bypasses the audit log, which a real
-- import does not. Times are epoch milliseconds, as the service stores them.
INSERT INTO matching_bank (id, name, action, max_distance, quality_floor, enabled, created_at)
VALUES ('00000000-0000-0000-0000-00000000be7c', 'bench', 'BLOCK', 31, 50, 1,
        CAST(strftime('%s', 'now') AS INTEGER) * 1000);

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
INSERT INTO matching_entry (bank_id, pdq, source_kind, source_ref, enabled, created_at)
SELECT '00000000-0000-0000-0000-00000000be7c', lower(hex(randomblob(32))), 'IMPORT', 'bench-seed', 1,
       CAST(strftime('%s', 'now') AS INTEGER) * 1000
  FROM n;

INSERT INTO matching_change (bank_id, entry_id) VALUES ('00000000-0000-0000-0000-00000000be7c', NULL);

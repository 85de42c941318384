-- The load benchmark's fixture (PostgreSQL): a BLOCK bank "bench" of 1,000,000 random PDQ
-- hashes, written straight into a migrated database in a few seconds. Fixture only: it bypasses
-- the audit log, which a real import does not.
INSERT INTO matching_bank (id, name, action, max_distance, quality_floor, enabled, created_at)
VALUES ('00000000-0000-0000-0000-00000000be7c', 'bench', 'BLOCK', 31, 50, 1, now());

INSERT INTO matching_entry (bank_id, pdq, source_kind, source_ref, enabled, created_at)
SELECT '00000000-0000-0000-0000-00000000be7c', md5(random()::text) || md5(random()::text), 'IMPORT', 'bench-seed', 1, now()
  FROM generate_series(1, 1000000);

INSERT INTO matching_change (bank_id, entry_id) VALUES ('00000000-0000-0000-0000-00000000be7c', NULL);

-- A bank-level change row (entry_id NULL) with reload = 0 means new settings: replicas update the
-- bank's settings in memory and keep its hashes. With reload = 1 they read the whole bank again
-- (an import too large to log entry by entry). The default is 1 because that is what such a row
-- meant before this column: a replica still running the earlier release during a rolling upgrade
-- writes rows without it, and the others must read the bank again for those.
ALTER TABLE matching_change ADD COLUMN reload INTEGER NOT NULL DEFAULT 1;

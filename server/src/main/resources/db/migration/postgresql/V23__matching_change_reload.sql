-- A bank-level change row (entry_id NULL) now means new settings: replicas update the bank's
-- settings in memory and keep its hashes. A row with reload = 1 asks them to read the whole bank
-- again (an import too large to log entry by entry).
ALTER TABLE matching_change ADD COLUMN reload INTEGER NOT NULL DEFAULT 0;

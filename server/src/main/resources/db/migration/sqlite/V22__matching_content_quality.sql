-- The PDQ quality of each registered upload (NULL when the check did not say), so that a retroactive
-- scan applies a bank's quality floor to earlier uploads exactly as an upload check does.
ALTER TABLE matching_content ADD COLUMN quality INTEGER;

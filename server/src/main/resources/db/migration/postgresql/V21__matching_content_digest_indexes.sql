-- The retroactive scan of a newly banked digest looks registered content up by MD5 or SHA-256
-- instead of reading the whole registry. Partial: most checks carry a PDQ hash only.
CREATE INDEX matching_content_md5 ON matching_content (md5) WHERE md5 IS NOT NULL;
CREATE INDEX matching_content_sha256 ON matching_content (sha256) WHERE sha256 IS NOT NULL;

-- Which of the bank entry's hashes a match was found with (ORIGINAL, ROTATE_90, ... as matching
-- names them), so the case page can say what a copy matched; empty for digest matches and for
-- matches recorded before this release.
ALTER TABLE review_match ADD COLUMN variant TEXT;

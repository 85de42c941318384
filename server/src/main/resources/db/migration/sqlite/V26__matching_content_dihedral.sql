-- The PDQ hashes of a checked image's rotations and mirrorings other than its own (up to seven,
-- their hex forms one after another), so that a retroactive scan compares them as the upload
-- check did: a rotated copy already online is found when the original is banked later. NULL for
-- checks that sent no variants, and for the rows of earlier releases.
ALTER TABLE matching_content ADD COLUMN dihedral TEXT;

-- One entry per removed item: the PDQ hashes of the banked image's seven rotations and mirrorings
-- (their hex forms one after another, in the order of the dihedral group without the original)
-- become the entry's variants instead of seven entries of their own. Removals banked by earlier
-- releases took eight entries: the item's own, then one per distinct variant with the same note
-- and " (rotated or mirrored)" after it. Where all seven are there, they are folded into the
-- item's entry in their order (which is the group's) and their own rows deleted, each logged for
-- the index replicas; a symmetric image whose variants coincided (fewer than seven) keeps its rows,
-- since their positions no longer say which rotation each is.
ALTER TABLE matching_entry ADD COLUMN variants TEXT;

UPDATE matching_entry
   SET variants = (SELECT group_concat(s.pdq, '' ORDER BY s.id) FROM matching_entry s
                    WHERE s.source_kind = 'DECISION' AND s.source_ref = matching_entry.source_ref
                      AND s.bank_id = matching_entry.bank_id
                      AND s.note = matching_entry.note || ' (rotated or mirrored)' AND s.pdq IS NOT NULL)
 WHERE source_kind = 'DECISION' AND pdq IS NOT NULL AND note IS NOT NULL
   AND note NOT LIKE '% (rotated or mirrored)'
   AND (SELECT COUNT(*) FROM matching_entry s
         WHERE s.source_kind = 'DECISION' AND s.source_ref = matching_entry.source_ref
           AND s.bank_id = matching_entry.bank_id
           AND s.note = matching_entry.note || ' (rotated or mirrored)' AND s.pdq IS NOT NULL) = 7;

INSERT INTO matching_change (bank_id, entry_id, reload)
SELECT s.bank_id, s.id, 0 FROM matching_entry s
 WHERE s.source_kind = 'DECISION' AND s.note LIKE '% (rotated or mirrored)'
   AND EXISTS (SELECT 1 FROM matching_entry m
                WHERE m.source_kind = 'DECISION' AND m.source_ref = s.source_ref AND m.bank_id = s.bank_id
                  AND m.variants IS NOT NULL AND s.note = m.note || ' (rotated or mirrored)')
 ORDER BY s.id;

INSERT INTO matching_change (bank_id, entry_id, reload)
SELECT bank_id, id, 0 FROM matching_entry WHERE variants IS NOT NULL ORDER BY id;

DELETE FROM matching_entry
 WHERE source_kind = 'DECISION' AND note LIKE '% (rotated or mirrored)'
   AND EXISTS (SELECT 1 FROM matching_entry m
                WHERE m.source_kind = 'DECISION' AND m.source_ref = matching_entry.source_ref
                  AND m.bank_id = matching_entry.bank_id
                  AND m.variants IS NOT NULL AND matching_entry.note = m.note || ' (rotated or mirrored)');

-- The frame hashes of videos (docs/adr/0028): one PDQ hash per sampled frame (one a second by
-- default), their hex forms one after another in the order of the video. A banked video's frames
-- belong to its entry (the entry keeps its MD5 and SHA-256 as any entry does) and go when the entry
-- is deleted; a checked video's frames are registered beside its registry row, by content id, so a
-- video banked later is searched against the videos checked before (a retroactive scan).
CREATE TABLE matching_entry_frames (
    entry_id INTEGER NOT NULL PRIMARY KEY REFERENCES matching_entry (id) ON DELETE CASCADE,
    frames   TEXT    NOT NULL
);

CREATE TABLE matching_content_frames (
    id         INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    content_id TEXT    NOT NULL,
    frames     TEXT    NOT NULL,
    checked_at INTEGER NOT NULL
);
CREATE INDEX matching_content_frames_content ON matching_content_frames (content_id, id);

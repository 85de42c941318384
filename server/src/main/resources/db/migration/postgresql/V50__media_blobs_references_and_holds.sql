-- Encrypted media: one row per stored file (named by a keyed HMAC of the image, never a plain
-- digest), one row per content id that refers to a file, with its retention, and legal holds by
-- content id (a hold may precede the media it protects).
CREATE TABLE media_blob (
    id          TEXT    NOT NULL PRIMARY KEY,
    size        BIGINT  NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE media_content (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    content_id  TEXT    NOT NULL,
    blob_id     TEXT    NOT NULL REFERENCES media_blob (id),
    received_at TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (content_id, blob_id)
);
CREATE INDEX media_content_blob ON media_content (blob_id);
CREATE INDEX media_content_expiry ON media_content (expires_at);

CREATE TABLE media_hold (
    content_id  TEXT    NOT NULL PRIMARY KEY,
    reason      TEXT    NOT NULL,
    held_by     TEXT    NOT NULL,
    held_at     TIMESTAMPTZ NOT NULL
);

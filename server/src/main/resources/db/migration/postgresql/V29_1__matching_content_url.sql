-- The public URLs a platform's check gave for its content (docs/adr/0029), in the normal form of
-- shared.ContentUrl, so that a report naming one of them reaches the content id. One row per URL and
-- content id; a URL may name several content ids (the platform's), and a content id several URLs.
CREATE TABLE matching_content_url (
    url           TEXT        NOT NULL,
    content_id    TEXT        NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (url, content_id)
);

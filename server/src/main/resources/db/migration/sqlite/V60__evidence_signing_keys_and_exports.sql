-- Evidence bundles (docs/adr/0018): the Ed25519 key pair that signs bundle manifests (the private
-- half sealed with the data key, bound to its row; the public half is what the operator publishes)
-- and one row per export: who asked, why, for which case, and the hash of the manifest they got.
CREATE TABLE evidence_signing_key (
    id          INTEGER NOT NULL PRIMARY KEY,
    public_key  TEXT    NOT NULL,
    private_key TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE evidence_export (
    id              TEXT    NOT NULL PRIMARY KEY,
    case_ref        TEXT    NOT NULL,
    exported_by     TEXT    NOT NULL,
    reason          TEXT    NOT NULL,
    manifest_sha256 TEXT    NOT NULL,
    key_id          INTEGER NOT NULL REFERENCES evidence_signing_key (id),
    exported_at     INTEGER NOT NULL
);
CREATE INDEX evidence_export_case ON evidence_export (case_ref);

-- Legal holds placed on a case as a whole, by compliance staff, with their reason sealed.
CREATE TABLE evidence_case_hold (
    case_ref    TEXT    NOT NULL PRIMARY KEY,
    reason      TEXT    NOT NULL,
    held_by     TEXT    NOT NULL,
    held_at     INTEGER NOT NULL
);

-- The content ids of a held case and of the cases it links to, as they stood when the hold was
-- placed or last renewed: media's retention sweep keeps their images while the hold stands.
CREATE TABLE evidence_held_content (
    case_ref    TEXT    NOT NULL REFERENCES evidence_case_hold (case_ref),
    content_id  TEXT    NOT NULL,
    PRIMARY KEY (case_ref, content_id)
);
CREATE INDEX evidence_held_content_id ON evidence_held_content (content_id);

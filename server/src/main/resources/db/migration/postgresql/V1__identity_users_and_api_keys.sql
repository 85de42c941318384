-- Staff accounts and API keys. Ids are UUIDs as text in both vendors so that repositories bind
-- them the same way.
CREATE TABLE identity_user (
    id               TEXT        NOT NULL PRIMARY KEY,
    username         TEXT        NOT NULL UNIQUE,
    password_hash    TEXT        NOT NULL,
    role             TEXT        NOT NULL,
    password_expired BOOLEAN     NOT NULL,
    enabled          BOOLEAN     NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    version          BIGINT      NOT NULL
);

CREATE TABLE identity_api_key (
    id            TEXT        NOT NULL PRIMARY KEY,
    name          TEXT        NOT NULL,
    role          TEXT        NOT NULL,
    owner_user_id TEXT        REFERENCES identity_user (id),
    key_prefix    TEXT        NOT NULL,
    key_hash      TEXT        NOT NULL UNIQUE,
    created_at    TIMESTAMPTZ NOT NULL,
    revoked_at    TIMESTAMPTZ
);

-- Failed password sign-ins, counted in the database so that every replica throttles alike
-- (identity.security.SignInThrottle). counter is a keyed digest (HMAC-SHA256 under a key derived
-- from the data key) of what is counted: an account with an address, an address, or an account.
CREATE TABLE identity_sign_in_failure (
    counter        TEXT    NOT NULL PRIMARY KEY,
    failures       INTEGER NOT NULL,
    last_failed_at INTEGER NOT NULL
);
CREATE INDEX identity_sign_in_failure_last ON identity_sign_in_failure (last_failed_at);

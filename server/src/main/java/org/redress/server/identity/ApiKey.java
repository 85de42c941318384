package org.redress.server.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A stored API key: its name, role, the first characters of the secret (to recognise it in a
 * list) and whether it was revoked. The secret itself is never stored, only its SHA-256.
 */
public record ApiKey(
        ApiKeyId id,
        String name,
        Role role,
        @Nullable UserId owner,
        String prefix,
        Instant createdAt,
        @Nullable Instant revokedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("key name must be 1-100 characters, got " + name.length());
        }
    }

    public boolean active() {
        return revokedAt == null;
    }

    public Optional<UserId> ownerId() {
        return Optional.ofNullable(owner);
    }

    public Optional<Instant> revoked() {
        return Optional.ofNullable(revokedAt);
    }
}

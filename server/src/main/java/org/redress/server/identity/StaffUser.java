package org.redress.server.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A staff account. {@code passwordExpired} is set for one-time passwords: the holder must choose
 * a new password before doing anything else. {@code toString()} leaves out the password hash.
 */
public record StaffUser(
        UserId id,
        Username username,
        Role role,
        String passwordHash,
        boolean passwordExpired,
        boolean enabled,
        Instant createdAt,
        long version) {

    public StaffUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!role.staff()) {
            throw new IllegalArgumentException("a staff account needs a staff role, not " + role);
        }
    }

    StaffUser withPassword(String newHash, boolean expired) {
        return new StaffUser(id, username, role, newHash, expired, enabled, createdAt, version);
    }

    StaffUser withEnabled(boolean nowEnabled) {
        return new StaffUser(id, username, role, passwordHash, passwordExpired, nowEnabled, createdAt, version);
    }

    @Override
    public String toString() {
        return "StaffUser[id=" + id + ", username=" + username + ", role=" + role + ", passwordExpired="
                + passwordExpired + ", enabled=" + enabled + ", createdAt=" + createdAt + ", version=" + version + "]";
    }
}

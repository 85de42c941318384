package org.redress.server.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The roles of {@code architecture.md}: five for staff, two for machines. Names are case-insensitive. */
public enum Role {
    ADMIN(true),
    MODERATOR(true),
    SENIOR_MODERATOR(true),
    COMPLIANCE(true),
    AUDITOR(true),
    PLATFORM(false),
    FLAGGER(false);

    private final boolean staff;

    Role(boolean staff) {
        this.staff = staff;
    }

    /** Whether a person holds this role (as opposed to a machine). */
    public boolean staff() {
        return staff;
    }

    /** The Spring Security authority, {@code ROLE_<NAME>}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Set<Role> staffRoles() {
        return Arrays.stream(values())
                .filter(Role::staff)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    /** @throws IllegalArgumentException naming the accepted roles when {@code name} is none of them */
    public static Role parse(String name) {
        String wanted = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Role role : values()) {
            if (role.name().equals(wanted)) {
                return role;
            }
        }
        throw new IllegalArgumentException(
                "unknown role; expected one of " + Arrays.toString(values()).toLowerCase(Locale.ROOT));
    }
}

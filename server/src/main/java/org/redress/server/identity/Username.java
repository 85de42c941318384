package org.redress.server.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/** A staff username: 2 to 64 of lowercase letters, digits, '.', '_' and '-', starting with a letter or digit. */
public record Username(String value) {

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    public Username {
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "username must be 2-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }
    }

    /** Lower-cases before validating, so {@code Alice} and {@code alice} are the same account. */
    public static Username of(String raw) {
        return new Username(raw.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}

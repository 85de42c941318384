package org.redress.server.matching;

import java.util.Objects;
import java.util.regex.Pattern;

/** A bank's name: 1 to 64 lower-case letters, digits, dots, dashes or underscores. */
public record BankName(String value) {

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** @throws IllegalArgumentException when the value does not have the shape of a bank name */
    public BankName {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a bank name is 1 to 64 lower-case letters, digits, '.', '-' or '_'; got " + value.length()
                            + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

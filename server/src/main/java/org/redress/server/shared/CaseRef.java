package org.redress.server.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A case's reference. Intake gives one to each report and hash submission (quoted in receipts and
 * status links), review one to each case a match opens; matching, review and enforcement carry it
 * in their events. Not a secret: a case is reached only with its reference plus the holder's
 * status token.
 *
 * @param value upper-case letters, digits and dashes, 6 to 40 characters
 */
public record CaseRef(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9-]{6,40}");

    /** @throws IllegalArgumentException when the value does not have the shape of a reference */
    public CaseRef {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a case reference is 6 to 40 upper-case letters, digits or dashes; got "
                    + value.length() + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

package org.redress.server.intake;

import java.security.SecureRandom;
import java.util.regex.Pattern;
import org.redress.server.shared.CaseRef;

/**
 * New case references: a two-letter prefix naming who opened the case ({@code RD-} for intake's
 * reports and hash submissions, {@code RM-} for review's match cases), then 12 characters of an
 * alphabet without look-alikes in three groups. 60 random bits: guessing one reaches nothing
 * without the holder's token, and two never collide in practice.
 */
public final class CaseRefs {

    /** Intake's prefix. */
    public static final String REPORTS = "RD";

    private static final Pattern PREFIX = Pattern.compile("[A-Z]{2}");
    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CaseRefs() {}

    /** @throws IllegalArgumentException unless the prefix is two upper-case letters */
    public static CaseRef next(String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a case reference prefix is two upper-case letters");
        }
        var text = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 12; i++) {
            if (i == 4 || i == 8) {
                text.append('-');
            }
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new CaseRef(text.toString());
    }
}

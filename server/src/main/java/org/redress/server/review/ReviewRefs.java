package org.redress.server.review;

import java.security.SecureRandom;
import org.redress.server.intake.CaseRef;

/**
 * References of cases opened by matches: {@code RM-} and 12 characters of an alphabet without
 * look-alikes, so that they never collide in shape with intake's {@code RD-} report references.
 */
final class ReviewRefs {

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReviewRefs() {
    }

    static CaseRef next() {
        var text = new StringBuilder("RM-");
        for (int i = 0; i < 12; i++) {
            if (i == 4 || i == 8) {
                text.append('-');
            }
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new CaseRef(text.toString());
    }
}

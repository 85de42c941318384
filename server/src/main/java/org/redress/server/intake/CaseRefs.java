package org.redress.server.intake;

import java.security.SecureRandom;

/** New case references: {@code RD-} and 12 characters of an alphabet without look-alikes. */
final class CaseRefs {

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CaseRefs() {
    }

    static CaseRef next() {
        var text = new StringBuilder("RD-");
        for (int i = 0; i < 12; i++) {
            if (i == 4 || i == 8) {
                text.append('-');
            }
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new CaseRef(text.toString());
    }
}

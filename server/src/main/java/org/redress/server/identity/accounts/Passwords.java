package org.redress.server.identity.accounts;

import java.security.SecureRandom;
import org.redress.server.identity.WeakPasswordException;

/** One-time passwords and the password length rule. */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    /** BCrypt ignores bytes after the 72nd; refusing longer passwords avoids a false sense of strength. */
    public static final int MAX_LENGTH = 72;

    // No 0/O, 1/l/I: one-time passwords are read off a terminal and typed by hand.
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** 20 characters from a 57-symbol alphabet: about 116 bits. */
    public static String oneTime() {
        var password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    public static void check(String candidate) {
        if (candidate.length() < MIN_LENGTH || candidate.length() > MAX_LENGTH) {
            throw new WeakPasswordException();
        }
    }
}

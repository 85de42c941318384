package org.redress.server.identity.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.redress.server.identity.Username;
import org.redress.server.identity.WeakPasswordException;

/**
 * One-time passwords and the rules a chosen password meets, after NIST SP 800-63B: at least 12
 * characters (and at most 72, where BCrypt stops reading), not one of the passwords most common in
 * breach corpora (bundled, about 49,000), not built from the username, and no composition rules.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    /** BCrypt ignores bytes after the 72nd; refusing longer passwords avoids a false sense of strength. */
    public static final int MAX_LENGTH = 72;

    /** Why a password was refused; each reason has its own sentence for the person choosing. */
    public enum Weakness {
        LENGTH("A password must have between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters."),
        COMMON("That password is one of the most common ones in breached password lists; choose another."),
        USERNAME("A password must not be built from the username."),
        UNCHANGED("The new password must differ from the current one.");

        private final String sentence;

        Weakness(String sentence) {
            this.sentence = sentence;
        }

        public String sentence() {
            return sentence;
        }
    }

    // No 0/O, 1/l/I: one-time passwords are read off a terminal and typed by hand.
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COMMON_LIST = "/identity/common-passwords.txt.gz";

    private Passwords() {}

    /** 20 characters from a 57-symbol alphabet: about 116 bits. */
    public static String oneTime() {
        var password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** @throws WeakPasswordException naming the first rule the candidate breaks */
    public static void check(String candidate, Username username) {
        if (candidate.length() < MIN_LENGTH || candidate.length() > MAX_LENGTH) {
            throw new WeakPasswordException(Weakness.LENGTH);
        }
        String lower = candidate.toLowerCase(Locale.ROOT);
        if (isCommon(lower)) {
            throw new WeakPasswordException(Weakness.COMMON);
        }
        if (builtFrom(lettersAndDigits(lower), lettersAndDigits(username.value()))) {
            throw new WeakPasswordException(Weakness.USERNAME);
        }
    }

    /**
     * A listed password as it is, or dressed up with digits and symbols around it
     * ({@code password1234!}) or repeated ({@code monkeymonkey}): guessers try those first.
     */
    private static boolean isCommon(String lower) {
        Set<String> common = CommonList.PASSWORDS;
        if (common.contains(lower)) {
            return true;
        }
        String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        if (core.length() >= 4 && common.contains(core)) {
            return true;
        }
        for (int unit = 1; unit <= lower.length() / 2; unit++) {
            if (lower.length() % unit == 0
                    && lower.equals(lower.substring(0, unit).repeat(lower.length() / unit))) {
                return true;
            }
        }
        return false;
    }

    private static boolean builtFrom(String password, String username) {
        if (username.length() < 3) {
            return password.equals(username);
        }
        String reversed = new StringBuilder(username).reverse().toString();
        return password.contains(username) || password.contains(reversed);
    }

    private static String lettersAndDigits(String text) {
        return text.replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** Loaded on first use, once: a holder class keeps start-up free of it. */
    private static final class CommonList {
        static final Set<String> PASSWORDS = load();

        private static Set<String> load() {
            try (InputStream raw = Objects.requireNonNull(
                            Passwords.class.getResourceAsStream(COMMON_LIST),
                            "the common password list is missing from the jar");
                    var lines = new BufferedReader(
                            new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
                Set<String> passwords = new HashSet<>(65_536);
                lines.lines()
                        .filter(line -> !line.isBlank() && !line.startsWith("#"))
                        .forEach(passwords::add);
                return Set.copyOf(passwords);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

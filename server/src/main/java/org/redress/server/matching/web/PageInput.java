package org.redress.server.matching.web;

import java.util.Locale;
import org.redress.pdq.PdqHash;
import org.redress.server.matching.BankAction;
import org.redress.server.matching.BankName;
import org.redress.server.matching.EntryHashes;
import org.redress.server.matching.HashListFormat;

/** The bank pages' form fields read into matching's values, or refused in plain words. */
final class PageInput {

    private PageInput() {}

    static BankName parseName(String name) {
        try {
            return new BankName(name.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PageInputException(
                    "A bank name is 1 to 64 lower-case letters, digits, '.', '-' or '_', starting with a "
                            + "letter or digit.");
        }
    }

    static BankAction parseAction(String action) {
        try {
            return BankAction.valueOf(action.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PageInputException("Choose the action BLOCK, REVIEW or LOG.");
        }
    }

    static HashListFormat parseFormat(String format) {
        try {
            return HashListFormat.parse(format.strip());
        } catch (IllegalArgumentException e) {
            throw new PageInputException("Choose the file's format: text, csv or jsonl.");
        }
    }

    /** A whole number from 0 to {@code max}; a blank field means {@code blank} when that is not negative. */
    static int parseNumber(String text, int blank, int max, String refusal) {
        if (text.isBlank() && blank >= 0) {
            return blank;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < 0 || value > max) {
                throw new PageInputException(refusal);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new PageInputException(refusal);
        }
    }

    static EntryHashes parseHash(String kind, String hash) {
        String hex = hash.strip();
        try {
            return switch (kind.strip().toLowerCase(Locale.ROOT)) {
                case "pdq" -> EntryHashes.ofPdq(PdqHash.fromHex(hex));
                case "md5" -> EntryHashes.parse(null, hex, null);
                case "sha256" -> EntryHashes.parse(null, null, hex);
                default -> throw new PageInputException("Choose the kind of hash: PDQ, MD5 or SHA-256.");
            };
        } catch (IllegalArgumentException e) {
            throw new PageInputException(
                    switch (kind.strip().toLowerCase(Locale.ROOT)) {
                        case "md5" -> "An MD5 hash is 32 hex digits (0-9, a-f).";
                        case "sha256" -> "A SHA-256 hash is 64 hex digits (0-9, a-f).";
                        default -> "A PDQ hash is 64 hex digits (0-9, a-f).";
                    });
        }
    }

    /** Input the page refuses before it reaches matching; the message is shown as it is. */
    static final class PageInputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PageInputException(String message) {
            super(message);
        }
    }
}

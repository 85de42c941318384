package org.redress.server.intake;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Hashes a person computed on their own device to protect images before anyone posts them.
 *
 * @param declarations the person is shown or acts for them, in good faith
 * @param hashes 1 to 100 images' hashes
 * @param contactEmail where to acknowledge, when given
 * @param subjectWasUnder18 the person shown was under 18 when the images were taken (or the sender is not sure):
 *     the submission goes to child protection
 */
public record NewHashSubmission(
        Declarations declarations,
        List<SubmittedHash> hashes,
        Optional<String> contactEmail,
        boolean subjectWasUnder18) {

    /** A submission about an adult. */
    public NewHashSubmission(Declarations declarations, List<SubmittedHash> hashes, Optional<String> contactEmail) {
        this(declarations, hashes, contactEmail, false);
    }

    public static final int MAX_HASHES = 100;

    /** @throws IllegalArgumentException when the declarations are missing or the hash count is out of range */
    public NewHashSubmission {
        Objects.requireNonNull(declarations, "declarations");
        if (!declarations.subjectOrAuthorised() || !declarations.goodFaithAndTrue()) {
            throw new IllegalArgumentException("a hash submission needs the subject and good-faith declarations");
        }
        hashes = List.copyOf(hashes);
        if (hashes.isEmpty() || hashes.size() > MAX_HASHES) {
            throw new IllegalArgumentException("a hash submission has 1 to " + MAX_HASHES + " hashes");
        }
        contactEmail = contactEmail.map(String::strip).filter(e -> !e.isEmpty());
        if (contactEmail.isPresent() && contactEmail.get().length() > 254) {
            throw new IllegalArgumentException("an e-mail address has up to 254 characters");
        }
    }

    String fingerprint() {
        var text = new StringBuilder("hashes\u0000")
                .append(declarations)
                .append('\u0000')
                .append(contactEmail.orElse(""));
        hashes.forEach(h -> text.append('\u0000').append(h));
        if (subjectWasUnder18) {
            text.append("\u0000under18");
        }
        return NewReport.sha256Hex(text.toString());
    }

    @Override
    public String toString() {
        return "NewHashSubmission[hashes=" + hashes.size() + ", contact="
                + (contactEmail.isPresent() ? "redacted" : "none") + ", under18=" + subjectWasUnder18 + "]";
    }
}

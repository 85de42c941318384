package org.redress.server.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.redress.server.shared.Jurisdiction;

/**
 * A complete intimate image report as received: valid under all three laws or not constructed.
 *
 * @param reporterRole who is reporting
 * @param declarations the declarations of the reporter's role ({@link Declarations#validFor})
 * @param signature the typed full name, up to 200 characters; required unless the person shown was
 *     under 18 (EU DSA Art. 16(2)(c) exempts reports of child sexual abuse from giving a name)
 * @param contentLocators 1 to 20 distinct locators
 * @param contactEmail where to acknowledge, when given
 * @param subjectWasUnder18 the person shown was under 18 when it was made
 * @param description free text, up to 5000 characters, when given
 * @param reason what happened, as the offences read ({@link ReportReason#DEFAULT} when not given)
 * @param jurisdiction the code of the jurisdiction the platform declares for the content or its
 *     uploader ({@link Jurisdiction#of}), whose law a statement of reasons then cites; when not given,
 *     the platform's default
 */
public record NewReport(
        ReporterRole reporterRole,
        Declarations declarations,
        String signature,
        List<ContentLocator> contentLocators,
        Optional<String> contactEmail,
        boolean subjectWasUnder18,
        Optional<String> description,
        ReportReason reason,
        Optional<String> jurisdiction) {

    public static final int MAX_LOCATORS = 20;
    public static final int MAX_SIGNATURE = 200;
    public static final int MAX_DESCRIPTION = 5000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    /** @throws IllegalArgumentException when the report would not be valid */
    public NewReport {
        Objects.requireNonNull(reporterRole, "reporterRole");
        Objects.requireNonNull(declarations, "declarations");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(reason, "reason");
        jurisdiction = jurisdiction.map(String::strip).filter(j -> !j.isEmpty());
        if (jurisdiction.isPresent() && Jurisdiction.of(jurisdiction.get()).isEmpty()) {
            throw new IllegalArgumentException("a jurisdiction is one Redress knows the law of");
        }
        if (!declarations.validFor(reporterRole)) {
            throw new IllegalArgumentException("a report needs the declarations of its reporter's role");
        }
        signature = signature.strip();
        if ((signature.isEmpty() && !subjectWasUnder18) || signature.length() > MAX_SIGNATURE) {
            throw new IllegalArgumentException("a signature has 1 to " + MAX_SIGNATURE + " characters");
        }
        contentLocators = List.copyOf(contentLocators.stream().distinct().toList());
        if (contentLocators.isEmpty() || contentLocators.size() > MAX_LOCATORS) {
            throw new IllegalArgumentException("a report names 1 to " + MAX_LOCATORS + " content locators");
        }
        contactEmail = contactEmail.map(String::strip).filter(e -> !e.isEmpty());
        if (contactEmail.isPresent()
                && (contactEmail.get().length() > 254
                        || !EMAIL.matcher(contactEmail.get()).matches())) {
            throw new IllegalArgumentException("an e-mail address has the shape local@domain, up to 254 characters");
        }
        description = description.map(String::strip).filter(d -> !d.isEmpty());
        if (description.isPresent() && description.get().length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("a description has at most " + MAX_DESCRIPTION + " characters");
        }
    }

    /** A report that declares no jurisdiction: statements cite the platform's default. */
    public NewReport(
            ReporterRole reporterRole,
            Declarations declarations,
            String signature,
            List<ContentLocator> contentLocators,
            Optional<String> contactEmail,
            boolean subjectWasUnder18,
            Optional<String> description,
            ReportReason reason) {
        this(
                reporterRole,
                declarations,
                signature,
                contentLocators,
                contactEmail,
                subjectWasUnder18,
                description,
                reason,
                Optional.empty());
    }

    /** A report that names no reason: it is read as {@link ReportReason#DEFAULT}. */
    public NewReport(
            ReporterRole reporterRole,
            Declarations declarations,
            String signature,
            List<ContentLocator> contentLocators,
            Optional<String> contactEmail,
            boolean subjectWasUnder18,
            Optional<String> description) {
        this(
                reporterRole,
                declarations,
                signature,
                contentLocators,
                contactEmail,
                subjectWasUnder18,
                description,
                ReportReason.DEFAULT);
    }

    /** A digest of everything submitted, to tell a retry from a different report under the same key. */
    String fingerprint(Channel channel) {
        var text = new StringBuilder("report\u0000")
                .append(channel)
                .append('\u0000')
                .append(reporterRole)
                .append('\u0000')
                .append(declarations)
                .append('\u0000')
                .append(signature)
                .append('\u0000')
                .append(subjectWasUnder18)
                .append('\u0000')
                .append(contactEmail.orElse(""))
                .append('\u0000')
                .append(description.orElse(""));
        contentLocators.forEach(l -> text.append('\u0000').append(l.value()));
        // The default reason adds nothing, so a retry of a report sent before reasons existed still
        // has its first digest and gets its first receipt.
        if (reason != ReportReason.DEFAULT) {
            text.append("\u0000reason\u0000").append(reason.name());
        }
        jurisdiction.ifPresent(j -> text.append("\u0000jurisdiction\u0000").append(j));
        return sha256Hex(text.toString());
    }

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "NewReport[reporterRole=" + reporterRole + ", locators=" + contentLocators.size()
                + ", subjectWasUnder18=" + subjectWasUnder18 + ", reason=" + reason + ", personal data redacted]";
    }
}

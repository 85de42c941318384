package org.redress.server.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A law-enforcement request as staff type it in; {@link LawEnforcementRequests#record} checks it.
 *
 * @param link another record the request belongs to ({@code kind:reference}, such as a referral), or null
 */
public record NewRequest(
        @Nullable String agency,
        @Nullable String officer,
        @Nullable String crimeReference,
        @Nullable String legalBasis,
        @Nullable Instant deadline,
        @Nullable List<String> scope,
        @Nullable String link) {

    static final int MAX_LINE = 200;
    static final int MAX_OFFICER = 500;
    static final int MAX_CASES = 50;

    /** The first thing wrong with it, as a fixed phrase, or empty. */
    Optional<String> problem() {
        if (!line(agency, MAX_LINE)) {
            return Optional.of("Give the agency, one line of 1 to " + MAX_LINE + " characters.");
        }
        if (!text(officer, MAX_OFFICER)) {
            return Optional.of("Give the officer's name and contact, 1 to " + MAX_OFFICER + " characters.");
        }
        if (!line(crimeReference, MAX_LINE)) {
            return Optional.of("Give the crime reference, one line of 1 to " + MAX_LINE + " characters.");
        }
        if (!line(legalBasis, MAX_LINE)) {
            return Optional.of("Give the legal basis, one line of 1 to " + MAX_LINE + " characters.");
        }
        if (deadline == null) {
            return Optional.of("Give the deadline the agency set.");
        }
        if (scope == null || scope.isEmpty() || scope.size() > MAX_CASES) {
            return Optional.of("Name 1 to " + MAX_CASES + " cases the request covers.");
        }
        if (link != null && !link.isBlank() && !link.strip().matches("[a-z][a-z-]{0,30}:[A-Za-z0-9._/-]{1,100}")) {
            return Optional.of("A link is kind:reference, such as referral:NCA-123.");
        }
        return Optional.empty();
    }

    static boolean line(@Nullable String value, int max) {
        return value != null && text(value, max) && value.chars().noneMatch(Character::isISOControl);
    }

    static boolean text(@Nullable String value, int max) {
        return value != null && !value.isBlank() && value.strip().length() <= max;
    }
}

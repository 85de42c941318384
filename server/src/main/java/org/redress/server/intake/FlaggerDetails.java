package org.redress.server.intake;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.redress.server.web.InvalidFieldsException;
import org.redress.server.web.InvalidFieldsException.FieldProblem;

/**
 * A trusted flagger's entry as compliance staff give it, unchecked: every field as sent, so that
 * one answer can name every wrong field. {@link #checked} is the only way to a {@link Checked}.
 *
 * @param organisation the flagger's name, 1 to 200 characters
 * @param awardedBy the Digital Services Coordinator or other body that awarded the status, 1 to 200
 * @param expertise the area of expertise, 1 to 500
 * @param contact an address or telephone number, 1 to 254
 * @param since the first day of the status, {@code YYYY-MM-DD}
 * @param until the last day, included, {@code YYYY-MM-DD}; absent or blank for no end yet
 * @param apiKeys the ids of the FLAGGER keys the flagger reports with, at most {@value #MAX_KEYS}
 */
public record FlaggerDetails(
        @Nullable String organisation,
        @Nullable String awardedBy,
        @Nullable String expertise,
        @Nullable String contact,
        @Nullable String since,
        @Nullable String until,
        @Nullable List<String> apiKeys) {

    static final int MAX_KEYS = 20;

    /** The details checked: every text stripped, the dates read, each key once. */
    record Checked(
            String organisation,
            String awardedBy,
            String expertise,
            String contact,
            LocalDate since,
            Optional<LocalDate> until,
            List<String> apiKeys) {}

    /** The contact stays out of logs. */
    @Override
    public String toString() {
        return "FlaggerDetails[organisation=" + organisation + ", contact=redacted]";
    }

    /**
     * @param flaggerKeys the ids of the active FLAGGER keys
     * @throws InvalidFieldsException naming every wrong field
     */
    Checked checked(Set<String> flaggerKeys) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = text(problems, "#/organisation", organisation, 200);
        String body = text(problems, "#/awardedBy", awardedBy, 200);
        String area = text(problems, "#/expertise", expertise, 500);
        String reach = text(problems, "#/contact", contact, 254);
        LocalDate from = date(problems, "#/since", since);
        Optional<LocalDate> to = until == null || until.isBlank()
                ? Optional.empty()
                : Optional.ofNullable(date(problems, "#/until", until));
        if (from != null && to.filter(end -> end.isBefore(from)).isPresent()) {
            problems.add(new FieldProblem("#/until", "is before since"));
        }
        var keys = new LinkedHashSet<String>();
        List<String> given = apiKeys == null ? List.of() : apiKeys;
        if (given.size() > MAX_KEYS) {
            problems.add(new FieldProblem("#/apiKeys", "lists more than " + MAX_KEYS + " keys"));
        }
        for (int i = 0; i < given.size() && i < MAX_KEYS; i++) {
            String key = given.get(i) == null ? "" : given.get(i).strip();
            if (!flaggerKeys.contains(key)) {
                problems.add(new FieldProblem("#/apiKeys/" + i, "is not the id of an active FLAGGER key"));
            } else if (!keys.add(key)) {
                problems.add(new FieldProblem("#/apiKeys/" + i, "is listed twice"));
            }
        }
        if (!problems.isEmpty() || from == null) {
            throw new InvalidFieldsException(problems);
        }
        return new Checked(name, body, area, reach, from, to, List.copyOf(keys));
    }

    private static String text(List<FieldProblem> problems, String pointer, @Nullable String value, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            problems.add(new FieldProblem(pointer, "is required"));
        } else if (stripped.length() > max) {
            problems.add(new FieldProblem(pointer, "is longer than " + max + " characters"));
        }
        return stripped;
    }

    private static @Nullable LocalDate date(List<FieldProblem> problems, String pointer, @Nullable String value) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(pointer, "is required, as YYYY-MM-DD"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(pointer, "is not a date of the form YYYY-MM-DD"));
            return null;
        }
    }
}

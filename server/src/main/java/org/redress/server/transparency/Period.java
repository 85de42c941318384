package org.redress.server.transparency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A reporting period of whole UTC days, both included.
 *
 * @param from the first day
 * @param to the last day, not before {@code from}
 */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
    }

    /**
     * The period between two ISO dates ({@code YYYY-MM-DD}).
     *
     * @throws IllegalArgumentException with a message fit for the caller when a date is not one or
     *     the period ends before it starts; it never repeats the value given
     */
    public static Period parse(String from, String to) {
        return new Period(day(from, "from"), day(to, "to"));
    }

    private static LocalDate day(String value, String name) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is not a date of the form YYYY-MM-DD", e);
        }
    }

    /** The first instant of the period (midnight UTC of {@code from}). */
    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period (midnight UTC after {@code to}). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}

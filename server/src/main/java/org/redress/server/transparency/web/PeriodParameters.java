package org.redress.server.transparency.web;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.redress.server.transparency.Period;
import org.redress.server.web.InvalidFieldsException;
import org.redress.server.web.InvalidFieldsException.FieldProblem;

/** The {@code from}, {@code to} and {@code format} query parameters, checked: a wrong one is a 400. */
final class PeriodParameters {

    enum Format {
        JSON,
        CSV
    }

    private PeriodParameters() {}

    static Period period(String from, String to) {
        try {
            return Period.parse(from, to);
        } catch (IllegalArgumentException e) {
            // Period's messages are fixed phrases that never repeat the value given.
            String message = Objects.toString(e.getMessage(), "not a period");
            String pointer = message.startsWith("from") ? "#/from" : "#/to";
            throw new InvalidFieldsException(List.of(new FieldProblem(pointer, message)));
        }
    }

    static Format format(String format) {
        try {
            return Format.valueOf(format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldsException(List.of(new FieldProblem("#/format", "must be json or csv")));
        }
    }
}

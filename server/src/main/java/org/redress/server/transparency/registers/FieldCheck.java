package org.redress.server.transparency.registers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.redress.server.web.InvalidFieldsException;
import org.redress.server.web.InvalidFieldsException.FieldProblem;

/**
 * Collects what is wrong with the fields of a register version or a policy, so that one answer
 * names every wrong field; the details are fixed phrases that never repeat the value given.
 */
public final class FieldCheck {

    private final List<FieldProblem> problems = new ArrayList<>();

    /** The text stripped, or an empty string after noting a missing or overlong one. */
    public String text(String pointer, @Nullable String value, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            problems.add(new FieldProblem(pointer, "is required"));
        } else if (stripped.length() > max) {
            problems.add(new FieldProblem(pointer, "is longer than " + max + " characters"));
        }
        return stripped;
    }

    /** The text stripped, or null when absent or blank. */
    public @Nullable String optionalText(String pointer, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(pointer, value, max);
    }

    /** The date as {@code YYYY-MM-DD}, or null after noting a missing or wrong one. */
    public @Nullable LocalDate date(String pointer, @Nullable String value) {
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

    /** The constant of the enum named by the value (any case), or null after noting a wrong one. */
    public <E extends Enum<E>> @Nullable E choice(String pointer, @Nullable String value, Class<E> type) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                    return constant;
                }
            }
        }
        var names = new ArrayList<String>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        problems.add(new FieldProblem(pointer, "must be one of " + String.join(", ", names)));
        return null;
    }

    /** Notes a problem of the check's own. */
    public void problem(String pointer, String detail) {
        problems.add(new FieldProblem(pointer, detail));
    }

    /** @throws InvalidFieldsException when any problem was noted */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }
}

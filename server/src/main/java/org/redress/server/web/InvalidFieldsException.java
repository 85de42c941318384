package org.redress.server.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request whose named fields are wrong, found by a controller rather than by Bean Validation (a
 * form field of a multipart request, for example): answered {@code 400 /problems/invalid-request}
 * with one {@code errors} item per field, as validation errors are.
 */
public final class InvalidFieldsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * One wrong field.
     *
     * @param pointer the field, as {@code #/name} (never its value)
     * @param detail what is wrong with it, a fixed phrase
     */
    public record FieldProblem(String pointer, String detail) {
        public FieldProblem {
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(detail, "detail");
        }

        Map<String, String> toMap() {
            return Map.of("pointer", pointer, "detail", detail);
        }
    }

    @SuppressWarnings("serial") // records of strings; the list is copied and never changed
    private final List<FieldProblem> problems;

    public InvalidFieldsException(List<FieldProblem> problems) {
        super("invalid fields", null, false, false);
        this.problems = List.copyOf(problems);
        if (this.problems.isEmpty()) {
            throw new IllegalArgumentException("at least one field problem");
        }
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}

package org.redress.server.transparency.registers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One version of the measures register (OSA s.23(3)-(4)): each measure of Ofcom's Illegal Content
 * Codes for user-to-user services by its reference, what the service does, and since when; a
 * measure met another way says how that complies, and one that does not apply says why.
 *
 * @param measures the measures, each code once, in the order given
 */
public record Measures(@Nullable List<Measure> measures) implements RegisterContent {

    /** A Codes reference as Ofcom numbers them: {@code ICU C14}, {@code ICU D8}, {@code ICU A2.2}. */
    static final Pattern CODE = Pattern.compile("ICU [A-J][0-9]{1,2}(\\.[0-9]{1,2})?");

    static final int MAX_MEASURES = 100;

    /** Whether the Codes measure itself is taken, another measure serves its purpose, or it does not apply. */
    public enum Status {
        TAKEN,
        ALTERNATIVE,
        NOT_APPLICABLE
    }

    /**
     * One measure.
     *
     * @param code the reference, such as {@code ICU C14}
     * @param status {@code TAKEN}, {@code ALTERNATIVE} or {@code NOT_APPLICABLE}
     * @param description what the service does
     * @param inEffectFrom the date the measure took effect (not for one that does not apply)
     * @param note how an alternative complies, or why the measure does not apply (required for both)
     */
    public record Measure(
            @Nullable String code,
            @Nullable String status,
            @Nullable String description,
            @Nullable String inEffectFrom,
            @Nullable String note) {}

    @Override
    public RegisterKind kind() {
        return RegisterKind.MEASURES;
    }

    @Override
    public Measures checked() {
        var check = new FieldCheck();
        if (measures == null || measures.isEmpty() || measures.size() > MAX_MEASURES) {
            check.problem("#/measures", "list 1 to " + MAX_MEASURES + " measures");
            check.throwIfAny();
        }
        List<Measure> kept = new ArrayList<>();
        var codes = new HashSet<String>();
        List<Measure> given = Objects.requireNonNull(measures);
        for (int i = 0; i < given.size(); i++) {
            kept.add(checked(check, "#/measures/" + i, given.get(i), codes));
        }
        check.throwIfAny();
        return new Measures(List.copyOf(kept));
    }

    /** The pointer of a measure's field, such as {@code #/measures/0/code}. */
    private static String field(String measure, String name) {
        return measure + "/" + name;
    }

    private static Measure checked(FieldCheck check, String at, @Nullable Measure measure, HashSet<String> codes) {
        if (measure == null) {
            check.problem(at, "is required");
            return new Measure(null, null, null, null, null);
        }
        String code = check.text(field(at, "code"), measure.code(), 20);
        if (!code.isEmpty() && !CODE.matcher(code).matches()) {
            check.problem(field(at, "code"), "must be a Codes reference such as ICU C14 or ICU D8");
        } else if (!code.isEmpty() && !codes.add(code)) {
            check.problem(field(at, "code"), "is listed twice");
        }
        Status status = check.choice(field(at, "status"), measure.status(), Status.class);
        String description = check.text(field(at, "description"), measure.description(), 2_000);
        String note = check.optionalText(field(at, "note"), measure.note(), 2_000);
        String inEffect = null;
        if (status != Status.NOT_APPLICABLE) {
            LocalDate from = check.date(field(at, "inEffectFrom"), measure.inEffectFrom());
            inEffect = from == null ? null : from.toString();
        }
        if ((status == Status.ALTERNATIVE || status == Status.NOT_APPLICABLE) && note == null) {
            check.problem(field(at, "note"), "say how the alternative complies, or why the measure does not apply");
        }
        return new Measure(code, status == null ? null : status.name(), description, inEffect, note);
    }
}

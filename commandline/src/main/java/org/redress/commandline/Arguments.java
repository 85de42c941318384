package org.redress.commandline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A command's arguments as {@link ArgumentRules#parse} found them. Asking for an option the rules
 * did not declare is a programming error ({@link IllegalArgumentException}); a value that does not
 * fit its option is the user's ({@link UsageException}, naming the option and the value).
 */
public final class Arguments {

    private final Map<String, ArgumentRules.Kind> declared;
    private final Map<String, List<String>> given;
    private final List<String> positionals;

    Arguments(Map<String, ArgumentRules.Kind> declared, Map<String, List<String>> given, List<String> positionals) {
        this.declared = declared;
        this.given = Map.copyOf(
                given.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
        this.positionals = List.copyOf(positionals);
    }

    /**
     * Tells whether an option was given.
     *
     * @param name a declared option or switch
     * @return true when it appeared at least once
     */
    public boolean has(String name) {
        kind(name);
        return given.containsKey(name);
    }

    /**
     * Returns the value of an option given at most once.
     *
     * @param name a declared valued option
     * @return its value, or empty when it was not given
     */
    public Optional<String> value(String name) {
        if (kind(name) != ArgumentRules.Kind.VALUED) {
            throw new IllegalArgumentException(name + " is not a single-valued option");
        }
        return Optional.ofNullable(given.get(name)).map(values -> values.get(0));
    }

    /**
     * Returns the value of an option that must be given.
     *
     * @param name a declared valued option
     * @return its value
     * @throws UsageException when it was not given, or given blank
     */
    public String required(String name) throws UsageException {
        Optional<String> value = value(name);
        if (value.isEmpty() || value.get().isBlank()) {
            throw new UsageException(name + " is required");
        }
        return value.get();
    }

    /**
     * Returns every value of a repeatable option, in order, each occurrence split at commas.
     *
     * @param name a declared repeatable option
     * @return the values; empty when it was not given
     */
    public List<String> values(String name) {
        if (kind(name) != ArgumentRules.Kind.REPEATABLE) {
            throw new IllegalArgumentException(name + " is not a repeatable option");
        }
        return given.getOrDefault(name, List.of());
    }

    /**
     * Returns the positional arguments in order.
     *
     * @return the arguments that are not options or their values
     */
    public List<String> positionals() {
        return positionals;
    }

    /**
     * Returns an option's value as a positive, finite number.
     *
     * @param name a declared valued option
     * @param fallback the value when the option was not given
     * @return the number given, or {@code fallback}
     * @throws UsageException when the value is not a positive number
     */
    public double positive(String name, double fallback) throws UsageException {
        Optional<String> text = value(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(text.get());
            if (parsed > 0 && Double.isFinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be a positive number, not '" + text.get() + "'");
    }

    /**
     * Returns an option's value as an integer within bounds.
     *
     * @param name a declared valued option
     * @param min the smallest accepted
     * @param max the largest accepted
     * @param fallback the value when the option was not given
     * @return the integer given, or {@code fallback}
     * @throws UsageException when the value is not an integer from {@code min} to {@code max}
     */
    public int integer(String name, int min, int max, int fallback) throws UsageException {
        Optional<String> text = value(name);
        return text.isEmpty() ? fallback : integer(name, text.get(), min, max);
    }

    /**
     * Returns every value of a repeatable option as an integer within bounds.
     *
     * @param name a declared repeatable option
     * @param min the smallest accepted
     * @param max the largest accepted
     * @param fallback the values when the option was not given
     * @return the integers given, in order, or {@code fallback}
     * @throws UsageException when a value is not an integer from {@code min} to {@code max}
     */
    public List<Integer> integers(String name, int min, int max, List<Integer> fallback) throws UsageException {
        List<String> texts = values(name);
        if (texts.isEmpty()) {
            return fallback;
        }
        var integers = new ArrayList<Integer>(texts.size());
        for (String text : texts) {
            integers.add(integer(name, text, min, max));
        }
        return List.copyOf(integers);
    }

    /**
     * Returns an option's value as one of an enumeration's constants, named in any case
     * ({@code --format json} for {@code JSON}).
     *
     * @param <E> the enumeration
     * @param name a declared valued option
     * @param fallback the value when the option was not given; its type lists the choices
     * @return the constant named, or {@code fallback}
     * @throws UsageException when the value names none of the constants
     */
    public <E extends Enum<E>> E choice(String name, E fallback) throws UsageException {
        Optional<String> text = value(name);
        if (text.isEmpty()) {
            return fallback;
        }
        E[] constants = fallback.getDeclaringClass().getEnumConstants();
        for (E constant : constants) {
            if (constant.name().equalsIgnoreCase(text.get())) {
                return constant;
            }
        }
        List<String> words =
                Stream.of(constants).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        int last = words.size() - 1;
        String choices =
                last == 0 ? words.get(0) : String.join(", ", words.subList(0, last)) + " or " + words.get(last);
        throw new UsageException(name + " must be " + choices + ", not '" + text.get() + "'");
    }

    private static int integer(String name, String text, int min, int max) throws UsageException {
        try {
            int parsed = Integer.parseInt(text.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be an integer from " + min + " to " + max + ", not '" + text + "'");
    }

    private ArgumentRules.Kind kind(String name) {
        ArgumentRules.Kind kind = declared.get(name);
        if (kind == null) {
            throw new IllegalArgumentException("not declared in the rules: " + name);
        }
        return kind;
    }
}

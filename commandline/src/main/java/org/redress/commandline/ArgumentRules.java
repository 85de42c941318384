package org.redress.commandline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options and positional arguments one command accepts, and the one parser every Redress
 * command uses. Immutable: each method returns a copy with more declared.
 *
 * <p>The rules, the same for every command:
 * <ul>
 *   <li>an option is {@code --name}; a valued one takes {@code --name value} or {@code --name=value},
 *       a switch takes no value ({@code --name=x} is an error);</li>
 *   <li>a value given as the next argument may not begin with {@code --}, so a forgotten value is
 *       reported rather than swallowing the next option; {@code --name=--x} passes such a value;</li>
 *   <li>an option may be given once, unless it is declared repeatable: a repeatable option
 *       collects the values of every occurrence, each split at commas ({@code --sizes 1,2 --sizes 3});</li>
 *   <li>any other argument is positional, and so is everything after {@code --};</li>
 *   <li>an undeclared option, a missing value, a repeated option and too many or too few
 *       positional arguments are each a {@link UsageException} that names the argument at fault.</li>
 * </ul>
 */
public final class ArgumentRules {

    /** How an option takes its value. */
    enum Kind {
        SWITCH,
        VALUED,
        REPEATABLE
    }

    private final Map<String, Kind> options;
    private final String positionalName;
    private final int minPositionals;
    private final int maxPositionals;

    private ArgumentRules(Map<String, Kind> options, String positionalName, int minPositionals, int maxPositionals) {
        this.options = options;
        this.positionalName = positionalName;
        this.minPositionals = minPositionals;
        this.maxPositionals = maxPositionals;
    }

    /**
     * Returns rules that accept nothing: no option and no positional argument.
     *
     * @return the empty rules, to declare options on
     */
    public static ArgumentRules none() {
        return new ArgumentRules(Map.of(), "", 0, 0);
    }

    /**
     * Declares options that take one value and may be given once.
     *
     * @param names the options, each beginning with {@code --}
     * @return a copy of these rules with the options added
     * @throws IllegalArgumentException when a name lacks {@code --} or is declared already
     */
    public ArgumentRules valued(String... names) {
        return with(Kind.VALUED, names);
    }

    /**
     * Declares options that take a value and may be given any number of times.
     *
     * @param names the options, each beginning with {@code --}
     * @return a copy of these rules with the options added
     * @throws IllegalArgumentException when a name lacks {@code --} or is declared already
     */
    public ArgumentRules repeatable(String... names) {
        return with(Kind.REPEATABLE, names);
    }

    /**
     * Declares switches: options that take no value and may be given once.
     *
     * @param names the options, each beginning with {@code --}
     * @return a copy of these rules with the switches added
     * @throws IllegalArgumentException when a name lacks {@code --} or is declared already
     */
    public ArgumentRules switches(String... names) {
        return with(Kind.SWITCH, names);
    }

    /**
     * Declares the positional arguments.
     *
     * @param name what they are, for messages, such as {@code PATH}
     * @param min the fewest accepted
     * @param max the most accepted ({@link Integer#MAX_VALUE} for no limit)
     * @return a copy of these rules with the positional arguments declared
     * @throws IllegalArgumentException unless {@code 0 <= min <= max}
     */
    public ArgumentRules positionals(String name, int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("expected 0 <= min <= max, got " + min + " and " + max);
        }
        return new ArgumentRules(options, name, min, max);
    }

    /**
     * Parses a command's arguments by these rules.
     *
     * @param args the arguments after the command's name
     * @return the options and positional arguments found
     * @throws UsageException naming the first argument that breaks a rule
     */
    public Arguments parse(List<String> args) throws UsageException {
        Map<String, List<String>> given = new HashMap<>();
        List<String> positionals = new ArrayList<>();
        boolean onlyPositionals = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (onlyPositionals || !isOption(arg)) {
                if (positionals.size() == maxPositionals) {
                    throw new UsageException("unexpected argument '" + arg + "'");
                }
                positionals.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                onlyPositionals = true;
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            Kind kind = options.get(name);
            if (kind == null) {
                throw new UsageException("unknown option " + name);
            }
            String value;
            if (kind == Kind.SWITCH) {
                if (equals >= 0) {
                    throw new UsageException(name + " takes no value");
                }
                value = "";
            } else if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size() && !isOption(args.get(i + 1))) {
                value = args.get(++i);
            } else {
                throw new UsageException(name + " needs a value");
            }
            List<String> values = given.computeIfAbsent(name, n -> new ArrayList<>());
            if (kind != Kind.REPEATABLE && !values.isEmpty()) {
                throw new UsageException(name + " given more than once");
            }
            if (kind == Kind.REPEATABLE) {
                values.addAll(List.of(value.split(",", -1)));
            } else {
                values.add(value);
            }
        }
        if (positionals.size() < minPositionals) {
            throw new UsageException("missing " + positionalName);
        }
        return new Arguments(Map.copyOf(options), given, positionals);
    }

    private static boolean isOption(String arg) {
        return arg.startsWith("--");
    }

    private ArgumentRules with(Kind kind, String... names) {
        var more = new LinkedHashMap<>(options);
        for (String name : names) {
            if (!name.startsWith("--") || name.length() < 3 || name.contains("=")) {
                throw new IllegalArgumentException("an option is --name: " + name);
            }
            if (more.putIfAbsent(name, kind) != null) {
                throw new IllegalArgumentException("declared twice: " + name);
            }
        }
        return new ArgumentRules(Map.copyOf(more), positionalName, minPositionals, maxPositionals);
    }
}

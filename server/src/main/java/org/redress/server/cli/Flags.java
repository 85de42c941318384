package org.redress.server.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Options of the form {@code --name value} and bare {@code --switch}; nothing positional. */
final class Flags {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> switches = new HashSet<>();

    private Flags() {
    }

    static Flags parse(List<String> args, Set<String> valued, Set<String> bare) throws UsageException {
        var flags = new Flags();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            if (valued.contains(name)) {
                String value = inline;
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (flags.values.put(name, value) != null) {
                    throw new UsageException(name + " given twice");
                }
            } else if (bare.contains(arg)) {
                flags.switches.add(arg);
            } else {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
        }
        return flags;
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String required(String name) throws UsageException {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException(name + " is required");
        }
        return value;
    }

    boolean has(String name) {
        return switches.contains(name);
    }
}

package org.redress.commandline;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A program's subcommands, dispatched by the first argument the same way in every Redress jar:
 * {@code --help} (or {@code help}) lists them, {@code COMMAND --help} prints that command's summary,
 * an unknown command or a {@link UsageException} prints one line to stderr and gives
 * {@link Command#USAGE}.
 */
public final class Commands {

    private final String program;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    /**
     * Creates the dispatcher.
     *
     * @param program how the user invokes the program, for messages, such as {@code redress}
     * @param available the commands, listed in this order
     * @throws IllegalArgumentException when two commands share a name
     */
    public Commands(String program, List<Command> available) {
        this.program = program;
        for (Command command : available) {
            if (commands.putIfAbsent(command.name(), command) != null) {
                throw new IllegalArgumentException("two commands named " + command.name());
            }
        }
    }

    /**
     * Runs the command the first argument names.
     *
     * @param args all of the program's arguments
     * @param out results
     * @param err diagnostics
     * @return the exit status
     */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("help")) {
            printUsage(args.isEmpty() ? err : out);
            return args.isEmpty() ? Command.USAGE : Command.OK;
        }
        Command command = commands.get(args.get(0));
        if (command == null) {
            err.println(program + ": unknown command '" + args.get(0) + "'");
            printUsage(err);
            return Command.USAGE;
        }
        List<String> rest = args.subList(1, args.size());
        if (asksForHelp(rest)) {
            out.println(command.summary());
            return Command.OK;
        }
        try {
            return command.run(rest, out, err);
        } catch (UsageException e) {
            err.println(program + " " + command.name() + ": " + e.getMessage());
            return Command.USAGE;
        } finally {
            out.flush();
        }
    }

    /** {@code --help} among the options, that is before any {@code --}. */
    private static boolean asksForHelp(List<String> args) {
        int end = args.indexOf("--");
        return (end < 0 ? args : args.subList(0, end)).contains("--help");
    }

    private void printUsage(PrintStream stream) {
        stream.println("usage: " + program + " <command> [options]   (" + program + " <command> --help: its options)");
        stream.println();
        commands.values().forEach(c -> stream.printf("  %-8s %s%n", c.name(), c.summary()));
    }
}

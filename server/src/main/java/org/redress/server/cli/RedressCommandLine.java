package org.redress.server.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of the executable jar behind {@code ./redress}: picks the subcommand named by the
 * first argument. Commands that need no service (hashing, matching) run without starting Spring.
 */
public final class RedressCommandLine {

    private final Map<String, Command> commands = new LinkedHashMap<>();

    RedressCommandLine(List<Command> available) {
        available.forEach(command -> commands.put(command.name(), command));
    }

    static RedressCommandLine standard() {
        return new RedressCommandLine(List.of(new HashCommand(), new MatchCommand(), new BenchCommand(),
                new ServeCommand(), new AdminCommand(), new AuditCommand()));
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(standard().run(Arrays.asList(args), System.out, System.err));
    }

    int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("help")) {
            printUsage(args.isEmpty() ? err : out);
            return args.isEmpty() ? Command.USAGE : Command.OK;
        }
        Command command = commands.get(args.get(0));
        if (command == null) {
            err.println("redress: unknown command '" + args.get(0) + "'");
            printUsage(err);
            return Command.USAGE;
        }
        try {
            return command.run(args.subList(1, args.size()), out, err);
        } catch (UsageException e) {
            err.println("redress " + command.name() + ": " + e.getMessage());
            return Command.USAGE;
        } finally {
            out.flush();
        }
    }

    private void printUsage(PrintStream stream) {
        stream.println("usage: redress <command> [options]");
        stream.println();
        commands.values().forEach(c -> stream.printf("  %-8s %s%n", c.name(), c.summary()));
    }
}

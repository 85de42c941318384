package org.redress.server.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.redress.commandline.Commands;

/**
 * Entry point of the executable jar behind {@code ./redress}: picks the subcommand named by the
 * first argument. Commands that need no service (hashing, matching) run without starting Spring.
 * Benchmarks are not here: {@code ./redress bench} runs the benchmarks module's own jar.
 */
public final class RedressCommandLine {

    private final Commands commands;

    private RedressCommandLine(Commands commands) {
        this.commands = commands;
    }

    static RedressCommandLine standard() {
        return new RedressCommandLine(new Commands(
                "redress",
                List.of(
                        new HashCommand(),
                        new MatchCommand(),
                        new ServeCommand(),
                        new AdminCommand(),
                        new AuditCommand(),
                        new ReportCommand(),
                        new EvidenceCommand())));
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(standard().run(Arrays.asList(args), System.out, System.err));
    }

    int run(List<String> args, PrintStream out, PrintStream err) {
        return commands.run(args, out, err);
    }
}

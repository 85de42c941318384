package org.redress.server.cli;

import java.io.PrintStream;
import java.util.List;

/** One subcommand of {@code ./redress}. */
interface Command {

    /** Exit status when every input was processed. */
    int OK = 0;

    /** Exit status when some input was bad; the rest was still processed. */
    int SOME_INPUT_BAD = 1;

    /** Exit status for a usage error (see {@link UsageException}). */
    int USAGE = 2;

    /** The word that selects this command, such as {@code hash}. */
    String name();

    /** One line for the command list. */
    String summary();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command's name
     * @param out results
     * @param err diagnostics
     * @return the exit status
     * @throws UsageException when the arguments are malformed
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws UsageException;
}

package org.redress.commandline;

import java.io.PrintStream;
import java.util.List;

/** One subcommand of a Redress command line, such as {@code redress hash}. */
public interface Command {

    /** Exit status when every input was processed. */
    int OK = 0;

    /** Exit status when some input was bad; the rest was still processed. */
    int SOME_INPUT_BAD = 1;

    /** Exit status for a usage error (see {@link UsageException}). */
    int USAGE = 2;

    /**
     * Returns the word that selects this command.
     *
     * @return the command's name, such as {@code hash}
     */
    String name();

    /**
     * Returns one line for the list of commands: what it does and its options.
     *
     * @return the summary, without a line break
     */
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

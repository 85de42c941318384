package org.redress.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.redress.commandline.Command;
import org.redress.commandline.UsageException;

/**
 * {@code redress bench jmh [JMH options] [BENCHMARK REGEX...]}: the JMH benchmarks of this module
 * ({@link PdqHashingBenchmark}, {@link IndexSearchBenchmark}). The arguments are JMH's own
 * ({@code -f 1 -wi 1 -i 3 -p size=100000}, {@code -l} to list, {@code -h} for all), handed to JMH
 * unchanged: they are JMH's documented interface, not ours. Unlike JMH's own main class this
 * returns an exit status instead of calling {@link System#exit}: 2 for options JMH refuses, 1 when
 * a benchmark failed or none matched. JMH writes its report to the standard output.
 */
final class JmhCommand implements Command {

    @Override
    public String name() {
        return "jmh";
    }

    @Override
    public String summary() {
        return "JMH benchmarks of hashing and the index: jmh [JMH options] [REGEX...] (jmh -l lists them, jmh -h"
                + " shows JMH's options)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(args.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new UsageException(e.getMessage() + " (jmh -h shows JMH's options)");
        }
        var runner = new Runner(options);
        try {
            if (options.shouldHelp()) {
                options.showHelp();
            } else if (options.shouldList()) {
                runner.list();
            } else if (options.shouldListWithParams()) {
                runner.listWithParams(options);
            } else if (options.shouldListProfilers()) {
                options.listProfilers();
            } else if (options.shouldListResultFormats()) {
                options.listResultFormats();
            } else {
                runner.run();
            }
            return OK;
        } catch (NoBenchmarksException e) {
            err.println("redress bench jmh: no benchmark matches; jmh -l lists them");
            return SOME_INPUT_BAD;
        } catch (RunnerException e) {
            err.println("redress bench jmh: " + e.getMessage());
            return SOME_INPUT_BAD;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.redress.benchmarks;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.redress.commandline.Commands;

/**
 * Entry point of {@code benchmarks/target/redress-benchmarks.jar}, which {@code ./redress bench}
 * runs: JMH benchmarks of the libraries ({@code jmh}) and the measurements that need a directory of
 * images, a bank of millions or a running service ({@code hash}, {@code match}, {@code checks}).
 * None of this is in {@code redress.jar}.
 */
public final class BenchmarksCommandLine {

    private final Commands commands;

    private BenchmarksCommandLine(Commands commands) {
        this.commands = commands;
    }

    static BenchmarksCommandLine standard(Map<String, String> environment) {
        return new BenchmarksCommandLine(new Commands(
                "redress bench",
                List.of(
                        new JmhCommand(),
                        new HashBenchmark(),
                        new RecallEvaluation(),
                        new MatchBenchmark(),
                        new CheckLoadBenchmark(environment),
                        new ImageUploadLoad(environment))));
    }

    /**
     * Runs the benchmark the first argument names and exits with its status.
     *
     * @param args the benchmark's name and its options
     */
    public static void main(String[] args) {
        System.exit(standard(System.getenv()).run(Arrays.asList(args), System.out, System.err));
    }

    int run(List<String> args, PrintStream out, PrintStream err) {
        return commands.run(args, out, err);
    }
}

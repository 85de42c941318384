package org.redress.server.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code redress bench <what> ...}: throughput measurements on this machine, one run at a time. */
final class BenchCommand implements Command {

    private final Map<String, Command> benchmarks = new LinkedHashMap<>();

    BenchCommand() {
        for (Command benchmark : List.<Command>of(new HashBenchmark(), new MatchBenchmark(),
                new CheckLoadBenchmark(System.getenv()))) {
            benchmarks.put(benchmark.name(), benchmark);
        }
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure throughput: bench " + String.join("|", benchmarks.keySet()) + " ...";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        if (args.isEmpty() || !benchmarks.containsKey(args.get(0))) {
            throw new UsageException("name a benchmark: " + String.join(", ", benchmarks.keySet()));
        }
        return benchmarks.get(args.get(0)).run(args.subList(1, args.size()), out, err);
    }
}

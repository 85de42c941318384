package org.redress.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.redress.commandline.ArgumentRules;
import org.redress.commandline.Arguments;
import org.redress.commandline.Command;
import org.redress.commandline.UsageException;

/**
 * {@code redress bench checks --rate R [--batch N] [--seconds S] [--warmup S] [--connections N] [--url U]}: JSON
 * upload checks against a running service at a fixed arrival rate, with the platform key from the
 * environment variable {@code REDRESS_KEY} (kept off the command line, which other users can read).
 *
 * <p>A closed-loop load generator (each connection sends its next request when the previous answer
 * arrives) slows down exactly when the service does, so its percentiles leave out the waiting a real
 * platform's uploads would do. Here request {@code i} is due at {@code start + i / rate} whatever
 * happened before; latency is measured from that due time to the end of the answer, so a stall
 * counts against every request that would have arrived during it. Requests are spread round-robin
 * over the connections (HTTP/1.1 keep-alive, one request in flight per connection); a connection
 * that falls behind sends its next request at once. The service time (from the actual send) is
 * printed beside it, for comparison.
 *
 * <p>Each check carries a fresh random PDQ hash and a content id unique to the run, as a
 * platform's uploads would. With {@code --batch N} each request carries N checks to
 * {@code /api/v1/checks/batch}, the rate still counts checks (requests are due at rate / N per
 * second), and latency is that of the whole batch. Exit status 1 when any request failed or was not
 * answered 2xx, or any check of a batch was answered with a problem.
 */
final class CheckLoadBenchmark implements Command {

    private static final ArgumentRules RULES = ArgumentRules.none()
            .valued("--rate", "--batch", "--seconds", "--warmup", "--connections", "--url")
            .switches("--timeline");

    private final Map<String, String> environment;

    CheckLoadBenchmark(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "checks";
    }

    @Override
    public String summary() {
        return "open-loop load of upload checks on a running service: checks --rate R [--batch 1] [--seconds 30]"
                + " [--warmup 0]"
                + " [--connections 16] [--url http://127.0.0.1:8080] [--timeline] (key in REDRESS_KEY)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Arguments flags = RULES.parse(args);
        flags.required("--rate");
        double rate = flags.positive("--rate", 1);
        double seconds = flags.positive("--seconds", 30);
        double warmup = flags.positive("--warmup", 0); // 0 when not given: no warm-up
        int connections = flags.integer("--connections", 1, 10_000, 16);
        int batch = flags.integer("--batch", 1, 1000, 1);
        URI url = CheckTarget.parseUrl(flags.value("--url").orElse("http://127.0.0.1:8080"));
        String key = environment.get("REDRESS_KEY");
        if (key == null || key.isBlank()) {
            throw new UsageException("set REDRESS_KEY to a platform API key");
        }
        var target = new CheckTarget(url, key, Long.toString(System.currentTimeMillis(), 36));
        Schedule schedule = new Schedule(target, rate, batch, warmup, seconds, connections);
        schedule.run();
        double elapsed = schedule.measuredNanos() / 1e9;
        if (warmup > 0) {
            out.printf(
                    Locale.ROOT,
                    "warm-up: %d checks due at %.0f/s over %.1f s on the same connections, %d failed%n",
                    schedule.warmupDue * batch,
                    rate,
                    warmup,
                    schedule.warmupFailures.get());
        }
        long[] latency = schedule.latencies(false);
        long[] service = schedule.latencies(true);
        String unit = batch == 1 ? "" : " batches of " + batch;
        out.printf(
                Locale.ROOT,
                "offered: %.0f checks/s for %.0f s over %d connections (%d%s due)%n",
                rate,
                seconds,
                connections,
                schedule.due,
                unit);
        out.printf(
                Locale.ROOT,
                "answered: %d%s 2xx in %.1f s (%.0f checks/s); failed: %d (non-2xx, I/O or a check's problem)%n",
                latency.length,
                unit,
                elapsed,
                (double) latency.length * batch / elapsed,
                schedule.failures.get());
        out.printf(Locale.ROOT, "latency from the due time: %s%n", percentiles(latency));
        out.printf(Locale.ROOT, "service time from the send: %s%n", percentiles(service));
        if (flags.has("--timeline")) {
            schedule.printTimeline(out);
        }
        schedule.firstFailure().ifPresent(failure -> err.println("first failure: " + failure));
        return schedule.failures.get() == 0 && latency.length > 0 ? OK : SOME_INPUT_BAD;
    }

    /** p50, p90, p99, p99.9 and the maximum, in milliseconds. */
    static String percentiles(long[] sortedNanos) {
        if (sortedNanos.length == 0) {
            return "no answers";
        }
        return String.format(
                Locale.ROOT,
                "p50=%.2f ms p90=%.2f ms p99=%.2f ms p99.9=%.2f ms max=%.2f ms",
                millis(percentile(sortedNanos, 0.50)),
                millis(percentile(sortedNanos, 0.90)),
                millis(percentile(sortedNanos, 0.99)),
                millis(percentile(sortedNanos, 0.999)),
                millis(sortedNanos[sortedNanos.length - 1]));
    }

    /** The smallest value with at least {@code q} of the values at or below it (nearest rank). */
    static long percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /**
     * One schedule of requests at a fixed rate, spread over connections, each with its own thread:
     * the warm-up's requests first, unrecorded, then the measured ones on the same connections, so
     * the measurement starts with the load generator, its connections and the service all warm.
     */
    private static final class Schedule {

        private final CheckTarget target;
        private final double rate;
        private final int batch;
        private final int connections;
        final long warmupDue;
        final long due;
        private final long[][] latencies;
        private final long[][] services;
        /** When each answered check was due, relative to the start of the schedule. */
        private final long[][] dueOffsets;

        private final int[] answered;
        final AtomicLong failures = new AtomicLong();
        final AtomicLong warmupFailures = new AtomicLong();
        private volatile String firstFailure;
        private volatile long measuredFrom;
        private volatile long finished;

        /** {@code rate} counts requests here: checks per second divided by the batch size. */
        Schedule(
                CheckTarget target,
                double checkRate,
                int batch,
                double warmupSeconds,
                double seconds,
                int connections) {
            this.target = target;
            this.rate = checkRate / batch;
            this.batch = batch;
            this.connections = connections;
            this.warmupDue = Math.round(rate * warmupSeconds);
            this.due = Math.max(1, Math.round(rate * seconds));
            int perConnection = (int) (due / connections + 1);
            this.latencies = new long[connections][perConnection];
            this.services = new long[connections][perConnection];
            this.dueOffsets = new long[connections][perConnection];
            this.answered = new int[connections];
        }

        void run() {
            long start = System.nanoTime() + 50_000_000L; // time for every thread to be ready
            double interval = 1e9 / rate;
            measuredFrom = start + (long) (warmupDue * interval);
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int connection = c;
                threads.add(Thread.ofPlatform().name("load-" + c).start(() -> drive(connection, start, interval)));
            }
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            finished = System.nanoTime();
        }

        /** From the first measured request's due time to the last answer. */
        long measuredNanos() {
            return finished - measuredFrom;
        }

        private void drive(int connection, long start, double interval) {
            var random = new SplittableRandom(31L * connection + target.runId().hashCode());
            CheckConnection open = null;
            for (long i = connection; i < warmupDue + due; i += connections) {
                long dueAt = start + (long) (i * interval);
                boolean measured = i >= warmupDue;
                for (long now = System.nanoTime(); now < dueAt; now = System.nanoTime()) {
                    LockSupport.parkNanos(dueAt - now);
                }
                long sent = System.nanoTime();
                try {
                    if (open == null) {
                        open = CheckConnection.open(target);
                    }
                    int status = batch == 1 ? open.post(body(i, random)) : open.postBatch(batchBody(i, random));
                    if (batch > 1 && status / 100 == 2 && open.lastBody().contains("\"problem\"")) {
                        status = 0; // answered, but a check of the batch was not: counted as failed
                    }
                    long done = System.nanoTime();
                    if (!measured) {
                        if (status / 100 != 2) {
                            warmupFailures.incrementAndGet();
                        }
                    } else if (status / 100 == 2) {
                        dueOffsets[connection][answered[connection]] = dueAt - measuredFrom;
                        latencies[connection][answered[connection]] = done - dueAt;
                        services[connection][answered[connection]++] = done - sent;
                    } else {
                        fail(status == 0 ? "a check of a batch was answered with a problem" : "HTTP " + status);
                    }
                    if (open.closedByServer()) {
                        open.close();
                        open = null;
                    }
                } catch (IOException e) {
                    if (measured) {
                        fail(e.getClass().getSimpleName() + ": " + e.getMessage());
                    } else {
                        warmupFailures.incrementAndGet();
                    }
                    if (open != null) {
                        open.close();
                        open = null;
                    }
                }
            }
            if (open != null) {
                open.close();
            }
        }

        private byte[] batchBody(long i, SplittableRandom random) {
            var checks = new StringBuilder(batch * 160).append("{\"checks\":[");
            for (int k = 0; k < batch; k++) {
                checks.append(k == 0 ? "" : ",")
                        .append(new String(body(i * batch + k, random), StandardCharsets.UTF_8));
            }
            return checks.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        }

        private byte[] body(long i, SplittableRandom random) {
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            return ("{\"contentId\":\"load-" + target.runId() + "-" + i
                            + "\",\"uploaderId\":\"load-uploader\",\"pdq\":\""
                            + HexFormat.of().formatHex(hash) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
        }

        private void fail(String why) {
            if (failures.getAndIncrement() == 0) {
                firstFailure = why;
            }
        }

        Optional<String> firstFailure() {
            return Optional.ofNullable(firstFailure);
        }

        long completed() {
            return Arrays.stream(answered).sum();
        }

        /** Per second of the schedule: answers, and latency from the due time (p50, p99, max). */
        void printTimeline(PrintStream out) {
            int seconds = (int) Math.ceil(due / rate);
            List<List<Long>> bySecond = new ArrayList<>();
            for (int second = 0; second < seconds; second++) {
                bySecond.add(new ArrayList<>());
            }
            for (int c = 0; c < connections; c++) {
                for (int i = 0; i < answered[c]; i++) {
                    int second = (int) Math.min(seconds - 1, dueOffsets[c][i] / 1_000_000_000L);
                    bySecond.get(second).add(latencies[c][i]);
                }
            }
            for (int second = 0; second < seconds; second++) {
                long[] sorted = bySecond.get(second).stream()
                        .mapToLong(Long::longValue)
                        .sorted()
                        .toArray();
                out.printf(
                        Locale.ROOT,
                        "second %3d: %5d answered  %s%n",
                        second,
                        sorted.length,
                        sorted.length == 0
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        "p50=%.2f ms p99=%.2f ms max=%.2f ms",
                                        millis(percentile(sorted, 0.5)),
                                        millis(percentile(sorted, 0.99)),
                                        millis(sorted[sorted.length - 1])));
            }
        }

        long[] latencies(boolean fromSend) {
            long[][] source = fromSend ? services : latencies;
            long[] all = new long[(int) completed()];
            int at = 0;
            for (int c = 0; c < connections; c++) {
                System.arraycopy(source[c], 0, all, at, answered[c]);
                at += answered[c];
            }
            Arrays.sort(all);
            return all;
        }
    }
}

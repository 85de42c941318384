package org.redress.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.redress.commandline.ArgumentRules;
import org.redress.commandline.Arguments;
import org.redress.commandline.Command;
import org.redress.commandline.UsageException;

/**
 * {@code redress bench uploads --image FILE [--clients 16] [--seconds 30] [--url U]}: image checks
 * ({@code multipart/form-data}) of one file from many clients at once, each sending its next upload
 * when the previous answer arrives, with the platform key from {@code REDRESS_KEY}.
 *
 * <p>This is the pressure half of a measurement: it runs beside {@code bench checks}, whose JSON
 * checks are the ones timed. Refusals are expected answers here (a decoded-size budget answers
 * {@code 413}, a full decode queue {@code 503}), so the tally of status codes is the result; only a
 * run with no answer at all, or with connections that failed, exits 1. One process with a thread per
 * client replaces a shell loop of {@code curl}, whose process starts alone took a large share of two
 * cores and so starved the service it was meant to press.
 */
final class ImageUploadLoad implements Command {

    private static final ArgumentRules RULES =
            ArgumentRules.none().switches("--retry-after").valued("--image", "--clients", "--seconds", "--url");
    private static final String BOUNDARY = "redress-bench-boundary-7d41";

    private final Map<String, String> environment;

    ImageUploadLoad(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "uploads";
    }

    @Override
    public String summary() {
        return "closed-loop image checks of one file from many clients: uploads --image FILE [--clients 16]"
                + " [--seconds 30] [--retry-after] [--url http://127.0.0.1:8080] (key in REDRESS_KEY)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Arguments flags = RULES.parse(args);
        flags.required("--image");
        Path image = Path.of(flags.value("--image").orElseThrow());
        int clients = flags.integer("--clients", 1, 1_000, 16);
        double seconds = flags.positive("--seconds", 30);
        URI url = CheckTarget.parseUrl(flags.value("--url").orElse("http://127.0.0.1:8080"));
        String key = environment.get("REDRESS_KEY");
        if (key == null || key.isBlank()) {
            throw new UsageException("set REDRESS_KEY to a platform API key");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(image);
        } catch (IOException e) {
            err.println(image + ": " + e.getMessage());
            return SOME_INPUT_BAD;
        }
        var run = new Run(
                new CheckTarget(url, key, Long.toString(System.currentTimeMillis(), 36)),
                bytes,
                flags.has("--retry-after"));
        if (!run.runFor(clients, seconds)) {
            return SOME_INPUT_BAD;
        }
        long[] times = run.serviceTimes();
        out.printf(
                Locale.ROOT,
                "sent: %d uploads of %s (%d bytes) from %d clients in %.0f s%n",
                run.sent.get(),
                image.getFileName(),
                bytes.length,
                clients,
                seconds);
        out.printf(Locale.ROOT, "answers: %s; connection failures: %d%n", run.tally(), run.failures.get());
        out.printf(Locale.ROOT, "answer time: %s%n", CheckLoadBenchmark.percentiles(times));
        run.firstFailure.stream().findFirst().ifPresent(failure -> err.println("first failure: " + failure));
        return run.failures.get() == 0 && times.length > 0 ? OK : SOME_INPUT_BAD;
    }

    /** The uploads of one run: what was sent, how each was answered and how long that took. */
    private static final class Run {

        private final CheckTarget target;
        private final byte[] image;
        /** Whether a client waits as a refusal's Retry-After asks, as a well-behaved platform does. */
        private final boolean honoursRetryAfter;

        final AtomicLong sent = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final ConcurrentLinkedQueue<String> firstFailure = new ConcurrentLinkedQueue<>();
        private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();

        Run(CheckTarget target, byte[] image, boolean honoursRetryAfter) {
            this.target = target;
            this.image = image;
            this.honoursRetryAfter = honoursRetryAfter;
        }

        /** Runs the clients for the given time; false when interrupted. */
        boolean runFor(int clients, double seconds) {
            long end = System.nanoTime() + (long) (seconds * 1e9);
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                threads.add(Thread.ofPlatform().name("upload-" + c).start(() -> drive(client, end)));
            }
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }

        private void drive(int client, long end) {
            CheckConnection open = null;
            for (long i = 0; System.nanoTime() < end; i++) {
                long started = System.nanoTime();
                sent.incrementAndGet();
                try {
                    if (open == null) {
                        open = CheckConnection.open(target);
                    }
                    int status = open.post("multipart/form-data; boundary=" + BOUNDARY, body(client, i));
                    times.add(System.nanoTime() - started);
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    int wait = honoursRetryAfter && status == 503 ? open.retryAfterSeconds() : 0;
                    if (open.closedByServer()) {
                        open.close();
                        open = null;
                    }
                    if (wait > 0) {
                        pause(Math.min(wait * 1_000_000_000L, end - System.nanoTime()));
                    }
                } catch (IOException e) {
                    if (failures.getAndIncrement() == 0) {
                        firstFailure.add(e.getClass().getSimpleName() + ": " + e.getMessage());
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

        /** The client's wait before its next upload, as a platform waits out a refusal. */
        private static void pause(long nanos) {
            if (nanos > 0) {
                LockSupport.parkNanos(nanos);
            }
        }

        /** A form with the file part {@code image} and a content id unique to the run. */
        private byte[] body(int client, long i) {
            var form = new ByteArrayOutputStream(image.length + 512);
            String fields = part("contentId", "upload-" + target.runId() + "-" + client + "-" + i)
                    + part("uploaderId", "upload-client-" + client)
                    + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"image\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n";
            form.writeBytes(fields.getBytes(StandardCharsets.UTF_8));
            form.writeBytes(image);
            form.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return form.toByteArray();
        }

        private static String part(String name, String value) {
            return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n";
        }

        String tally() {
            if (statuses.isEmpty()) {
                return "none";
            }
            return new TreeMap<>(statuses)
                    .entrySet().stream()
                            .map(entry -> entry.getValue().get() + " x " + entry.getKey())
                            .collect(Collectors.joining(", "));
        }

        long[] serviceTimes() {
            return times.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }
}

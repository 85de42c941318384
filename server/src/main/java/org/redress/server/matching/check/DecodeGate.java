package org.redress.server.matching.check;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.redress.server.matching.MatchingUnavailableException;

/**
 * Bounds how many images are decoded at once. A decode can take a few hundred megabytes for a
 * moment, so the JVM's memory, not its threads, is the scarce resource: about one decode per core
 * runs, a short queue waits, and anything beyond is refused at once with "unavailable" (the API
 * answers 503 with Retry-After) instead of taking the process down. JSON checks never pass here,
 * so they and the health check keep answering while images queue. Thread-safe.
 */
final class DecodeGate {

    private final Semaphore running;
    private final int maxRunning;
    private final int maxWaiting;
    private final Duration maxWait;
    private final AtomicInteger waiting = new AtomicInteger();

    DecodeGate(int maxRunning, int maxWaiting, Duration maxWait) {
        if (maxRunning < 1 || maxWaiting < 0 || maxWait.isNegative()) {
            throw new IllegalArgumentException("a decode gate needs at least one place and no negative queue or wait");
        }
        this.running = new Semaphore(maxRunning, true);
        this.maxRunning = maxRunning;
        this.maxWaiting = maxWaiting;
        this.maxWait = maxWait;
    }

    /**
     * One decode per core but one, so a core stays free for JSON checks and health (on two cores a
     * second concurrent decode made health answer in 4.6 s instead of 0.5 s:
     * docs/bench/run-decode-pressure.sh); as many waiting as there are cores, for at most five seconds.
     */
    static DecodeGate forThisMachine() {
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        return new DecodeGate(Math.max(1, cores - 1), cores, Duration.ofSeconds(5));
    }

    /** How many decodes can be running or waiting at once; one more is refused. */
    int capacity() {
        return maxRunning + maxWaiting;
    }

    /** Whether a decode waits for a place (for tests and metrics). */
    boolean hasWaiting() {
        return waiting.get() > 0;
    }

    /** @throws MatchingUnavailableException when the queue is full or the wait runs out */
    <T> T run(Supplier<T> decode) {
        if (!running.tryAcquire()) {
            if (waiting.incrementAndGet() > maxWaiting) {
                waiting.decrementAndGet();
                throw new MatchingUnavailableException("too many images are being decoded");
            }
            try {
                if (!running.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new MatchingUnavailableException("too many images are being decoded");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MatchingUnavailableException("interrupted while waiting to decode");
            } finally {
                waiting.decrementAndGet();
            }
        }
        try {
            return decode.get();
        } finally {
            running.release();
        }
    }
}

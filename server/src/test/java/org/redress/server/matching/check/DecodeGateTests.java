package org.redress.server.matching.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.redress.server.matching.MatchingUnavailableException;
import org.redress.server.matching.UndecodableUploadException;

class DecodeGateTests {

    @Test
    void refusesAtOnceWhenTheRunningPlacesAndTheQueueAreFull() throws Exception {
        var gate = new DecodeGate(1, 1, Duration.ofSeconds(30));
        var inside = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            Future<String> first = pool.submit(() -> gate.run(() -> {
                inside.countDown();
                await(release);
                return "first";
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            Future<String> queued = pool.submit(() -> gate.run(() -> "queued"));
            waitUntilQueued(gate, queued);

            long start = System.nanoTime();
            assertThatThrownBy(() -> gate.run(() -> "third")).isInstanceOf(MatchingUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("queued");
        }
        assertThat(gate.run(() -> "after")).isEqualTo("after");
    }

    @Test
    void givesUpWaitingAfterTheLongestWait() throws Exception {
        var gate = new DecodeGate(1, 4, Duration.ofMillis(50));
        var release = new CountDownLatch(1);
        var inside = new CountDownLatch(1);
        try (var pool = Executors.newSingleThreadExecutor()) {
            pool.submit(() -> gate.run(() -> {
                inside.countDown();
                await(release);
                return "holding";
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> gate.run(() -> "late")).isInstanceOf(MatchingUnavailableException.class);
            release.countDown();
        }
    }

    @Test
    void releasesItsPlaceWhenADecodeFails() {
        var gate = new DecodeGate(1, 0, Duration.ZERO);

        assertThatThrownBy(() -> gate.run(() -> {
                    throw new UndecodableUploadException("CORRUPT");
                }))
                .isInstanceOf(UndecodableUploadException.class);
        assertThat(gate.run(() -> "next")).isEqualTo("next");
    }

    /** The second call waits in the queue, not yet running: it has not finished and gives no result. */
    private static void waitUntilQueued(DecodeGate gate, Future<String> queued) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(gate::hasWaiting);
        assertThat(queued.isDone()).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

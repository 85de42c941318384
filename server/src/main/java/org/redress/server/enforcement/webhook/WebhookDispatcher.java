package org.redress.server.enforcement.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.redress.server.enforcement.Delivery;
import org.redress.server.enforcement.DeliveryAcknowledged;
import org.redress.server.enforcement.DeliveryGivenUp;
import org.redress.server.enforcement.DeliveryQueued;
import org.redress.server.shared.Actor;
import org.redress.server.storage.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the {@code enforcement_delivery} outbox: claims due rows under a lease, sends them (a few
 * at once, on virtual threads) and records each outcome in its own short transaction, so no
 * database transaction is open while waiting for the platform. Runs every
 * {@code redress.webhook.interval} and right after a queueing transaction commits. Logs ids,
 * statuses and failure kinds only: never the secret, a signature or a body.
 */
@Component
public class WebhookDispatcher implements AutoCloseable {

    /** The audit log's actor for outcomes: the service itself. */
    public static final Actor ACTOR = new Actor.Operator("webhook-dispatcher");

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** Rounds per call, so one call ends even if rows keep becoming due. */
    private static final int MAX_ROUNDS = 1000;

    private record Outcome(Optional<Integer> status, Optional<String> error) {
        boolean acknowledged() {
            return status.isPresent() && status.get() >= 200 && status.get() < 300;
        }

        String describe() {
            return error.orElseGet(() -> "HTTP " + status.orElseThrow());
        }
    }

    private final Deliveries deliveries;
    private final WebhookSettings settings;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final ExecutorService httpThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;
    private final String worker = UUID.randomUUID().toString();
    private final AtomicBoolean kickPending = new AtomicBoolean();

    WebhookDispatcher(
            Deliveries deliveries,
            WebhookSettings settings,
            Clock clock,
            TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.deliveries = deliveries;
        this.settings = settings;
        this.schedule = settings.schedule();
        this.clock = clock;
        this.transactions = transactions;
        this.events = events;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(httpThreads)
                .build();
        if (settings.target().isEmpty()) {
            log.warn("Webhooks: redress.webhook.url (REDRESS_WEBHOOK_URL) is not set; removals and other webhooks "
                    + "wait in the outbox until it is");
        } else {
            log.info(
                    "Webhooks: sending to {} (timeout {}, retries for {})",
                    settings.target().get().getHost(),
                    settings.timeout(),
                    settings.giveUpAfter());
        }
    }

    @Scheduled(
            fixedDelayString = "${redress.webhook.interval:1s}",
            initialDelayString = "${redress.webhook.interval:1s}")
    void scheduled() {
        dispatch();
    }

    /** Sends soon after a queueing transaction committed, so the platform hears in milliseconds. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void afterQueued(DeliveryQueued queued) {
        if (settings.dispatchAfterCommit()) {
            dispatchSoon();
        }
    }

    /** Starts one dispatch on a virtual thread unless one is about to start anyway. */
    void dispatchSoon() {
        if (settings.target().isEmpty() || !kickPending.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("webhook-dispatch").start(() -> {
            kickPending.set(false);
            try {
                dispatch();
            } catch (RuntimeException e) {
                log.warn(
                        "Webhook dispatch failed ({}); the scheduled run retries",
                        e.getClass().getSimpleName());
            }
        });
    }

    /**
     * Sends every delivery that is due now and records the outcomes; returns how many were
     * acknowledged. Safe to call from several threads and processes at once: claims keep them apart.
     */
    public int dispatch() {
        Optional<URI> target = settings.target();
        if (target.isEmpty()) {
            return 0;
        }
        int acknowledged = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Instant now = SqlDialect.truncate(clock.instant());
            String claim = worker + "/" + UUID.randomUUID();
            List<Deliveries.Claimed> batch =
                    deliveries.claimDue(claim, now, now.plus(settings.lease()), settings.parallelism());
            if (batch.isEmpty()) {
                break;
            }
            List<Future<Boolean>> sent = new ArrayList<>(batch.size());
            for (Deliveries.Claimed claimed : batch) {
                sent.add(httpThreads.submit(() -> deliver(target.get(), claimed)));
            }
            for (Future<Boolean> result : sent) {
                acknowledged += await(result) ? 1 : 0;
            }
            if (batch.size() < settings.parallelism()) {
                break;
            }
        }
        return acknowledged;
    }

    private static boolean await(Future<Boolean> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            log.warn(
                    "Recording a webhook outcome failed ({}); the row comes back when its lease ends",
                    e.getCause() == null ? "unknown" : e.getCause().getClass().getSimpleName());
            return false;
        }
    }

    private boolean deliver(URI target, Deliveries.Claimed claimed) {
        Outcome outcome = send(target, claimed);
        return record(claimed, outcome);
    }

    private Outcome send(URI target, Deliveries.Claimed claimed) {
        long t = clock.instant().getEpochSecond();
        byte[] secret =
                settings.secret() == null ? new byte[0] : settings.secret().getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(target)
                .version(versionFor(target))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Redress-Delivery", claimed.delivery().id().value())
                .header(WebhookSignature.HEADER, WebhookSignature.header(secret, t, claimed.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(claimed.body()))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Outcome(Optional.of(response.statusCode()), Optional.empty());
        } catch (HttpTimeoutException e) {
            return new Outcome(Optional.empty(), Optional.of("timeout"));
        } catch (IOException e) {
            return new Outcome(Optional.empty(), Optional.of(e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Optional.empty(), Optional.of("interrupted"));
        }
    }

    private boolean record(Deliveries.Claimed claimed, Outcome outcome) {
        Delivery delivery = claimed.delivery();
        Instant now = SqlDialect.truncate(clock.instant());
        Boolean acknowledged = transactions.execute(status -> {
            if (outcome.acknowledged()) {
                if (!deliveries.acknowledge(
                        delivery.id(), claimed.claim(), outcome.status().orElseThrow(), now)) {
                    return lost(delivery);
                }
                events.publishEvent(new DeliveryAcknowledged(
                        delivery.id(),
                        delivery.type(),
                        delivery.forCase(),
                        delivery.content(),
                        delivery.uploader(),
                        now));
                return true;
            }
            int failures = delivery.attempts() + 1;
            Optional<Instant> next = schedule.nextAttempt(
                    failures,
                    now,
                    delivery.createdAt(),
                    ThreadLocalRandom.current().nextDouble());
            if (next.isPresent()) {
                if (!deliveries.retryLater(
                        delivery.id(), claimed.claim(), outcome.status(), outcome.describe(), next.get())) {
                    return lost(delivery);
                }
                log.info(
                        "Webhook {} ({}) failed: {}; attempt {} at {}",
                        delivery.id().value(),
                        delivery.type().wireName(),
                        outcome.describe(),
                        failures + 1,
                        next.get());
                return false;
            }
            if (!deliveries.giveUp(delivery.id(), claimed.claim(), outcome.status(), outcome.describe(), now)) {
                return lost(delivery);
            }
            log.warn(
                    "Webhook {} ({}) given up after {} attempts: {}",
                    delivery.id().value(),
                    delivery.type().wireName(),
                    failures,
                    outcome.describe());
            events.publishEvent(new DeliveryGivenUp(delivery.id(), delivery.type(), delivery.forCase(), now));
            return false;
        });
        return Boolean.TRUE.equals(acknowledged);
    }

    private static boolean lost(Delivery delivery) {
        // The lease ran out during the call and another dispatcher took the row: its outcome counts.
        log.info(
                "Webhook {}: claim lost before the outcome was recorded",
                delivery.id().value());
        return false;
    }

    @Override
    public void close() {
        // Calls in flight are abandoned: their rows come back when the lease ends.
        http.shutdownNow();
        httpThreads.shutdownNow();
    }

    /**
     * HTTP/2 only where TLS negotiates it; in cleartext plain HTTP/1.1. The JDK client's default asks
     * a cleartext server to upgrade ({@code Connection: Upgrade, HTTP2-Settings}, {@code Upgrade: h2c}),
     * which some proxies in front of platforms refuse.
     */
    static HttpClient.Version versionFor(URI target) {
        return "https".equalsIgnoreCase(target.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
    }
}

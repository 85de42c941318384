package org.redress.server.transparency.dsa;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.redress.server.storage.OutboxClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submits every restriction's statement to the DSA Transparency Database "without undue delay"
 * (Art. 24(5)) when {@code redress.transparency.dsa.url} is set. Each run first collects the
 * restrictions asked for since the last run into the outbox (a day of them per transaction, the
 * last few minutes read again so that a restriction committed late is not missed; the puid keeps
 * each statement queued once), then sends what is due in batches. A failed call is retried with
 * backoff; a statement the Database says it holds already is recorded as sent, so a crash between
 * a call and its record never sends a statement twice.
 */
@Component
public class DsaSubmission {

    private static final Logger LOG = LoggerFactory.getLogger(DsaSubmission.class);
    /** Restrictions committed this long after they were stamped are still collected. */
    static final Duration OVERLAP = Duration.ofMinutes(10);

    private static final Duration WINDOW = Duration.ofDays(1);
    private static final Duration LEASE = Duration.ofMinutes(5);
    /** Batches per run, so that one run ends and a backlog drains over a few. */
    private static final int BATCHES_PER_RUN = 50;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StatementSource source;
    private final DsaOutbox outbox;
    private final DsaSettings settings;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final OutboxClaims.Backoff backoff;
    private final @Nullable DsaClient client;

    DsaSubmission(
            StatementSource source,
            DsaOutbox outbox,
            DsaSettings settings,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.source = source;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.backoff = new OutboxClaims.Backoff(settings.initialBackoff(), settings.maxBackoff());
        this.client = settings.url() == null
                ? null
                : new DsaClient(settings.url(), Objects.requireNonNull(settings.token()), settings.timeout());
    }

    @Scheduled(
            fixedDelayString = "${redress.transparency.dsa.interval:1m}",
            initialDelayString = "${redress.transparency.dsa.interval:1m}")
    void scheduled() {
        if (client != null) {
            try {
                run();
            } catch (RuntimeException e) {
                LOG.warn(
                        "DSA statements were not submitted this time: {}",
                        e.getClass().getSimpleName());
            }
        }
    }

    /**
     * Collects and sends; returns how many statements the Database took. Does nothing when sending
     * is off.
     */
    public synchronized int run() {
        if (client == null) {
            return 0;
        }
        collect(clock.instant());
        return send();
    }

    /** Queues the statements of restrictions asked for since the last collection, up to {@code now}. */
    void collect(Instant now) {
        Instant from = outbox.collectedUntil().map(t -> t.minus(OVERLAP)).orElse(Instant.EPOCH);
        while (from.isBefore(now)) {
            Instant first = source.firstAtOrAfter(from).orElse(now);
            if (!first.isBefore(now)) {
                break;
            }
            Instant start = first;
            Instant end = start.plus(WINDOW).isBefore(now) ? start.plus(WINDOW) : now;
            List<Queued> statements = new ArrayList<>();
            source.each(
                    start,
                    end,
                    (puid, at, statement) -> statements.add(new Queued(puid, at, JSON.writeValueAsString(statement))));
            transactions.executeWithoutResult(status -> {
                statements.forEach(q -> outbox.queue(q.puid(), q.body(), q.at(), now));
                outbox.collected(end);
            });
            from = end;
        }
        transactions.executeWithoutResult(status -> outbox.collected(now));
    }

    private record Queued(String puid, Instant at, String body) {}

    private int send() {
        DsaClient sender = Objects.requireNonNull(client);
        int held = 0;
        for (int batch = 0; batch < BATCHES_PER_RUN; batch++) {
            List<DsaOutbox.Due> due = outbox.claim(clock.instant(), LEASE, settings.batchSize());
            if (due.isEmpty()) {
                break;
            }
            // A claim may hand back more rows than asked for (PostgreSQL can run the claim's
            // LIMIT subquery more than once), so a claim goes out in calls of the batch size.
            for (int from = 0; from < due.size(); from += settings.batchSize()) {
                List<DsaOutbox.Due> call = due.subList(from, Math.min(due.size(), from + settings.batchSize()));
                held += record(
                        call, sender.send(call.stream().map(DsaOutbox.Due::body).toList()));
            }
        }
        return held;
    }

    private int record(List<DsaOutbox.Due> due, DsaClient.Answer answer) {
        Instant now = clock.instant();
        List<String> puids = due.stream().map(DsaOutbox.Due::puid).toList();
        switch (answer) {
            case DsaClient.Answer.Created created -> {
                outbox.sent(puids, created.status(), now);
                return puids.size();
            }
            case DsaClient.Answer.AlreadyThere there -> {
                Set<String> held = there.puids();
                outbox.sent(puids.stream().filter(held::contains).toList(), 422, now);
                // The rest were refused only because of these: they go again at once.
                outbox.retryLater(
                        puids.stream().filter(p -> !held.contains(p)).toList(), 422, "sent with a used puid", now);
                return 0;
            }
            case DsaClient.Answer.Failed failed -> {
                int attempts =
                        due.stream().mapToInt(DsaOutbox.Due::attempts).max().orElse(0) + 1;
                outbox.retryLater(
                        puids,
                        failed.status() == 0 ? null : failed.status(),
                        failed.error(),
                        now.plus(backoff.after(attempts)));
                LOG.warn("The DSA Transparency Database did not take {} statements: {}", puids.size(), failed.error());
                return 0;
            }
        }
    }
}

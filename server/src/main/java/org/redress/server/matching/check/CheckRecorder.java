package org.redress.server.matching.check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.redress.server.enforcement.Enforcement;
import org.redress.server.matching.BankAction;
import org.redress.server.matching.BankEntry;
import org.redress.server.matching.CheckResult;
import org.redress.server.matching.ContentChecked;
import org.redress.server.matching.MatchFound;
import org.redress.server.matching.Matching;
import org.redress.server.matching.Upload;
import org.redress.server.matching.Verdict;
import org.redress.server.matching.banks.Entries;
import org.redress.server.matching.banks.MatchIndex;
import org.redress.server.matching.registry.ContentRegistry;
import org.redress.server.matching.registry.RegisteredContent;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.UploaderId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for upload checks (docs/adr/0011). A check hands its verdict to one writer thread
 * and waits until the batch holding it commits, so an answered check is audited (BLOCK and REVIEW)
 * and registered. The writer takes whatever checks queued while the previous batch committed, up
 * to {@value #MAX_BATCH}, and writes them in one transaction in the order they arrived: first every
 * verdict's audit record and {@link MatchFound} events, then the registrations behind a savepoint.
 * A registration that fails is rolled back to that savepoint, and retried row by row, so the
 * verdicts' audit records commit regardless. A batch whose transaction fails as a whole is retried
 * one check per transaction, so one poisoned check cannot fail the others.
 */
@Component
public class CheckRecorder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckRecorder.class);

    /** Rows per commit; enough that a commit's fixed cost is shared, few enough to bound its latency. */
    static final int MAX_BATCH = 500;

    /** How long a check waits for its commit before giving up with an error. */
    private static final long WAIT_SECONDS = 30;

    /** A check whose verdict is to be recorded. */
    record Pending(
            Actor actor,
            Upload upload,
            CheckResult result,
            List<MatchIndex.Hit> hits,
            Instant checkedAt,
            Optional<String> delivery,
            CompletableFuture<Void> recorded) {}

    private final Entries entries;
    private final Enforcement enforcement;
    private final ContentRegistry registry;
    private final Deliveries deliveries;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Object lifecycle = new Object();
    private volatile boolean running;
    private @Nullable Thread writer;

    CheckRecorder(
            Entries entries,
            Enforcement enforcement,
            ContentRegistry registry,
            Deliveries deliveries,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.entries = entries;
        this.enforcement = enforcement;
        this.registry = registry;
        this.deliveries = deliveries;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * An upload's verdict from the index, still to be recorded.
     *
     * @param hits the index's hits behind the verdict, each announced as a {@link MatchFound}
     * @param delivery the stream delivery the check arrived in, recorded in the check's commit
     */
    public record Judged(Upload upload, CheckResult result, List<MatchIndex.Hit> hits, Optional<String> delivery) {
        public Judged {
            hits = List.copyOf(hits);
        }
    }

    /**
     * Records the check and returns once it is committed. Without a running writer (before start or
     * after stop) the check is recorded in the caller's thread, alone.
     *
     * @throws IllegalStateException when the commit failed or did not happen in time
     */
    public void record(Actor actor, Judged check, Instant checkedAt) {
        recordAll(actor, List.of(check), checkedAt).getFirst().ifPresent(failure -> {
            throw failure;
        });
    }

    /**
     * Records the checks and returns once each is committed or has failed. They join the queue
     * together, in order, so the writer commits them in as few batches as its limit allows.
     *
     * @return per check, in order, the failure that kept it from being committed in time, if any
     */
    public List<Optional<RuntimeException>> recordAll(Actor actor, List<Judged> checks, Instant checkedAt) {
        List<Pending> pending = new ArrayList<>(checks.size());
        for (Judged check : checks) {
            pending.add(new Pending(
                    actor,
                    check.upload(),
                    check.result(),
                    check.hits(),
                    checkedAt,
                    check.delivery(),
                    new CompletableFuture<>()));
        }
        if (!running) {
            pending.forEach(this::commitAlone);
        } else {
            queue.addAll(pending);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        List<Optional<RuntimeException>> failures = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            failures.add(awaitRecorded(p, deadline));
        }
        return failures;
    }

    private static Optional<RuntimeException> awaitRecorded(Pending pending, long deadline) {
        try {
            pending.recorded().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new IllegalStateException("interrupted while the check was being recorded", e));
        } catch (TimeoutException e) {
            return Optional.of(
                    new IllegalStateException("the check was not recorded within " + WAIT_SECONDS + " s", e));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                return Optional.of(failure);
            }
            return Optional.of(new IllegalStateException("recording the check failed", e.getCause()));
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                // Only stop() ends the writer, by its flag, after the queue is drained: an
                // interrupt must not drop the checks still waiting.
            } catch (Throwable e) {
                // The writer must outlive anything a batch throws, or every later check would hang.
                log.error(
                        "Recording a batch of checks failed ({})", e.getClass().getName());
                batch.forEach(p -> p.recorded().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        try {
            transaction.executeWithoutResult(status -> write(batch, status));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().recorded().completeExceptionally(e);
                return;
            }
            log.warn(
                    "A batch of {} checks failed to commit ({}); retrying them one by one",
                    batch.size(),
                    e.getClass().getName());
            batch.forEach(this::commitAlone);
            return;
        }
        batch.forEach(p -> p.recorded().complete(null));
    }

    private void commitAlone(Pending pending) {
        try {
            transaction.executeWithoutResult(status -> write(List.of(pending), status));
            pending.recorded().complete(null);
        } catch (RuntimeException e) {
            pending.recorded().completeExceptionally(e);
        }
    }

    private void write(List<Pending> batch, TransactionStatus status) {
        Map<Long, Optional<CaseRef>> origins = originatingCases(batch);
        boolean audited = false;
        for (Pending p : batch) {
            // BLOCK and REVIEW verdicts act on the upload, so they are audited; an ALLOW is only
            // registered: a hash-chained entry per clean upload would serialise every check.
            if (p.result().verdict() != Verdict.ALLOW) {
                events.publishEvent(new ContentChecked(
                        p.actor(),
                        p.upload().contentId(),
                        p.result().verdict(),
                        p.result().matches().size()));
                audited = true;
            }
            boolean blocked = p.result().verdict() == Verdict.BLOCK;
            for (MatchIndex.Hit hit : p.hits()) {
                if (hit.bank().action() != BankAction.LOG) {
                    events.publishEvent(new MatchFound(
                            p.actor(),
                            new ContentId(p.upload().contentId()),
                            hit.bank().name(),
                            hit.entryId(),
                            hit.distance(),
                            hit.bank().action().verdict(),
                            origins.getOrDefault(hit.entryId(), Optional.empty()),
                            false,
                            p.checkedAt(),
                            Optional.of(new UploaderId(p.upload().uploaderId())),
                            hit.provisional()
                                    ? Optional.of(Matching.confirmationCase(hit.entryId()))
                                    : Optional.empty(),
                            !blocked,
                            Optional.of(BankEntry.VARIANT_NAMES.get(hit.variant()))));
                    audited = true;
                }
            }
            announceBlock(p, origins);
        }
        // A stream delivery's name commits with its verdict, so a redelivery finds it (docs/adr/0030).
        deliveries.recordAll(
                batch.stream()
                        .flatMap(p -> p.delivery().stream()
                                .map(name ->
                                        new Deliveries.Delivery(name, p.upload().contentId())))
                        .toList(),
                batch.getFirst().checkedAt());
        if (!audited && batch.size() > 1) {
            // A batch of clean uploads (nearly every batch) has nothing to keep if a registration
            // fails: without a savepoint it costs two round trips to the database instead of four,
            // and a failure fails the batch, which commit() then retries check by check (below,
            // where each verdict stands whatever its registration does).
            registry.registerAll(batch.stream().map(CheckRecorder::registration).toList());
            return;
        }
        // The verdicts above are written; the registrations go behind a savepoint, so a failing one
        // is rolled back alone and the audit records still commit.
        Object beforeRegistering = status.createSavepoint();
        try {
            registry.registerAll(batch.stream().map(CheckRecorder::registration).toList());
            status.releaseSavepoint(beforeRegistering);
        } catch (RuntimeException e) {
            status.rollbackToSavepoint(beforeRegistering);
            if (batch.size() == 1) {
                log.warn(
                        "Registering checked content failed ({}); the verdict stands and is audited",
                        e.getClass().getName());
                return;
            }
            for (Pending p : batch) {
                Object beforeOne = status.createSavepoint();
                try {
                    registry.registerAll(List.of(registration(p)));
                    status.releaseSavepoint(beforeOne);
                } catch (RuntimeException one) {
                    status.rollbackToSavepoint(beforeOne);
                    log.warn(
                            "Registering checked content failed ({}); the verdict stands and is audited",
                            one.getClass().getName());
                }
            }
        }
    }

    /**
     * Tells the platform about an automated block, with its statement of reasons; a block by
     * provisional entries only is remembered per entry, so that releasing the entry restores it.
     */
    private void announceBlock(Pending p, Map<Long, Optional<CaseRef>> origins) {
        if (p.result().statement().isEmpty()) {
            return;
        }
        var contentId = new ContentId(p.upload().contentId());
        Optional<CaseRef> caseRef = Optional.empty();
        for (MatchIndex.Hit hit : p.hits()) {
            if (hit.bank().action() != BankAction.BLOCK) {
                continue;
            }
            if (p.result().blockedProvisionally()) {
                entries.recordProvisionalBlock(hit.entryId(), contentId.value(), p.checkedAt());
                caseRef = caseRef.or(() -> Optional.of(Matching.confirmationCase(hit.entryId())));
            } else if (!hit.provisional()) {
                caseRef = caseRef.or(() -> origins.getOrDefault(hit.entryId(), Optional.empty()));
            }
        }
        var statement = p.result().statement().get();
        enforcement.requestUploadBlocked(
                p.actor(),
                caseRef,
                contentId,
                statement.toMap(),
                statement.deterrence().toMap());
    }

    private static ContentRegistry.Registration registration(Pending p) {
        return new ContentRegistry.Registration(
                new RegisteredContent(
                        p.upload().contentId(),
                        p.upload().hashes(),
                        p.upload().quality(),
                        p.upload().variants()),
                p.upload().uploaderId(),
                p.result().verdict(),
                p.checkedAt(),
                p.upload().urls());
    }

    /** The case each matched entry came from, looked up once per batch. */
    private Map<Long, Optional<CaseRef>> originatingCases(List<Pending> batch) {
        List<Long> ids = batch.stream()
                .flatMap(p -> p.hits().stream())
                .filter(hit -> hit.bank().action() != BankAction.LOG)
                .map(MatchIndex.Hit::entryId)
                .distinct()
                .toList();
        Map<Long, Optional<CaseRef>> origins = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            entries.findAll(ids.subList(from, Math.min(ids.size(), from + 500)))
                    .forEach(entry -> origins.put(entry.id(), Matching.originatingCase(entry)));
        }
        return origins;
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (running) {
                return;
            }
            running = true;
            writer =
                    Thread.ofPlatform().name("matching-check-recorder").daemon().start(this::run);
        }
    }

    /** Stops taking checks in the queue's order: everything queued is still committed first. */
    @Override
    public void stop() {
        @Nullable Thread stopping;
        synchronized (lifecycle) {
            if (!running) {
                return;
            }
            running = false;
            stopping = writer;
            writer = null;
        }
        try {
            if (stopping != null) {
                stopping.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Checks that raced with the stop are recorded by hand rather than left waiting.
        Pending late;
        while ((late = queue.poll()) != null) {
            commitAlone(late);
        }
    }

    /** Starts before and stops after the web server, so in-flight requests are still batched. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

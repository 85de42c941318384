package org.redress.server.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.server.shared.Actor;
import org.redress.server.storage.OutboxClaims;
import org.redress.server.storage.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes each due referral one step further, each step in its own transaction after the call that
 * makes it: build (and seal) the report with the list of its files; submit it and store the
 * returned report id; upload each file and describe it ({@link ReferralFiles}); finish it. A
 * referral withdrawn after NCMEC opened it is retracted.
 * Because the report id is committed before {@code /finish} is called, a restart between the two
 * finds the referral {@code SUBMITTED} and only finishes it: the report is never submitted twice
 * once the agency has answered. A failure waits and is tried again from the stored step.
 */
@Component
class ReferralSender {

    private static final Logger LOG = LoggerFactory.getLogger(ReferralSender.class);
    // Each step is one HTTP call; a sender that dies mid-batch frees its rows after this.
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int BATCH = 10;
    static final Actor SENDER = new Actor.Operator("referral");

    private final ReferralStore store;
    private final ReferralRecords records;
    private final ReferralSettings settings;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final OutboxClaims.Backoff backoff;
    private final ApplicationEventPublisher events;
    private final ReferralFiles files;

    ReferralSender(
            ReferralStore store,
            ReferralRecords records,
            ReferralSettings settings,
            Clock clock,
            PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events,
            ReferralFiles files) {
        this.events = events;
        this.files = files;
        this.store = store;
        this.records = records;
        this.settings = settings;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.backoff = new OutboxClaims.Backoff(settings.retryAfter(), settings.retryAtMost());
    }

    /** Takes every due referral as far as it goes now; returns how many reached their last step. */
    synchronized int run() {
        if (!store.anyDue(now())) {
            return 0;
        }
        int done = 0;
        for (ReferralStore.Due due : store.claim(now(), LEASE, BATCH)) {
            try {
                if (advance(due)) {
                    done++;
                }
            } catch (RuntimeException e) {
                Instant next = now().plus(backoff.after(due.attempts() + 1));
                String error = e instanceof CyberTiplineClient.CyberTiplineException
                        ? String.valueOf(e.getMessage())
                        : e.getClass().getSimpleName();
                transactions.executeWithoutResult(status -> store.retryLater(due.id(), error, now(), next));
                LOG.warn(
                        "Referral {} of case {} failed ({}); trying again at {}", due.id(), due.caseRef(), error, next);
            }
        }
        return done;
    }

    private boolean advance(ReferralStore.Due due) {
        ReferralState state = due.state();
        Optional<String> reportId = due.reportId();
        if (state == ReferralState.WITHDRAWING) {
            String id = reportId.orElseThrow();
            client().orElseThrow(() -> new IllegalStateException("no NCMEC endpoint"))
                    .retract(id);
            transactions.executeWithoutResult(status -> {
                store.retracted(due.id(), id, now());
                events.publishEvent(new ReferralChanged(SENDER, "referral.retracted", due.id()));
            });
            return true;
        }
        if (state == ReferralState.QUEUED) {
            String report = records.build(due.caseRef(), due.agency(), now());
            state = due.agency() == Agency.NCMEC && client().isPresent() ? ReferralState.READY : ReferralState.MANUAL;
            ReferralState next = state;
            List<Map.Entry<String, String>> files =
                    next == ReferralState.READY ? records.files(due.caseRef()) : List.of();
            transactions.executeWithoutResult(status -> store.built(due.id(), report, files, next, now()));
        }
        if (state == ReferralState.READY) {
            CyberTiplineClient client = client().orElseThrow(() -> new IllegalStateException("no NCMEC endpoint"));
            String report = store.report(due.id()).orElseThrow();
            String id = client.submit(report);
            // Stored before anything else is sent: from here a restart finishes, never resubmits.
            transactions.executeWithoutResult(status -> store.submitted(due.id(), id, now()));
            state = ReferralState.SUBMITTED;
            reportId = Optional.of(id);
        }
        if (state == ReferralState.SUBMITTED) {
            CyberTiplineClient client = client().orElseThrow(() -> new IllegalStateException("no NCMEC endpoint"));
            String id = reportId.orElseThrow();
            for (ReferralStore.File file : store.files(due.id())) {
                files.send(client, due.id(), id, file);
            }
            client.finish(id);
            transactions.executeWithoutResult(status -> {
                store.finished(due.id(), Optional.empty(), now(), "FINISHED");
                events.publishEvent(new ReferralChanged(SENDER, "referral.sent", due.id()));
            });
            return true;
        }
        return state == ReferralState.MANUAL;
    }

    private Optional<CyberTiplineClient> client() {
        ReferralSettings.Ncmec ncmec = settings.ncmec();
        return ncmec.endpoint()
                .map(url -> new CyberTiplineClient(
                        url, String.valueOf(ncmec.username()), String.valueOf(ncmec.password()), settings.timeout()));
    }

    private Instant now() {
        return SqlDialect.truncate(clock.instant());
    }
}

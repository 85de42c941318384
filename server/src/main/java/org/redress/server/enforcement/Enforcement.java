package org.redress.server.enforcement;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.enforcement.webhook.Deliveries;
import org.redress.server.enforcement.webhook.WebhookDispatcher;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.UploaderId;
import org.redress.server.storage.SqlDialect;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the platform to act on content and accounts, through signed webhooks. Each request method
 * joins the caller's transaction and writes an outbox row whose body is fixed there and then, so
 * the webhook exists exactly when the caller's decision commits; it is sent right after the
 * commit and retried until the platform answers 2xx or {@code redress.webhook.give-up-after}
 * passes. Outcomes are published as {@link DeliveryAcknowledged} and {@link DeliveryGivenUp}.
 */
@Service
public class Enforcement {

    /** The case reference of test webhooks, which belong to no case; the platform acts on none. */
    public static final String TEST_CASE_REF = "webhook-test";

    private static final int MAX_ID_LENGTH = 200;

    private final Deliveries deliveries;
    private final WebhookDispatcher dispatcher;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    Enforcement(Deliveries deliveries, WebhookDispatcher dispatcher, ApplicationEventPublisher events, Clock clock) {
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Asks the platform to remove content ({@code content.remove}); the statement of reasons is
     * sent as given.
     */
    @Transactional
    public DeliveryId requestRemoval(
            Actor actor, CaseRef caseRef, ContentId contentId, Map<String, Object> statementOfReasons) {
        Objects.requireNonNull(statementOfReasons, "statementOfReasons");
        return queue(
                actor,
                DeliveryType.CONTENT_REMOVE,
                caseRef.value(),
                Optional.of(contentId.value()),
                Optional.empty(),
                Map.of("statementOfReasons", statementOfReasons));
    }

    /** Asks the platform to put content back ({@code content.restore}), for example after an appeal. */
    @Transactional
    public DeliveryId requestRestore(Actor actor, CaseRef caseRef, ContentId contentId, String reason) {
        Objects.requireNonNull(reason, "reason");
        return queue(
                actor,
                DeliveryType.CONTENT_RESTORE,
                caseRef.value(),
                Optional.of(contentId.value()),
                Optional.empty(),
                Map.of("reason", reason));
    }

    /** The case reference of an automated block that belongs to no case (an imported or manual entry). */
    public static final String AUTOMATED_CASE_REF = "upload-check";

    /**
     * Tells the platform that a check blocked an upload automatically ({@code upload.blocked}), with
     * the statement of reasons and the deterrence message to show the uploader.
     *
     * @param caseRef the case the block belongs to, when there is one (the case whose decision
     *     banked the image, or the one in which a moderator confirms a provisional entry)
     */
    @Transactional
    public DeliveryId requestUploadBlocked(
            Actor actor,
            Optional<CaseRef> caseRef,
            ContentId contentId,
            Map<String, Object> statementOfReasons,
            Map<String, Object> deterrence) {
        Objects.requireNonNull(statementOfReasons, "statementOfReasons");
        Objects.requireNonNull(deterrence, "deterrence");
        return queue(
                actor,
                DeliveryType.UPLOAD_BLOCKED,
                caseRef.map(CaseRef::value).orElse(AUTOMATED_CASE_REF),
                Optional.of(contentId.value()),
                Optional.empty(),
                Map.of("statementOfReasons", statementOfReasons, "deterrence", deterrence));
    }

    /**
     * Asks the platform to put content back ({@code content.restore}) after an appeal reversed its
     * removal; the statement of reasons of the appeal decision is sent as given.
     */
    @Transactional
    public DeliveryId requestRestore(
            Actor actor, CaseRef caseRef, ContentId contentId, Map<String, Object> statementOfReasons) {
        Objects.requireNonNull(statementOfReasons, "statementOfReasons");
        return queue(
                actor,
                DeliveryType.CONTENT_RESTORE,
                caseRef.value(),
                Optional.of(contentId.value()),
                Optional.empty(),
                Map.of("reason", "APPEAL_REVERSED", "statementOfReasons", statementOfReasons));
    }

    /**
     * Tells the platform that an appeal left its content removed ({@code appeal.decided}), with the
     * statement of reasons of the appeal decision for the uploader.
     */
    @Transactional
    public DeliveryId requestAppealAnswer(
            Actor actor, CaseRef caseRef, ContentId contentId, Map<String, Object> statementOfReasons) {
        Objects.requireNonNull(statementOfReasons, "statementOfReasons");
        return queue(
                actor,
                DeliveryType.APPEAL_DECIDED,
                caseRef.value(),
                Optional.of(contentId.value()),
                Optional.empty(),
                Map.of("statementOfReasons", statementOfReasons));
    }

    /** Asks the platform to hide content while it is reviewed ({@code content.hide}). */
    @Transactional
    public DeliveryId requestHide(Actor actor, CaseRef caseRef, ContentId contentId) {
        return queue(
                actor,
                DeliveryType.CONTENT_HIDE,
                caseRef.value(),
                Optional.of(contentId.value()),
                Optional.empty(),
                Map.of());
    }

    /**
     * Asks the platform to suspend an uploader's account ({@code account.suspend}); the body has no {@code contentId}.
     */
    @Transactional
    public DeliveryId requestSuspension(Actor actor, CaseRef caseRef, UploaderId uploader, int confirmedRemovals) {
        String uploaderId = uploader.value();
        if (confirmedRemovals < 1) {
            throw new IllegalArgumentException("confirmedRemovals must be at least 1: " + confirmedRemovals);
        }
        return queue(
                actor,
                DeliveryType.ACCOUNT_SUSPEND,
                caseRef.value(),
                Optional.empty(),
                Optional.of(uploaderId),
                Map.of("uploaderId", uploaderId, "confirmedRemovals", confirmedRemovals));
    }

    /**
     * Warns the platform's user that further removals will suspend their account
     * ({@code account.warn}, EU DSA Art. 23(1)), with the warning's statement of reasons.
     */
    @Transactional
    public DeliveryId requestWarning(
            Actor actor, CaseRef caseRef, UploaderId uploader, Map<String, Object> statementOfReasons) {
        Objects.requireNonNull(statementOfReasons, "statementOfReasons");
        return queue(
                actor,
                DeliveryType.ACCOUNT_WARN,
                caseRef.value(),
                Optional.empty(),
                Optional.of(uploader.value()),
                Map.of("uploaderId", uploader.value(), "statementOfReasons", statementOfReasons));
    }

    /**
     * Asks the platform to suspend an uploader's account until a stated time ({@code account.suspend}
     * with {@code until}), with the suspension's statement of reasons.
     */
    @Transactional
    public DeliveryId requestSuspension(
            Actor actor,
            CaseRef caseRef,
            UploaderId uploader,
            int confirmedRemovals,
            Instant until,
            Map<String, Object> statementOfReasons) {
        Objects.requireNonNull(statementOfReasons, "statementOfReasons");
        if (confirmedRemovals < 1) {
            throw new IllegalArgumentException("confirmedRemovals must be at least 1: " + confirmedRemovals);
        }
        return queue(
                actor,
                DeliveryType.ACCOUNT_SUSPEND,
                caseRef.value(),
                Optional.empty(),
                Optional.of(uploader.value()),
                Map.of(
                        "uploaderId",
                        uploader.value(),
                        "confirmedRemovals",
                        confirmedRemovals,
                        "until",
                        until.toString(),
                        "statementOfReasons",
                        statementOfReasons));
    }

    /** Asks the platform to end an uploader's suspension now ({@code account.reinstate}). */
    @Transactional
    public DeliveryId requestReinstatement(Actor actor, CaseRef caseRef, UploaderId uploader) {
        return queue(
                actor,
                DeliveryType.ACCOUNT_REINSTATE,
                caseRef.value(),
                Optional.empty(),
                Optional.of(uploader.value()),
                Map.of("uploaderId", uploader.value()));
    }

    /**
     * Asks the platform to resolve a report's locators to its content ids ({@code report.received},
     * with {@code locators}); the body carries the case and the locators only, nothing of the reporter.
     *
     * @param locators the report's locators that Redress could not resolve, normalised, 1 or more
     */
    @Transactional
    public DeliveryId requestLocatorResolution(Actor actor, CaseRef caseRef, List<String> locators) {
        if (locators.isEmpty()) {
            throw new IllegalArgumentException("a report.received webhook names at least one locator");
        }
        return queue(
                actor,
                DeliveryType.REPORT_RECEIVED,
                caseRef.value(),
                Optional.empty(),
                Optional.empty(),
                Map.of("locators", List.copyOf(locators)));
    }

    /**
     * Sends a {@code webhook.test} delivery, with which an administrator checks the platform's
     * receiver and its signature check; it goes through the outbox like any other webhook.
     */
    @Transactional
    public DeliveryId sendTestWebhook(Actor actor) {
        return queue(actor, DeliveryType.WEBHOOK_TEST, TEST_CASE_REF, Optional.empty(), Optional.empty(), Map.of());
    }

    /** A delivery's state, attempts, last status or error, and acknowledgement time. */
    @Transactional(readOnly = true)
    public Optional<Delivery> delivery(DeliveryId id) {
        return deliveries.find(id);
    }

    /** Every delivery a case caused, oldest first. */
    @Transactional(readOnly = true)
    public List<Delivery> deliveriesForCase(CaseRef caseRef) {
        return deliveries.forCase(caseRef.value());
    }

    /** Deliveries in one state, oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Delivery> deliveriesInState(Delivery.State state, int limit) {
        return deliveries.inState(state, limit);
    }

    /**
     * Sends a given-up delivery again, once, now (same id and body). If that attempt fails too,
     * it is given up again: its retry window is counted from when it was first queued.
     *
     * @throws DeliveryNotFoundException for an unknown id
     * @throws DeliveryNotGivenUpException unless the delivery was given up
     */
    @Transactional
    public Delivery retry(Actor actor, DeliveryId id) {
        Delivery delivery = deliveries.find(id).orElseThrow(() -> new DeliveryNotFoundException(id));
        if (!deliveries.revive(id, SqlDialect.truncate(clock.instant()))) {
            throw new DeliveryNotGivenUpException(id, delivery.state());
        }
        events.publishEvent(new DeliveryQueued(actor, "delivery.retried", id));
        return deliveries.find(id).orElseThrow();
    }

    /**
     * Sends every due delivery now, on the calling thread, and returns how many were acknowledged.
     * Call it outside a transaction (the dispatcher records each outcome in its own). Deliveries
     * are also sent on a schedule and right after each queueing transaction commits.
     */
    public int dispatchNow() {
        return dispatcher.dispatch();
    }

    private DeliveryId queue(
            Actor actor,
            DeliveryType type,
            String caseRef,
            Optional<String> contentId,
            Optional<String> uploaderId,
            Map<String, Object> extra) {
        requireId(caseRef, "caseRef");
        contentId.ifPresent(id -> requireId(id, "contentId"));
        uploaderId.ifPresent(id -> requireId(id, "uploaderId"));
        Instant now = SqlDialect.truncate(clock.instant());
        DeliveryId id = DeliveryId.random();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.value());
        body.put("type", type.wireName());
        contentId.ifPresent(value -> body.put("contentId", value));
        body.put("caseRef", caseRef);
        body.put("occurredAt", now.toString());
        body.putAll(extra);
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        deliveries.insert(
                new Delivery(
                        id,
                        type,
                        caseRef,
                        contentId,
                        uploaderId,
                        Delivery.State.PENDING,
                        now,
                        0,
                        Optional.of(now),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()),
                bytes);
        events.publishEvent(new DeliveryQueued(actor, "delivery.queued", id));
        return id;
    }

    private static void requireId(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(
                    name + " must have 1 to " + MAX_ID_LENGTH + " characters, got " + value.length());
        }
    }
}

package org.redress.server.evidence;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redress.server.media.Media;
import org.redress.server.shared.Actor;
import org.redress.server.storage.FieldCipher;
import org.redress.server.storage.SqlDialect;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal holds on single content items, and the view of every hold for compliance staff (case holds
 * are placed through {@link Evidence#hold}). A hold may end by itself at a set time; while it
 * stands, the retention sweep keeps whatever belongs to the item.
 */
@Service
public class LegalHolds {

    /** Placing a hold and the sweep's check-then-delete take this lock, so neither slips past the other. */
    static final String LOCK = "evidence_holds";

    private final HoldRecords holds;
    private final EvidenceRecords records;
    private final FieldCipher cipher;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    LegalHolds(
            HoldRecords holds,
            EvidenceRecords records,
            FieldCipher cipher,
            ApplicationEventPublisher events,
            Clock clock,
            JdbcClient jdbc,
            SqlDialect dialect) {
        this.holds = holds;
        this.records = records;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /**
     * Places a hold on a content item, or renews it with a new reason and end.
     *
     * @param until when the hold ends by itself, or null for a hold that stands until lifted
     * @throws EvidenceHoldInvalidException when the content id or reason is missing or too long, or
     *     the end is not in the future
     */
    @Transactional
    public ContentHold holdContent(
            Actor actor, @Nullable String contentId, @Nullable String reason, @Nullable Instant until) {
        String id = checkedContentId(contentId);
        String why = checkedReason(reason);
        Instant now = SqlDialect.truncate(clock.instant());
        Instant end = checkedUntil(until, now);
        dialect.serialize(jdbc, LOCK);
        String heldBy = LawEnforcementRequests.name(actor);
        holds.hold(id, cipher.encrypt(why, "evidence_content_hold.reason:" + id), heldBy, now, end);
        events.publishEvent(EvidenceChanged.contentHeld(actor, id));
        return new ContentHold(id, heldBy, now, Optional.ofNullable(end));
    }

    /** Lifts a content item's hold; does nothing when it is not held. */
    @Transactional
    public void releaseContent(Actor actor, @Nullable String contentId) {
        String id = checkedContentId(contentId);
        if (holds.release(id)) {
            events.publishEvent(EvidenceChanged.contentReleased(actor, id));
        }
    }

    @Transactional(readOnly = true)
    public List<ContentHold> contentHolds() {
        return holds.all();
    }

    @Transactional(readOnly = true)
    public List<CaseHold> caseHolds() {
        return records.caseHolds();
    }

    /** Whether a hold standing now keeps this content item (through its case or on itself). */
    public boolean contentHeld(String contentId) {
        return records.contentHeld(contentId, clock.instant());
    }

    /** Whether a hold standing now is on this case. */
    public boolean caseHeld(String caseRef) {
        return records.caseHeld(caseRef, clock.instant());
    }

    static String checkedReason(@Nullable String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > Evidence.MAX_REASON) {
            throw new EvidenceReasonInvalidException();
        }
        return reason.strip();
    }

    static @Nullable Instant checkedUntil(@Nullable Instant until, Instant now) {
        if (until != null && !until.isAfter(now)) {
            throw new EvidenceHoldInvalidException("A hold's end, when it has one, is in the future.");
        }
        return until == null ? null : SqlDialect.truncate(until);
    }

    private static String checkedContentId(@Nullable String contentId) {
        if (contentId == null || contentId.isBlank() || contentId.strip().length() > Media.MAX_CONTENT_ID) {
            throw new EvidenceHoldInvalidException(
                    "Give the content id, 1 to " + Media.MAX_CONTENT_ID + " characters.");
        }
        return contentId.strip();
    }
}

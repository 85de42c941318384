package org.redress.server.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redress.server.matching.EntryHeld;
import org.redress.server.matching.MatchFound;
import org.redress.server.matching.Matching;
import org.redress.server.review.cases.ReviewCases;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.UploaderId;
import org.redress.server.storage.SqlDialect;
import org.springframework.stereotype.Component;

/**
 * The cases of bank entries that no person has confirmed (automated blocks are provisional until a
 * person confirms them). Every match of such an entry joins the entry's one case, named by
 * matching, instead of opening a case per upload: the uploads it blocked become the case's content
 * (so the moderator sees the images), copies already online are listed as its matches. The
 * moderator's {@code REMOVE} confirms the entry (copies online then get the usual cases of a
 * confirmed match), {@code NO_VIOLATION} releases it (every upload it blocked is restored).
 */
@Component
class ProvisionalCases {

    private final ReviewCases cases;
    private final Matching matching;
    private final CaseMedia media;
    private final CaseLog log;
    private final ReviewSettings settings;

    ProvisionalCases(ReviewCases cases, Matching matching, CaseMedia media, CaseLog log, ReviewSettings settings) {
        this.cases = cases;
        this.matching = matching;
        this.media = media;
        this.log = log;
        this.settings = settings;
    }

    /** A match against an entry awaiting confirmation: joins (or opens) the entry's case. */
    void matched(MatchFound match) {
        CaseRef ref = match.confirmationCase().orElseThrow();
        String detail = match.bank().value() + "/" + match.entryId();
        openOnce(ref, match.originatingCase(), match.foundAt(), detail);
        String contentId = match.contentId().value();
        if (!match.published() && !match.retroactive()) {
            // An upload the entry blocked: the case's content, kept as evidence while it is decided.
            cases.addContent(ref, contentId, match.uploader().map(UploaderId::value));
            media.hold(contentId, ref);
        }
        cases.addMatch(
                ref,
                new CaseMatch(
                        contentId,
                        match.bank().value(),
                        match.entryId(),
                        match.distance(),
                        match.retroactive(),
                        match.foundAt(),
                        match.variant()));
        log.step(
                ref,
                CaseLog.SYSTEM,
                match.published() ? HistoryStep.MATCH_JOINED : HistoryStep.PROVISIONAL_BLOCK,
                Optional.of(detail));
    }

    /** The flood guard held an entry: its case opens with no upload blocked and none opened. */
    void held(EntryHeld held) {
        CaseRef ref = held.confirmationCase();
        openOnce(ref, held.originatingCase(), held.heldAt(), held.bank().value() + "/" + held.entryId());
        log.step(
                ref,
                CaseLog.SYSTEM,
                HistoryStep.HELD_BY_FLOOD_GUARD,
                Optional.of(held.matchedUploads() + " registered uploads matched"));
    }

    /** Whether the case is an entry's confirmation case. */
    static boolean decides(ReviewCase reviewCase) {
        return reviewCase.origin() == Origin.PROVISIONAL;
    }

    /**
     * The moderator's decision on the entry: a removal (or referral) confirms it, no violation
     * releases it. The blocked uploads were never online, so nothing is removed at the platform.
     */
    void decided(Moderator moderator, ReviewCase reviewCase, Decision decision) {
        CaseRef ref = reviewCase.ref();
        switch (decision) {
            case Decision.Remove r -> confirm(moderator, ref);
            case Decision.Refer r -> confirm(moderator, ref);
            case Decision.NoViolation n -> {
                List<ContentId> restored = matching.releaseEntry(moderator.actor(), ref);
                log.step(
                        ref,
                        moderator.actor(),
                        HistoryStep.ENTRY_RELEASED,
                        Optional.of(restored.size() + " uploads restored"));
            }
            case Decision.Escalate e -> {
                // A senior moderator decides; the entry keeps blocking meanwhile.
            }
            case Decision.OnAppeal a -> {
                // Not for confirmation cases: the case refuses it before this is reached.
            }
            case Decision.LiftDeadline l -> {
                // Not for confirmation cases (reported cases only): the case refuses it before this is reached.
            }
        }
    }

    private void confirm(Moderator moderator, CaseRef ref) {
        matching.confirmEntry(moderator.actor(), ref);
        log.step(ref, moderator.actor(), HistoryStep.ENTRY_CONFIRMED);
    }

    private void openOnce(CaseRef ref, Optional<CaseRef> linked, Instant at, String detail) {
        if (cases.find(ref).isPresent()) {
            return;
        }
        Instant opened = SqlDialect.truncate(at);
        cases.insert(ReviewCase.opened(
                ref,
                Origin.PROVISIONAL,
                linked,
                Severity.INTIMATE_IMAGE_ABUSE,
                Source.HASH_MATCH,
                opened,
                opened.plus(settings.matchDeadline())));
        log.step(ref, CaseLog.SYSTEM, HistoryStep.OPENED, Optional.of("PROVISIONAL " + detail));
        log.audit(CaseLog.SYSTEM, "case.opened", ref);
    }
}

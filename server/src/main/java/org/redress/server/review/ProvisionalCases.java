package org.redress.server.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redress.server.matching.EntryHeld;
import org.redress.server.matching.MatchFound;
import org.redress.server.matching.Matching;
import org.redress.server.matching.RegisteredUpload;
import org.redress.server.media.Media;
import org.redress.server.review.cases.ReviewCases;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.UploaderId;
import org.redress.server.storage.SqlDialect;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The cases of bank entries that no person has confirmed (issue: automated blocks are provisional
 * until a person confirms them). Every match of such an entry joins the entry's one case, named by
 * matching, instead of opening a case per upload: the uploads it blocked become the case's content
 * (so the moderator sees the images), copies already online are listed as its matches. The
 * moderator's {@code REMOVE} confirms the entry (copies online then get the usual cases of a
 * confirmed match), {@code NO_VIOLATION} releases it (every upload it blocked is restored).
 */
@Component
class ProvisionalCases {

    private final ReviewCases cases;
    private final Matching matching;
    private final Media media;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReviewSettings settings;

    ProvisionalCases(
            ReviewCases cases,
            Matching matching,
            Media media,
            ApplicationEventPublisher events,
            Clock clock,
            ReviewSettings settings) {
        this.cases = cases;
        this.matching = matching;
        this.media = media;
        this.events = events;
        this.clock = clock;
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
            cases.addContent(
                    ref,
                    contentId,
                    matching.registered(match.contentId())
                            .map(RegisteredUpload::uploaderId)
                            .map(UploaderId::value));
            if (contentId.length() <= Media.MAX_CONTENT_ID) {
                media.hold(Review.SYSTEM, new ContentId(contentId), "under review in case " + ref.value());
            }
        }
        cases.addMatch(
                ref,
                new CaseMatch(
                        contentId,
                        match.bank().value(),
                        match.entryId(),
                        match.distance(),
                        match.retroactive(),
                        match.foundAt()));
        history(ref, match.published() ? "MATCH_JOINED" : "PROVISIONAL_BLOCK", Optional.of(detail));
    }

    /** The flood guard held an entry: its case opens with no upload blocked and none opened. */
    void held(EntryHeld held) {
        CaseRef ref = held.confirmationCase();
        openOnce(ref, held.originatingCase(), held.heldAt(), held.bank().value() + "/" + held.entryId());
        history(ref, "HELD_BY_FLOOD_GUARD", Optional.of(held.matchedUploads() + " registered uploads matched"));
    }

    /** Whether the case is an entry's confirmation case. */
    static boolean decides(ReviewCase reviewCase) {
        return reviewCase.origin() == Origin.PROVISIONAL;
    }

    /** The moderator's decision on the entry: confirm with REMOVE, release with NO_VIOLATION. */
    void decided(Moderator moderator, ReviewCase reviewCase, Outcome outcome) {
        CaseRef ref = reviewCase.ref();
        switch (outcome) {
            case REMOVE, REFER -> {
                matching.confirmEntry(moderator.actor(), ref);
                history(ref, moderator.actor(), "ENTRY_CONFIRMED", Optional.empty());
            }
            case NO_VIOLATION -> {
                List<ContentId> restored = matching.releaseEntry(moderator.actor(), ref);
                history(ref, moderator.actor(), "ENTRY_RELEASED", Optional.of(restored.size() + " uploads restored"));
            }
            case ESCALATE -> {
                // A senior moderator decides; the entry keeps blocking meanwhile.
            }
        }
    }

    private void openOnce(CaseRef ref, Optional<CaseRef> linked, Instant at, String detail) {
        if (cases.find(ref).isPresent()) {
            return;
        }
        Instant now = SqlDialect.truncate(at);
        cases.insert(ReviewCase.opened(
                ref,
                Origin.PROVISIONAL,
                linked,
                Severity.INTIMATE_IMAGE_ABUSE,
                Source.HASH_MATCH,
                now,
                now.plus(settings.matchDeadline())));
        history(ref, "OPENED", Optional.of("PROVISIONAL " + detail));
        events.publishEvent(new ReviewChanged(Review.SYSTEM, "case.opened", ref));
    }

    private void history(CaseRef ref, String what, Optional<String> detail) {
        history(ref, Review.SYSTEM, what, detail);
    }

    private void history(CaseRef ref, Actor actor, String what, Optional<String> detail) {
        cases.appendHistory(ref, SqlDialect.truncate(clock.instant()), actor.kind() + ":" + actor.id(), what, detail);
    }
}

package org.redress.server.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.redress.server.media.Media;
import org.redress.server.media.MediaId;
import org.redress.server.media.StoredMedia;
import org.redress.server.review.cases.ReviewCases;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.springframework.stereotype.Component;

/**
 * The images of a case's content: held past their retention while under review (and as evidence
 * after a removal or referral), released when a case closes without action, shown blurred, and
 * revealed on a moderator's deliberate, recorded request.
 */
@Component
class CaseMedia {

    private final ReviewCases cases;
    private final Media media;
    private final CaseLog log;

    CaseMedia(ReviewCases cases, Media media, CaseLog log) {
        this.cases = cases;
        this.media = media;
        this.log = log;
    }

    void hold(String contentId, CaseRef ref) {
        if (contentId.length() <= Media.MAX_CONTENT_ID) {
            media.hold(CaseLog.SYSTEM, new ContentId(contentId), "under review in case " + ref.value());
        }
    }

    /** Child sexual abuse cases keep their images as evidence whatever the decision. */
    void release(ReviewCase reviewCase) {
        if (reviewCase.severity() == Severity.CHILD_SEXUAL_ABUSE) {
            return;
        }
        for (CaseContent content : cases.contents(reviewCase.ref())) {
            if (content.contentId().length() <= Media.MAX_CONTENT_ID) {
                media.release(CaseLog.SYSTEM, new ContentId(content.contentId()));
            }
        }
    }

    void holdAsEvidence(ReviewCase reviewCase, String contentId, Moderator moderator) {
        media.hold(
                moderator.actor(),
                new ContentId(contentId),
                "child-protection referral " + reviewCase.ref().value());
    }

    /** The newest kept image of the content; a damaged or purged file only costs the rotated hashes. */
    Optional<byte[]> keptImage(String contentId) {
        try {
            return media.forContent(new ContentId(contentId)).stream()
                    .findFirst()
                    .map(m -> media.open(m.id()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    List<StoredMedia> of(CaseRef ref) {
        List<StoredMedia> all = new ArrayList<>();
        for (CaseContent content : cases.contents(ref)) {
            all.addAll(media.forContent(new ContentId(content.contentId())));
        }
        return all;
    }

    byte[] preview(CaseRef ref, MediaId id) {
        requireMediaOfCase(ref, id);
        return media.preview(id);
    }

    byte[] reveal(Moderator moderator, CaseRef ref, MediaId id) {
        requireMediaOfCase(ref, id);
        log.step(
                ref,
                moderator.actor(),
                HistoryStep.MEDIA_REVEALED,
                Optional.of(id.value().substring(0, Math.min(12, id.value().length()))));
        log.audit(moderator.actor(), "case.media-revealed", ref);
        return media.open(id);
    }

    private void requireMediaOfCase(CaseRef ref, MediaId id) {
        if (of(ref).stream().noneMatch(m -> m.id().equals(id))) {
            throw new ReviewCaseNotFoundException();
        }
    }
}

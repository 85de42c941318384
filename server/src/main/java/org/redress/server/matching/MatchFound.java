package org.redress.server.matching;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.UploaderId;

/**
 * Content matched a BLOCK or REVIEW bank, at upload or in a retroactive scan: review opens or joins
 * a case for it. Published inside the transaction that found it.
 *
 * @param actor who caused the search (the platform's key for a check, the banking actor for a scan)
 * @param contentId the platform's content id
 * @param bank the bank's name
 * @param entryId the matching entry
 * @param distance the PDQ distance, 0 for a digest match
 * @param verdict what the bank's action says
 * @param originatingCase the case whose hash matched, when the entry came from one
 * @param retroactive whether a scan of earlier content found it
 * @param foundAt when it was found
 * @param uploader who uploaded the content, as the check named them (the registry row of an
 *     upload check is written after this event, so listeners must not look it up)
 * @param confirmationCase present when no person has confirmed the entry yet: the one case per
 *     entry (issued by matching, opened by review on the first such match) in which a moderator
 *     confirms or releases it; such a match joins that case and opens no case of its own
 * @param variant which of the entry's hashes gave the distance, a name of
 *     {@link BankEntry#VARIANT_NAMES} ({@code ORIGINAL}, {@code ROTATE_90}, ...); empty for a digest match
 * @param published whether the content went online: false for an upload whose check answered
 *     BLOCK, whose retroactive hits are recorded (audited) but need no removal and no deadline
 */
public record MatchFound(
        Actor actor,
        ContentId contentId,
        BankName bank,
        long entryId,
        int distance,
        Verdict verdict,
        Optional<CaseRef> originatingCase,
        boolean retroactive,
        Instant foundAt,
        Optional<UploaderId> uploader,
        Optional<CaseRef> confirmationCase,
        boolean published,
        Optional<String> variant)
        implements AuditedChange {

    public MatchFound {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(originatingCase, "originatingCase");
        Objects.requireNonNull(uploader, "uploader");
        Objects.requireNonNull(confirmationCase, "confirmationCase");
    }

    /** A match against a confirmed entry on content that went online. */
    public MatchFound(
            Actor actor,
            ContentId contentId,
            BankName bank,
            long entryId,
            int distance,
            Verdict verdict,
            Optional<CaseRef> originatingCase,
            boolean retroactive,
            Instant foundAt,
            Optional<UploaderId> uploader) {
        this(
                actor,
                contentId,
                bank,
                entryId,
                distance,
                verdict,
                originatingCase,
                retroactive,
                foundAt,
                uploader,
                Optional.empty(),
                true,
                Optional.empty());
    }

    /** Whether the entry awaits a person's confirmation. */
    public boolean provisional() {
        return confirmationCase.isPresent();
    }

    @Override
    public String action() {
        return "match.found:" + verdict.name().toLowerCase(java.util.Locale.ROOT)
                + (retroactive ? ":retroactive" : "")
                + (provisional() ? ":provisional" : "")
                + (retroactive && !published ? ":unpublished" : "");
    }

    @Override
    public AuditSubject subject() {
        return AuditTypes.ENTRY.of(entryId + "/" + contentId);
    }
}

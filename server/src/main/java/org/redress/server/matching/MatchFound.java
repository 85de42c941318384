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
        Optional<UploaderId> uploader)
        implements AuditedChange {

    public MatchFound {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(originatingCase, "originatingCase");
        Objects.requireNonNull(uploader, "uploader");
    }

    @Override
    public String action() {
        return "match.found:" + verdict.name().toLowerCase(java.util.Locale.ROOT) + (retroactive ? ":retroactive" : "");
    }

    @Override
    public AuditSubject subject() {
        return AuditTypes.ENTRY.of(entryId + "/" + contentId);
    }
}

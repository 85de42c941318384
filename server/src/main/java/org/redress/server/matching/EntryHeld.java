package org.redress.server.matching;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;
import org.redress.server.shared.CaseRef;

/**
 * The flood guard held a submitted entry: it matched more registered uploads at once than
 * {@code redress.matching.flood-limit} allows, so it blocks nothing and opens no case per upload
 * until a moderator confirms it in its confirmation case, which review opens on this event.
 * Published inside the banking transaction.
 *
 * @param actor who banked the entry
 * @param bank the bank's name
 * @param entryId the held entry
 * @param originatingCase the submission's case, when the entry came from one
 * @param confirmationCase the entry's one confirmation case
 * @param matchedUploads how many registered uploads it matched
 * @param heldAt when it was held
 */
public record EntryHeld(
        Actor actor,
        BankName bank,
        long entryId,
        Optional<CaseRef> originatingCase,
        CaseRef confirmationCase,
        long matchedUploads,
        Instant heldAt)
        implements AuditedChange {

    public EntryHeld {
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(originatingCase, "originatingCase");
        Objects.requireNonNull(confirmationCase, "confirmationCase");
    }

    @Override
    public String action() {
        return "bank-entry.flood-held";
    }

    @Override
    public AuditSubject subject() {
        return AuditTypes.ENTRY.of(Long.toString(entryId));
    }
}

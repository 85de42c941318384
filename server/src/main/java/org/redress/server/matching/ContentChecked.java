package org.redress.server.matching;

import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;

/**
 * An upload got a BLOCK or REVIEW verdict; the audit log records it under the content id (ALLOW
 * verdicts are registered, not audited). Recorded before the content is registered, behind a
 * savepoint, so a failing registration cannot lose it.
 */
public record ContentChecked(Actor actor, String contentId, Verdict verdict, int matches) implements AuditedChange {

    @Override
    public String action() {
        return "content.checked:" + verdict.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public AuditSubject subject() {
        return AuditTypes.CONTENT.of(contentId);
    }
}

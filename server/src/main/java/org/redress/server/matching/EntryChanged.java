package org.redress.server.matching;

import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;

/**
 * An entry was added, disabled, enabled or deleted ({@code what}); {@code source} says which kind
 * of origin brought it (never the origin's personal details).
 */
public record EntryChanged(Actor actor, long entryId, String what, Provenance.Source source) implements AuditedChange {

    @Override
    public String action() {
        return "bank-entry." + what + ":" + source.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public AuditSubject subject() {
        return AuditTypes.ENTRY.of(Long.toString(entryId));
    }
}

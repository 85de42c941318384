package org.redress.server.media;

import org.redress.server.shared.Actor;
import org.redress.server.shared.AuditSubject;
import org.redress.server.shared.AuditedChange;

/**
 * A legal hold was placed or released, or retention purged a content id's media
 * ({@code what} is {@code held}, {@code released} or {@code purged}). Carries the content id only,
 * never the hold's reason.
 */
public record MediaChanged(Actor actor, String contentId, String what) implements AuditedChange {

    private static final AuditSubject.Type CONTENT = new AuditSubject.Type("media_content");

    @Override
    public String action() {
        return "media." + what;
    }

    @Override
    public AuditSubject subject() {
        return CONTENT.of(contentId);
    }
}

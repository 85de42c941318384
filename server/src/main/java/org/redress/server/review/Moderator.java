package org.redress.server.review;

import java.util.Objects;
import org.redress.server.shared.Actor;

/**
 * A signed-in moderator as review sees them.
 *
 * @param username their account name
 * @param senior whether they hold the senior moderator role (escalated and child-abuse cases)
 */
public record Moderator(String username, boolean senior) {

    public Moderator {
        Objects.requireNonNull(username, "username");
    }

    /** The audit log's actor for this moderator. */
    public Actor actor() {
        return new Actor.Staff(username);
    }
}

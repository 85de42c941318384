package org.redress.server.review;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.redress.server.shared.CaseRef;

/**
 * An uploader's appeal against one decision's restriction of one content item.
 *
 * @param appealRef the appeal's own case (origin {@code APPEAL})
 * @param appealed the decision appealed against
 * @param text the uploader's words (personal data: kept encrypted, never printed)
 * @param channel how it came
 * @param receivedAt when
 * @param outcome {@code UPHOLD} or {@code REVERSE} once decided
 * @param decidedBy the senior moderator who decided it
 * @param decidedAt when it was decided
 */
public record Appeal(
        CaseRef appealRef,
        Appealable appealed,
        String text,
        Channel channel,
        Instant receivedAt,
        Optional<Outcome> outcome,
        Optional<String> decidedBy,
        Optional<Instant> decidedAt) {

    /** The longest appeal text accepted. */
    public static final int MAX_TEXT = 4000;

    /** How an appeal reached Redress. */
    public enum Channel {
        /** The platform filed it for its user through the API. */
        PLATFORM,
        /** The uploader used the hosted page linked from their statement of reasons. */
        PAGE
    }

    public Appeal {
        Objects.requireNonNull(appealRef, "appealRef");
        Objects.requireNonNull(appealed, "appealed");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    public boolean open() {
        return outcome.isEmpty();
    }

    @Override
    public String toString() {
        return "Appeal[appealRef=" + appealRef.value() + ", decisionId=" + appealed.decisionId() + ", outcome="
                + outcome.map(Enum::name).orElse("open") + ", text=redacted]";
    }
}

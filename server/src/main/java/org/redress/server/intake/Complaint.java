package org.redress.server.intake;

import java.time.Instant;
import java.util.Objects;

/**
 * A complaint made on the expedited route of UK OSA s.21(2A) by the holder of a status token,
 * as moderators read it.
 *
 * @param id the complaint's id, also named by {@link ComplaintReceived}
 * @param receivedAt when it arrived
 * @param text what the person complains about (personal data: never logged or printed)
 */
public record Complaint(String id, Instant receivedAt, String text) {

    /** The longest complaint text accepted, in characters. */
    public static final int MAX_TEXT = 4_000;

    public Complaint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(receivedAt, "receivedAt");
        requireValidText(text);
    }

    /** @throws IllegalArgumentException when the text is blank or longer than {@link #MAX_TEXT} */
    static String requireValidText(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a complaint has 1 to " + MAX_TEXT + " characters, not blank");
        }
        return text;
    }

    @Override
    public String toString() {
        return "Complaint[id=" + id + ", receivedAt=" + receivedAt + ", text=redacted]";
    }
}

package org.redress.server.review;

/**
 * How a moderator wants media shown when a case page opens. The defaults protect the moderator:
 * blurred and in greyscale until they choose to look.
 *
 * @param revealMedia show media unblurred without a deliberate action
 * @param greyscale show media in greyscale
 */
public record MediaPreference(boolean revealMedia, boolean greyscale) {

    public static final MediaPreference PROTECTIVE = new MediaPreference(false, true);
}

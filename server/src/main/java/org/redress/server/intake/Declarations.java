package org.redress.server.intake;

/**
 * The statements a reporter makes; a valid report under UK OSA s.20A, the TAKE IT DOWN Act and
 * EU DSA Art. 16 needs all three.
 *
 * @param intimateImage the content is intimate image content
 * @param subjectOrAuthorised the reporter is the person shown or acts for them
 * @param goodFaithAndTrue the report is made in good faith and is true (not consented to)
 */
public record Declarations(boolean intimateImage, boolean subjectOrAuthorised, boolean goodFaithAndTrue) {

    boolean all() {
        return intimateImage && subjectOrAuthorised && goodFaithAndTrue;
    }
}

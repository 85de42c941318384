package org.redress.server.intake;

/**
 * The statements a reporter makes. Anyone may notify illegal content (EU DSA Art. 16), so a
 * bystander declares the content and their good faith only; the person shown, or someone acting
 * for them, also declares that standing, which is what UK OSA s.20A and the TAKE IT DOWN Act ask of
 * a removal request.
 *
 * @param intimateImage the content is intimate image content
 * @param subjectOrAuthorised the reporter is the person shown or acts for them
 * @param goodFaithAndTrue the report is made in good faith and is true (not consented to)
 */
public record Declarations(boolean intimateImage, boolean subjectOrAuthorised, boolean goodFaithAndTrue) {

    /** Whether these are the declarations a reporter in this role must make. */
    boolean validFor(ReporterRole role) {
        return intimateImage && goodFaithAndTrue && (role == ReporterRole.BYSTANDER || subjectOrAuthorised);
    }
}

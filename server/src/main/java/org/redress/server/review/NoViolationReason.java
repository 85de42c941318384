package org.redress.server.review;

/**
 * Why a case is not acted on. The first two are the exceptions of UK OSA s.10(3B), under which
 * the 48-hour removal duty does not apply; the third covers a locator that finds nothing.
 */
public enum NoViolationReason {
    /** The provider decided the content is not intimate image content. */
    NOT_INTIMATE_IMAGE_CONTENT,
    /** The reporter is neither the person shown nor acting for them. */
    REPORTER_NOT_SUBJECT_OR_AUTHORISED,
    /** The locator names nothing on the platform (gone already, or never there). */
    CONTENT_NOT_FOUND
}

package org.redress.server.intake;

/**
 * A step review took on a case, as the reporters hear of it: a dated line on their status page
 * and, unless they opted out, a message. The sentences name no content and no moderator.
 */
public enum Progress {
    ESCALATED(CaseState.OPEN, "A senior moderator is now reviewing your case."),
    DEADLINE_LIFTED(
            CaseState.OPEN,
            "The law's 48-hour removal deadline applies to reports made by the person shown or someone acting "
                    + "for them, and we decided this report was not. We are still checking whether the content is "
                    + "illegal, and will remove it if it is."),
    REMOVAL_DECIDED(CaseState.OPEN, "We decided to remove the content and asked the platform to take it down."),
    REMOVED(
            CaseState.REMOVED,
            "The platform confirmed that the content was removed. Its fingerprint now stops it from being "
                    + "uploaded again."),
    REFERRED(
            CaseState.REFERRED,
            "The content was removed and the case was referred to the child-protection authorities."),
    NOT_INTIMATE_IMAGE_CONTENT(
            CaseState.NO_ACTION,
            "We reviewed the content and decided it is not intimate image content, so we did not remove it. "
                    + "You can complain about this decision from your status page."),
    REPORTER_NOT_AUTHORISED(
            CaseState.NO_ACTION,
            "We could not act because the report was not made by the person shown or someone acting for them. "
                    + "You can complain about this decision from your status page."),
    APPEAL_UPHELD(
            CaseState.REMOVED,
            "The uploader appealed our decision. A senior moderator reviewed it again and the decision "
                    + "stands: the content stays removed."),
    RESTORED_ON_APPEAL(
            CaseState.NO_ACTION,
            "The uploader appealed our decision. A senior moderator reviewed it again and reversed it, "
                    + "so the platform was asked to restore the content. "
                    + "You can complain about this decision from your status page."),
    CONTENT_NOT_FOUND(
            CaseState.NO_ACTION,
            "We could not find the content you reported on the platform. It may have been removed already. "
                    + "You can complain about this decision from your status page.");

    private final CaseState leaves;
    private final String plain;

    Progress(CaseState leaves, String plain) {
        this.leaves = leaves;
        this.plain = plain;
    }

    /** The state this step leaves the case in. */
    public CaseState leaves() {
        return leaves;
    }

    /** The sentence a reporter reads. */
    public String plain() {
        return plain;
    }
}

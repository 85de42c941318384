package org.redress.server.enforcement;

/** What a webhook asks the platform to do, with its name on the wire. */
public enum DeliveryType {
    CONTENT_REMOVE("content.remove"),
    CONTENT_RESTORE("content.restore"),
    CONTENT_HIDE("content.hide"),
    /** The prior warning an uploader gets before any suspension (EU DSA Art. 23(1)). */
    ACCOUNT_WARN("account.warn"),
    ACCOUNT_SUSPEND("account.suspend"),
    /** Tells the platform that a check blocked an upload automatically, with its statement of reasons. */
    UPLOAD_BLOCKED("upload.blocked"),
    /** A suspension ends early: an appeal took back a removal it rested on. */
    ACCOUNT_REINSTATE("account.reinstate"),
    /** The answer to an uploader's appeal that left the content removed, with its statement of reasons. */
    APPEAL_DECIDED("appeal.decided"),
    /**
     * A report named content by locators that Redress could not resolve to the platform's content
     * ids: the platform attaches its ids to the case ({@code POST /api/v1/cases/{caseRef}/contents}).
     */
    REPORT_RECEIVED("report.received"),
    /** Sent by an administrator to check the platform's receiver; asks for nothing. */
    WEBHOOK_TEST("webhook.test");

    private final String wireName;

    DeliveryType(String wireName) {
        this.wireName = wireName;
    }

    /** The body's {@code type}. */
    public String wireName() {
        return wireName;
    }

    public static DeliveryType ofWireName(String name) {
        for (DeliveryType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown delivery type");
    }
}

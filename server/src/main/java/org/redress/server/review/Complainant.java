package org.redress.server.review;

/** Who complained, which decides where the answer goes. */
public enum Complainant {
    /** A reporter, through their status link: the answer goes to their status page and e-mail. */
    REPORTER,
    /** An uploader whose upload was blocked, through their platform: the platform reads the answer. */
    UPLOADER
}

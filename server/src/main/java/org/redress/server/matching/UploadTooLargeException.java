package org.redress.server.matching;

import java.util.Objects;

/** An uploaded image has more bytes or pixels than a check accepts; says which limit it passed. */
public class UploadTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The limits of an image check, each with its name on the wire. */
    public enum Limit {
        /** The file's size. */
        BYTES("bytes"),
        /** Width times height, as the file declares them. */
        PIXELS("pixels"),
        /** The memory the decoded samples would take. */
        DECODED_BYTES("decoded-bytes");

        private final String wireName;

        Limit(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    private final Limit limit;
    private final long maximum;

    public UploadTooLargeException(Limit limit, long maximum) {
        super("the image exceeds the " + limit.wireName() + " limit of a check");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.maximum = maximum;
    }

    public Limit limit() {
        return limit;
    }

    /** The largest value the limit allows. */
    public long maximum() {
        return maximum;
    }
}

package org.redress.pdq.imageio;

import java.util.Objects;

/**
 * A file could not be turned into pixels. The {@link #reason()} is a closed set that callers map
 * to their own responses; the message describes the rule that was broken and the shapes involved
 * (sizes, dimensions), never the file's content.
 */
public final class UndecodableImageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a file was refused. */
    public enum Reason {
        /** The file has no bytes. */
        EMPTY,
        /** The file is larger than {@link DecodeLimits#maxBytes()}. */
        TOO_MANY_BYTES,
        /** The declared width x height exceeds {@link DecodeLimits#maxPixels()}. */
        TOO_MANY_PIXELS,
        /** The decoded raster (pixels x bytes per pixel) would exceed {@link DecodeLimits#maxDecodedBytes()}. */
        TOO_MANY_DECODED_BYTES,
        /** The image is under 5 pixels on a side, too small for a meaningful hash. */
        TOO_SMALL,
        /** No installed decoder recognises the format: not an image, or an unsupported one. */
        UNSUPPORTED_FORMAT,
        /** The file ends before its image data does. */
        TRUNCATED,
        /** The decoder found the data malformed. */
        CORRUPT
    }

    private final Reason reason;

    UndecodableImageException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Returns why the file was refused. */
    public Reason reason() {
        return reason;
    }
}

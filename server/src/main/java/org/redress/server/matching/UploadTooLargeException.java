package org.redress.server.matching;

/** An uploaded image has more bytes or pixels than a check accepts. */
public class UploadTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UploadTooLargeException() {
        super("the image exceeds the size limits of a check");
    }
}

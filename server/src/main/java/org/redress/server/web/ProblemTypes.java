package org.redress.server.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatusCode;

/** Problem types that belong to no single module. Each is documented in {@code docs/problems.md}. */
public final class ProblemTypes {

    public static final URI UNAUTHENTICATED = URI.create("/problems/unauthenticated");
    public static final URI FORBIDDEN = URI.create("/problems/forbidden");
    public static final URI INVALID_REQUEST = URI.create("/problems/invalid-request");
    public static final URI NOT_FOUND = URI.create("/problems/not-found");
    public static final URI METHOD_NOT_ALLOWED = URI.create("/problems/method-not-allowed");
    public static final URI NOT_ACCEPTABLE = URI.create("/problems/not-acceptable");
    public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create("/problems/unsupported-media-type");
    public static final URI CONFLICT = URI.create("/problems/conflict");
    public static final URI PAYLOAD_TOO_LARGE = URI.create("/problems/payload-too-large");
    public static final URI INTERNAL_ERROR = URI.create("/problems/internal-error");
    public static final URI UNAVAILABLE = URI.create("/problems/unavailable");

    /** All of the above, for the documentation test. */
    public static final List<URI> ALL = List.of(
            UNAUTHENTICATED,
            FORBIDDEN,
            INVALID_REQUEST,
            NOT_FOUND,
            METHOD_NOT_ALLOWED,
            NOT_ACCEPTABLE,
            UNSUPPORTED_MEDIA_TYPE,
            CONFLICT,
            PAYLOAD_TOO_LARGE,
            INTERNAL_ERROR,
            UNAVAILABLE);

    private ProblemTypes() {}

    /** The type for a status that no more specific rule named. */
    static URI forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> UNAVAILABLE;
            default -> status.is4xxClientError() ? INVALID_REQUEST : INTERNAL_ERROR;
        };
    }

    /** A fixed sentence per status: Spring's own details can quote submitted values, these never do. */
    public static String detailFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "The request is not valid.";
            case 401 -> "Authentication is required.";
            case 403 -> "You may not do this.";
            case 404 -> "There is nothing here.";
            case 405 -> "This method is not supported here.";
            case 406 -> "No acceptable representation is available.";
            case 409 -> "The request conflicts with the current state.";
            case 413 -> "The request is too large.";
            case 415 -> "This content type is not supported here.";
            case 503 -> "The service is unavailable; try again later.";
            default -> status.is4xxClientError() ? "The request is not valid." : "Something went wrong on our side.";
        };
    }
}

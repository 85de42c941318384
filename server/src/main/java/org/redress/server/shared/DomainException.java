package org.redress.server.shared;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * A broken business rule with everything the web layer needs to answer it: a stable problem type
 * (documented in {@code docs/problems.md}), a transport-neutral kind, a fixed public sentence and
 * the ids or states it may reveal. Subclasses declare their type as a {@code public static final URI
 * TYPE} so a test can check that each one is documented. Messages never contain personal data.
 */
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How a violation maps onto a transport. */
    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        INVALID,
        FORBIDDEN
    }

    private final URI type;
    private final Kind kind;
    private final String publicDetail;
    private final Map<String, String> revealable;

    protected DomainException(URI type, Kind kind, String publicDetail, Map<String, String> revealable) {
        super(publicDetail);
        this.type = Objects.requireNonNull(type, "type");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.publicDetail = Objects.requireNonNull(publicDetail, "publicDetail");
        this.revealable = Map.copyOf(revealable);
    }

    public URI type() {
        return type;
    }

    public Kind kind() {
        return kind;
    }

    public String publicDetail() {
        return publicDetail;
    }

    /** Ids and states that may appear in a response. */
    public Map<String, String> revealable() {
        return revealable;
    }
}

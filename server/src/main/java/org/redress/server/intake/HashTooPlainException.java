package org.redress.server.intake;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/**
 * A submitted PDQ hash says too little about its picture to block uploads with: its quality is
 * under the floor, or its bits are nearly all equal (a flat or tiny image), so it would match
 * many unrelated pictures.
 */
public final class HashTooPlainException extends DomainException {

    public static final URI TYPE = URI.create("/problems/hash-too-plain");

    private static final long serialVersionUID = 1L;

    HashTooPlainException(int position) {
        super(
                TYPE,
                Kind.INVALID,
                "A picture is too plain to be recognised reliably by its fingerprint; protect a clearer copy.",
                Map.of("hash", Integer.toString(position)));
    }
}

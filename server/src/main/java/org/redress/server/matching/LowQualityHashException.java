package org.redress.server.matching;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** A PDQ hash's quality is under the bank's floor, so banking it would cause false matches. */
public class LowQualityHashException extends DomainException {

    private static final long serialVersionUID = 1L;

    public static final URI TYPE = URI.create("/problems/hash-quality-too-low");

    LowQualityHashException(int quality, int floor) {
        super(
                TYPE,
                Kind.INVALID,
                "The hash's quality is under the bank's floor.",
                Map.of("quality", Integer.toString(quality), "qualityFloor", Integer.toString(floor)));
    }
}

package org.redress.server.intake;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/** An API key given for a register entry already belongs to another entry: a key reports for one flagger. */
public final class FlaggerKeyTakenException extends DomainException {

    public static final URI TYPE = URI.create("/problems/flagger-key-taken");

    private static final long serialVersionUID = 1L;

    public FlaggerKeyTakenException(String keyId) {
        super(
                TYPE,
                Kind.CONFLICT,
                "The API key belongs to another trusted flagger's entry; take it off that entry first.",
                Map.of("apiKey", keyId));
    }
}

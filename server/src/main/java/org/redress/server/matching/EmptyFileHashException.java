package org.redress.server.matching;

import java.net.URI;
import java.util.Map;
import org.redress.server.shared.DomainException;

/**
 * A BLOCK bank was given the digest of the empty file (MD5 {@value EmptyFile#MD5}, SHA-256 of no
 * bytes). Every empty upload has it, so banking it would block each one; it usually means a list
 * was made from files that failed to download.
 */
public class EmptyFileHashException extends DomainException {

    private static final long serialVersionUID = 1L;

    public static final URI TYPE = URI.create("/problems/empty-file-hash");

    EmptyFileHashException() {
        super(
                TYPE,
                Kind.INVALID,
                "That is the digest of an empty file, which every empty upload has; a BLOCK bank does not take it.",
                Map.of());
    }
}

package org.redress.server.matching.registry;

import java.util.Objects;
import java.util.Optional;
import org.redress.pdq.Quality;
import org.redress.server.matching.EntryHashes;

/**
 * Content the platform checked, as the registry keeps it for retroactive scans. The uploader is
 * stored encrypted and is not part of this view.
 *
 * @param contentId the platform's content id
 * @param hashes the upload's hashes
 * @param quality the PDQ hash's quality when the check knew it: a bank's floor applies to it
 */
public record RegisteredContent(String contentId, EntryHashes hashes, Optional<Quality> quality) {

    public RegisteredContent {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(hashes, "hashes");
        Objects.requireNonNull(quality, "quality");
    }
}

package org.redress.server.matching;

import java.util.Objects;

/**
 * Content the platform checked, as the registry keeps it for retroactive scans. The uploader is
 * stored encrypted and is not part of this view.
 *
 * @param contentId the platform's content id
 * @param hashes the upload's hashes
 */
record RegisteredContent(String contentId, EntryHashes hashes) {

    RegisteredContent {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(hashes, "hashes");
    }
}

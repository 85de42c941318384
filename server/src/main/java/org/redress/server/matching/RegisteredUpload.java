package org.redress.server.matching;

import java.util.Objects;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.UploaderId;

/**
 * Content as an upload check registered it.
 *
 * @param contentId the platform's content id
 * @param uploaderId the platform's account id of the uploader
 * @param hashes the hashes the check carried
 */
public record RegisteredUpload(ContentId contentId, UploaderId uploaderId, EntryHashes hashes) {

    public RegisteredUpload {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(uploaderId, "uploaderId");
        Objects.requireNonNull(hashes, "hashes");
    }
}

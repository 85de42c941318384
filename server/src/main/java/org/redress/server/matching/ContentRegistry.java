package org.redress.server.matching;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/** Every checked upload, kept for retroactive scans. */
interface ContentRegistry {

    void register(RegisteredContent content, String uploaderId, Verdict verdict, Instant checkedAt);

    /** Streams the registered content with a PDQ hash or digest, oldest first. */
    void forEach(Consumer<RegisteredContent> action);

    /** The newest registration of a content id. */
    Optional<RegisteredUpload> newest(String contentId);
}

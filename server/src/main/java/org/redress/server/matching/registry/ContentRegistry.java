package org.redress.server.matching.registry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.redress.server.matching.RegisteredUpload;
import org.redress.server.matching.Verdict;
import org.redress.server.shared.ContentUrl;

/** Every checked upload, kept for retroactive scans. */
public interface ContentRegistry {

    /**
     * One checked upload to register.
     *
     * @param urls the content's public URLs in normal form, registered beside it (docs/adr/0029)
     */
    record Registration(
            RegisteredContent content, String uploaderId, Verdict verdict, Instant checkedAt, List<ContentUrl> urls) {
        public Registration {
            urls = List.copyOf(urls);
        }

        public Registration(RegisteredContent content, String uploaderId, Verdict verdict, Instant checkedAt) {
            this(content, uploaderId, verdict, checkedAt, List.of());
        }
    }

    /** The most content ids one URL resolves to: a URL naming more is a page, not an item. */
    int MAX_CONTENT_PER_URL = 50;

    /** Registers the uploads in the caller's transaction, in one JDBC batch. */
    void registerAll(List<Registration> registrations);

    /** Whether nothing is registered yet: a retroactive scan has nothing to search then. */
    boolean isEmpty();

    /** The ids of registered content with this MD5 or this SHA-256, each once. */
    List<String> contentIdsWithDigests(Optional<String> md5, Optional<String> sha256);

    /** Those of the content ids whose check answered BLOCK: they never went online. */
    java.util.Set<String> blocked(java.util.Collection<String> contentIds);

    /** Streams the registered content with a PDQ hash or digest, oldest first. */
    void forEach(Consumer<RegisteredContent> action);

    /** The newest registration of a content id. */
    Optional<RegisteredUpload> newest(String contentId);

    /** The newest registration of a content id with its quality and variants, as scans see it. */
    Optional<RegisteredContent> newestContent(String contentId);

    /** The content ids registered with this URL, oldest first, at most {@link #MAX_CONTENT_PER_URL}. */
    List<String> contentIdsAt(ContentUrl url);
}

package org.redress.server.matching;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.redress.pdq.PdqHash;
import org.redress.pdq.Quality;
import org.redress.server.shared.ContentUrl;

/**
 * An upload to check.
 *
 * @param contentId the platform's id for the content, 1 to 200 characters
 * @param uploaderId the platform's id for the uploader (personal data: stored encrypted, never logged)
 * @param hashes the upload's own hashes, as registered
 * @param variants further PDQ hashes to search with: the rotations and mirrorings of an image
 * @param quality the PDQ hash's quality when known: under a bank's quality floor the hash says too
 *     little about the image (a flat or tiny picture), so that bank answers for its digests only
 * @param urls the content's public URLs, registered with it so that reports naming them reach it
 */
public record Upload(
        String contentId,
        String uploaderId,
        EntryHashes hashes,
        List<PdqHash> variants,
        Optional<Quality> quality,
        List<ContentUrl> urls) {

    /** The most URLs one check may register. */
    public static final int MAX_URLS = 20;

    public Upload {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(uploaderId, "uploaderId");
        Objects.requireNonNull(hashes, "hashes");
        Objects.requireNonNull(quality, "quality");
        variants = List.copyOf(variants);
        urls = urls.stream().distinct().toList();
        if (urls.size() > MAX_URLS) {
            throw new IllegalArgumentException("a check registers at most " + MAX_URLS + " URLs");
        }
        if (contentId.isEmpty() || contentId.length() > 200 || uploaderId.isEmpty() || uploaderId.length() > 200) {
            throw new IllegalArgumentException("content and uploader ids are 1 to 200 characters");
        }
    }

    /** An upload with no URLs to register. */
    public Upload(
            String contentId,
            String uploaderId,
            EntryHashes hashes,
            List<PdqHash> variants,
            Optional<Quality> quality) {
        this(contentId, uploaderId, hashes, variants, quality, List.of());
    }

    /** An upload whose hash quality is unknown: every bank's PDQ search applies. */
    public Upload(String contentId, String uploaderId, EntryHashes hashes, List<PdqHash> variants) {
        this(contentId, uploaderId, hashes, variants, Optional.empty());
    }

    /** Every PDQ hash to search with, the upload's own first. */
    List<PdqHash> queries() {
        var all = new java.util.ArrayList<PdqHash>(1 + variants.size());
        hashes.pdq().ifPresent(all::add);
        variants.stream().filter(v -> !all.contains(v)).forEach(all::add);
        return all;
    }

    @Override
    public String toString() {
        return "Upload[contentId=" + contentId + ", uploaderId=redacted, hashes=" + hashes + "]";
    }

    Optional<PdqHash> pdq() {
        return hashes.pdq();
    }
}

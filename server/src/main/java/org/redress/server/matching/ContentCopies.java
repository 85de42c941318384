package org.redress.server.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.redress.pdq.PdqHash;
import org.redress.server.intake.ContentLocator;
import org.redress.server.matching.registry.ContentRegistry;
import org.redress.server.matching.registry.RegisteredContent;
import org.redress.server.matching.registry.RegistryHashes;
import org.redress.server.shared.ContentId;
import org.redress.server.shared.UploaderId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the registry of checked content says about reported content (docs/adr/0029): which content
 * ids a report's locator names (the URLs the platform's checks registered, or a content id), and
 * which registered uploads are copies of a content item, found as the retroactive scan of a banked
 * hash finds uploads: the same registry search, under the rule of a bank with the default distance
 * and quality floor, so that what joins a case before a decision is what banking it would find after.
 */
@Service
public class ContentCopies {

    /** The most copies one search adds: a picture that matches more is too plain to tell copies apart. */
    public static final int MAX_COPIES = 100;

    /** The distance and floor copies are found under: a bank's defaults (the check's rule). */
    static final Bank COPY_RULE = new Bank(
            "copies",
            new BankName("copies"),
            BankAction.REVIEW,
            Bank.DEFAULT_MAX_DISTANCE,
            Bank.DEFAULT_QUALITY_FLOOR,
            true,
            Instant.EPOCH);

    private static final Logger log = LoggerFactory.getLogger(ContentCopies.class);

    /**
     * A registered upload that is a copy of a content item.
     *
     * @param contentId the copy's content id
     * @param distance the PDQ distance to the item over the dihedral hashes, 0 for the same digest
     * @param uploader who uploaded it, when its registration can be read
     */
    public record Copy(ContentId contentId, int distance, Optional<UploaderId> uploader) {
        public Copy {
            Objects.requireNonNull(contentId, "contentId");
            Objects.requireNonNull(uploader, "uploader");
        }
    }

    private final ContentRegistry registry;
    private final RegistryHashes registryHashes;

    ContentCopies(ContentRegistry registry, RegistryHashes registryHashes) {
        this.registry = registry;
        this.registryHashes = registryHashes;
    }

    /**
     * The content ids a report's locator names: those the platform's checks registered with the
     * locator as a URL (at most {@link ContentRegistry#MAX_CONTENT_PER_URL}), then the locator
     * itself when a check registered it as a content id. Empty when the registry knows neither.
     */
    @Transactional(readOnly = true)
    public List<ContentId> resolve(ContentLocator locator) {
        Set<String> ids = new LinkedHashSet<>();
        locator.url().ifPresent(url -> ids.addAll(registry.contentIdsAt(url)));
        if (registry.newestContent(locator.value()).isPresent()) {
            ids.add(locator.value());
        }
        return ids.stream().map(ContentId::new).toList();
    }

    /** Whether a check registered the content id. */
    @Transactional(readOnly = true)
    public boolean registered(ContentId content) {
        return registry.newestContent(content.value()).isPresent();
    }

    /**
     * The registered copies of a content item, nearest first, at most {@value #MAX_COPIES}: uploads
     * with its MD5 or SHA-256, and uploads whose PDQ hash (or one of its rotations and mirrorings, as
     * registered) is within {@value Bank#DEFAULT_MAX_DISTANCE} of the item's PDQ hash or of one of
     * its own registered rotations and mirrorings. Uploads under the quality floor match by digest
     * only, as in a check; uploads whose check blocked them never went online and are left out.
     *
     * @return empty when no check registered the item yet (it has no hashes to search with)
     */
    @Transactional(readOnly = true)
    public Optional<List<Copy>> copiesOf(ContentId content) {
        Optional<RegisteredContent> registered = registry.newestContent(content.value());
        if (registered.isEmpty()) {
            return Optional.empty();
        }
        RegisteredContent item = registered.get();
        Map<String, Integer> best = new LinkedHashMap<>();
        Set<String> unpublished = new HashSet<>();
        List<PdqHash> queries = item.allPdq();
        if (!queries.isEmpty() && COPY_RULE.matchesPdqOf(item.quality())) {
            for (RegistryHashes.Near near : registryHashes.search(queries, COPY_RULE)) {
                if (!near.published()) {
                    unpublished.add(near.contentId());
                }
                best.merge(near.contentId(), near.distance(), Math::min);
            }
        }
        List<String> byDigest = registry.contentIdsWithDigests(
                item.hashes().md5(), item.hashes().sha256());
        byDigest.forEach(id -> best.put(id, 0));
        unpublished.addAll(registry.blocked(byDigest));
        best.remove(content.value());
        unpublished.forEach(best::remove);
        List<Copy> copies = new ArrayList<>();
        best.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_COPIES)
                .forEach(found -> copies.add(
                        new Copy(new ContentId(found.getKey()), found.getValue(), uploaderOf(found.getKey()))));
        return Optional.of(List.copyOf(copies));
    }

    private Optional<UploaderId> uploaderOf(String contentId) {
        try {
            return registry.newest(contentId).map(RegisteredUpload::uploaderId);
        } catch (IllegalArgumentException e) {
            // As for a retroactive match: the copy joins, without an uploader to count it against.
            log.warn(
                    "A copy's uploader could not be read ({}); it joins without one",
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}

package org.redress.server.matching.video;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.pdq.PdqHash;
import org.redress.server.matching.Bank;
import org.redress.server.matching.banks.MatchIndex;
import org.springframework.stereotype.Component;

/**
 * What matching's facade asks of video (docs/adr/0028): hash an upload, search its frames among
 * the banked videos, register a checked video's frames, and bank a video's frames with its entry
 * while finding the videos checked before that match it.
 */
@Component
public class Videos {

    /** A registered video that a newly banked video matches. */
    public record Found(String contentId, int distance) {}

    private final VideoHashing hashing;
    private final VideoIndex index;
    private final VideoFrames frames;
    private final VideoSettings settings;

    Videos(VideoHashing hashing, VideoIndex index, VideoFrames frames, VideoSettings settings) {
        this.hashing = hashing;
        this.index = index;
        this.frames = frames;
        this.settings = settings;
    }

    /** @see VideoHashing#hash(byte[]) */
    public HashedVideo hash(byte[] video) {
        return hashing.hash(video);
    }

    /** The banked videos these frames match, as index hits (distance: the matched frames' mean). */
    public List<MatchIndex.Hit> search(List<PdqHash> videoFrames) {
        return videoFrames.isEmpty() ? List.of() : index.search(videoFrames);
    }

    /** Registers a checked video's frames for retroactive scans; a video without usable frames has none. */
    public void register(String contentId, List<PdqHash> videoFrames, Instant checkedAt) {
        if (!videoFrames.isEmpty()) {
            frames.register(contentId, videoFrames, checkedAt);
        }
    }

    /** The frames of the newest video registered under the content id. */
    public Optional<List<PdqHash>> registeredFrames(String contentId) {
        return frames.newestRegistered(contentId).filter(f -> !f.isEmpty());
    }

    /**
     * Keeps the frames with their (new) entry, in the caller's transaction, and returns every
     * registered video that they match in this bank, once per content id at its smallest distance.
     */
    public List<Found> bank(long entryId, Bank bank, List<PdqHash> videoFrames) {
        if (videoFrames.isEmpty()) {
            return List.of();
        }
        frames.bank(entryId, videoFrames);
        List<PdqHash> banked = videoFrames.stream().distinct().toList();
        Map<String, Integer> best = new LinkedHashMap<>();
        frames.forEachRegistered(registered -> FrameMatch.compare(
                        registered.frames().stream().distinct().toList(),
                        banked,
                        bank.maxDistance(),
                        settings.queryShare(),
                        settings.bankedShare())
                .ifPresent(match -> best.merge(registered.contentId(), match.distance(), Math::min)));
        List<Found> found = new ArrayList<>(best.size());
        best.forEach((contentId, distance) -> found.add(new Found(contentId, distance)));
        return found;
    }
}

package org.redress.server.matching.video;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.redress.pdq.PdqHash;
import org.redress.server.matching.EntryTrust;

/** The frame hashes of banked videos (by entry) and of checked videos (by content id). */
interface VideoFrames {

    /** A banked video that takes part in checks: its entry is enabled, in an enabled bank. */
    record BankedVideo(long entryId, String bankId, EntryTrust trust, List<PdqHash> frames) {}

    /** A checked video's frames as registered. */
    record RegisteredVideo(String contentId, List<PdqHash> frames) {}

    /** Keeps a banked video's frames with its entry, in the caller's transaction. */
    void bank(long entryId, List<PdqHash> frames);

    /** Registers a checked video's frames. */
    void register(String contentId, List<PdqHash> frames, Instant checkedAt);

    /** The frames of a content id's newest registered video. */
    Optional<List<PdqHash>> newestRegistered(String contentId);

    /** Streams the banked videos that take part in checks, in entry order. */
    void forEachMatchable(Consumer<BankedVideo> action);

    /** Streams every registered video, oldest first. */
    void forEachRegistered(Consumer<RegisteredVideo> action);

    /** Whether any of these entries is a banked video. */
    boolean anyVideoAmong(Collection<Long> entryIds);
}

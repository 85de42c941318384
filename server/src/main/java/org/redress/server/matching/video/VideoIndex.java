package org.redress.server.matching.video;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.hashindex.Match;
import org.redress.hashindex.MultiIndex;
import org.redress.pdq.PdqHash;
import org.redress.server.matching.Bank;
import org.redress.server.matching.banks.Banks;
import org.redress.server.matching.banks.Entries;
import org.redress.server.matching.banks.MatchIndex;
import org.springframework.stereotype.Component;

/**
 * The banked videos' frame hashes in memory, in one multi-index keyed by entry and frame. It
 * follows the banks' change log as {@link MatchIndex} does, but reads every banked video again
 * whenever a change touches one (or any bank's settings change): banked videos are few next to
 * banked images, and a video check, which decodes for a second or more, reads the log up to now
 * before it searches, so a video banked a moment ago is matched on every replica.
 */
@Component
class VideoIndex {

    private static final int CHANGES_PER_BATCH = 5_000;

    /** The index holds each frame under its entry's id shifted by this many bits plus its position. */
    private static final int FRAME_BITS = 20;

    private static final long FRAME_MASK = (1L << FRAME_BITS) - 1;

    /** A banked video in memory: its distinct frame hashes. */
    private record Banked(long entryId, Bank bank, boolean provisional, int frames) {}

    /** What the checks read: replaced whole, never changed. */
    private record Snapshot(Map<Long, Banked> videos, MultiIndex frames, int widestDistance) {}

    private final Entries entries;
    private final Banks banks;
    private final VideoFrames store;
    private final VideoSettings settings;
    private volatile Snapshot snapshot =
            new Snapshot(Map.of(), MultiIndex.builder().build(), 0);
    private boolean loaded;
    private long applied;

    VideoIndex(Entries entries, Banks banks, VideoFrames store, VideoSettings settings) {
        this.entries = entries;
        this.banks = banks;
        this.store = store;
        this.settings = settings;
    }

    /**
     * Every banked video that the frames match by the shares of {@link FrameMatch}, as hits at the
     * mean distance of the matched frames, after reading the change log up to now.
     */
    List<MatchIndex.Hit> search(List<PdqHash> frames) {
        refresh();
        Snapshot current = snapshot;
        List<PdqHash> distinct = frames.stream().distinct().toList();
        if (distinct.isEmpty() || current.videos().isEmpty()) {
            return List.of();
        }
        Map<Long, FrameMatch.Tally> tallies = new HashMap<>();
        for (int q = 0; q < distinct.size(); q++) {
            for (Match match : current.frames().search(distinct.get(q), current.widestDistance())) {
                Banked banked = current.videos().get(match.id() >>> FRAME_BITS);
                if (banked == null || match.distance() > banked.bank().maxDistance()) {
                    continue;
                }
                tallies.computeIfAbsent(banked.entryId(), id -> new FrameMatch.Tally(distinct.size(), banked.frames()))
                        .add(q, (int) (match.id() & FRAME_MASK), match.distance());
            }
        }
        List<MatchIndex.Hit> hits = new ArrayList<>();
        tallies.forEach((entryId, tally) -> {
            Banked banked = current.videos().get(entryId);
            Optional<FrameMatch> match = tally.judge(settings.queryShare(), settings.bankedShare());
            if (banked != null && match.isPresent()) {
                hits.add(new MatchIndex.Hit(banked.bank(), entryId, match.get().distance(), banked.provisional(), 0));
            }
        });
        hits.sort((a, b) -> a.distance() != b.distance()
                ? Integer.compare(a.distance(), b.distance())
                : Long.compare(a.entryId(), b.entryId()));
        return hits;
    }

    /** Reads the change log up to now; reads every banked video again when a change may touch one. */
    synchronized void refresh() {
        if (!loaded) {
            applied = entries.lastChange();
            load();
            loaded = true;
            return;
        }
        boolean reload = false;
        List<Entries.Change> batch;
        do {
            batch = entries.changesAfter(applied, CHANGES_PER_BATCH);
            if (batch.isEmpty()) {
                break;
            }
            reload = reload || touchesVideos(batch);
            applied = batch.getLast().seq();
        } while (batch.size() == CHANGES_PER_BATCH);
        if (reload) {
            load();
        }
    }

    private boolean touchesVideos(List<Entries.Change> changes) {
        List<Long> changed = new ArrayList<>();
        for (Entries.Change change : changes) {
            switch (change) {
                case Entries.Change.OfEntry entry -> {
                    if (snapshot.videos().containsKey(entry.entryId())) {
                        return true;
                    }
                    changed.add(entry.entryId());
                }
                case Entries.Change.OfSettings settings -> {
                    return true;
                }
                case Entries.Change.OfAllEntries all -> {
                    return true;
                }
            }
        }
        return store.anyVideoAmong(changed);
    }

    private void load() {
        Map<String, Bank> enabled = new HashMap<>();
        banks.all().stream().filter(Bank::enabled).forEach(bank -> enabled.put(bank.id(), bank));
        Map<Long, Banked> videos = new HashMap<>();
        var frames = MultiIndex.builder();
        int[] widest = {0};
        store.forEachMatchable(video -> {
            Bank bank = enabled.get(video.bankId());
            List<PdqHash> distinct = video.frames().stream().distinct().toList();
            if (bank == null || distinct.isEmpty()) {
                return;
            }
            videos.put(
                    video.entryId(),
                    new Banked(video.entryId(), bank, video.trust().awaitsConfirmation(), distinct.size()));
            for (int f = 0; f < distinct.size() && f <= FRAME_MASK; f++) {
                frames.add((video.entryId() << FRAME_BITS) | f, distinct.get(f));
            }
            widest[0] = Math.max(widest[0], bank.maxDistance());
        });
        snapshot = new Snapshot(Map.copyOf(videos), frames.build(), widest[0]);
    }
}

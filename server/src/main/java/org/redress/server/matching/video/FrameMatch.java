package org.redress.server.matching.video;

import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.redress.pdq.PdqHash;

/**
 * How one video matches another, frame by frame (the rule of Meta's vPDQ, docs/adr/0028): each
 * side's distinct frame hashes are counted, a frame of one matches when a frame of the other is
 * within the distance, and the videos match when the share of the checked video's frames matched
 * and the share of the banked video's frames matched both reach their thresholds.
 *
 * @param queryShare the share of the checked video's distinct frame hashes that matched
 * @param bankedShare the share of the banked video's distinct frame hashes that matched
 * @param distance the mean of the best distances of the checked video's matched frames, rounded
 */
record FrameMatch(double queryShare, double bankedShare, int distance) {

    /** The matches between one checked video and one banked video, as they are found. */
    static final class Tally {
        private final int queryFrames;
        private final int bankedFrames;
        private final BitSet queryMatched = new BitSet();
        private final BitSet bankedMatched = new BitSet();
        private final int[] best;

        Tally(int queryFrames, int bankedFrames) {
            this.queryFrames = queryFrames;
            this.bankedFrames = bankedFrames;
            this.best = new int[queryFrames];
        }

        /** The checked video's distinct frame {@code query} is {@code distance} from the banked {@code banked}. */
        void add(int query, int banked, int distance) {
            if (!queryMatched.get(query) || distance < best[query]) {
                best[query] = distance;
            }
            queryMatched.set(query);
            bankedMatched.set(banked);
        }

        /** The match when both shares reach their thresholds. */
        Optional<FrameMatch> judge(double minQueryShare, double minBankedShare) {
            if (queryFrames == 0 || bankedFrames == 0 || queryMatched.isEmpty()) {
                return Optional.empty();
            }
            double queryShare = (double) queryMatched.cardinality() / queryFrames;
            double bankedShare = (double) bankedMatched.cardinality() / bankedFrames;
            if (queryShare < minQueryShare || bankedShare < minBankedShare) {
                return Optional.empty();
            }
            long sum = 0;
            for (int q = queryMatched.nextSetBit(0); q >= 0; q = queryMatched.nextSetBit(q + 1)) {
                sum += best[q];
            }
            int mean = (int) Math.round((double) sum / queryMatched.cardinality());
            return Optional.of(new FrameMatch(queryShare, bankedShare, mean));
        }
    }

    /**
     * Compares two videos' frames pair by pair (for the retroactive scan, where one banked video
     * meets each registered one); the index does the same through its search.
     *
     * @param query the checked video's distinct frame hashes
     * @param banked the banked video's distinct frame hashes
     */
    static Optional<FrameMatch> compare(
            List<PdqHash> query, List<PdqHash> banked, int maxDistance, double minQueryShare, double minBankedShare) {
        var tally = new Tally(query.size(), banked.size());
        for (int q = 0; q < query.size(); q++) {
            for (int b = 0; b < banked.size(); b++) {
                int distance = query.get(q).distanceTo(banked.get(b));
                if (distance <= maxDistance) {
                    tally.add(q, b, distance);
                }
            }
        }
        return tally.judge(minQueryShare, minBankedShare);
    }
}

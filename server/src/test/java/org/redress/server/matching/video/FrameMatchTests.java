package org.redress.server.matching.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.redress.pdq.PdqHash;

class FrameMatchTests {

    private static final SplittableRandom RANDOM = new SplittableRandom(2028);

    private static PdqHash random() {
        return new PdqHash(RANDOM.nextLong(), RANDOM.nextLong(), RANDOM.nextLong(), RANDOM.nextLong());
    }

    /** The hash with its lowest {@code bits} bits flipped. */
    private static PdqHash flipped(PdqHash hash, int bits) {
        return new PdqHash(hash.w0(), hash.w1(), hash.w2(), hash.w3() ^ ((1L << bits) - 1));
    }

    private static List<PdqHash> frames(int count) {
        List<PdqHash> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(random());
        }
        return frames;
    }

    @Test
    void matchesWhenBothSharesReachTheirThresholdsAndReportsTheMeanDistance() {
        List<PdqHash> banked = frames(10);
        List<PdqHash> query = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            query.add(flipped(banked.get(i), 10));
        }
        query.addAll(frames(4));

        var match = FrameMatch.compare(query, banked, 31, 0.5, 0.5);

        assertThat(match).hasValueSatisfying(m -> {
            assertThat(m.queryShare()).isEqualTo(0.6);
            assertThat(m.bankedShare()).isEqualTo(0.6);
            assertThat(m.distance()).isEqualTo(10);
        });
    }

    @Test
    void refusesWhenEitherShareFallsShort() {
        List<PdqHash> banked = frames(10);
        List<PdqHash> clip = List.of(flipped(banked.get(0), 3), flipped(banked.get(1), 3));

        assertThat(FrameMatch.compare(clip, banked, 31, 0.5, 0.5)).isEmpty();
        assertThat(FrameMatch.compare(clip, banked, 31, 0.5, 0.2)).isPresent();
        List<PdqHash> mostlyOther = new ArrayList<>(frames(8));
        mostlyOther.addAll(banked);
        assertThat(FrameMatch.compare(mostlyOther, banked, 31, 0.6, 0.5)).isEmpty();
    }

    @Test
    void countsNoFrameBeyondTheDistance() {
        List<PdqHash> banked = frames(4);
        List<PdqHash> far = banked.stream().map(h -> flipped(h, 32)).toList();

        assertThat(FrameMatch.compare(far, banked, 31, 0.1, 0.1)).isEmpty();
        assertThat(FrameMatch.compare(far, banked, 32, 0.1, 0.1)).isPresent();
        assertThat(FrameMatch.compare(List.of(), banked, 31, 0.1, 0.1)).isEmpty();
    }
}

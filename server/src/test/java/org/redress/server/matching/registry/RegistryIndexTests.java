package org.redress.server.matching.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.redress.hashindex.LinearIndex;
import org.redress.hashindex.Match;
import org.redress.pdq.PdqHash;
import org.redress.pdq.Quality;
import org.redress.server.matching.Bank;
import org.redress.server.matching.BankAction;
import org.redress.server.matching.BankName;

/**
 * The retroactive scan's index against the oracle: for random registries (clusters of
 * near-duplicates, repeated hashes, unknown qualities) grown in steps, so that searches meet both
 * the multi-index base and the delta of recent uploads, every search returns exactly what a
 * {@link LinearIndex} of the same uploads finds, less the uploads under the bank's quality floor.
 */
class RegistryIndexTests {

    private static final int ROUNDS = 4;
    private static final int STEPS = 5;
    private static final int QUERIES_PER_STEP = 160;

    private record Upload(long rowId, PdqHash hash, Optional<Quality> quality) {}

    @Test
    void findsExactlyWhatALinearScanFindsAtTheBanksQualityFloor() {
        int cases = 0;
        for (int round = 0; round < ROUNDS; round++) {
            var random = new SplittableRandom(20261205L + round);
            var index = new RegistryIndex();
            var uploads = new ArrayList<Upload>();
            long rowId = random.nextLong(1, 1_000_000);
            for (int step = 0; step < STEPS; step++) {
                int adds = step == 0 ? 20_000 : random.nextInt(1, 7_000);
                for (int i = 0; i < adds; i++) {
                    rowId += random.nextInt(1, 4); // sequence gaps, as PostgreSQL leaves
                    var upload = new Upload(rowId, hashNear(random, uploads), quality(random));
                    index.add(upload.rowId(), upload.hash(), upload.quality());
                    uploads.add(upload);
                }
                var oracle = LinearIndex.builder();
                Map<Long, Optional<Quality>> qualities = new HashMap<>();
                for (Upload upload : uploads) {
                    oracle.add(upload.rowId(), upload.hash());
                    qualities.put(upload.rowId(), upload.quality());
                }
                LinearIndex linear = oracle.build();
                assertThat(index.size()).isEqualTo(uploads.size());
                for (int q = 0; q < QUERIES_PER_STEP; q++) {
                    List<PdqHash> queries = new ArrayList<>();
                    for (int k = random.nextInt(1, 4); k > 0; k--) {
                        queries.add(
                                random.nextInt(5) == 0
                                        ? random(random)
                                        : flip(
                                                random,
                                                uploads.get(random.nextInt(uploads.size()))
                                                        .hash(),
                                                random.nextInt(41)));
                    }
                    Bank bank = bank(random.nextInt(32), random.nextInt(101));
                    List<RegistryIndex.Near> expected = new ArrayList<>();
                    for (PdqHash query : queries) {
                        for (Match match : linear.search(query, bank.maxDistance())) {
                            if (bank.matchesPdqOf(qualities.get(match.id()))) {
                                expected.add(new RegistryIndex.Near(match.id(), query, match.distance()));
                            }
                        }
                    }
                    expected.sort((a, b) -> Long.compare(a.rowId(), b.rowId()));
                    assertThat(index.search(queries, bank))
                            .as(
                                    "round %d step %d radius %d floor %d",
                                    round, step, bank.maxDistance(), bank.qualityFloor())
                            .isEqualTo(expected);
                    cases += queries.size();
                }
            }
        }
        assertThat(cases).isGreaterThan(3_000);
    }

    @Test
    void keepsEveryQualityFromZeroToAHundredAndUnknownApart() {
        var index = new RegistryIndex();
        PdqHash hash = PdqHash.zero();
        for (int quality = 0; quality <= 100; quality++) {
            index.add(1000 + quality, hash, Optional.of(new Quality(quality)));
        }
        index.add(RegistryIndex.MAX_ROW_ID, hash, Optional.empty());
        for (int floor = 0; floor <= 100; floor++) {
            var found = index.search(List.of(hash), bank(0, floor)).stream()
                    .map(RegistryIndex.Near::rowId)
                    .toList();
            assertThat(found).hasSize(101 - floor + 1).startsWith(1000L + floor).endsWith(RegistryIndex.MAX_ROW_ID);
        }
    }

    @Test
    void refusesARowIdWithoutRoomForTheQuality() {
        var index = new RegistryIndex();
        assertThatThrownBy(() -> index.add(RegistryIndex.MAX_ROW_ID + 1, PdqHash.zero(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.add(-1, PdqHash.zero(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Bank bank(int maxDistance, int qualityFloor) {
        return new Bank("b", new BankName("b"), BankAction.REVIEW, maxDistance, qualityFloor, true, Instant.EPOCH);
    }

    /** A fresh hash, a repeat of an earlier one, or a near-duplicate of one (2 to 20 bits away). */
    private static PdqHash hashNear(SplittableRandom random, List<Upload> earlier) {
        int pick = random.nextInt(10);
        if (earlier.isEmpty() || pick < 6) {
            return random(random);
        }
        PdqHash base = earlier.get(random.nextInt(earlier.size())).hash();
        return pick == 6 ? base : flip(random, base, random.nextInt(2, 21));
    }

    private static Optional<Quality> quality(SplittableRandom random) {
        return random.nextInt(10) == 0 ? Optional.empty() : Optional.of(new Quality(random.nextInt(101)));
    }

    private static PdqHash random(SplittableRandom random) {
        return new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    private static PdqHash flip(SplittableRandom random, PdqHash hash, int bits) {
        long[] words = {hash.w0(), hash.w1(), hash.w2(), hash.w3()};
        for (int i = 0; i < bits; i++) {
            int bit = random.nextInt(256);
            words[bit >>> 6] ^= 1L << (bit & 63);
        }
        return new PdqHash(words[0], words[1], words[2], words[3]);
    }
}

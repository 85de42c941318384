package org.redress.hashindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.redress.pdq.PdqHash;

class MultiIndexTests {

    @Test
    void agreesWithTheLinearIndexOnClusteredBanksForEveryRadiusUpTo63() {
        for (int seed = 1; seed <= 6; seed++) {
            var random = new Random(seed);
            List<PdqHash> bank = Banks.clustered(random, 200 + random.nextInt(3000));
            assertAgrees(bank, Banks.queries(random, bank, 40), random, 0, 63);
        }
    }

    @Test
    void agreesWithTheLinearIndexOnUniformBanks() {
        for (int seed = 11; seed <= 14; seed++) {
            var random = new Random(seed);
            List<PdqHash> bank = Banks.uniform(random, 500 + random.nextInt(4000));
            assertAgrees(bank, Banks.queries(random, bank, 30), random, 0, 63);
        }
    }

    @Test
    void agreesWithTheLinearIndexForEverySubstringCount() {
        var random = new Random(21);
        List<PdqHash> bank = Banks.clustered(random, 1500);
        List<PdqHash> queries = Banks.queries(random, bank, 25);
        LinearIndex linear = linear(bank);
        for (int substrings = 11; substrings <= 32; substrings++) {
            MultiIndex multi = multi(bank).build(substrings);
            for (PdqHash query : queries) {
                for (int r = 0; r <= 63; r += 1 + random.nextInt(4)) {
                    assertThat(multi.search(query, r))
                            .as("m=%d r=%d q=%s", substrings, r, query)
                            .isEqualTo(linear.search(query, r));
                }
            }
        }
    }

    @Test
    void answersABatchExactlyAsQueryByQuery() {
        for (int seed = 51; seed <= 53; seed++) {
            var random = new Random(seed);
            List<PdqHash> bank = Banks.clustered(random, 2000 + random.nextInt(3000));
            MultiIndex multi = multi(bank).build();
            LinearIndex linear = linear(bank);
            List<PdqHash> queries = Banks.queries(random, bank, MultiIndex.BATCH + 300);
            for (int r : new int[] {0, 1, 7, 16, 31, 40, 63}) {
                List<List<Match>> batch = multi.searchAll(queries, r);
                assertThat(batch).hasSize(queries.size());
                for (int q = 0; q < queries.size(); q++) {
                    assertThat(batch.get(q))
                            .as("radius %d, query %d", r, q)
                            .isEqualTo(linear.search(queries.get(q), r));
                }
            }
        }
    }

    @Test
    void answersBatchesThroughItsOwnBatchedPath() throws NoSuchMethodException {
        // The interface's default answers query by query: correct, but several times slower.
        assertThat(MultiIndex.class.getDeclaredMethod("searchAll", List.class, int.class))
                .isNotNull();
    }

    @Test
    void answersLargeRadiiByScanning() {
        var random = new Random(31);
        List<PdqHash> bank = Banks.clustered(random, 800);
        assertAgrees(bank, Banks.queries(random, bank, 10), random, 64, 256);
    }

    @Test
    void reportsEveryEntryOfARepeatedHashWithItsOwnId() {
        PdqHash hash = PdqHash.fromHex("f".repeat(64));
        MultiIndex index = MultiIndex.builder()
                .add(7, hash)
                .add(3, hash)
                .add(3, PdqHash.zero())
                .build();

        assertThat(index.search(hash, 0)).containsExactly(new Match(3, 0), new Match(7, 0));
        assertThat(index.search(PdqHash.zero(), 256))
                .containsExactly(new Match(3, 0), new Match(3, 256), new Match(7, 256));
    }

    @Test
    void findsNothingInAnEmptyIndex() {
        MultiIndex index = MultiIndex.builder().build();

        assertThat(index.search(PdqHash.zero(), 31)).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void rejectsARadiusOutsideZeroTo256() {
        MultiIndex index = MultiIndex.builder().add(1, PdqHash.zero()).build();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> index.search(PdqHash.zero(), -1))
                .withMessage("maxDistance must be within [0, 256]: -1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> index.search(PdqHash.zero(), 257))
                .withMessage("maxDistance must be within [0, 256]: 257");
    }

    @Test
    void countsItsArraysInItsFootprint() {
        var random = new Random(41);
        MultiIndex index = multi(Banks.uniform(random, 1000)).build();

        assertThat(index.footprintBytes()).isGreaterThan(40L * 1000);
        assertThat(index.substrings()).isBetween(12, 32);
    }

    static void assertAgrees(List<PdqHash> bank, List<PdqHash> queries, Random random, int from, int to) {
        LinearIndex linear = linear(bank);
        MultiIndex multi = multi(bank).build();
        for (PdqHash query : queries) {
            for (int r = from; r <= to; r++) {
                List<Match> expected = linear.search(query, r);
                assertThat(multi.search(query, r))
                        .as("radius %d, query %s", r, query)
                        .isEqualTo(expected);
            }
        }
    }

    static LinearIndex linear(List<PdqHash> bank) {
        var builder = LinearIndex.builder();
        for (int i = 0; i < bank.size(); i++) {
            builder.add(i, bank.get(i));
        }
        return builder.build();
    }

    static MultiIndex.Builder multi(List<PdqHash> bank) {
        var builder = MultiIndex.builder();
        for (int i = 0; i < bank.size(); i++) {
            builder.add(i, bank.get(i));
        }
        return builder;
    }
}

package org.redress.hashindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.redress.pdq.PdqHash;

class IndexWriterTests {

    @Test
    void agreesWithALinearIndexOfTheSameEntriesAfterInterleavedAddsAndRemoves() {
        for (int seed = 1; seed <= 4; seed++) {
            var random = new Random(seed);
            List<PdqHash> pool = Banks.clustered(random, 9000);
            var live = new ArrayList<long[]>(); // {id, index into pool}
            var writer = IndexWriter.empty();
            long nextId = 0;
            for (int step = 0; step < 12; step++) {
                int adds = random.nextInt(step % 4 == 0 ? 5000 : 600);
                for (int i = 0; i < adds; i++) {
                    // Some ids repeat on purpose: a remove takes every entry carrying the id.
                    long id = random.nextInt(8) == 0 && nextId > 0 ? random.nextLong(nextId) : nextId++;
                    int which = random.nextInt(pool.size());
                    writer.add(id, pool.get(which));
                    live.add(new long[] {id, which});
                }
                int removes = random.nextInt(300);
                for (int i = 0; i < removes && !live.isEmpty(); i++) {
                    long id = live.get(random.nextInt(live.size()))[0];
                    writer.remove(id);
                    live.removeIf(entry -> entry[0] == id);
                }
                writer.remove(-1); // absent: no effect
                IndexSnapshot snapshot = writer.snapshot();
                var oracle = LinearIndex.builder();
                live.forEach(entry -> oracle.add(entry[0], pool.get((int) entry[1])));
                LinearIndex expected = oracle.build();
                assertThat(snapshot.size()).isEqualTo(live.size());
                for (PdqHash query : Banks.queries(random, pool, 15)) {
                    int r = random.nextInt(64);
                    assertThat(snapshot.search(query, r))
                            .as("step %d radius %d", step, r)
                            .isEqualTo(expected.search(query, r));
                }
                // A batch (large enough for the batched path) sees the same removals and additions.
                List<PdqHash> batch = Banks.queries(random, pool, MultiIndex.MIN_BATCH + 40);
                int r = random.nextInt(64);
                List<List<Match>> answers = snapshot.searchAll(batch, r);
                assertThat(answers).hasSize(batch.size());
                for (int q = 0; q < batch.size(); q++) {
                    assertThat(answers.get(q))
                            .as("step %d radius %d batch query %d", step, r, q)
                            .isEqualTo(expected.search(batch.get(q), r));
                }
            }
        }
    }

    @Test
    void keepsAFixedSubstringCountThroughMergesAndStaysExact() {
        var random = new Random(11);
        List<PdqHash> pool = Banks.clustered(random, 60_000);
        var fixed = IndexWriter.empty(16);
        var sized = IndexWriter.empty();
        var oracle = LinearIndex.builder();
        for (int step = 0; step < 6; step++) {
            for (int i = step * 10_000; i < (step + 1) * 10_000; i++) {
                fixed.add(i, pool.get(i));
                sized.add(i, pool.get(i));
                oracle.add(i, pool.get(i));
            }
            IndexSnapshot snapshot = fixed.snapshot();
            LinearIndex expected = oracle.build();
            for (PdqHash query : Banks.queries(random, pool, 20)) {
                int r = random.nextInt(40);
                assertThat(snapshot.search(query, r))
                        .as("step %d radius %d", step, r)
                        .isEqualTo(expected.search(query, r));
            }
        }
        // 16 tables of 16 bits against the 15 of 17 or 18 bits chosen for 60,000 entries.
        assertThat(fixed.snapshot().footprintBytes())
                .isLessThan(sized.snapshot().footprintBytes());
    }

    @Test
    void leavesPublishedSnapshotsUnchanged() {
        PdqHash hash = PdqHash.zero();
        var writer = IndexWriter.empty().add(1, hash);
        IndexSnapshot before = writer.snapshot();

        writer.remove(1).add(2, hash);
        IndexSnapshot after = writer.snapshot();

        assertThat(before.search(hash, 0)).containsExactly(new Match(1, 0));
        assertThat(after.search(hash, 0)).containsExactly(new Match(2, 0));
    }

    @Test
    void servesReadersOnOtherThreadsWhileTheWriterMovesOn() throws InterruptedException {
        var random = new Random(7);
        var writer = IndexWriter.startingFrom(
                MultiIndexTests.multi(Banks.uniform(random, 5000)).build());
        var published = new AtomicReference<>(writer.snapshot());
        var failures = new AtomicReference<Throwable>();
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; i < 2000; i++) {
                    IndexSnapshot snapshot = published.get();
                    assertThat(snapshot.search(PdqHash.zero(), 0)).hasSizeLessThanOrEqualTo(snapshot.size());
                }
            } catch (Throwable e) {
                failures.set(e);
            }
        });
        for (int i = 0; i < 200; i++) {
            writer.add(10_000 + i, PdqHash.zero()).remove(i);
            published.set(writer.snapshot());
        }
        reader.join();

        assertThat(failures.get()).isNull();
        assertThat(published.get().search(PdqHash.zero(), 0)).hasSize(200);
        assertThat(published.get().size()).isEqualTo(5000);
    }
}

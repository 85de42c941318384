package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.redress.pdq.PdqHash;
import org.redress.server.TestDatabase;
import org.redress.server.matching.banks.MatchIndex;
import org.redress.server.shared.Actor;

/**
 * Measures, in process on SQLite, how long a settings edit and a 100-line import take to act on
 * checks against a bank of a million entries: from the facade call to the first check that shows
 * the change. Not part of the suite (the name matches neither test pattern); run it with
 * {@code jmvn -pl server -am verify -Dtest=BankChangeLatencyMeasurement -Dit.test=NoSuch
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
class BankChangeLatencyMeasurement {

    private static final Actor ADMIN = new Actor.Staff("bank-admin");
    private static final Actor PLATFORM = new Actor.ApiKey("platform-key");
    private static final int BANK_SIZE = 1_000_000;
    private static final int ROUNDS = 5;

    private static PdqHash random(SplittableRandom random) {
        return new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    private static String millis(List<Long> nanos) {
        return nanos.stream()
                        .map(n -> String.format(java.util.Locale.ROOT, "%.1f", n / 1e6))
                        .toList() + " ms";
    }

    @Test
    void settingsEditsAndSmallImportsActOnAMillionEntryBank() {
        var random = new SplittableRandom(20261201);
        try (var db = TestDatabase.create(TestDatabase.Vendor.SQLITE);
                var context = MatchingContext.open(db)) {
            context.getBean(MatchIndex.class).refresh();
            var matching = context.getBean(Matching.class);
            var name = new BankName("big");
            matching.createBank(ADMIN, name, BankAction.BLOCK, 31, 50);
            PdqHash known = random(random);
            matching.importEntries(
                    ADMIN,
                    name,
                    HashListFormat.TEXT,
                    Stream.concat(
                            Stream.of("pdq " + known.toHex()),
                            IntStream.range(1, BANK_SIZE)
                                    .mapToObj(i -> "pdq " + random(random).toHex())));
            assertThat(context.getBean(MatchIndex.class).size()).isEqualTo(BANK_SIZE);
            int[] checks = {0};
            assertThat(matching.check(PLATFORM, new Upload("c-0", "u", EntryHashes.ofPdq(known), List.of()))
                            .verdict())
                    .isEqualTo(Verdict.BLOCK);

            List<Long> edits = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                BankAction action = round % 2 == 0 ? BankAction.REVIEW : BankAction.BLOCK;
                long started = System.nanoTime();
                matching.updateBank(ADMIN, name, action, 31, 50, true);
                var verdict = matching.check(
                                PLATFORM, new Upload("c-" + ++checks[0], "u", EntryHashes.ofPdq(known), List.of()))
                        .verdict();
                edits.add(System.nanoTime() - started);
                assertThat(verdict).isEqualTo(action.verdict());
            }

            List<Long> imports = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                PdqHash fresh = random(random);
                List<String> lines = new ArrayList<>();
                lines.add("pdq " + fresh.toHex());
                IntStream.range(1, 100)
                        .forEach(i -> lines.add("pdq " + random(random).toHex()));
                long started = System.nanoTime();
                matching.importEntries(ADMIN, name, HashListFormat.TEXT, lines.stream());
                var verdict = matching.check(
                                PLATFORM, new Upload("c-" + ++checks[0], "u", EntryHashes.ofPdq(fresh), List.of()))
                        .verdict();
                imports.add(System.nanoTime() - started);
                assertThat(verdict).isNotEqualTo(Verdict.ALLOW);
            }
            String report = "bank of " + BANK_SIZE + " entries; settings edit to effect: " + millis(edits)
                    + "; 100-line import to effect: " + millis(imports);
            System.out.println("MEASURED " + report);
        }
    }
}

package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.pdq.PdqHash;
import org.redress.pdq.Quality;
import org.redress.server.TestDatabase;
import org.redress.server.matching.banks.MatchIndex;
import org.redress.server.shared.Actor;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Bank-level changes reach the index on the writer and on a second replica without reading the
 * bank's entries again: settings edits replace the bank's settings beside the same snapshot, small
 * imports go into the writer's delta, and only a large import, a re-enabled bank or a new one is
 * read again. On both databases, since the change log's rows carry the difference.
 */
class IncrementalBankChangesIntegrationTests {

    private static final Actor ADMIN = new Actor.Staff("bank-admin");
    private static final Actor PLATFORM = new Actor.ApiKey("platform-key");
    private static final BankName NAME = new BankName("partners");

    private final SplittableRandom random = new SplittableRandom(13);
    private int uploads;

    private PdqHash randomHash() {
        return new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    /** Six bits away from {@code hash}. */
    private static PdqHash near(PdqHash hash) {
        return new PdqHash(hash.w0() ^ 0b111, hash.w1() ^ 0b111, hash.w2(), hash.w3());
    }

    private Verdict check(ConfigurableApplicationContext context, PdqHash hash, Optional<Quality> quality) {
        var upload = new Upload("post-" + ++uploads, "uploader-1", EntryHashes.ofPdq(hash), List.of(), quality);
        return context.getBean(Matching.class).check(PLATFORM, upload).verdict();
    }

    private Verdict check(ConfigurableApplicationContext context, PdqHash hash) {
        return check(context, hash, Optional.empty());
    }

    /** A text hash list of {@code count} lines, {@code first} on the first. */
    private List<String> hashList(PdqHash first, int count) {
        List<String> lines = new ArrayList<>(count);
        lines.add("pdq " + first.toHex());
        IntStream.range(1, count).forEach(i -> lines.add("pdq " + randomHash().toHex()));
        return lines;
    }

    /** A BLOCK bank holding one random PDQ hash, seen by the writer and by the replica's index. */
    private record OneEntryBank(Matching matching, String id, PdqHash banked, List<MatchIndex> indexes) {}

    private OneEntryBank blockBankWithOneEntry(
            ConfigurableApplicationContext writer, ConfigurableApplicationContext replica) {
        var matching = writer.getBean(Matching.class);
        writer.getBean(MatchIndex.class).refresh();
        String bankId =
                matching.createBank(ADMIN, NAME, BankAction.BLOCK, 31, 50).id();
        PdqHash banked = randomHash();
        matching.addEntry(
                ADMIN,
                NAME,
                EntryHashes.ofPdq(banked),
                Optional.empty(),
                Optional.empty(),
                new Provenance(Provenance.Source.MANUAL, "admin"));
        return new OneEntryBank(
                matching, bankId, banked, List.of(writer.getBean(MatchIndex.class), replica.getBean(MatchIndex.class)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void appliesSettingsEditsOnEveryReplicaWithoutReadingTheBankAgain(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var writer = MatchingContext.open(db);
                var replica = MatchingContext.open(db, "redress.matching.poll-initial-delay=1h")) {
            var bank = blockBankWithOneEntry(writer, replica);
            var matching = bank.matching();
            String bankId = bank.id();
            PdqHash banked = bank.banked();
            var indexes = bank.indexes();
            indexes.get(1).refresh();
            var snapshots = indexes.stream()
                    .map(index -> index.snapshotOf(bankId).orElseThrow())
                    .toList();
            var loads = indexes.stream().map(MatchIndex::bankLoads).toList();
            var contexts = List.of(writer, replica);
            assertThat(check(writer, near(banked))).isEqualTo(Verdict.BLOCK);

            matching.updateBank(ADMIN, NAME, BankAction.REVIEW, 31, 50, true);
            indexes.get(1).refresh();
            for (var context : contexts) {
                assertThat(check(context, banked)).isEqualTo(Verdict.REVIEW);
                assertThat(check(context, near(banked))).isEqualTo(Verdict.REVIEW);
            }

            matching.updateBank(ADMIN, NAME, BankAction.REVIEW, 5, 50, true);
            indexes.get(1).refresh();
            for (var context : contexts) {
                assertThat(check(context, near(banked)))
                        .as("six bits away, five allowed")
                        .isEqualTo(Verdict.ALLOW);
                assertThat(check(context, banked)).isEqualTo(Verdict.REVIEW);
            }

            matching.updateBank(ADMIN, NAME, BankAction.REVIEW, 5, 80, true);
            indexes.get(1).refresh();
            for (var context : contexts) {
                assertThat(check(context, banked, Optional.of(new Quality(79)))).isEqualTo(Verdict.ALLOW);
                assertThat(check(context, banked, Optional.of(new Quality(80)))).isEqualTo(Verdict.REVIEW);
            }
            for (int i = 0; i < indexes.size(); i++) {
                assertThat(indexes.get(i).snapshotOf(bankId)).containsSame(snapshots.get(i));
                assertThat(indexes.get(i).bankLoads()).isEqualTo(loads.get(i));
            }

            matching.updateBank(ADMIN, NAME, BankAction.REVIEW, 5, 80, false);
            indexes.get(1).refresh();
            for (int i = 0; i < indexes.size(); i++) {
                assertThat(indexes.get(i).snapshotOf(bankId)).isEmpty();
                assertThat(check(contexts.get(i), banked)).isEqualTo(Verdict.ALLOW);
            }

            matching.updateBank(ADMIN, NAME, BankAction.BLOCK, 31, 50, true);
            indexes.get(1).refresh();
            for (int i = 0; i < indexes.size(); i++) {
                assertThat(indexes.get(i).bankLoads())
                        .as("enabling reads the bank")
                        .isEqualTo(loads.get(i) + 1);
                assertThat(check(contexts.get(i), near(banked))).isEqualTo(Verdict.BLOCK);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void addsSmallImportsToTheBankInMemoryAndReadsItAgainForALargeOne(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var writer = MatchingContext.open(db);
                var replica = MatchingContext.open(db, "redress.matching.poll-initial-delay=1h")) {
            var bank = blockBankWithOneEntry(writer, replica);
            var matching = bank.matching();
            String bankId = bank.id();
            PdqHash banked = bank.banked();
            var indexes = bank.indexes();
            var contexts = List.of(writer, replica);
            indexes.get(1).refresh();
            var loads = indexes.stream().map(MatchIndex::bankLoads).toList();

            PdqHash small = randomHash();
            assertThat(matching.importEntries(ADMIN, NAME, HashListFormat.TEXT, hashList(small, 100).stream())
                            .imported())
                    .isEqualTo(100);
            indexes.get(1).refresh();
            for (int i = 0; i < indexes.size(); i++) {
                assertThat(indexes.get(i).bankLoads())
                        .as("a small import is not a reload")
                        .isEqualTo(loads.get(i));
                assertThat(indexes.get(i).snapshotOf(bankId).orElseThrow().size())
                        .isEqualTo(101);
                assertThat(check(contexts.get(i), near(small))).isEqualTo(Verdict.BLOCK);
            }

            int large = MatchIndex.INCREMENTAL_IMPORT_LIMIT + 1;
            PdqHash inLarge = randomHash();
            matching.importEntries(ADMIN, NAME, HashListFormat.TEXT, hashList(inLarge, large).stream());
            indexes.get(1).refresh();
            for (int i = 0; i < indexes.size(); i++) {
                assertThat(indexes.get(i).bankLoads())
                        .as("a large import reads the bank")
                        .isEqualTo(loads.get(i) + 1);
                assertThat(indexes.get(i).snapshotOf(bankId).orElseThrow().size())
                        .isEqualTo(101 + large);
                assertThat(check(contexts.get(i), inLarge)).isEqualTo(Verdict.BLOCK);
                assertThat(check(contexts.get(i), small)).isEqualTo(Verdict.BLOCK);
                assertThat(check(contexts.get(i), banked)).isEqualTo(Verdict.BLOCK);
            }

            // Imported while disabled: nothing is held to add to, and enabling reads the entries.
            matching.updateBank(ADMIN, NAME, BankAction.BLOCK, 31, 50, false);
            PdqHash whileDisabled = randomHash();
            matching.importEntries(ADMIN, NAME, HashListFormat.TEXT, hashList(whileDisabled, 10).stream());
            matching.updateBank(ADMIN, NAME, BankAction.BLOCK, 31, 50, true);
            indexes.get(1).refresh();
            for (var context : contexts) {
                assertThat(check(context, whileDisabled)).isEqualTo(Verdict.BLOCK);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void readsTheBankAgainForABankRowWrittenTheWayTheEarlierReleaseWroteIt(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var writer = MatchingContext.open(db);
                var replica = MatchingContext.open(db, "redress.matching.poll-initial-delay=1h")) {
            var bank = blockBankWithOneEntry(writer, replica);
            var index = bank.indexes().get(1);
            index.refresh();
            long loads = index.bankLoads();
            // A replica of the earlier release imports: entries in one statement, then one bank row
            // without the reload column, which then meant "read the bank again".
            PdqHash imported = randomHash();
            db.update("INSERT INTO matching_entry (bank_id, pdq, source_kind, source_ref, enabled, created_at) "
                    + "SELECT bank_id, '" + imported.toHex() + "', source_kind, 'earlier-release', 1, created_at "
                    + "FROM matching_entry WHERE bank_id = '" + bank.id() + "'");
            db.update("INSERT INTO matching_change (bank_id, entry_id) VALUES ('" + bank.id() + "', NULL)");

            index.refresh();

            assertThat(index.bankLoads()).isEqualTo(loads + 1);
            assertThat(check(replica, imported)).isEqualTo(Verdict.BLOCK);
        }
    }
}

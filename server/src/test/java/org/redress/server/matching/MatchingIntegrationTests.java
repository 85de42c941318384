package org.redress.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.redress.pdq.PdqHash;
import org.redress.pdq.Quality;
import org.redress.server.TestDatabase;
import org.redress.server.intake.HashesSubmitted;
import org.redress.server.intake.ReportWithdrawn;
import org.redress.server.intake.SubmittedHash;
import org.redress.server.matching.banks.MatchIndex;
import org.redress.server.matching.check.UploadHashing;
import org.redress.server.shared.Actor;
import org.redress.server.shared.CaseRef;
import org.redress.server.shared.ContentId;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The facade, its repositories and the index on both databases. */
class MatchingIntegrationTests {

    private static final Actor ADMIN = new Actor.Staff("bank-admin");
    private static final Actor PLATFORM = new Actor.ApiKey("platform-key");

    private static PdqHash pdqOf(byte[] png) {
        return UploadHashing.hash(png).hashes().pdq().orElseThrow();
    }

    private static Upload upload(String contentId, PdqHash pdq) {
        return new Upload(contentId, "uploader-1", EntryHashes.ofPdq(pdq), List.of());
    }

    private static Matching ready(ConfigurableApplicationContext context) {
        context.getBean(MatchIndex.class).refresh();
        return context.getBean(Matching.class);
    }

    private static List<String> auditActions(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class)
                .sql("SELECT action FROM audit_entry ORDER BY seq")
                .query(String.class)
                .list();
    }

    private static List<MatchFound> recordMatches(ConfigurableApplicationContext context) {
        List<MatchFound> found = new ArrayList<>();
        context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) event -> {
            if (event.getPayload() instanceof MatchFound match) {
                found.add(match);
            }
        });
        return found;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void blocksANearDuplicateOfABankedHashAndAllowsAnUnrelatedImage(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = MatchingContext.open(db)) {
            var matching = ready(context);
            var original = TestImages.picture(1);
            matching.createBank(ADMIN, new BankName("partners"), BankAction.BLOCK, 31, 50);
            var entry = matching.addEntry(
                    ADMIN,
                    new BankName("partners"),
                    EntryHashes.ofPdq(pdqOf(TestImages.png(original))),
                    Optional.of(new Quality(90)),
                    Optional.of("from a partner"),
                    new Provenance(Provenance.Source.IMPORT, "batch-1"));

            PdqHash near = pdqOf(TestImages.png(TestImages.nearDuplicate(original)));
            var blocked = matching.check(PLATFORM, upload("post-1", near));
            var allowed = matching.check(PLATFORM, upload("post-2", pdqOf(TestImages.png(TestImages.picture(2)))));

            assertThat(near).isNotEqualTo(entry.hashes().pdq().orElseThrow());
            assertThat(blocked.verdict()).isEqualTo(Verdict.BLOCK);
            assertThat(blocked.matches()).singleElement().satisfies(m -> {
                assertThat(m.entryId()).isEqualTo(entry.id());
                assertThat(m.distance()).isBetween(1, 31);
            });
            assertThat(allowed.verdict()).isEqualTo(Verdict.ALLOW);
            assertThat(allowed.matches()).isEmpty();
            assertThat(auditActions(context))
                    .contains("bank.created", "bank-entry.added:import", "content.checked:block", "match.found:block")
                    .doesNotContain("content.checked:allow");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void letsTheStrictestMatchingBankWinAndIgnoresDisabledEntries(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = MatchingContext.open(db)) {
            var matching = ready(context);
            PdqHash hash = pdqOf(TestImages.png(TestImages.picture(3)));
            matching.createBank(ADMIN, new BankName("watch"), BankAction.LOG, 31, 50);
            matching.createBank(ADMIN, new BankName("queue"), BankAction.REVIEW, 31, 50);
            matching.createBank(ADMIN, new BankName("hard"), BankAction.BLOCK, 31, 50);
            var provenance = new Provenance(Provenance.Source.MANUAL, "STAFF:bank-admin");
            matching.addEntry(
                    ADMIN,
                    new BankName("watch"),
                    EntryHashes.ofPdq(hash),
                    Optional.empty(),
                    Optional.empty(),
                    provenance);
            matching.addEntry(
                    ADMIN,
                    new BankName("queue"),
                    EntryHashes.ofPdq(hash),
                    Optional.empty(),
                    Optional.empty(),
                    provenance);
            var hard = matching.addEntry(
                    ADMIN,
                    new BankName("hard"),
                    EntryHashes.ofPdq(hash),
                    Optional.empty(),
                    Optional.empty(),
                    provenance);

            assertThat(matching.check(PLATFORM, upload("c-1", hash)).verdict()).isEqualTo(Verdict.BLOCK);
            matching.setEntryEnabled(ADMIN, new BankName("hard"), hard.id(), false);
            var review = matching.check(PLATFORM, upload("c-2", hash));
            assertThat(review.verdict()).isEqualTo(Verdict.REVIEW);
            assertThat(review.matches()).extracting(m -> m.bank().value()).containsExactlyInAnyOrder("watch", "queue");
        }
    }

    /** {@code hash} with {@code flips} distinct random bits turned over. */
    private static PdqHash flipped(PdqHash hash, int flips, java.util.Random random) {
        long[] words = {hash.w0(), hash.w1(), hash.w2(), hash.w3()};
        java.util.BitSet chosen = new java.util.BitSet(256);
        while (chosen.cardinality() < flips) {
            chosen.set(random.nextInt(256));
        }
        chosen.stream().forEach(bit -> words[bit >>> 6] ^= 1L << (bit & 63));
        return new PdqHash(words[0], words[1], words[2], words[3]);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void searchesABatchOfChecksExactlyAsItSearchesEachAlone(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = MatchingContext.open(db)) {
            var matching = ready(context);
            var random = new java.util.Random(19);
            List<BankName> banks = List.of(new BankName("hard"), new BankName("queue"), new BankName("watch"));
            matching.createBank(ADMIN, banks.get(0), BankAction.BLOCK, 31, 50);
            matching.createBank(ADMIN, banks.get(1), BankAction.REVIEW, 16, 70);
            matching.createBank(ADMIN, banks.get(2), BankAction.LOG, 40, 0);
            var provenance = new Provenance(Provenance.Source.MANUAL, "STAFF:bank-admin");
            List<PdqHash> banked = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                // Some hashes sit in two banks, so one query finds entries of both.
                PdqHash hash = i % 5 == 4
                        ? banked.get(i - 1)
                        : new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
                banked.add(hash);
                matching.addEntry(
                        ADMIN,
                        banks.get(i % 3),
                        EntryHashes.ofPdq(hash),
                        Optional.empty(),
                        Optional.empty(),
                        provenance);
            }
            String md5 = "00112233445566778899aabbccddeeff";
            matching.addEntry(
                    ADMIN,
                    banks.get(0),
                    new EntryHashes(Optional.empty(), Optional.of(md5), Optional.empty()),
                    Optional.empty(),
                    Optional.empty(),
                    provenance);
            List<Upload> uploads = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                PdqHash own = flipped(banked.get(random.nextInt(banked.size())), random.nextInt(48), random);
                List<PdqHash> variants = IntStream.range(0, random.nextInt(4))
                        .mapToObj(v -> flipped(banked.get(random.nextInt(banked.size())), random.nextInt(48), random))
                        .toList();
                Optional<Quality> quality = List.of(
                                Optional.<Quality>empty(), Optional.of(new Quality(55)), Optional.of(new Quality(80)))
                        .get(random.nextInt(3));
                Optional<String> digest = random.nextInt(10) == 0 ? Optional.of(md5) : Optional.empty();
                uploads.add(new Upload(
                        "batch-" + i,
                        "uploader-1",
                        new EntryHashes(Optional.of(own), digest, Optional.empty()),
                        variants,
                        quality));
            }
            var index = context.getBean(MatchIndex.class);
            List<List<MatchIndex.Hit>> batch = index.searchAll(uploads.stream()
                    .map(u -> new MatchIndex.Query(
                            u.queries(),
                            u.quality(),
                            u.hashes().md5(),
                            u.hashes().sha256()))
                    .toList());

            assertThat(batch).hasSize(uploads.size());
            for (int i = 0; i < uploads.size(); i++) {
                Upload u = uploads.get(i);
                assertThat(batch.get(i))
                        .as("upload %d", i)
                        .isEqualTo(index.search(
                                u.queries(),
                                u.quality(),
                                u.hashes().md5(),
                                u.hashes().sha256()));
            }
            // The comparison means something: misses, hits in every bank, several hits at once, variants.
            assertThat(batch).anyMatch(List::isEmpty);
            assertThat(batch.stream()
                            .flatMap(List::stream)
                            .map(hit -> hit.bank().name()))
                    .containsAll(banks);
            assertThat(batch).anyMatch(hits -> hits.size() > 1);
            assertThat(batch.stream().flatMap(List::stream)).anyMatch(hit -> hit.variant() == 0 && hit.distance() > 0);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void findsContentCheckedEarlierWhenItsHashIsBankedLater(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = MatchingContext.open(db)) {
            var matching = ready(context);
            var found = recordMatches(context);
            var picture = TestImages.picture(4);
            assertThat(matching.check(
                                    PLATFORM,
                                    upload("early-post", pdqOf(TestImages.png(TestImages.nearDuplicate(picture)))))
                            .verdict())
                    .isEqualTo(Verdict.ALLOW);
            matching.check(PLATFORM, upload("other-post", pdqOf(TestImages.png(TestImages.picture(5)))));
            matching.createBank(ADMIN, new BankName("reported"), BankAction.REVIEW, 31, 50);

            var entry = matching.addEntry(
                    ADMIN,
                    new BankName("reported"),
                    EntryHashes.ofPdq(pdqOf(TestImages.png(picture))),
                    Optional.empty(),
                    Optional.empty(),
                    new Provenance(Provenance.Source.CASE, "CASE-0001"));

            assertThat(found).singleElement().satisfies(match -> {
                assertThat(match.contentId()).isEqualTo(new ContentId("early-post"));
                assertThat(match.entryId()).isEqualTo(entry.id());
                assertThat(match.retroactive()).isTrue();
                assertThat(match.originatingCase()).contains(new CaseRef("CASE-0001"));
                assertThat(match.distance()).isBetween(1, 31);
            });
            assertThat(auditActions(context)).contains("match.found:review:retroactive");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void findsContentByItsDigestAndContentThatCommittedOutOfIdOrderWhenItsHashIsBankedLater(
            TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = MatchingContext.open(db)) {
            var matching = ready(context);
            var found = recordMatches(context);
            String md5 = "ffeeddccbbaa99887766554433221100";
            PdqHash late = pdqOf(TestImages.png(TestImages.picture(13)));
            matching.check(
                    PLATFORM,
                    new Upload(
                            "by-digest",
                            "uploader-1",
                            new EntryHashes(
                                    Optional.of(pdqOf(TestImages.png(TestImages.picture(14)))),
                                    Optional.of(md5),
                                    Optional.empty()),
                            List.of()));
            // Rows another replica wrote: their uploader encrypted as every writer stores it.
            String uploader = context.getBean(org.redress.server.storage.FieldCipher.class)
                    .encrypt("uploader-x", "matching_content.uploader");
            // Another replica's row with a higher id commits first and is read into memory by a scan...
            String overriding = vendor == TestDatabase.Vendor.POSTGRESQL ? " OVERRIDING SYSTEM VALUE" : "";
            String at = vendor == TestDatabase.Vendor.POSTGRESQL ? "now()" : "0";
            db.update("INSERT INTO matching_content (id, content_id, uploader, pdq, verdict, checked_at)" + overriding
                    + " VALUES (1000, 'high-id', '" + uploader + "', '"
                    + pdqOf(TestImages.png(TestImages.picture(15))).toHex() + "', 'ALLOW', " + at + ")");
            matching.createBank(ADMIN, new BankName("digests"), BankAction.BLOCK, 31, 50);
            matching.addEntry(
                    ADMIN,
                    new BankName("digests"),
                    new EntryHashes(Optional.empty(), Optional.of(md5), Optional.empty()),
                    Optional.empty(),
                    Optional.empty(),
                    new Provenance(Provenance.Source.DECISION, "decision-d"));
            assertThat(found).singleElement().satisfies(match -> {
                assertThat(match.contentId()).isEqualTo(new ContentId("by-digest"));
                assertThat(match.distance()).isZero();
            });
            // ...then one with a lower id commits: the next scan must still see it.
            db.update("INSERT INTO matching_content (id, content_id, uploader, pdq, verdict, checked_at)" + overriding
                    + " VALUES (900, 'late-commit', '" + uploader + "', '" + late.toHex() + "', 'ALLOW', " + at
                    + ")");

            matching.addEntry(
                    ADMIN,
                    new BankName("digests"),
                    EntryHashes.ofPdq(late),
                    Optional.empty(),
                    Optional.empty(),
                    new Provenance(Provenance.Source.DECISION, "decision-d"));

            assertThat(found)
                    .extracting(MatchFound::contentId)
                    .containsExactly(new ContentId("by-digest"), new ContentId("late-commit"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void banksVictimsHashesAndStopsMatchingThemOnWithdrawal(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = MatchingContext.open(db)) {
            var matching = ready(context);
            var found = recordMatches(context);
            PdqHash hash = pdqOf(TestImages.png(TestImages.picture(6)));
            matching.check(PLATFORM, upload("already-online", hash));
            var caseRef = new CaseRef("SUB-12345");
            var transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

            transaction.executeWithoutResult(status -> context.publishEvent(new HashesSubmitted(
                    caseRef,
                    List.of(new SubmittedHash(hash, Optional.of(new Quality(80)), Optional.empty(), Optional.empty())),
                    Instant.parse("2026-12-01T00:00:00Z"))));

            assertThat(matching.bank(new BankName("victims")).action()).isEqualTo(BankAction.BLOCK);
            assertThat(found).singleElement().satisfies(match -> {
                assertThat(match.contentId()).isEqualTo(new ContentId("already-online"));
                assertThat(match.originatingCase()).contains(new CaseRef("SUB-12345"));
            });
            assertThat(matching.check(PLATFORM, upload("new-post", hash)).verdict())
                    .isEqualTo(Verdict.BLOCK);

            transaction.executeWithoutResult(status ->
                    context.publishEvent(new ReportWithdrawn(caseRef, Instant.parse("2026-12-01T01:00:00Z"))));

            assertThat(matching.check(PLATFORM, upload("after-withdrawal", hash))
                            .verdict())
                    .isEqualTo(Verdict.ALLOW);
            assertThat(auditActions(context)).contains("bank-entry.disabled:submission");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void ignoresPdqMatchesOfAnUploadHashUnderTheBanksQualityFloorButNotItsDigests(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = MatchingContext.open(db)) {
            var matching = ready(context);
            PdqHash hash = pdqOf(TestImages.png(TestImages.picture(12)));
            String md5 = "00112233445566778899aabbccddeeff";
            matching.createBank(ADMIN, new BankName("floored"), BankAction.BLOCK, 31, 60);
            matching.addEntry(
                    ADMIN,
                    new BankName("floored"),
                    EntryHashes.ofPdq(hash),
                    Optional.empty(),
                    Optional.empty(),
                    new Provenance(Provenance.Source.DECISION, "decision-q"));
            matching.addEntry(
                    ADMIN,
                    new BankName("floored"),
                    new EntryHashes(Optional.empty(), Optional.of(md5), Optional.empty()),
                    Optional.empty(),
                    Optional.empty(),
                    new Provenance(Provenance.Source.DECISION, "decision-q"));

            var poor =
                    new Upload("poor", "uploader-1", EntryHashes.ofPdq(hash), List.of(), Optional.of(new Quality(59)));
            var good =
                    new Upload("good", "uploader-1", EntryHashes.ofPdq(hash), List.of(), Optional.of(new Quality(60)));
            var poorWithDigest = new Upload(
                    "poor-digest",
                    "uploader-1",
                    new EntryHashes(Optional.of(hash), Optional.of(md5), Optional.empty()),
                    List.of(),
                    Optional.of(new Quality(10)));

            assertThat(matching.check(PLATFORM, poor).verdict()).isEqualTo(Verdict.ALLOW);
            assertThat(matching.check(PLATFORM, good).verdict()).isEqualTo(Verdict.BLOCK);
            assertThat(matching.check(PLATFORM, poorWithDigest).matches())
                    .singleElement()
                    .satisfies(match -> assertThat(match.distance()).isZero());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void findsNoPdqMatchForAFlatImageUnderTheFloor(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = MatchingContext.open(db)) {
            var matching = ready(context);
            var flat = new java.awt.image.BufferedImage(256, 256, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var hashed = UploadHashing.hash(TestImages.png(flat));
            assertThat(hashed.quality().value()).isLessThan(50);
            matching.createBank(ADMIN, new BankName("plain"), BankAction.BLOCK, 31, 50);
            matching.addEntry(
                    ADMIN,
                    new BankName("plain"),
                    EntryHashes.ofPdq(hashed.hashes().pdq().orElseThrow()),
                    Optional.empty(),
                    Optional.empty(),
                    new Provenance(Provenance.Source.DECISION, "decision-f"));

            var other = new java.awt.image.BufferedImage(300, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var verdict = matching.checkImage(PLATFORM, "flat-upload", "uploader-1", TestImages.png(other));

            assertThat(verdict.verdict()).isEqualTo(Verdict.ALLOW);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void keepsTheVerdictsAuditRecordWhenRegisteringTheContentFails(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = MatchingContext.open(db)) {
            var matching = ready(context);
            PdqHash hash = pdqOf(TestImages.png(TestImages.picture(7)));
            matching.createBank(ADMIN, new BankName("known"), BankAction.BLOCK, 31, 50);
            matching.addEntry(
                    ADMIN,
                    new BankName("known"),
                    EntryHashes.ofPdq(hash),
                    Optional.empty(),
                    Optional.empty(),
                    new Provenance(Provenance.Source.DECISION, "decision-1"));
            db.update("DROP TABLE matching_content");

            assertThat(matching.check(PLATFORM, upload("unregistered", hash)).verdict())
                    .isEqualTo(Verdict.BLOCK);
            assertThat(auditActions(context)).contains("content.checked:block", "match.found:block");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void keepsASecondReplicaCurrentThroughTheChangeLogAndReloadsOnRestart(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var writer = MatchingContext.open(db)) {
            var matching = ready(writer);
            PdqHash hash = pdqOf(TestImages.png(TestImages.picture(8)));
            matching.createBank(ADMIN, new BankName("shared"), BankAction.BLOCK, 31, 50);
            var first = matching.addEntry(
                    ADMIN,
                    new BankName("shared"),
                    EntryHashes.ofPdq(hash),
                    Optional.empty(),
                    Optional.empty(),
                    new Provenance(Provenance.Source.IMPORT, "batch-2"));
            // The replica polls only when told to, so that "not ready before loading" is not a race
            // with its scheduler on a busy machine.
            try (var replica = MatchingContext.open(db, "redress.matching.poll-initial-delay=1h")) {
                var replicaIndex = replica.getBean(MatchIndex.class);
                assertThat(replicaIndex.ready()).isFalse();
                replicaIndex.refresh();
                assertThat(replicaIndex.ready()).isTrue();
                var other = replica.getBean(Matching.class);
                assertThat(other.check(PLATFORM, upload("r-1", hash)).verdict()).isEqualTo(Verdict.BLOCK);

                matching.deleteEntry(ADMIN, new BankName("shared"), first.id());
                assertThat(other.check(PLATFORM, upload("r-2", hash)).verdict())
                        .as("before the replica polls")
                        .isEqualTo(Verdict.BLOCK);
                replicaIndex.refresh();
                assertThat(other.check(PLATFORM, upload("r-3", hash)).verdict()).isEqualTo(Verdict.ALLOW);
                assertThat(replicaIndex.appliedChange())
                        .isEqualTo(writer.getBean(MatchIndex.class).appliedChange());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void importsHashListsFindsEarlierContentAndExportsThemAgain(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = MatchingContext.open(db)) {
            var matching = ready(context);
            var found = recordMatches(context);
            PdqHash known = pdqOf(TestImages.png(TestImages.picture(9)));
            PdqHash other = pdqOf(TestImages.png(TestImages.picture(10)));
            matching.check(PLATFORM, upload("seen-before", known));
            matching.createBank(ADMIN, new BankName("partner-list"), BankAction.BLOCK, 31, 50);
            String md5 = "0123456789abcdef0123456789abcdef";

            var result = matching.importEntries(
                    ADMIN,
                    new BankName("partner-list"),
                    HashListFormat.TEXT,
                    java.util.stream.Stream.of(
                            "# from a partner",
                            "pdq " + known.toHex(),
                            "pdq not-a-hash",
                            "",
                            "md5 " + md5.toUpperCase(java.util.Locale.ROOT),
                            "pdq " + other.toHex()));

            assertThat(result.imported()).isEqualTo(3);
            assertThat(result.rejectedLines()).containsExactly(3);
            assertThat(found).singleElement().satisfies(match -> {
                assertThat(match.contentId()).isEqualTo(new ContentId("seen-before"));
                assertThat(match.retroactive()).isTrue();
            });
            assertThat(matching.check(PLATFORM, upload("after-import", other)).verdict())
                    .isEqualTo(Verdict.BLOCK);
            assertThat(auditActions(context)).contains("bank-entries.imported");
            var csv = new StringBuilder();
            matching.exportEntries(new BankName("partner-list"), HashListFormat.CSV, csv::append);
            assertThat(csv.toString())
                    .isEqualTo("pdq,md5,sha256\n" + known.toHex() + ",,\n," + md5 + ",\n" + other.toHex() + ",,\n");
            var jsonl = new StringBuilder();
            matching.exportEntries(new BankName("partner-list"), HashListFormat.JSONL, jsonl::append);
            matching.createBank(ADMIN, new BankName("copy"), BankAction.LOG, 31, 50);
            var copied = matching.importEntries(
                    ADMIN,
                    new BankName("copy"),
                    HashListFormat.JSONL,
                    jsonl.toString().lines());
            assertThat(copied.imported()).isEqualTo(3);
            assertThat(copied.rejected()).isZero();
        }
    }

    /** Every bank's entries counted the slow way, straight from the entries table. */
    private static Map<BankName, Long> countedFromEntries(ConfigurableApplicationContext context) {
        Map<String, Long> byId = new HashMap<>();
        context.getBean(JdbcClient.class)
                .sql("SELECT bank_id, COUNT(*) FROM matching_entry GROUP BY bank_id")
                .query(row -> {
                    byId.put(row.getString(1), row.getLong(2));
                });
        Map<BankName, Long> counts = new HashMap<>();
        context.getBean(Matching.class)
                .banks()
                .forEach(bank -> counts.put(bank.name(), byId.getOrDefault(bank.id(), 0L)));
        return counts;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void keepsEveryBanksEntryCountExactThroughAddsImportsDisablesDeletesAndSqlWrites(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor);
                var context = MatchingContext.open(db)) {
            var matching = ready(context);
            var one = new BankName("counted-one");
            var two = new BankName("counted-two");
            matching.createBank(ADMIN, one, BankAction.BLOCK, 31, 50);
            matching.createBank(ADMIN, two, BankAction.LOG, 31, 50);
            assertThat(matching.entryCounts()).containsEntry(one, 0L).containsEntry(two, 0L);

            var manual = new Provenance(Provenance.Source.MANUAL, "staff:counter");
            var first = matching.addEntry(
                    ADMIN,
                    one,
                    EntryHashes.parse(null, "0".repeat(31) + "1", null),
                    Optional.empty(),
                    Optional.empty(),
                    manual);
            var second = matching.addEntry(
                    ADMIN,
                    one,
                    EntryHashes.parse(null, "0".repeat(31) + "2", null),
                    Optional.empty(),
                    Optional.empty(),
                    manual);
            // More lines than one multi-row INSERT holds, so the import writes several statements.
            var imported = matching.importEntries(
                    ADMIN,
                    two,
                    HashListFormat.TEXT,
                    IntStream.range(0, 1_234).mapToObj(i -> "md5 " + "%032x".formatted(i)));
            assertThat(imported.imported()).isEqualTo(1_234);
            matching.setEntryEnabled(ADMIN, one, first.id(), false);
            matching.deleteEntry(ADMIN, one, second.id());
            String bankTwo = matching.bank(two).id();
            context.getBean(JdbcClient.class)
                    .sql("""
                    INSERT INTO matching_entry (bank_id, md5, source_kind, source_ref, enabled, created_at)
                    VALUES (:bank, :md5, 'IMPORT', 'written-in-sql', 1, :at)
                    """)
                    .param("bank", bankTwo)
                    .param("md5", "f".repeat(32))
                    .param(
                            "at",
                            context.getBean(org.redress.server.storage.SqlDialect.class)
                                    .bind(Instant.EPOCH))
                    .update();
            context.getBean(JdbcClient.class)
                    .sql("DELETE FROM matching_entry WHERE bank_id = :bank AND md5 < :below")
                    .param("bank", bankTwo)
                    .param("below", "%032x".formatted(10))
                    .update();

            assertThat(matching.entryCounts())
                    .containsEntry(one, 1L)
                    .containsEntry(two, 1_234L + 1 - 10)
                    .containsAllEntriesOf(countedFromEntries(context));
        }
    }
}
